import { html, type SafeHtml } from "./html.ts";

/**
 * The static card of a post on another site (an X post, an Instagram post, a gist): a quote and a caption of
 * links, nothing loaded from that site. Shared by the shortcodes and the embeds pasted into posts as HTML. A quote
 * of several paragraphs (a post's text kept by `npm run embeds`) is given as a list; `lang` is the quote's own.
 */
export function socialCard(card: { kind: string; cite: string; quoteClass: string; quote: SafeHtml | string | ReadonlyArray<SafeHtml | string>; caption: SafeHtml; lang?: string }): SafeHtml {
  const paragraphs = Array.isArray(card.quote) ? card.quote : [card.quote];
  return html`<figure class="social-card ${card.kind}-card">
<blockquote class="${card.quoteClass}" cite="${card.cite}"${card.lang ? html` lang="${card.lang}"` : ""}>${paragraphs.map((paragraph) => html`<p>${paragraph}</p>`)}</blockquote>
<figcaption class="social-card-caption">${card.caption}</figcaption>
</figure>`;
}

/** Text kept from another site, as runs of text and links: escaped, its line breaks kept, its links marked as not ours. */
export function keptText(runs: ReadonlyArray<{ text: string; href?: string }>): SafeHtml {
  const lines = (text: string) => text.split("\n").map((line, i) => (i === 0 ? line : html`<br>${line}`));
  return html`${runs.map((run) => (run.href ? html`<a href="${run.href}" rel="nofollow noopener">${lines(run.text)}</a>` : lines(run.text)))}`;
}
