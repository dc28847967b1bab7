import type { EleventyConfig } from "../types/eleventy.ts";
import { listings } from "./incremental.ts";

type PageData = Record<string, unknown> & { layout: string; permalink: string | ((data: Record<string, unknown>) => string | false) };

const registered = new WeakSet<EleventyConfig>();
const alwaysRefreshed = new Set<string>();

/**
 * Registers a page no author writes. Its markup is all in its layout (layouts/), so any content folder gets it.
 * Under the dev server's incremental rebuilds it is rendered again only when a change can show on it: when a
 * post's listing (title, date, tags, summary…) changed, or a layout or setting did; `alwaysRefresh` pages (feeds,
 * headers) follow every change.
 */
export function addGeneratedPage(eleventyConfig: EleventyConfig, name: string, data: PageData, options: { alwaysRefresh?: boolean } = {}): void {
  if (!registered.has(eleventyConfig)) {
    registered.add(eleventyConfig);
    eleventyConfig.addTemplateFormats("generated");
    eleventyConfig.addExtension("generated", {
      compile: () => () => "",
      isIncrementalMatch(this: { inputPath: string }, changedFile: string) {
        return alwaysRefreshed.has(this.inputPath.replace(/^.*\/_generated\//, "")) || listings.affectsOtherPages(changedFile);
      },
    });
  }
  const file = `${name}.generated`;
  if (options.alwaysRefresh) alwaysRefreshed.add(file);
  eleventyConfig.addTemplate(`_generated/${file}`, "", { eleventyExcludeFromCollections: true, ...data });
}

/**
 * Home, lists, taxonomies, archive, 404, redirects, sitemaps, robots.txt and feeds, for every language of the site.
 * Paginated pages iterate over what the site index prepared once (collections.site), one output page per entry: a
 * list of no entries makes no page (the sitemap index and the root's redirect exist only when they are needed).
 */
export function generatedPagesPlugin(eleventyConfig: EleventyConfig): void {
  const page = (name: string, data: PageData, options?: { alwaysRefresh?: boolean }) => addGeneratedPage(eleventyConfig, name, data, options);
  const eachOf = (data: string, alias: string) => ({ pagination: { data: `collections.${data}`, size: 1, alias } });
  const urlOf = (alias: string, key = "url") => (data: Record<string, unknown>) => (data[alias] as Record<string, string>)[key]!;
  const langOf = (alias: string, read: (entry: Record<string, unknown>) => unknown) => ({
    eleventyComputed: { lang: (data: Record<string, unknown>) => read(data[alias] as Record<string, unknown>) },
  });
  const perLanguage = (name: string, layout: string, url: (here: LanguageUrls) => string, options?: LanguagePageOptions) =>
    addPageOfEveryLanguage(eleventyConfig, name, layout, url, options);

  perLanguage("home", "home.njk", (here) => here.home);
  page("lists", { layout: "list.njk", ...eachOf("site.listPages", "list"), ...langOf("list", (list) => list.lang), permalink: urlOf("list") });
  page("taxonomies", {
    layout: "taxonomy-index.njk",
    ...eachOf("site.taxonomyIndexes", "taxonomyIndex"),
    ...langOf("taxonomyIndex", (index) => index.lang),
    permalink: urlOf("taxonomyIndex"),
  });
  perLanguage("archive", "archive.njk", (here) => here.urls.archive);
  perLanguage("not-found", "404.njk", (here) => here.urls.notFound);
  page("aliases", { layout: "redirect.njk", ...eachOf("site.aliases", "alias"), permalink: urlOf("alias") });
  page("root-redirect", { layout: "redirect.njk", ...eachOf("site.rootRedirects", "alias"), permalink: urlOf("alias") });
  page("sitemaps", { layout: "sitemap.njk", ...eachOf("site.sitemaps", "sitemap"), permalink: urlOf("sitemap") });
  page("sitemap-index", { layout: "sitemap-index.njk", ...eachOf("site.sitemapIndexes", "sitemapIndex"), permalink: urlOf("sitemapIndex") });
  // Hugo's enableRobotsTXT: `"robotsTxt": false` writes none.
  page("robots", { layout: "robots.njk", permalink: (data) => ((data.site as { robotsTxt: boolean }).robotsTxt ? "/robots.txt" : false) });
  perLanguage("feed-atom", "feeds/atom.njk", (here) => here.urls.atom, { alwaysRefresh: true, feeds: true });
  perLanguage("feed-json", "feeds/json.njk", (here) => here.urls.json, { alwaysRefresh: true, feeds: true });
  // Hugo's RSS feeds, where a migrated site's readers subscribed: each home's, section's and term's index.xml. They
  // show only what lists show of a post, so they follow listing changes like the lists.
  page("feeds-rss", { layout: "feeds/rss.njk", ...eachOf("site.rssFeeds", "feed"), ...langOf("feed", (feed) => feed.lang), permalink: urlOf("feed") });
}

interface LanguageUrls {
  home: string;
  urls: { archive: string; search: string; notFound: string; atom: string; json: string; rss: string; sitemap: string };
}

interface LanguagePageOptions {
  alwaysRefresh?: boolean;
  /** One page per language's feed (collections.feeds, whose entries carry the feed's items) instead of per language. */
  feeds?: boolean;
}

/**
 * A page of every language at `url(here)`, where `here` is the language's index (collections.site.languages) and
 * `lang` its code: the search page registers itself this way too.
 */
export function addPageOfEveryLanguage(eleventyConfig: EleventyConfig, name: string, layout: string, url: (here: LanguageUrls) => string, options: LanguagePageOptions = {}): void {
  addGeneratedPage(
    eleventyConfig,
    name,
    {
      layout,
      pagination: { data: options.feeds ? "collections.feeds" : "collections.site.languages", size: 1, alias: "here" },
      eleventyComputed: { lang: (data: Record<string, unknown>) => (data.here as { language: { code: string } }).language.code },
      permalink: (data: Record<string, unknown>) => url(data.here as LanguageUrls),
      ...(options.feeds ? { eleventyImport: { collections: ["feeds"] } } : {}),
    },
    { alwaysRefresh: options.alwaysRefresh },
  );
}
