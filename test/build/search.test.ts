import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { buildSite, fileHashes, makeContent, writeFiles, type BuildResult } from "../helpers/site.ts";
import { temporaryDir } from "../../scripts/temporary-dir.ts";

// More posts than one search shard holds (40 here; 400 in a real build), so the index is built in several shards,
// on several cores.
const postCount = 130;
const env = { BLOG_SEARCH_SHARD_SIZE: "40" };

function post(number: number, extra = ""): string {
  return `---\ntitle: "Post ${number}"\ndate: 2024-01-01\n---\n\n第${number}篇文章讨论扩散模型。Word${number} is indexed.${extra}\n`;
}

function shardsOf(outputDir: string): string[] {
  return (JSON.parse(fs.readFileSync(path.join(outputDir, "pagefind", "shards.json"), "utf8")) as { bundles: string[] }).bundles;
}

/** Pages each shard indexed, from Pagefind's own entry file. */
function pagesPerShard(outputDir: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const bundle of shardsOf(outputDir)) {
    const entry = JSON.parse(fs.readFileSync(path.join(outputDir, "pagefind", bundle, "pagefind-entry.json"), "utf8")) as {
      languages: Record<string, { page_count: number }>;
    };
    counts.set(bundle, Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0));
  }
  return counts;
}

describe("the search index of a large site", () => {
  const files = Object.fromEntries(Array.from({ length: postCount }, (_, i) => [`posts/p${i}/index.md`, post(i)]));
  const content = makeContent(files);
  const cache = temporaryDir("blog-search-cache-");
  let first: BuildResult;
  let edited: BuildResult;

  before(async () => {
    first = await buildSite(content, { env: { ...env, BLOG_BUILD_CACHE: cache } });
    assert.equal(first.exitCode, 0, first.log);
    writeFiles(content, { "posts/p7/index.md": post(7, " Now edited.") });
    edited = await buildSite(content, { env: { ...env, BLOG_BUILD_CACHE: cache } });
    assert.equal(edited.exitCode, 0, edited.log);
  });

  it("indexes every post once, across several shards", () => {
    const counts = pagesPerShard(first.outputDir);
    assert.equal(counts.size, 4, `${counts.size} shards`);
    assert.equal([...counts.values()].reduce((a, b) => a + b, 0), postCount);
  });

  it("indexes again only the shard of an edited post", () => {
    const before = fileHashes(path.join(first.outputDir, "pagefind"));
    const after = fileHashes(path.join(edited.outputDir, "pagefind"));
    const changedShards = new Set([...after].filter(([file, hash]) => before.get(file) !== hash).map(([file]) => file.split(path.sep)[0]));
    assert.equal(changedShards.size, 1, [...changedShards].join(", "));
  });

  it("gives the same index from the cache as from a cold build", async () => {
    const cold = await buildSite(content, { env: { ...env, BLOG_BUILD_CACHE: temporaryDir("blog-search-cold-") } });
    assert.equal(cold.exitCode, 0, cold.log);
    assert.deepEqual(fileHashes(path.join(cold.outputDir, "pagefind")), fileHashes(path.join(edited.outputDir, "pagefind")));
  });
});
