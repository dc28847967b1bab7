import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import { FolderCache } from "../cache/folder-cache.ts";
import type { CollectionApi, CollectionItem, EleventyConfig } from "../types/eleventy.ts";
import { addPageOfEveryLanguage } from "./generated-pages-plugin.ts";
import { countBuild } from "../build-progress.ts";
import { ShardStream } from "./search-stream.ts";

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
  /** Posts per shard (default 400); smaller in tests, to see several shards without a large site. */
  postsPerShard?: number;
}

/** Posts per search shard: a shard is indexed again only when one of its posts changed. */
const defaultPostsPerShard = 400;

/**
 * Full-text search with Pagefind. The post pages (marked `data-pagefind-body`) are indexed into shards of a few
 * hundred posts each (a post always falls in the same shard), as they are written on a cold build; a shard whose
 * pages did not change is taken from the cache instead, so editing one post re-indexes a few hundred pages, not
 * the site.
 * The search page's script merges the shards listed in /pagefind/shards.json. Pagefind reads each page's `lang`
 * and splits Chinese into words, so 扩散模型 finds the seed post.
 */
export function searchPlugin(eleventyConfig: EleventyConfig, options: SearchPluginOptions): void {
  addPageOfEveryLanguage(eleventyConfig, "search", "search.njk", (here) => here.urls.search);
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

  const postsPerShard = options.postsPerShard ?? defaultPostsPerShard;
  /** Each page to index, with a digest of its HTML for the shard cache. */
  let pages = new Map<string, { file: string; digest: string }>();
  /** A cold build's shards, indexed as the pages are written (search-stream.ts). */
  let stream: ShardStream | undefined;
  let cold = false;
  eleventyConfig.on("eleventy.before", () => {
    pages = new Map();
    stream = undefined;
    // With shards kept, a build re-indexes only those that changed, which it knows once every page is written.
    cold = !fs.existsSync(options.cacheDir) || fs.readdirSync(options.cacheDir).length === 0;
  });

  // The posts the index holds (those whose layout marks them `data-pagefind-body`), known before any is rendered.
  eleventyConfig.addCollection("searchPages", (api: CollectionApi) => {
    const urls = (api.getAll() as CollectionItem<{ layout?: unknown; post?: { build?: { list?: string } } }>[])
      .filter((item) => item.data.layout === "post.njk" && item.data.post?.build?.list === "always" && typeof item.url === "string")
      .map((item) => item.url as string);
    if (cold && urls.length > 0) stream = new ShardStream(shardUrls(urls, postsPerShard));
    return urls;
  });

  eleventyConfig.addTransform("search-index", function (this: { page: { url: string | false; outputPath: string | false } }, content: string) {
    const { url, outputPath } = this.page;
    if (url && outputPath && content.includes("data-pagefind-body")) {
      const digest = crypto.createHash("sha256").update(content).digest("base64");
      pages.set(url, { file: outputPath, digest });
      stream?.add(url, outputPath, digest);
    }
    return content;
  });

  eleventyConfig.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
    const started = performance.now();
    const output = path.join(directories.output, "pagefind");
    const shards = shardUrls(pages.keys(), postsPerShard).map((urls) => urls.map((url) => ({ url, ...pages.get(url)! })));
    // The stream's shards are used when the pages written are the ones it expected and it could index them all;
    // otherwise the pages are indexed now, as the shards not kept are when shards are.
    const expected = stream && sameMembers(stream.urls, [...pages.keys()]) ? stream : undefined;
    if (stream !== expected) await stream?.discard();
    stream = undefined;
    const streamed = expected ? await expected.write((number) => path.join(output, String(number))).then(() => true, () => false) : false;
    if (expected && !streamed) fs.rmSync(output, { recursive: true, force: true });
    pages = new Map();
    const used = new Set<string>();
    const toIndex: Array<{ pages: typeof shards[number]; target: string }> = [];
    const keptAfterIndexing: Array<[built: string, key: string, cache: FolderCache]> = [];
    for (const [number, shard] of shards.entries()) {
      const key = shardKey(shard);
      used.add(key);
      const cache = new FolderCache(path.join(options.cacheDir, key));
      const target = path.join(output, String(number));
      if (streamed || restoreShard(cache, key, target) === false) {
        if (!streamed) toIndex.push({ pages: shard, target });
        keptAfterIndexing.push([target, key, cache]);
      }
    }
    await indexShards(toIndex);
    for (const [target, key, cache] of keptAfterIndexing) cache.store(key, target);
    writeShardList(output, shards.map((_, number) => `${number}/`));
    // Shards no page needs any more.
    for (const entry of fs.existsSync(options.cacheDir) ? fs.readdirSync(options.cacheDir) : []) {
      if (!used.has(entry)) fs.rmSync(path.join(options.cacheDir, entry), { recursive: true, force: true });
    }
    countBuild({ searchPages: shards.reduce((sum, shard) => sum + shard.length, 0), searchMs: performance.now() - started });
  });
}

/** A kept shard put back, or false: also when putting it back fails half-way (it is then indexed afresh). */
function restoreShard(cache: FolderCache, key: string, target: string): ReturnType<FolderCache["restore"]> {
  try {
    return cache.restore(key, target);
  } catch {
    fs.rmSync(target, { recursive: true, force: true });
    return false;
  }
}

/** Indexes shards whose pages are all written: one stream of their own, the pages sent in order. */
async function indexShards(shards: Array<{ pages: Array<{ url: string; file: string; digest: string }>; target: string }>): Promise<void> {
  if (shards.length === 0) return;
  const stream = new ShardStream(shards.map(({ pages }) => pages.map((page) => page.url)));
  for (const { pages } of shards) for (const { url, file, digest } of pages) stream.add(url, file, digest);
  await stream.write((number) => shards[number]!.target);
}

/** URLs in order, split into shards by a hash of the URL, so that a post stays in its shard as others come and go. */
function shardUrls(urls: Iterable<string>, postsPerShard: number): string[][] {
  const sorted = [...urls].sort();
  const count = Math.max(1, Math.ceil(sorted.length / postsPerShard));
  const shards: string[][] = Array.from({ length: count }, () => []);
  for (const url of sorted) shards[crypto.createHash("sha256").update(url).digest().readUInt32BE(0) % count]!.push(url);
  return shards.filter((shard) => shard.length > 0);
}

function sameMembers(a: string[], b: string[]): boolean {
  const set = new Set(a);
  return set.size === b.length && b.every((item) => set.has(item));
}

function shardKey(shard: Array<{ url: string; digest: string }>): string {
  const hash = crypto.createHash("sha256").update(pagefindVersion);
  for (const { url, digest } of shard) hash.update(url).update("\0").update(digest).update("\0");
  return hash.digest("hex").slice(0, 32);
}

const pagefindVersion: string = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "../../node_modules/pagefind/package.json"), "utf8")).version;

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
