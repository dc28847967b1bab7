import { html, type SafeHtml } from "./html.ts";

export interface EmbedPlaceholder {
  /** The player's address, loaded into an <iframe> only when the reader clicks. */
  playerUrl: string;
  /** Where the link goes without JavaScript (the video's page, the embed itself). */
  fallbackUrl: string;
  title: string;
  /** Accessible name of the link, e.g. "Play video: …". */
  label: string;
  /** Tells the reader what a click does, e.g. "Plays from youtube-nocookie.com when you click". */
  notice: string;
  /** "video" keeps 16:9 with a play button; "frame" keeps the height the author gave the iframe. */
  kind: "video" | "frame";
  /** Height in CSS pixels for a "frame", so nothing moves when the player replaces the placeholder. */
  height?: number;
  allow?: string;
  className?: string;
  /** Extra data attributes, e.g. the YouTube id. */
  data?: Record<string, string>;
  /** The video's poster frame kept by `npm run embeds` (a site path): the build makes it a responsive picture. */
  poster?: string;
  /** Who published it (the channel), shown under the player, outside the link so the link's name is its text. */
  byline?: string;
}

/**
 * The one click-to-load embed: a link that works without JavaScript, in a figure that static/js/embeds.js
 * replaces with the player on click. Nothing is requested from the embed's host before that click.
 */
export function embedPlaceholder(embed: EmbedPlaceholder): SafeHtml {
  const classes = ["embed", `embed-${embed.kind}`, embed.className].filter(Boolean).join(" ");
  const data = Object.entries(embed.data ?? {}).map(([name, value]) => html` data-${name}="${value}"`);
  const style = embed.kind === "frame" && embed.height ? html` style="--embed-height: ${embed.height}px"` : "";
  return html`<figure class="${classes}" data-embed-src="${embed.playerUrl}" data-embed-title="${embed.title}"${embed.allow ? html` data-embed-allow="${embed.allow}"` : ""}${data}${style}>
<a class="embed-link" href="${embed.fallbackUrl}" aria-label="${embed.label}">${embed.poster ? html`<img class="embed-poster" src="${embed.poster}" alt="">` : ""}<span class="embed-play" aria-hidden="true"></span><span class="embed-title">${embed.title}</span></a>
<figcaption class="embed-notice">${embed.byline ? html`<span class="embed-byline">${embed.byline}</span> · ` : ""}${embed.notice}</figcaption>
</figure>`;
}
