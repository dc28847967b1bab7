import { html, type SafeHtml } from "./html.ts";

/**
 * The static card of a post on another site (an X post, an Instagram post, a gist): a quote and a caption of
 * links, nothing loaded from that site. Shared by the shortcodes and the embeds pasted into posts as HTML.
 */
export function socialCard(card: { kind: string; cite: string; quoteClass: string; quote: SafeHtml | string; caption: SafeHtml }): SafeHtml {
  return html`<figure class="social-card ${card.kind}-card">
<blockquote class="${card.quoteClass}" cite="${card.cite}"><p>${card.quote}</p></blockquote>
<figcaption class="social-card-caption">${card.caption}</figcaption>
</figure>`;
}
