import fs from "node:fs";
import path from "node:path";
import { languageUrls } from "../site/site-index.ts";
import { siteLanguages } from "../source/post-model.ts";
import type { SiteSettings } from "../source/site-settings.ts";

/**
 * What a finished site must hold before it replaces the published one, whether it was built or put back from the
 * cache: every page the sitemaps list (the posts, lists and taxonomies the content implies, in every language),
 * every file the build said it wrote, the fixed pages, feeds and favicon, and the search index when there is one. Returns what is missing (empty: complete).
 */
export function missingFromSite(folder: string, settings: SiteSettings, options: { search: boolean; written?: readonly string[] }): string[] {
  const missing: string[] = [];
  const has = (relative: string) => fs.statSync(path.join(folder, relative), { throwIfNoEntry: false })?.isFile() ?? false;
  const languages = settings.multilingual ? siteLanguages(settings) : siteLanguages(settings).slice(0, 1);
  const feeds = languages.flatMap((language) => {
    const urls = languageUrls(language, settings.sitemapFile);
    return [urls.atom, urls.json, urls.rss].map((url) => url.slice(1));
  });
  for (const fixed of ["index.html", "404.html", "favicon.ico", settings.sitemapFile, ...(settings.robotsTxt ? ["robots.txt"] : []), ...feeds]) {
    if (!has(fixed)) missing.push(fixed);
  }
  // A multilingual site's sitemap is an index of one sitemap per language: each is read in turn.
  const sitemaps = [settings.sitemapFile];
  for (const sitemap of sitemaps) {
    if (!has(sitemap)) continue;
    for (const page of sitemapPages(fs.readFileSync(path.join(folder, sitemap), "utf8"), settings)) {
      if (!has(page)) missing.push(page);
      else if (page.endsWith(".xml") && !sitemaps.includes(page)) sitemaps.push(page);
    }
  }
  for (const file of options.written ?? []) {
    const relative = path.relative(folder, file);
    if (!relative.startsWith("..") && !has(relative)) missing.push(relative);
  }
  if (options.search) {
    const shards = path.join("pagefind", "shards.json");
    if (!has(shards)) missing.push(shards);
    else {
      const { bundles } = JSON.parse(fs.readFileSync(path.join(folder, shards), "utf8")) as { bundles: string[] };
      for (const bundle of bundles) {
        const entry = path.join("pagefind", bundle, "pagefind-entry.json");
        if (!has(entry)) missing.push(entry);
      }
    }
  }
  return [...new Set(missing)];
}

/** The file of each page a sitemap lists, relative to the site's folder. */
function sitemapPages(sitemap: string, settings: SiteSettings): string[] {
  const pages: string[] = [];
  for (const [, loc = ""] of sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)) {
    const url = new URL(loc.replaceAll("&amp;", "&"));
    // The folder holds the site without its path prefix (a site served under /blog/ is written at the root).
    const sitePath = decodeURIComponent(url.pathname).slice(settings.pathPrefix.length - 1);
    pages.push(path.join(...sitePath.split("/"), sitePath.endsWith("/") ? "index.html" : ""));
  }
  return pages;
}
