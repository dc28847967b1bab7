import type { EleventyConfig } from "./types/eleventy.ts";

/**
 * Pages no author writes (home, lists, taxonomies, archive, feeds, sitemap, redirects) come from layouts/,
 * registered as Eleventy virtual templates so that any content folder gets them. Paginated pages iterate over
 * lists the site index prepared once (collections.site), one output page per entry.
 */
export function generatedPagesPlugin(eleventyConfig: EleventyConfig): void {
  const page = (name: string, data: Record<string, unknown>) =>
    eleventyConfig.addTemplate(`_generated/${name}.njk`, "", { eleventyExcludeFromCollections: true, ...data });
  const eachOf = (data: string, alias: string) => ({ pagination: { data: `collections.site.${data}`, size: 1, alias } });

  page("home", { layout: "home.njk", permalink: "/" });
  page("lists", { layout: "list.njk", ...eachOf("listPages", "list"), permalink: "{{ list.url }}" });
  page("taxonomies", { layout: "taxonomy-index.njk", ...eachOf("taxonomyIndexes", "taxonomyIndex"), permalink: "{{ taxonomyIndex.url }}" });
  page("archive", { layout: "archive.njk", permalink: "/archive/" });
  page("not-found", { layout: "404.njk", permalink: "/404.html" });
  page("aliases", { layout: "redirect.njk", ...eachOf("aliases", "alias"), permalink: "{{ alias.url }}" });
  page("sitemap", { layout: "sitemap.njk", permalink: "/sitemap.xml" });
  page("robots", { layout: "robots.njk", permalink: "/robots.txt" });
  page("feed-atom", { layout: "feeds/atom.njk", permalink: "/feed.xml", eleventyImport: { collections: ["feed"] } });
  page("feed-json", { layout: "feeds/json.njk", permalink: "/feed.json", eleventyImport: { collections: ["feed"] } });
}
