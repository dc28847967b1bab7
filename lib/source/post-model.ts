import path from "node:path";
import { DateTime } from "luxon";
import { AuthorError } from "../errors.ts";
import { parseSharingLinks, type SharingNetwork } from "./article-defaults.ts";
import type { FrontMatter } from "./front-matter.ts";
import { findLanguage, type SiteLanguage } from "./site-languages.ts";
import type { SiteSettings } from "./site-settings.ts";

/** What a content file is, read from where it sits (Hugo's rules). */
export interface SourceInfo {
  /** "post": under posts/; "section": an `_index.md`; "page": any other Markdown file. */
  kind: "post" | "page" | "section";
  /** Path relative to the content folder, with "/" separators. */
  relativePath: string;
  /** Content-relative folder whose files belong to this page (the page bundle), e.g. "posts/my-post". */
  bundleDir: string;
  /** Folders between the content root and the page, e.g. ["posts"] or ["posts", "2022"]. */
  sectionPath: string[];
  /** Name from the file system: the bundle folder, or the file name of a single-file page. */
  fileSlug: string;
  /** BCP 47 language of the file (`index.en.md` → "en"), else the site's language. */
  lang: string;
  isDefaultLanguage: boolean;
  /** What its URL starts with: "" for the default language at the root, "/zh-cn" for another. */
  urlPrefix: string;
  /** The code of a language the site's declared languages do not include. */
  undeclaredLanguage: string | undefined;
}

/**
 * Hugo's `build` front matter. `list`: "always", "never" (in no list, feed, taxonomy or sitemap) or "local" (in its
 * section's list only); `render`: "always", "never" (no page) or "link" (no page, but lists link to its URL);
 * `publishResources`: whether the bundle's files are published.
 */
export interface BuildOptions {
  list: "always" | "never" | "local";
  render: "always" | "never" | "link";
  publishResources: boolean;
}

/** The one shape every post and page takes after its front matter is read and checked. */
export interface PageMeta {
  source: SourceInfo;
  title: string;
  /** Hugo's linkTitle: the shorter title links to the page use (breadcrumbs, newer/older links); else the title. */
  linkTitle: string;
  date: Date;
  lastmod: Date | undefined;
  /**
   * When the page may be published (`publishDate`, else `date`); until then a production build leaves it out.
   * Undefined when the front matter gives neither: such a page is always published (Hugo's zero date).
   */
  publishDate: Date | undefined;
  /** When the page stops being published (`expiryDate`); from then on a production build leaves it out. */
  expiryDate: Date | undefined;
  draft: boolean;
  /** Hugo's `build` options (and `headless`): whether the page is listed, written, and its bundle's files published. */
  build: BuildOptions;
  /** Hugo's ordering: pages with a weight come first, lowest first; 0 is no weight. */
  weight: number;
  /** Front matter `keywords`, for the meta keywords and the structured data. */
  keywords: string[];
  /** Hugo's translationKey: translations found by it rather than by sharing a bundle folder. */
  translationKey: string | undefined;
  /** Ids of the post's `authors` (`_data/authors/<id>.json`), lower case; empty: the site's author. */
  authors: string[];
  /** Blowfish's page furniture, front matter over the site's `article` defaults. */
  showAuthor: boolean;
  showBreadcrumbs: boolean;
  showWordCount: boolean;
  showRelatedContent: boolean;
  sharingLinks: SharingNetwork[];
  /** Where the author edits the post's source, when `showEdit` is on and an `editURL` is set. */
  editUrl: string | undefined;
  /** The author's own summary (front matter `summary`), if any. */
  summary: string | undefined;
  description: string | undefined;
  categories: string[];
  tags: string[];
  /** Terms of the site's own taxonomies, by their plural name ("topics"). */
  terms: Record<string, string[]>;
  series: string | undefined;
  seriesOrder: number | undefined;
  externalUrl: string | undefined;
  slug: string;
  aliases: string[];
  /** Front matter `featureimage`: a bundle-relative path, site-absolute path or remote URL. */
  featureImage: string | undefined;
  showTableOfContents: boolean;
  showReadingTime: boolean;
  showDate: boolean;
  /** Front matter `math` (undefined: the site's setting decides). */
  math: boolean | "dollars" | undefined;
  /** Site-relative permalink, e.g. "/posts/my-post/" or "/en/posts/my-post/". */
  url: string;
}

type Check = (value: unknown) => { ok: true; value: unknown } | { ok: false; expected: string };

const string: Check = (v) => (typeof v === "string" ? { ok: true, value: v } : { ok: false, expected: 'text, e.g. "…"' });
const boolean: Check = (v) => (typeof v === "boolean" ? { ok: true, value: v } : { ok: false, expected: "true or false" });
const integer: Check = (v) =>
  typeof v === "number" && Number.isInteger(v) ? { ok: true, value: v } : { ok: false, expected: "a whole number, e.g. 2" };
/** Hugo accepts a single term where a list is expected; so do we. */
const strings: Check = (v) => {
  if (typeof v === "string") return { ok: true, value: v.trim() === "" ? [] : [v] };
  if (Array.isArray(v) && v.every((item) => typeof item === "string" || typeof item === "number")) {
    return { ok: true, value: v.map(String).filter((item) => item.trim() !== "") };
  }
  return { ok: false, expected: 'a list of text, e.g. ["one", "two"]' };
};
const date: Check = (v) =>
  v instanceof Date || (typeof v === "string" && v.trim() !== "")
    ? { ok: true, value: v }
    : { ok: false, expected: "a date, e.g. 2022-10-25 or 2022-10-25T09:30:00+08:00" };
const url: Check = (v) =>
  typeof v === "string" && /^https?:\/\//i.test(v) && URL.canParse(v)
    ? { ok: true, value: v }
    : { ok: false, expected: 'an absolute http(s) URL, e.g. "https://example.com/post"' };
/** Math on the page: true (`$$…$$`, `\(…\)`), "dollars" (`$…$` too), or false. */
const math: Check = (v) => (typeof v === "boolean" || v === "dollars" ? { ok: true, value: v } : { ok: false, expected: 'true, false or "dollars"' });
/** Hugo's `build` (older sites: `_build`), its values as words or the older true/false. */
const buildOptions: Check = (v) => {
  const expected = '{ list: always|never|local, render: always|never|link, publishResources: true|false }';
  if (typeof v !== "object" || v === null || Array.isArray(v) || v instanceof Date) return { ok: false, expected };
  const given = Object.fromEntries(Object.entries(v).map(([key, value]) => [key.toLowerCase(), value]));
  const pick = <T extends string>(key: string, words: readonly T[]): T | undefined => {
    const value = given[key];
    if (value === undefined) return words[0];
    if (value === true) return words[0];
    if (value === false) return words.find((word) => word === "never");
    return typeof value === "string" && (words as readonly string[]).includes(value.toLowerCase()) ? (value.toLowerCase() as T) : undefined;
  };
  const list = pick("list", ["always", "never", "local"] as const);
  const render = pick("render", ["always", "never", "link"] as const);
  const publishResources = given.publishresources ?? true;
  if (!list || !render || typeof publishResources !== "boolean") return { ok: false, expected };
  return { ok: true, value: { list, render, publishResources } satisfies BuildOptions };
};
/** A page's own path (Hugo's `url`): "/about/", "about", "/articles/x.html". */
const pagePath: Check = (v) =>
  typeof v === "string" && /^\/?[^\s?#<>"\\:]+$/.test(v) && !v.includes("//") && !v.split("/").some((segment) => segment === "..")
    ? { ok: true, value: v }
    : { ok: false, expected: 'a path on the site without spaces, "?", "#" or "..", e.g. "/about/" or "/articles/first.html"' };
const sharing: Check = parseSharingLinks;
const slug: Check = (v) =>
  typeof v === "string" && /^[^/\\?#\s]+$/.test(v)
    ? { ok: true, value: v }
    : { ok: false, expected: "one URL segment without spaces, slashes, ? or #" };

/**
 * The front matter schema: the keys this generator reads, with their types. Unknown keys are allowed (a Hugo
 * site carries many), but a known key with the wrong type is an error naming file, line and key.
 */
const schema = {
  title: string,
  date: date,
  lastmod: date,
  publishdate: date,
  expirydate: date,
  draft: boolean,
  build: buildOptions,
  headless: boolean,
  weight: integer,
  url: pagePath,
  linktitle: string,
  keywords: strings,
  translationkey: string,
  authors: strings,
  showauthor: boolean,
  showbreadcrumbs: boolean,
  showwordcount: boolean,
  showrelatedcontent: boolean,
  sharinglinks: sharing,
  showedit: boolean,
  editurl: url,
  editappendpath: boolean,
  summary: string,
  description: string,
  categories: strings,
  tags: strings,
  series: strings,
  series_order: integer,
  externalurl: url,
  slug: slug,
  aliases: strings,
  featureimage: string,
  showtableofcontents: boolean,
  showreadingtime: boolean,
  showdate: boolean,
  math: math,
} satisfies Record<string, Check>;

type SchemaKey = keyof typeof schema;

/** Other names Hugo reads for the same keys (its front matter date handlers, and `build`'s older name). */
const aliases: Partial<Record<SchemaKey, string[]>> = {
  publishdate: ["pubdate", "published"],
  expirydate: ["unpublishdate"],
  lastmod: ["modified"],
  build: ["_build"],
};

/** Where a file sits decides its kind, bundle, slug and language, as in Hugo. */
export function describeSource(relativePath: string, settings: SiteSettings): SourceInfo {
  const normalised = relativePath.split(path.sep).join("/");
  const segments = normalised.split("/");
  const fileName = segments.pop() ?? "";
  const match = /^(.*?)(?:\.([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*))?\.(?:md|markdown)$/.exec(fileName);
  const stem = match?.[1] ?? fileName;
  const langCode = match?.[2];
  const languages = siteLanguages(settings);
  const language = langCode ? findLanguage(languages, langCode) : languages[0]!;
  // A language the site does not declare: with declared languages a mistake (read-source.ts), without any the
  // translation is still published under its code, as before languages could be declared.
  const lang = language?.code ?? canonicalLanguage(langCode!);
  const isBundleIndex = stem === "index" || stem === "_index";
  // Posts are the pages of the main sections (Blowfish's `mainSections`), `posts/` unless the site says otherwise.
  const kind = stem === "_index" ? "section" : (settings.mainSections ?? ["posts"]).includes(segments[0] ?? "") ? "post" : "page";
  const fileSlug = isBundleIndex ? (segments.at(-1) ?? "") : stem;
  return {
    kind,
    relativePath: normalised,
    bundleDir: segments.join("/"),
    sectionPath: isBundleIndex && kind !== "section" ? segments.slice(0, -1) : segments,
    fileSlug,
    lang,
    isDefaultLanguage: language?.isDefault ?? false,
    urlPrefix: language ? language.prefix : `/${lang.toLowerCase()}`,
    undeclaredLanguage: !language && settings.multilingual ? langCode : undefined,
  };
}

/** The site's languages; settings made by hand (tests) may leave them out: then the one of `language`. */
export function siteLanguages(settings: SiteSettings): SiteLanguage[] {
  if (settings.languages.length > 0) return settings.languages;
  return [{ key: settings.language.toLowerCase(), code: settings.language, name: settings.language, title: settings.title, description: settings.description, timeZone: settings.timeZone, dateFormat: undefined, summaryLength: settings.summaryLength, postsPerPage: settings.postsPerPage, homePosts: settings.homePosts, dir: "ltr", weight: 0, isDefault: true, prefix: "", menus: settings.menus, copyright: settings.copyright }];
}

/** The language of a page's `lang`, or the default one for a translation of a site that declares none. */
export function languageOf(settings: SiteSettings, lang: string): SiteLanguage {
  const languages = siteLanguages(settings);
  return findLanguage(languages, lang) ?? languages[0]!;
}

export function canonicalLanguage(code: string): string {
  try {
    return Intl.getCanonicalLocales(code)[0] ?? code;
  } catch {
    return code;
  }
}

/** Checks the front matter against the schema and turns Hugo's keys into one model. */
export function readPageMeta(
  file: string,
  source: SourceInfo,
  frontMatter: FrontMatter,
  settings: SiteSettings,
  /** The file's modification time: the date of a page whose front matter gives none. */
  fallbackDate: Date,
): PageMeta {
  const values = new Map<SchemaKey, unknown>();
  /** Where each key was written, and under which of its names, for error messages. */
  const lines = new Map<SchemaKey, number | undefined>();
  const names = new Map<SchemaKey, string>();
  for (const key of Object.keys(schema) as SchemaKey[]) {
    const written = [key, ...(aliases[key] ?? [])].find((name) => frontMatter.data.get(name) !== undefined && frontMatter.data.get(name) !== null);
    if (written === undefined) continue;
    const raw = frontMatter.data.get(written);
    const result = schema[key](raw);
    lines.set(key, frontMatter.keyLines.get(written));
    names.set(key, written);
    if (!result.ok) {
      throw new AuthorError(
        { file, line: frontMatter.keyLines.get(written) },
        `Front matter key "${written}" has the wrong type: expected ${result.expected}, found ${describe(raw)}`,
        `Change the value of "${written}"`,
      );
    }
    values.set(key, result.value);
  }
  const get = <T>(key: SchemaKey): T | undefined => values.get(key) as T | undefined;
  // The terms of the site's own taxonomies (Hugo's `taxonomies`: "topics"), beside the four built in.
  const terms: Record<string, string[]> = {};
  for (const plural of Object.values(settings.taxonomies ?? {})) {
    if (plural in schema) continue;
    const raw = frontMatter.data.get(plural);
    if (raw === undefined || raw === null) continue;
    const result = strings(typeof raw === "string" ? [raw] : raw);
    if (!result.ok) {
      throw new AuthorError({ file, line: frontMatter.keyLines.get(plural) }, `Front matter key "${plural}" has the wrong type: expected ${result.expected}, found ${describe(raw)}`, `Change the value of "${plural}"`);
    }
    terms[plural] = result.value as string[];
  }

  const readDate = (key: "date" | "lastmod" | "publishdate" | "expirydate"): Date | undefined => {
    const value = get<Date | string>(key);
    if (value === undefined) return undefined;
    // Dates without an offset are read in the time zone of the file's language.
    // A date written without a time is that day where the site lives; one written with its time is that moment.
    const written = frontMatter.writtenValues?.get(names.get(key) ?? key);
    const dateOnly = written === undefined ? undefined : /^["']?\d{4}-\d{2}-\d{2}["']?\s*(#.*)?$/.test(written);
    const parsed = toDate(value, languageOf(settings, source.lang).timeZone, dateOnly);
    if (!parsed) {
      throw new AuthorError(
        { file, line: lines.get(key) },
        `Front matter key "${names.get(key) ?? key}" is not a date: "${String(value)}"`,
        "Write it as 2022-10-25, 2022-10-25 09:30 or 2022-10-25T09:30:00+08:00",
      );
    }
    return parsed;
  };

  const slugValue = get<string>("slug") ?? source.fileSlug;
  const title = get<string>("title") ?? source.fileSlug;
  const folders = source.kind === "section" ? source.sectionPath : [...source.sectionPath, slugValue];
  const urlPath = [source.urlPrefix.slice(1), ...folders].filter(Boolean).map(sanitizeSegment).join("/");
  const customUrl = get<string>("url");
  const permalink = source.kind === "section" ? undefined : settings.permalinks?.[source.sectionPath[0]?.toLowerCase() ?? ""];

  // Hugo's defaults: the date falls back to the publish date, and the publish date to the date.
  const writtenDate = readDate("date");
  const publishDate = readDate("publishdate");
  const date = writtenDate ?? publishDate ?? readDate("lastmod") ?? fallbackDate;
  const article = settings.article;
  const flag = (key: SchemaKey, fallback: boolean) => get<boolean>(key) ?? fallback;
  const editBase = get<string>("editurl") ?? article.editURL;
  const headless = get<boolean>("headless") ?? false;

  return {
    source,
    title,
    // Hugo falls back to the title for an empty linkTitle too.
    linkTitle: get<string>("linktitle") || title,
    date,
    lastmod: readDate("lastmod"),
    publishDate: publishDate ?? writtenDate,
    expiryDate: readDate("expirydate"),
    draft: get<boolean>("draft") ?? false,
    // A headless bundle is Hugo's older way to say: no page, in no list, its files not published.
    build: headless ? { list: "never", render: "never", publishResources: false } : (get<BuildOptions>("build") ?? { list: "always", render: "always", publishResources: true }),
    weight: get<number>("weight") ?? 0,
    keywords: get<string[]>("keywords") ?? [],
    translationKey: get<string>("translationkey"),
    authors: [...new Set((get<string[]>("authors") ?? []).map((id) => id.trim().toLowerCase()))],
    showAuthor: flag("showauthor", article.showAuthor),
    showBreadcrumbs: flag("showbreadcrumbs", article.showBreadcrumbs),
    showWordCount: flag("showwordcount", article.showWordCount),
    showRelatedContent: flag("showrelatedcontent", article.showRelatedContent),
    sharingLinks: get<SharingNetwork[]>("sharinglinks") ?? article.sharingLinks,
    editUrl: flag("showedit", article.showEdit) && editBase ? editLink(editBase, flag("editappendpath", article.editAppendPath) ? source.relativePath : "") : undefined,
    summary: get<string>("summary"),
    description: get<string>("description"),
    categories: get<string[]>("categories") ?? [],
    tags: get<string[]>("tags") ?? [],
    terms,
    series: get<string[]>("series")?.[0],
    seriesOrder: get<number>("series_order"),
    externalUrl: get<string>("externalurl"),
    slug: slugValue,
    aliases: get<string[]>("aliases") ?? [],
    featureImage: get<string>("featureimage"),
    showTableOfContents: flag("showtableofcontents", article.showTableOfContents),
    showReadingTime: flag("showreadingtime", article.showReadingTime),
    showDate: flag("showdate", article.showDate),
    math: get<boolean | "dollars">("math"),
    url:
      customUrl !== undefined
        ? pageUrl(customUrl, source.urlPrefix)
        : permalink !== undefined
          ? permalinkUrl(permalink, { source, title, slug: get<string>("slug"), date, timeZone: languageOf(settings, source.lang).timeZone })
          : urlPath === "" ? "/" : `/${urlPath}/`,
  };
}

/**
 * Hugo's `permalinks`: a page's URL from its section's pattern ("/:year/:month/:slug/"), tokens as Hugo has them.
 * Dates are the page's date in its language's time zone; titles are made URL-safe the way Hugo's urlize does.
 */
function permalinkUrl(pattern: string, page: { source: SourceInfo; title: string; slug: string | undefined; date: Date; timeZone: string }): string {
  const { source } = page;
  const date = DateTime.fromJSDate(page.date, { zone: page.timeZone }).setLocale("en");
  const fileName = source.fileSlug;
  const tokens: Record<string, () => string> = {
    year: () => date.toFormat("yyyy"),
    month: () => date.toFormat("MM"),
    monthname: () => date.toFormat("MMMM").toLowerCase(),
    day: () => date.toFormat("dd"),
    weekday: () => String(date.weekday % 7),
    weekdayname: () => date.toFormat("cccc").toLowerCase(),
    yearday: () => date.toFormat("ooo"),
    section: () => source.sectionPath[0] ?? "",
    sections: () => source.sectionPath.join("/"),
    title: () => urlize(page.title),
    slug: () => (page.slug !== undefined ? page.slug : urlize(page.title)),
    filename: () => fileName,
    contentbasename: () => fileName,
    slugorfilename: () => page.slug ?? fileName,
    slugorcontentbasename: () => page.slug ?? fileName,
  };
  const expanded = pattern.replace(/:([a-z]+)/g, (whole, name: string) => tokens[name]?.() ?? whole);
  const path = expanded.split("/").filter(Boolean).map(sanitizeSegment).join("/");
  const rooted = `${source.urlPrefix}/${path}`;
  return /\.[a-z0-9]+$/i.test(path) ? rooted : `${rooted}/`;
}

/** Hugo's urlize of a title: lower case, spaces to hyphens, only letters, digits, `_`, `-` and `.` kept. */
function urlize(text: string): string {
  return text
    .normalize("NFC")
    .trim()
    .toLowerCase()
    .replace(/\s+/g, "-")
    .replace(/[^\p{L}\p{M}\p{N}_.-]/gu, "")
    .replace(/-{2,}/g, "-");
}

/**
 * Hugo's `url`: a path from the site's root when it starts with "/", else from the language's root; a folder
 * unless it names a file ("/articles/first.html").
 */
function pageUrl(written: string, languagePrefix: string): string {
  // "./about" and "/a/./b/" name the same places as "about" and "/a/b/".
  const rooted = new URL(written.startsWith("/") ? written : `${languagePrefix}/${written}`, "https://site.invalid/").pathname
    .split("/")
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join("/");
  const last = rooted.split("/").at(-1) ?? "";
  return /\.[a-z0-9]+$/i.test(last) ? rooted : rooted.replace(/\/?$/, "/");
}

/** The edit link: the site's (or page's) edit URL, with the file's path in the content folder appended. */
function editLink(base: string, relativePath: string): string {
  if (!relativePath) return base;
  return new URL(relativePath.split("/").map(encodeURIComponent).join("/"), base.replace(/\/?$/, "/")).href;
}

/** Dates without an offset are wall-clock times in the site's zone, as Hugo reads them. */
export function toDate(value: Date | string, timeZone: string, dateOnly?: boolean): Date | undefined {
  if (value instanceof Date) {
    // A plain Date: TOML's dates are a subclass whose toISOString() omits the time.
    value = new Date(value.getTime());
    if (Number.isNaN(value.getTime())) return undefined;
    // YAML reads `2022-10-25` as midnight UTC; it means that calendar day where the site lives. A moment written
    // with its time and offset (`2022-10-25T08:00:00+08:00`, midnight UTC too) is that moment. Without the text as
    // written (`dateOnly` undefined), midnight UTC is taken for a bare date.
    const isMidnightUtc = value.getUTCHours() === 0 && value.getUTCMinutes() === 0 && value.getUTCSeconds() === 0;
    if (dateOnly === false || !isMidnightUtc || timeZone === "UTC") return value;
    return DateTime.fromObject(
      { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() },
      { zone: timeZone },
    ).toJSDate();
  }
  const text = value.trim().replace(" ", "T");
  const parsed = DateTime.fromISO(text, { zone: timeZone, setZone: true });
  return parsed.isValid ? parsed.toJSDate() : undefined;
}

/** Hugo's path rules: lower case, spaces become hyphens, characters that break a URL are dropped; Unicode stays. */
function sanitizeSegment(segment: string): string {
  return segment
    .toLowerCase()
    .replace(/\s+/g, "-")
    .replace(/[?#%"<>\\^`{|}[\]]/g, "");
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value instanceof Date) return "a date";
  if (typeof value === "object") return "a table of keys";
  return `${typeof value} ${JSON.stringify(value)}`;
}
