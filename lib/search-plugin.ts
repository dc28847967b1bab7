import path from "node:path";
import * as pagefind from "pagefind";
import type { EleventyConfig } from "./types/eleventy.ts";

export interface SearchPluginOptions {
  /** Under the dev server the index is built once, at start; rebuilding it on every save would slow the preview. */
  preview: boolean;
  /** False skips indexing (`npm run build -- --no-search`): the search page then finds nothing. */
  enabled: boolean;
}

/**
 * Full-text search with Pagefind. Each post page (marked `data-pagefind-body`) is handed to the Pagefind
 * indexer as soon as it is rendered, so indexing runs beside the build instead of after it; when the build ends
 * the index is written to /pagefind/, which the search page's small script queries in the browser. Pagefind reads
 * each page's `lang` and splits Chinese into words, so 扩散模型 finds the seed post.
 */
export function searchPlugin(eleventyConfig: EleventyConfig, options: SearchPluginOptions): void {
  eleventyConfig.addTemplate("_generated/search.njk", "", { layout: "search.njk", permalink: "/search/", eleventyExcludeFromCollections: true });

  let indexed = false;
  let indexing: { index: pagefind.PagefindIndex; added: Array<Promise<unknown>> } | undefined;

  eleventyConfig.on("eleventy.before", async () => {
    if (!options.enabled || (options.preview && indexed)) return;
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    indexing = { index, added: [] };
  });

  eleventyConfig.addTransform("search-index", function (this: { page: { url: string | false } }, content: string) {
    if (indexing && this.page.url && content.includes("data-pagefind-body")) {
      indexing.added.push(indexing.index.addHTMLFile({ url: this.page.url, content }));
    }
    return content;
  });

  eleventyConfig.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
    if (!indexing) return;
    const { index, added } = indexing;
    indexing = undefined;
    for (const result of (await Promise.all(added)) as Array<{ errors: string[] }>) {
      if (result.errors.length > 0) throw new Error(`Pagefind could not index a page: ${result.errors.join("; ")}`);
    }
    const written = await index.writeFiles({ outputPath: path.join(directories.output, "pagefind") });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
    await pagefind.close();
    indexed = true;
  });
}
