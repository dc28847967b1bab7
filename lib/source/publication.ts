import type { PageMeta } from "./post-model.ts";
import type { SiteSettings } from "./site-settings.ts";

/**
 * Whether a page is published at a given moment, by Hugo's rules: a draft is not (unless `buildDrafts`), nor a
 * page whose publish date is still to come (unless `buildFuture`), nor one whose expiry date has passed (unless
 * `buildExpired`). The moment is the build's clock (lib/environment.ts), so tests and scheduled CI builds agree.
 */
export type Unpublished = "draft" | "future" | "expired";

export function whyUnpublished(meta: Pick<PageMeta, "draft" | "publishDate" | "expiryDate">, settings: Pick<SiteSettings, "buildDrafts" | "buildFuture" | "buildExpired">, now: Date): Unpublished | undefined {
  if (meta.draft && !settings.buildDrafts) return "draft";
  if (meta.publishDate && meta.publishDate > now && !settings.buildFuture) return "future";
  if (meta.expiryDate && meta.expiryDate <= now && !settings.buildExpired) return "expired";
  return undefined;
}

/**
 * The moments around `now` at which a page's publication changes (it becomes due, or expires): the last one at or
 * before `now` and the next one after it. Between the two, a build publishes the page the same way.
 */
export function publicationChanges(
  meta: Pick<PageMeta, "draft" | "publishDate" | "expiryDate">,
  settings: Pick<SiteSettings, "buildDrafts" | "buildFuture" | "buildExpired">,
  now: Date,
): { previous: Date | undefined; next: Date | undefined } {
  if (meta.draft && !settings.buildDrafts) return { previous: undefined, next: undefined };
  const changes = [settings.buildFuture ? undefined : meta.publishDate, settings.buildExpired ? undefined : meta.expiryDate]
    .filter((date): date is Date => date !== undefined)
    .sort((a, b) => a.getTime() - b.getTime());
  return { previous: changes.filter((date) => date <= now).at(-1), next: changes.find((date) => date > now) };
}
