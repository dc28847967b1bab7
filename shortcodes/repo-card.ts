import { html, type SafeHtml } from "./html.ts";
import { icon } from "./icons.ts";
import { readRepositoryFacts } from "./embed-snapshots.ts";
import type { RenderContext } from "./shortcode.ts";

/**
 * The card of a code repository (github, gitlab, gitea/forgejo, codeberg, huggingface): the host's mark, the
 * repository's name and a link. Nothing is fetched at build time or by the reader's browser; when the site keeps
 * data about the repository (`npm run embeds`), its description and counts fill the card's second half.
 */
export function repoCard(
  card: { kind: string; id: string; url: string; owner: string; name: string; host: string; mark: string },
  context: RenderContext,
): SafeHtml {
  const data = readRepositoryFacts(context.embedData(card.kind, card.id));
  const count = (value: number | undefined) => (value === undefined ? undefined : new Intl.NumberFormat(context.page.lang, { notation: "compact" }).format(value));
  const stats = [
    data.language && html`<span class="repo-card-language">${data.language}</span>`,
    data.stars !== undefined && html`<span class="repo-card-stars">${icon("star")} ${count(data.stars)}</span>`,
    data.forks !== undefined && html`<span class="repo-card-forks">${icon("code-fork")} ${count(data.forks)}</span>`,
    data.license && html`<span class="repo-card-license">${data.license}</span>`,
  ].filter((item): item is SafeHtml => Boolean(item));
  return html`<a class="repo-card repo-card-${card.kind}" href="${card.url}">
<span class="repo-card-mark">${icon(card.mark) ?? icon("code-branch")}</span>
<span class="repo-card-text">
<span class="repo-card-name">${card.owner ? html`${card.owner}/` : ""}<strong>${card.name}</strong>${data.archived ? html` <span class="badge">archived</span>` : ""}</span>
<span class="repo-card-host">${context.translate("repositoryOn", { host: card.host })}</span>
${data.description ? html`<span class="repo-card-description">${data.description}</span>` : ""}
${stats.length > 0 ? html`<span class="repo-card-stats">${stats}</span>` : ""}
</span>
</a>`;
}
