import fs from "node:fs";
import path from "node:path";
import { AuthorError, jsonErrorPlace } from "../errors.ts";
import type { EleventyConfig } from "../types/eleventy.ts";
import { defaultArticle, readArticleDefaults, type ArticleDefaults } from "./article-defaults.ts";
import { readAuthorProfile, type AuthorProfile } from "./authors.ts";
import { hugoConfigFiles, readHugoConfig } from "./hugo-config.ts";
import { describeHugoSettings, hugoSettings } from "./hugo-settings.ts";
import { readMenus, type Menus } from "./menus.ts";
import { readLanguages, type SiteLanguage } from "./site-languages.ts";

export interface SiteSettings {
  title: string;
  description: string;
  /** Absolute URL of the deployed site, ending in "/". Feeds, canonical links and social cards need it. */
  baseURL: string;
  /** BCP 47 tag of the default language; its posts get URLs without a language prefix. */
  language: string;
  /** Every language of the site, the default first (site-languages.ts); one unless `languages` declares more. */
  languages: SiteLanguage[];
  /** Languages were declared: each is a whole site, and a file in another language is a mistake. */
  multilingual: boolean;
  /** The site's author: shown by posts that name no `authors`; its `image` as written (authors.ts finds the file). */
  author: AuthorProfile;
  /** What posts show unless their front matter says otherwise (Blowfish's `params.article`). */
  article: ArticleDefaults;
  /**
   * Hugo's buildDrafts, buildFuture and buildExpired: publish drafts, posts whose `publishDate` is still to come,
   * and posts whose `expiryDate` has passed. All false by default; the preview shows them all, marked.
   */
  buildDrafts: boolean;
  buildFuture: boolean;
  buildExpired: boolean;
  /** IANA zone in which dates written without an offset (`date: 2022-10-25`) are read. */
  timeZone: string;
  /** Words of leading text in an automatic summary (Hugo's summaryLength). */
  summaryLength: number;
  /**
   * Sub-path the site is served under, e.g. "/blog/" on GitHub Pages. Taken from baseURL's path unless set;
   * every link, feed and asset gets it.
   */
  pathPrefix: string;
  /** Posts on each page of a list (Hugo's pagerSize). */
  postsPerPage: number;
  /** Latest posts shown on the home page. */
  homePosts: number;
  /** Math on every page: false (the default: pages opt in), true, or "dollars" (`$…$` in a line too). */
  math: boolean | "dollars";
  /**
   * Every problem Hugo or Blowfish lets through stops the build (true, the default), or is a warning (false, for
   * a site being migrated). The list is in tolerance.ts.
   */
  strict: boolean;
  /** A missing image stops the build ("error"), or only warns ("warn"); when left out, `strict` decides. */
  missingImages: "error" | "warn";
  /** A post's link to a page or anchor the site does not have stops the build ("error") or only warns ("warn"); when left out, `strict` decides. */
  brokenLinks: "error" | "warn";
  /** Items in each RSS feed (Hugo's `services.rss.limit`); -1, the default, is all of them, as in Hugo. */
  rssLimit: number;
  /** The sitemap's file name (Hugo's `sitemap.filename`). */
  sitemapFile: string;
  /** Whether /robots.txt is written (Hugo's `enableRobotsTXT`; on unless set false). */
  robotsTxt: boolean;
  /** Menus of the default language (each language has its own: SiteLanguage.menus). */
  menus: Menus;
  /** The footer's line (Hugo's `copyright`); the author's name when unset. */
  copyright: string | undefined;
  /** luxon format of dates on pages (a Hugo `dateFormat` is converted); undefined: the locale's full date. */
  dateFormat: string | undefined;
  /** Blowfish's `footer.showMenu` and `footer.showCopyright`. */
  footer: { showMenu: boolean; showCopyright: boolean };
  /**
   * The colours a page starts in: "auto" follows the reader's system, "light" or "dark" fixes it (Blowfish's
   * `defaultAppearance` with `autoSwitchAppearance: false`). The reader's own choice with the button always wins.
   */
  appearance: "auto" | "light" | "dark";
  /**
   * Hugo's `related`: what a shared term of each index (taxonomy) counts for, the least score (0–100 of the
   * heaviest weight) and whether newer posts count; undefined: Blowfish's weights.
   */
  related: { indices: Array<{ name: string; weight: number }>; threshold: number; includeNewer: boolean } | undefined;
  /**
   * Hugo's `taxonomies`, singular → plural: { "tag": "tags", "topic": "topics" }. Each plural is a front matter key
   * and a set of pages (`/topics/`, `/topics/<term>/`); one left out has no pages. Default: tags, categories,
   * series and authors.
   */
  taxonomies: Record<string, string>;
  /** Blowfish's `list.showSummary`: list pages show each post's summary (on unless set false). */
  list: { showSummary: boolean };
  /** Blowfish's `taxonomy.showTermCount`: the page of all tags (categories…) shows each term's number of posts. */
  taxonomy: { showTermCount: boolean };
  /** Languages whose files are left out (Hugo's `disableLanguages`), lower case: "fr". */
  disableLanguages: string[];
  /** A copy button on each code block of a post (Blowfish's `enableCodeCopy`; off by default, as in Blowfish). */
  enableCodeCopy: boolean;
  /** The folders whose pages are posts, listed at `/<folder>/` and on the home page (Blowfish's `mainSections`). */
  mainSections: string[];
  /** The picture link previews show for a page without a feature image (Blowfish's `defaultFeaturedImage`). */
  shareImage: string | undefined;
  /** The picture the site's icons are made from (favicon.ico, the home-screen icons); else static/favicon.svg or .png. */
  icon: string | undefined;
  /** URL patterns per top-level section, Hugo's `permalinks`: { "posts": "/:year/:month/:slug/" }. */
  permalinks: Record<string, string>;
  /** What the build read from a Hugo configuration beside the content folder, if there is one. */
  hugo: { files: string[]; notice: string } | undefined;
  /** The files these settings were read from (`_data/site.json` first), for messages about what they say. */
  sourceFiles: string[];
}

/** The settings of a content folder without `_data/site.json`. */
export const defaultSiteSettings: Readonly<SiteSettings> = {
  title: "My blog",
  description: "",
  baseURL: "http://localhost:8080/",
  language: "en",
  languages: [],
  multilingual: false,
  author: { id: "", name: "", headline: undefined, bio: undefined, url: undefined, image: undefined, links: [] },
  article: { ...defaultArticle },
  buildDrafts: false,
  buildFuture: false,
  buildExpired: false,
  timeZone: "UTC",
  summaryLength: 70,
  pathPrefix: "/",
  postsPerPage: 10,
  homePosts: 5,
  math: false,
  strict: true,
  missingImages: "error",
  brokenLinks: "error",
  rssLimit: -1,
  sitemapFile: "sitemap.xml",
  robotsTxt: true,
  menus: {},
  copyright: undefined,
  dateFormat: undefined,
  footer: { showMenu: true, showCopyright: true },
  appearance: "auto",
  taxonomies: { tag: "tags", category: "categories", series: "series", author: "authors" },
  list: { showSummary: true },
  taxonomy: { showTermCount: true },
  disableLanguages: [],
  enableCodeCopy: false,
  mainSections: ["posts"],
  shareImage: undefined,
  icon: undefined,
  permalinks: {},
  related: undefined,
  hugo: undefined,
  sourceFiles: [],
};

export const siteSettingsFile = "_data/site.json";

/**
 * The settings, read once per build (the dev server reads them again for each rebuild); the Hugo configuration's
 * notice of what it used is printed the first time, and again when the configuration changes.
 */
export function siteSettingsPerBuild(eleventyConfig: EleventyConfig, contentDir: string, hugoEnvironment: string): () => SiteSettings {
  let current: SiteSettings | undefined;
  let told: string | undefined;
  eleventyConfig.on("eleventy.before", () => {
    current = undefined;
  });
  return () => {
    if (current) return current;
    current = loadSiteSettings(contentDir, hugoEnvironment);
    if (current.hugo && current.hugo.notice !== told) console.log((told = current.hugo.notice));
    return current;
  };
}

const cache = new Map<string, { stamp: string; settings: SiteSettings }>();

/**
 * Reads `<content>/_data/site.json` over the Hugo configuration of the site around the content folder (when it has
 * one: hugo-config.ts) over the defaults; a content folder with neither still builds. `hugoEnvironment` picks
 * `config/<environment>/`: "production" for builds, "development" for the dev server, as in Hugo.
 */
export function loadSiteSettings(contentDir: string, hugoEnvironment = "production"): SiteSettings {
  const file = path.join(contentDir, siteSettingsFile);
  const siteRoot = path.dirname(contentDir);
  const hugoFiles = hugoConfigFiles(siteRoot, hugoEnvironment);
  const stamp = [file, ...hugoFiles].map((name) => `${name}:${fs.statSync(name, { throwIfNoEntry: false })?.mtimeMs ?? -1}`).join("|");
  const key = `${file}\0${hugoEnvironment}`;
  const cached = cache.get(key);
  if (cached && cached.stamp === stamp) return cached.settings;

  let own: Record<string, unknown> = {};
  if (fs.existsSync(file)) {
    const text = fs.readFileSync(file, "utf8");
    try {
      own = JSON.parse(text) as Record<string, unknown>;
    } catch (error) {
      throw new AuthorError({ file, ...jsonErrorPlace(text, error) }, `The site settings are not valid JSON: ${(error as Error).message}`, "Fix the JSON syntax (quotes, commas) in this file");
    }
  }
  const config = hugoFiles.length > 0 ? readHugoConfig(siteRoot, hugoEnvironment) : undefined;
  const fromHugo = config ? hugoSettings(config) : undefined;
  // `_data/site.json` wins over the Hugo configuration, key by key.
  const raw = fromHugo ? mergeSettings(fromHugo.settings, own) : own;
  const settings = validate(file, raw, (key) => (fromHugo && !hasPath(own, key) ? originOf(fromHugo.origins, key) : undefined));
  settings.hugo = config && fromHugo ? { files: config.files, notice: describeHugoSettings(fromHugo, config.files, siteRoot) } : undefined;
  settings.sourceFiles = [...(fs.existsSync(file) ? [file] : []), ...(config?.files ?? [])];
  cache.set(key, { stamp, settings });
  return settings;
}

/** `over` laid on `under`: objects merged key by key, anything else replaced. */
function mergeSettings(under: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...under };
  for (const [key, value] of Object.entries(over)) {
    const below = merged[key];
    merged[key] = isPlainObject(value) && isPlainObject(below) ? mergeSettings(below, value) : value;
  }
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function hasPath(raw: Record<string, unknown>, dotted: string): boolean {
  let here: unknown = raw;
  for (const part of dotted.split(".")) {
    if (!isPlainObject(here) || !(part in here)) return false;
    here = here[part];
  }
  return true;
}

/** The Hugo file and key a setting came from: the setting's own, or the nearest enclosing one's. */
function originOf(origins: Map<string, { file: string; key: string }>, key: string): { file: string; key: string } | undefined {
  for (let parts = key.split("."); parts.length > 0; parts = parts.slice(0, -1)) {
    const origin = origins.get(parts.join("."));
    if (origin) return origin;
  }
  return undefined;
}

/** The line where a configuration file sets a key (its last segment), for messages; undefined when not found. */
function lineOfKey(file: string, key: string): number | undefined {
  const name = key.split(".").at(-1)!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const lines = fs.readFileSync(file, "utf8").split("\n");
  const index = lines.findIndex((line) => new RegExp(`^\\s*["']?${name}["']?\\s*[=:]`, "i").test(line));
  return index >= 0 ? index + 1 : undefined;
}

function validate(file: string, raw: Record<string, unknown>, hugoOrigin: (key: string) => { file: string; key: string } | undefined): SiteSettings {
  const fail = (key: string, expected: string): never => {
    const origin = hugoOrigin(key.replace(/\[\d+\]/g, ""));
    if (origin) {
      throw new AuthorError({ file: origin.file, line: lineOfKey(origin.file, origin.key) }, `The Hugo setting "${origin.key}" must be ${expected}`, `Change "${origin.key}" in this file (or set "${key}" in ${siteSettingsFile}, which wins)`);
    }
    throw new AuthorError({ file }, `The site setting "${key}" must be ${expected}`, `Change "${key}" in ${siteSettingsFile}`);
  };
  const text = (key: keyof SiteSettings): string => {
    const value = raw[key] ?? defaultSiteSettings[key];
    return typeof value === "string" ? value : fail(key, "a string");
  };

  const baseURL = text("baseURL");
  if (!URL.canParse(baseURL) || !/^https?:$/.test(new URL(baseURL).protocol)) {
    fail("baseURL", 'an absolute http(s) URL such as "https://example.com/"');
  }
  const language = text("language");
  let canonicalLanguage = language;
  try {
    canonicalLanguage = Intl.getCanonicalLocales(language)[0] ?? language;
  } catch {
    fail("language", 'a language tag such as "zh-CN" or "en"');
  }
  const timeZone = text("timeZone");
  try {
    new Intl.DateTimeFormat("en", { timeZone });
  } catch {
    fail("timeZone", 'an IANA time zone such as "UTC" or "Asia/Shanghai"');
  }
  const author =
    raw.author === undefined
      ? defaultSiteSettings.author
      : // The picture is looked for when the build needs it (authors.ts), where the static folder is known.
        readAuthorProfile("", raw.author, (key, expected) => fail(key ? `author.${key}` : "author", expected), (written) => written);
  const flag = (key: "buildDrafts" | "buildFuture" | "buildExpired"): boolean => {
    const value = raw[key] ?? defaultSiteSettings[key];
    return typeof value === "boolean" ? value : fail(key, "true or false");
  };
  const count = (key: "summaryLength" | "postsPerPage" | "homePosts"): number => {
    const value = raw[key] ?? defaultSiteSettings[key];
    return typeof value === "number" && Number.isInteger(value) && value >= 1 ? value : fail(key, "a positive whole number");
  };
  const basePath = new URL(baseURL).pathname.replace(/\/?$/, "/");
  const prefix = raw.pathPrefix ?? basePath;
  if (typeof prefix !== "string" || !/^\/([^?#\s]*\/)?$/.test(prefix.replace(/\/?$/, "/"))) {
    fail("pathPrefix", 'a path such as "/" or "/blog/"');
  }
  const pathPrefix = (prefix as string).replace(/\/?$/, "/");
  const math = raw.math ?? defaultSiteSettings.math;
  if (typeof math !== "boolean" && math !== "dollars") fail("math", 'true, false or "dollars"');
  const strict = raw.strict ?? defaultSiteSettings.strict;
  if (typeof strict !== "boolean") fail("strict", "true or false");
  const missingImages = raw.missingImages ?? (strict ? "error" : "warn");
  if (missingImages !== "error" && missingImages !== "warn") fail("missingImages", '"error" or "warn"');
  const brokenLinks = raw.brokenLinks ?? (strict ? "error" : "warn");
  if (brokenLinks !== "error" && brokenLinks !== "warn") fail("brokenLinks", '"error" or "warn"');
  const rssLimit = raw.rssLimit ?? defaultSiteSettings.rssLimit;
  if (typeof rssLimit !== "number" || !Number.isInteger(rssLimit) || rssLimit < -1 || rssLimit === 0) fail("rssLimit", "a positive whole number, or -1 for all posts");
  const sitemapFile = raw.sitemapFile ?? defaultSiteSettings.sitemapFile;
  if (typeof sitemapFile !== "string" || !/^[\w.-]+\.xml$/.test(sitemapFile)) fail("sitemapFile", 'a file name ending in .xml, such as "sitemap.xml"');
  const robotsTxt = raw.robotsTxt ?? defaultSiteSettings.robotsTxt;
  if (typeof robotsTxt !== "boolean") fail("robotsTxt", "true or false");
  const menus = readMenus(raw.menus, "menus", fail);
  const optionalText = (key: "copyright" | "dateFormat" | "shareImage" | "icon"): string | undefined => {
    const value = raw[key];
    return value === undefined ? undefined : typeof value === "string" ? value : fail(key, "a text");
  };
  const copyright = optionalText("copyright");
  const dateFormat = optionalText("dateFormat");
  const footerRaw = raw.footer ?? {};
  if (!isPlainObject(footerRaw)) fail("footer", 'an object, e.g. { "showMenu": true, "showCopyright": true }');
  const footerFlag = (key: "showMenu" | "showCopyright"): boolean => {
    const value = (footerRaw as Record<string, unknown>)[key] ?? true;
    return typeof value === "boolean" ? value : fail(`footer.${key}`, "true or false");
  };
  const appearanceGiven = raw.appearance ?? "light";
  if (appearanceGiven !== "light" && appearanceGiven !== "dark" && appearanceGiven !== "auto") fail("appearance", '"light", "dark" or "auto"');
  const autoSwitch = raw.autoSwitchAppearance ?? true;
  if (typeof autoSwitch !== "boolean") fail("autoSwitchAppearance", "true or false");
  // Blowfish follows the reader's system unless told not to; then its default appearance holds.
  const appearance: SiteSettings["appearance"] = autoSwitch || appearanceGiven === "auto" ? "auto" : (appearanceGiven as "light" | "dark");
  const permalinksRaw = raw.permalinks ?? {};
  if (!isPlainObject(permalinksRaw)) fail("permalinks", 'an object of URL patterns by section, e.g. { "posts": "/:year/:month/:slug/" }');
  const permalinks: Record<string, string> = {};
  for (const [section, pattern] of Object.entries(permalinksRaw as Record<string, unknown>)) {
    if (typeof pattern !== "string" || !pattern.includes(":") && !pattern.startsWith("/")) fail(`permalinks.${section}`, 'a URL pattern such as "/:year/:month/:slug/"');
    permalinks[section.toLowerCase()] = pattern as string;
  }
  const taxonomiesRaw = raw.taxonomies ?? defaultSiteSettings.taxonomies;
  if (!isPlainObject(taxonomiesRaw)) fail("taxonomies", 'an object of singular and plural names, e.g. { "tag": "tags", "topic": "topics" }');
  const taxonomies: Record<string, string> = {};
  for (const [singular, plural] of Object.entries(taxonomiesRaw as Record<string, unknown>)) {
    if (typeof plural !== "string" || !/^[a-z][a-z0-9_-]*$/i.test(plural)) fail(`taxonomies.${singular}`, 'a plural name of letters, digits, "-" or "_", such as "topics"');
    taxonomies[singular.toLowerCase()] = (plural as string).toLowerCase();
  }
  let related: SiteSettings["related"];
  if (raw.related !== undefined) {
    const given = raw.related;
    if (!isPlainObject(given)) return fail("related", 'an object like { "threshold": 80, "indices": [{ "name": "tags", "weight": 100 }] }');
    const lower = Object.fromEntries(Object.entries(given).map(([key, value]) => [key.toLowerCase(), value]));
    const threshold = lower.threshold ?? 0;
    if (typeof threshold !== "number" || threshold < 0 || threshold > 100) fail("related.threshold", "a number from 0 to 100");
    const includeNewer = lower.includenewer ?? true;
    if (typeof includeNewer !== "boolean") fail("related.includeNewer", "true or false");
    const indices = lower.indices ?? [];
    if (!Array.isArray(indices)) fail("related.indices", 'a list like [{ "name": "tags", "weight": 100 }]');
    related = {
      threshold: threshold as number,
      includeNewer: includeNewer as boolean,
      indices: (indices as unknown[]).map((index, i) => {
        const entry = isPlainObject(index) ? Object.fromEntries(Object.entries(index).map(([key, value]) => [key.toLowerCase(), value])) : {};
        if (typeof entry.name !== "string" || (entry.weight !== undefined && typeof entry.weight !== "number")) fail(`related.indices[${i}]`, 'an index like { "name": "tags", "weight": 100 }');
        return { name: (entry.name as string).toLowerCase(), weight: (entry.weight as number | undefined) ?? 0 };
      }),
    };
  }
  if (basePath !== "/" && basePath !== pathPrefix) {
    fail("pathPrefix", `the path of baseURL ("${basePath}") or left out`);
  }

  const disableLanguages = raw.disableLanguages ?? [];
  if (!Array.isArray(disableLanguages) || !disableLanguages.every((code) => typeof code === "string")) fail("disableLanguages", 'a list of language codes, e.g. ["fr"]');
  const disabled = (disableLanguages as string[]).map((code) => code.toLowerCase());
  const declaredLanguages = isPlainObject(raw.languages) ? Object.fromEntries(Object.entries(raw.languages).filter(([code]) => !disabled.includes(code.toLowerCase()))) : raw.languages;
  const { languages, multilingual } = readLanguages(
    { ...raw, languages: declaredLanguages },
    { title: text("title"), description: text("description"), language: canonicalLanguage, timeZone, summaryLength: count("summaryLength"), postsPerPage: count("postsPerPage"), homePosts: count("homePosts"), dateFormat, menus, copyright },
    raw.language !== undefined,
    fail,
  );

  return {
    title: text("title"),
    description: text("description"),
    // Always the site's root including the path prefix, so absolute URLs are baseURL + path without "/".
    baseURL: new URL(pathPrefix, baseURL).href,
    language: languages[0]!.code,
    languages,
    multilingual,
    author,
    article: readArticleDefaults(raw.article, fail),
    buildDrafts: flag("buildDrafts"),
    buildFuture: flag("buildFuture"),
    buildExpired: flag("buildExpired"),
    timeZone,
    summaryLength: count("summaryLength"),
    pathPrefix,
    postsPerPage: count("postsPerPage"),
    homePosts: count("homePosts"),
    math: math as SiteSettings["math"],
    strict: strict as boolean,
    missingImages: missingImages as SiteSettings["missingImages"],
    brokenLinks: brokenLinks as SiteSettings["brokenLinks"],
    rssLimit: rssLimit as number,
    sitemapFile: sitemapFile as string,
    robotsTxt: robotsTxt as boolean,
    menus,
    copyright,
    dateFormat,
    footer: { showMenu: footerFlag("showMenu"), showCopyright: footerFlag("showCopyright") },
    appearance,
    taxonomies,
    list: { showSummary: optionFlag(raw, "list", "showSummary", true, fail) },
    taxonomy: { showTermCount: optionFlag(raw, "taxonomy", "showTermCount", true, fail) },
    disableLanguages: disabled,
    enableCodeCopy: (() => {
      const value = raw.enableCodeCopy ?? false;
      return typeof value === "boolean" ? value : fail("enableCodeCopy", "true or false");
    })(),
    mainSections: readMainSections(raw.mainSections, fail),
    shareImage: optionalText("shareImage"),
    icon: optionalText("icon"),
    permalinks,
    related,
    hugo: undefined,
    sourceFiles: [],
  };
}

function readMainSections(raw: unknown, fail: (key: string, expected: string) => never): string[] {
  if (raw === undefined) return [...defaultSiteSettings.mainSections];
  const list = typeof raw === "string" ? [raw] : raw;
  if (!Array.isArray(list) || list.length === 0 || !list.every((name) => typeof name === "string" && /^[^/\\\s]+$/.test(name))) {
    return fail("mainSections", 'a list of top-level content folders, e.g. ["posts"]');
  }
  return list as string[];
}

/** A flag inside one of the settings' groups (`list.showSummary`), with its default. */
function optionFlag(raw: Record<string, unknown>, group: string, key: string, fallback: boolean, fail: (key: string, expected: string) => never): boolean {
  const options = raw[group] ?? {};
  if (!isPlainObject(options)) return fail(group, `an object, e.g. { "${key}": ${fallback} }`);
  const value = options[key] ?? fallback;
  return typeof value === "boolean" ? value : fail(`${group}.${key}`, "true or false");
}
