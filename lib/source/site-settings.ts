import fs from "node:fs";
import path from "node:path";
import { AuthorError, jsonErrorPlace } from "../errors.ts";
import type { EleventyConfig } from "../types/eleventy.ts";
import { defaultArticle, readArticleDefaults, type ArticleDefaults } from "./article-defaults.ts";
import { readAuthorProfile, type AuthorProfile } from "./authors.ts";
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
};

export const siteSettingsFile = "_data/site.json";

/** The settings, read once per build (the dev server reads them again for each rebuild). */
export function siteSettingsPerBuild(eleventyConfig: EleventyConfig, contentDir: string): () => SiteSettings {
  let current: SiteSettings | undefined;
  eleventyConfig.on("eleventy.before", () => {
    current = undefined;
  });
  return () => (current ??= loadSiteSettings(contentDir));
}

const cache = new Map<string, { mtimeMs: number; settings: SiteSettings }>();

/** Reads `<content>/_data/site.json` over the defaults; a content folder without one still builds. */
export function loadSiteSettings(contentDir: string): SiteSettings {
  const file = path.join(contentDir, siteSettingsFile);
  let mtimeMs = -1;
  try {
    mtimeMs = fs.statSync(file).mtimeMs;
  } catch {
    // No settings file: defaults only.
  }
  const cached = cache.get(file);
  if (cached && cached.mtimeMs === mtimeMs) return cached.settings;

  let raw: Record<string, unknown> = {};
  if (mtimeMs >= 0) {
    const text = fs.readFileSync(file, "utf8");
    try {
      raw = JSON.parse(text) as Record<string, unknown>;
    } catch (error) {
      throw new AuthorError({ file, ...jsonErrorPlace(text, error) }, `The site settings are not valid JSON: ${(error as Error).message}`, "Fix the JSON syntax (quotes, commas) in this file");
    }
  }
  const settings = validate(file, raw);
  cache.set(file, { mtimeMs, settings });
  return settings;
}

function validate(file: string, raw: Record<string, unknown>): SiteSettings {
  const fail = (key: string, expected: string): never => {
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
  if (basePath !== "/" && basePath !== pathPrefix) {
    fail("pathPrefix", `the path of baseURL ("${basePath}") or left out`);
  }

  const { languages, multilingual } = readLanguages(
    raw,
    { title: text("title"), description: text("description"), language: canonicalLanguage, timeZone, summaryLength: count("summaryLength"), postsPerPage: count("postsPerPage"), homePosts: count("homePosts") },
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
  };
}
