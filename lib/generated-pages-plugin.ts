import type { EleventyConfig } from "./types/eleventy.ts";

/**
 * Pages no author writes (home, lists, taxonomies, feeds) come from layouts/, registered as Eleventy virtual
 * templates so that any content folder gets them.
 */
export function generatedPagesPlugin(eleventyConfig: EleventyConfig): void {
  const page = (name: string, data: Record<string, unknown>) =>
    eleventyConfig.addTemplate(`_generated/${name}.njk`, "", { eleventyExcludeFromCollections: true, ...data });

  page("home", { layout: "home.njk", permalink: "/" });
}
