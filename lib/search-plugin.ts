import path from "node:path";
import * as pagefind from "pagefind";
import { addGeneratedPage } from "./generated-pages-plugin.ts";
import type { EleventyConfig } from "./types/eleventy.ts";

export interface SearchPluginOptions {
  /**
   * The dev server indexes once, in the background after its first build, so it starts serving at once and
   * saving a post never waits for the index.
   */
  preview: boolean;
  /** False skips indexing (`npm run build -- --no-search`): the search page then finds nothing. */
  enabled: boolean;
}

/**
 * Full-text search with Pagefind. In a production build each post page (marked `data-pagefind-body`) is kept as it
 * is rendered and handed to the indexer in URL order when the build ends (Pagefind's files depend on the order
 * pages arrive in, and a build must not), then the index is written to /pagefind/, which the search page's small
 * script queries in the browser.
 * Pagefind reads each page's `lang` and splits Chinese into words, so 扩散模型 finds the seed post.
 */
export function searchPlugin(eleventyConfig: EleventyConfig, options: SearchPluginOptions): void {
  addGeneratedPage(eleventyConfig, "search", { layout: "search.njk", permalink: "/search/" });
  if (!options.enabled) return;

  if (options.preview) {
    let started = false;
    eleventyConfig.on("eleventy.after", ({ directories }: { directories: { output: string } }) => {
      if (started) return;
      started = true;
      indexDirectory(directories.output).then(
        () => console.log("[blog] Search index ready (it is rebuilt when the dev server restarts)."),
        (error: unknown) => console.error(`[blog] The search index could not be built: ${(error as Error).message}`),
      );
    });
    return;
  }

  let pages = new Map<string, string>();
  let starting: Promise<pagefind.NewIndexResponse> | undefined;
  eleventyConfig.on("eleventy.before", () => {
    pages = new Map();
    // The indexer process starts while the site builds.
    starting = pagefind.createIndex({});
  });

  eleventyConfig.addTransform("search-index", function (this: { page: { url: string | false } }, content: string) {
    if (this.page.url && content.includes("data-pagefind-body")) pages.set(this.page.url, content);
    return content;
  });

  eleventyConfig.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
    if (!starting) return;
    const { index, errors } = await starting;
    starting = undefined;
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    for (const url of [...pages.keys()].sort()) {
      const added = await index.addHTMLFile({ url, content: pages.get(url)! });
      if (added.errors.length > 0) throw new Error(`Pagefind could not index ${url}: ${added.errors.join("; ")}`);
    }
    pages = new Map();
    await writeIndex(index, directories.output);
  });
}

async function indexDirectory(outputDir: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  const added = await index.addDirectory({ path: outputDir });
  if (added.errors.length > 0) throw new Error(added.errors.join("; "));
  await writeIndex(index, outputDir);
}

async function writeIndex(index: pagefind.PagefindIndex, outputDir: string): Promise<void> {
  const written = await index.writeFiles({ outputPath: path.join(outputDir, "pagefind") });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
  await pagefind.close();
}
