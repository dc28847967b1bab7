import assert from "node:assert/strict";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { ShardStream } from "../../../lib/output/search-stream.ts";
import { temporaryDir } from "../../../scripts/temporary-dir.ts";
import { fileHashes } from "../../helpers/site.ts";

const words = ["扩散模型", "diffusion", "lighthouse", "人工智能", "sampler", "checkpoint"];
const pages = words.map((word, i) => ({
  url: `/posts/p${i}/`,
  html: `<!doctype html><html lang="zh-CN"><head><title>P${i}</title></head><body><article data-pagefind-body><h1>Post ${i}</h1><p>第${i}篇：${word} ${"文字".repeat(i + 3)}</p></article></body></html>`,
}));

function writePage(site: string, page: { url: string; html: string }): string {
  const file = path.join(site, page.url, "index.html");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, page.html);
  return file;
}

const digestOf = (html: string) => crypto.createHash("sha256").update(html).digest("base64");

describe("ShardStream: shards indexed while the pages are written", () => {
  it("writes each shard exactly as indexing the written pages afterwards does, whatever order the pages come in", async () => {
    const shards = [pages.slice(0, 4).map((page) => page.url), pages.slice(4).map((page) => page.url)];
    const site = temporaryDir("blog-stream-site-");
    const written = new Map(pages.map((page) => [page.url, writePage(site, page)]));
    const streamed = temporaryDir("blog-stream-");
    const stream = new ShardStream(shards);
    // Rendered out of order: the last first, the first last.
    for (const page of [...pages].reverse()) assert.equal(stream.add(page.url, written.get(page.url)!, digestOf(page.html)), true);
    assert.equal(stream.add("/posts/not-planned/", written.get(pages[0]!.url)!, digestOf(pages[0]!.html)), false);
    await stream.write((shard) => path.join(streamed, String(shard)));

    // The same pages sent in URL order, as a build that indexes after rendering sends them.
    const after = temporaryDir("blog-stream-after-");
    const inOrder = new ShardStream(shards);
    for (const page of pages) inOrder.add(page.url, written.get(page.url)!, digestOf(page.html));
    await inOrder.write((shard) => path.join(after, String(shard)));
    const streamedFiles = fileHashes(streamed);
    assert.ok(streamedFiles.has(path.join("0", "pagefind-entry.json")) && streamedFiles.has(path.join("1", "pagefind-entry.json")));
    assert.deepEqual(streamedFiles, fileHashes(after));
  });

  it("says which shard is short of pages instead of writing it", async () => {
    const stream = new ShardStream([[pages[0]!.url, pages[1]!.url]]);
    stream.add(pages[1]!.url, writePage(temporaryDir("blog-stream-short-site-"), pages[1]!), digestOf(pages[1]!.html));
    await assert.rejects(stream.write(() => temporaryDir("blog-stream-short-")), /shard 0 got 0 of its 2 pages/);
  });
});
