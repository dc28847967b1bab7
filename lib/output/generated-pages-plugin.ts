import type { EleventyConfig } from "../types/eleventy.ts";
import { listings } from "./incremental.ts";

type PageData = Record<string, unknown> & { layout: string; permalink: string | ((data: Record<string, unknown>) => string) };

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
 * Home, lists, taxonomies, archive, 404, redirects, sitemap, robots.txt and feeds. Paginated pages iterate over
 * lists the site index prepared once (collections.site), one output page per entry.
 */
export function generatedPagesPlugin(eleventyConfig: EleventyConfig): void {
  const page = (name: string, data: PageData, options?: { alwaysRefresh?: boolean }) => addGeneratedPage(eleventyConfig, name, data, options);
  const eachOf = (data: string, alias: string) => ({ pagination: { data: `collections.site.${data}`, size: 1, alias } });
  const urlOf = (alias: string) => (data: Record<string, unknown>) => (data[alias] as { url: string }).url;

  page("home", { layout: "home.njk", permalink: "/" });
  page("lists", { layout: "list.njk", ...eachOf("listPages", "list"), permalink: urlOf("list") });
  page("taxonomies", { layout: "taxonomy-index.njk", ...eachOf("taxonomyIndexes", "taxonomyIndex"), permalink: urlOf("taxonomyIndex") });
  page("archive", { layout: "archive.njk", permalink: "/archive/" });
  page("not-found", { layout: "404.njk", permalink: "/404.html" });
  page("aliases", { layout: "redirect.njk", ...eachOf("aliases", "alias"), permalink: urlOf("alias") });
  page("sitemap", { layout: "sitemap.njk", permalink: "/sitemap.xml" });
  page("robots", { layout: "robots.njk", permalink: "/robots.txt" });
  page("feed-atom", { layout: "feeds/atom.njk", permalink: "/feed.xml", eleventyImport: { collections: ["feed"] } }, { alwaysRefresh: true });
  page("feed-json", { layout: "feeds/json.njk", permalink: "/feed.json", eleventyImport: { collections: ["feed"] } }, { alwaysRefresh: true });
}
