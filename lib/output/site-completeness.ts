import fs from "node:fs";
import path from "node:path";
import type { SiteSettings } from "../source/site-settings.ts";

/**
 * What a finished site must hold before it replaces the published one, whether it was built or put back from the
 * cache: every page the sitemap lists (the posts, lists and taxonomies the content implies), every file the build
 * said it wrote, the fixed pages, and the search index when there is one. Returns what is missing (empty: complete).
 */
export function missingFromSite(folder: string, settings: SiteSettings, options: { search: boolean; written?: readonly string[] }): string[] {
  const missing: string[] = [];
  const has = (relative: string) => fs.statSync(path.join(folder, relative), { throwIfNoEntry: false })?.isFile() ?? false;
  for (const fixed of ["index.html", "404.html", "sitemap.xml", "feed.xml", "robots.txt"]) {
    if (!has(fixed)) missing.push(fixed);
  }
  if (has("sitemap.xml")) {
    for (const page of sitemapPages(fs.readFileSync(path.join(folder, "sitemap.xml"), "utf8"), settings)) {
      if (!has(page)) missing.push(page);
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
