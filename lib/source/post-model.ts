import path from "node:path";
import { DateTime } from "luxon";
import { AuthorError } from "../errors.ts";
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

/** The one shape every post and page takes after its front matter is read and checked. */
export interface PageMeta {
  source: SourceInfo;
  title: string;
  date: Date;
  lastmod: Date | undefined;
  draft: boolean;
  /** The author's own summary (front matter `summary`), if any. */
  summary: string | undefined;
  description: string | undefined;
  categories: string[];
  tags: string[];
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
  draft: boolean,
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
  const kind = stem === "_index" ? "section" : segments[0] === "posts" ? "post" : "page";
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
  return [{ key: settings.language.toLowerCase(), code: settings.language, name: settings.language, title: settings.title, description: settings.description, timeZone: settings.timeZone, dateFormat: undefined, summaryLength: settings.summaryLength, postsPerPage: settings.postsPerPage, homePosts: settings.homePosts, dir: "ltr", weight: 0, isDefault: true, prefix: "" }];
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
  for (const key of Object.keys(schema) as SchemaKey[]) {
    const raw = frontMatter.data.get(key);
    if (raw === undefined || raw === null) continue;
    const result = schema[key](raw);
    if (!result.ok) {
      throw new AuthorError(
        { file, line: frontMatter.keyLines.get(key) },
        `Front matter key "${key}" has the wrong type: expected ${result.expected}, found ${describe(raw)}`,
        `Change the value of "${key}"`,
      );
    }
    values.set(key, result.value);
  }
  const get = <T>(key: SchemaKey): T | undefined => values.get(key) as T | undefined;

  const readDate = (key: "date" | "lastmod"): Date | undefined => {
    const value = get<Date | string>(key);
    if (value === undefined) return undefined;
    // Dates without an offset are read in the time zone of the file's language.
    const parsed = toDate(value, languageOf(settings, source.lang).timeZone);
    if (!parsed) {
      throw new AuthorError(
        { file, line: frontMatter.keyLines.get(key) },
        `Front matter key "${key}" is not a date: "${String(value)}"`,
        "Write it as 2022-10-25, 2022-10-25 09:30 or 2022-10-25T09:30:00+08:00",
      );
    }
    return parsed;
  };

  const slugValue = get<string>("slug") ?? source.fileSlug;
  const title = get<string>("title") ?? source.fileSlug;
  const folders = source.kind === "section" ? source.sectionPath : [...source.sectionPath, slugValue];
  const urlPath = [source.urlPrefix.slice(1), ...folders].filter(Boolean).map(sanitizeSegment).join("/");

  return {
    source,
    title,
    date: readDate("date") ?? fallbackDate,
    lastmod: readDate("lastmod"),
    draft: get<boolean>("draft") ?? false,
    summary: get<string>("summary"),
    description: get<string>("description"),
    categories: get<string[]>("categories") ?? [],
    tags: get<string[]>("tags") ?? [],
    series: get<string[]>("series")?.[0],
    seriesOrder: get<number>("series_order"),
    externalUrl: get<string>("externalurl"),
    slug: slugValue,
    aliases: get<string[]>("aliases") ?? [],
    featureImage: get<string>("featureimage"),
    showTableOfContents: get<boolean>("showtableofcontents") ?? false,
    showReadingTime: get<boolean>("showreadingtime") ?? true,
    showDate: get<boolean>("showdate") ?? true,
    math: get<boolean | "dollars">("math"),
    url: urlPath === "" ? "/" : `/${urlPath}/`,
  };
}

/** Dates without an offset are wall-clock times in the site's zone, as Hugo reads them. */
export function toDate(value: Date | string, timeZone: string): Date | undefined {
  if (value instanceof Date) {
    // A plain Date: TOML's dates are a subclass whose toISOString() omits the time.
    value = new Date(value.getTime());
    if (Number.isNaN(value.getTime())) return undefined;
    // YAML reads `2022-10-25` as midnight UTC; it means that calendar day where the site lives.
    const isMidnightUtc = value.getUTCHours() === 0 && value.getUTCMinutes() === 0 && value.getUTCSeconds() === 0;
    if (!isMidnightUtc || timeZone === "UTC") return value;
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
