import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import { addGeneratedPage } from "./generated-pages-plugin.ts";
import { copyTree } from "./file-trees.ts";
import type { EleventyConfig } from "./types/eleventy.ts";

export interface SearchPluginOptions {
  /**
   * The dev server indexes once, in the background after its first build, so it starts serving at once and
   * saving a post never waits for the index. A build that ends (even a preview build) indexes before it ends:
   * its output folder is moved into place right after.
   */
  background: boolean;
  /** False skips indexing (`npm run build -- --no-search`): the search page then finds nothing. */
  enabled: boolean;
  /** Where indexed shards are kept between builds. */
  cacheDir: string;
}

/** Posts per search shard: a shard is indexed again only when one of its posts changed. */
const postsPerShard = 400;

/**
 * Full-text search with Pagefind. The post pages (marked `data-pagefind-body`) are indexed when the build ends,
 * into shards of a few hundred posts each (a post always falls in the same shard); a shard whose pages did not
 * change is taken from the cache instead, so editing one post re-indexes a few hundred pages, not the site.
 * The search page's script merges the shards listed in /pagefind/shards.json. Pagefind reads each page's `lang`
 * and splits Chinese into words, so 扩散模型 finds the seed post.
 */
export function searchPlugin(eleventyConfig: EleventyConfig, options: SearchPluginOptions): void {
  addGeneratedPage(eleventyConfig, "search", { layout: "search.njk", permalink: "/search/" });
  if (!options.enabled) return;

  if (options.background) {
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
  eleventyConfig.on("eleventy.before", () => {
    pages = new Map();
  });

  eleventyConfig.addTransform("search-index", function (this: { page: { url: string | false } }, content: string) {
    if (this.page.url && content.includes("data-pagefind-body")) pages.set(this.page.url, content);
    return content;
  });

  eleventyConfig.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
    const output = path.join(directories.output, "pagefind");
    const shards = shardPages(pages);
    pages = new Map();
    const used = new Set<string>();
    for (const [number, shard] of shards.entries()) {
      const key = shardKey(shard);
      used.add(key);
      const cached = path.join(options.cacheDir, key);
      const target = path.join(output, String(number));
      if (!fs.existsSync(path.join(cached, "pagefind.js"))) {
        await indexPages(shard, target);
        fs.rmSync(cached, { recursive: true, force: true });
        copyTree(target, cached);
      } else {
        copyTree(cached, target);
      }
    }
    writeShardList(output, shards.map((_, number) => `${number}/`));
    await pagefind.close();
    // Shards no page needs any more.
    for (const entry of fs.existsSync(options.cacheDir) ? fs.readdirSync(options.cacheDir) : []) {
      if (!used.has(entry)) fs.rmSync(path.join(options.cacheDir, entry), { recursive: true, force: true });
    }
  });
}

/** Pages in URL order, split into shards by a hash of the URL, so that a post stays in its shard as others come and go. */
function shardPages(pages: Map<string, string>): Array<Array<[url: string, html: string]>> {
  const count = Math.max(1, Math.ceil(pages.size / postsPerShard));
  const shards: Array<Array<[string, string]>> = Array.from({ length: count }, () => []);
  for (const url of [...pages.keys()].sort()) {
    const slot = crypto.createHash("sha256").update(url).digest().readUInt32BE(0) % count;
    shards[slot]!.push([url, pages.get(url)!]);
  }
  return shards.filter((shard) => shard.length > 0);
}

function shardKey(shard: Array<[string, string]>): string {
  const hash = crypto.createHash("sha256").update(pagefindVersion);
  for (const [url, html] of shard) hash.update(url).update("\0").update(html).update("\0");
  return hash.digest("hex").slice(0, 32);
}

const pagefindVersion: string = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "../node_modules/pagefind/package.json"), "utf8")).version;

/** Pagefind's files depend on the order pages arrive in, and a build must not: pages go in URL order. */
async function indexPages(shard: Array<[string, string]>, outputPath: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  for (const [url, content] of shard) {
    const added = await index.addHTMLFile({ url, content });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${url}: ${added.errors.join("; ")}`);
  }
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
}

async function indexDirectory(outputDir: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  const added = await index.addDirectory({ path: outputDir });
  if (added.errors.length > 0) throw new Error(added.errors.join("; "));
  const written = await index.writeFiles({ outputPath: path.join(outputDir, "pagefind") });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
  writeShardList(path.join(outputDir, "pagefind"), [""]);
  await pagefind.close();
}

/** The bundles the search page merges, relative to /pagefind/. */
function writeShardList(pagefindDir: string, bundles: string[]): void {
  fs.mkdirSync(pagefindDir, { recursive: true });
  fs.writeFileSync(path.join(pagefindDir, "shards.json"), `${JSON.stringify({ bundles })}\n`);
}
