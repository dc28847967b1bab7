import type { FeatureImage } from "../render/read-page.ts";
import type { Heading } from "../render/render-body.ts";
import type { PageMeta, SourceInfo } from "../source/post-model.ts";
import type { Unpublished } from "../source/publication.ts";
import type { SiteLanguage } from "../source/site-languages.ts";
import { isoDate, readableDate } from "./dates.ts";

/** A page as templates, lists, feeds and shortcodes see it: its front matter plus what its body measured. */
export interface Post extends Omit<PageMeta, "source" | "summary" | "featureImage"> {
  kind: SourceInfo["kind"];
  lang: string;
  isDefaultLanguage: boolean;
  /** Path of the source file relative to the content folder. */
  sourcePath: string;
  /** Content-relative folder of its page bundle. */
  bundleDir: string;
  summary: string;
  featureImage: FeatureImage | undefined;
  wordCount: number;
  readingMinutes: number;
  headings: Heading[];
  /**
   * Why a production build would leave it out (draft, not yet due, expired): set only on pages the preview shows
   * anyway, or that are left out; a published page has none.
   */
  unpublished: Unpublished | undefined;
  /** Whether the build writes its page (not external, not `render: never` or `link`, not left out). */
  hasPage: boolean;
  /** Where cards and lists send a reader: the external URL, else the post; "" for a page with no URL (`render: never`). */
  href: string;
  /** Dates as the page shows them (in its language) and as <time datetime> wants them, made once per post. */
  dateText: string;
  dateIso: string;
  lastmodText: string | undefined;
  lastmodIso: string | undefined;
  /** The publish date as shown, for a page scheduled later than its date. */
  publishDateText: string;
}

export function toPost(
  meta: PageMeta,
  /** The post's language: dates in its time zone and format. */
  { timeZone, dateFormat }: Pick<SiteLanguage, "timeZone" | "dateFormat">,
  measures: {
    summary: string;
    featureImage: Post["featureImage"];
    wordCount: number;
    readingMinutes: number;
    headings: Post["headings"];
    unpublished: Post["unpublished"];
    hasPage: boolean;
  },
): Post {
  const { source, ...rest } = meta;
  const lastmodIso = meta.lastmod ? isoDate(meta.lastmod, timeZone) : undefined;
  const dateIso = isoDate(meta.date, timeZone);
  return {
    ...rest,
    kind: source.kind,
    lang: source.lang,
    isDefaultLanguage: source.isDefaultLanguage,
    sourcePath: source.relativePath,
    bundleDir: source.bundleDir,
    ...measures,
    href: meta.externalUrl ?? (meta.build.render === "never" ? "" : meta.url),
    dateText: readableDate(meta.date, source.lang, timeZone, dateFormat),
    dateIso,
    // Shown only when it says something the publication date does not.
    lastmodText: meta.lastmod && lastmodIso !== dateIso ? readableDate(meta.lastmod, source.lang, timeZone, dateFormat) : undefined,
    lastmodIso,
    publishDateText: meta.publishDate ? readableDate(meta.publishDate, source.lang, timeZone, dateFormat) : "",
  };
}
