import { html, type SafeHtml } from "./html.ts";
import { icon } from "./icons.ts";
import type { RenderContext } from "./shortcode.ts";

/** What `npm run embeds` keeps of a repository; every field may be missing. */
interface RepositoryData {
  description?: unknown;
  language?: unknown;
  stars?: unknown;
  forks?: unknown;
  license?: unknown;
  archived?: unknown;
}

/**
 * The card of a code repository (github, gitlab, gitea/forgejo, codeberg, huggingface): the host's mark, the
 * repository's name and a link. Nothing is fetched at build time or by the reader's browser; when the site keeps
 * data about the repository (`npm run embeds`), its description and counts fill the card's second half.
 */
export function repoCard(
  card: { kind: string; id: string; url: string; owner: string; name: string; host: string; mark: string },
  context: RenderContext,
): SafeHtml {
  const data = (context.embedData(card.kind, card.id) ?? {}) as RepositoryData;
  const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value : undefined);
  const count = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? new Intl.NumberFormat(context.page.lang, { notation: "compact" }).format(value) : undefined);
  const stats = [
    text(data.language) && html`<span class="repo-card-language">${text(data.language)}</span>`,
    count(data.stars) && html`<span class="repo-card-stars">${icon("star")} ${count(data.stars)}</span>`,
    count(data.forks) && html`<span class="repo-card-forks">${icon("code-fork")} ${count(data.forks)}</span>`,
    text(data.license) && html`<span class="repo-card-license">${text(data.license)}</span>`,
  ].filter((item): item is SafeHtml => Boolean(item));
  return html`<a class="repo-card repo-card-${card.kind}" href="${card.url}">
<span class="repo-card-mark">${icon(card.mark) ?? icon("code-branch")}</span>
<span class="repo-card-text">
<span class="repo-card-name">${card.owner ? html`${card.owner}/` : ""}<strong>${card.name}</strong>${data.archived === true ? html` <span class="badge">archived</span>` : ""}</span>
<span class="repo-card-host">${context.translate("repositoryOn", { host: card.host })}</span>
${text(data.description) ? html`<span class="repo-card-description">${text(data.description)}</span>` : ""}
${stats.length > 0 ? html`<span class="repo-card-stats">${stats}</span>` : ""}
</span>
</a>`;
}
