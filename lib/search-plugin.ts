import path from "node:path";
import * as pagefind from "pagefind";
import type { EleventyConfig } from "./types/eleventy.ts";

export interface SearchPluginOptions {
  /** Under the dev server the index is built once, at start; rebuilding it on every save would slow the preview. */
  preview: boolean;
}

/**
 * Full-text search with Pagefind: after each build the post pages (marked `data-pagefind-body`) are indexed into
 * /pagefind/, which the search page's small script queries in the browser. Pagefind reads each page's `lang`
 * and splits Chinese into words, so 扩散模型 finds the seed post.
 */
export function searchPlugin(eleventyConfig: EleventyConfig, options: SearchPluginOptions): void {
  eleventyConfig.addTemplate("_generated/search.njk", "", { layout: "search.njk", permalink: "/search/", eleventyExcludeFromCollections: true });

  let indexed = false;
  eleventyConfig.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
    if (options.preview && indexed) return;
    await indexSite(directories.output);
    indexed = true;
  });
}

export async function indexSite(outputDir: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  const added = await index.addDirectory({ path: outputDir });
  if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join("; ")}`);
  const written = await index.writeFiles({ outputPath: path.join(outputDir, "pagefind") });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
  await pagefind.close();
}
