import assert from "node:assert/strict";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { writeCorpus } from "../../scripts/bench/corpus.ts";
import { buildSite, loadPage, pageExists } from "../helpers/site.ts";
import { temporaryDir } from "../../scripts/temporary-dir.ts";

function digest(dir: string): string {
  const hash = crypto.createHash("sha256");
  const files = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
  for (const file of files) hash.update(path.relative(dir, file)).update(fs.readFileSync(file));
  return hash.digest("hex");
}

const temporary = () => temporaryDir("blog-corpus-");

describe("the benchmark corpus", () => {
  it("is the same bytes for the same seed, and different for another", () => {
    const [a, b, c] = [temporary(), temporary(), temporary()];
    writeCorpus(a, { posts: 40, seed: 7 });
    writeCorpus(b, { posts: 40, seed: 7 });
    writeCorpus(c, { posts: 40, seed: 8 });
    assert.equal(digest(a), digest(b));
    assert.notEqual(digest(a), digest(c));
  });

  it("holds what the issue asks of it", () => {
    const dir = temporary();
    const posts = writeCorpus(dir, { posts: 300 });
    const texts = posts.map((post) => fs.readFileSync(path.join(dir, "posts", post.slug, "index.md"), "utf8"));
    const drafts = texts.filter((text) => /^draft: true$/m.test(text)).length;
    const inSeries = texts.filter((text) => /^series_order: \d+$/m.test(text)).length;
    assert.ok(drafts >= 1 && drafts <= 9, `${drafts} drafts`);
    assert.ok(inSeries > 300 / 5 && inSeries < 300 / 2, `${inSeries} in series`);
    for (const text of texts.slice(1)) {
      for (const pattern of [/\{\{< youtube [\w-]{11} >\}\}/, /\{\{< tweet user="\w+" id="\d+" >\}\}/, /\{\{< alert "[\w-]+" >\}\}\n\*\*/, /\{\{< article link="\/posts\/post-\d+\/" >\}\}/, /^```\w+$/m, /^\[1\]:\t/m, /^## /m, /^- \*\*/m, /\*\*，|_。/]) {
        assert.match(text, pattern);
      }
    }
  });

  it("builds without errors", async () => {
    const dir = temporary();
    const posts = writeCorpus(dir, { posts: 60 });
    const build = await buildSite(dir, { env: { BLOG_SEARCH: "0" } });
    assert.equal(build.exitCode, 0, build.log);
    for (const post of posts) assert.equal(pageExists(build.outputDir, `/posts/${post.slug}/`), !post.draft, post.slug);
    const page = loadPage(build.outputDir, `/posts/${posts.filter((post) => !post.draft).at(-1)!.slug}/`);
    assert.ok(page.querySelector(".youtube-embed") && page.querySelector(".tweet-card") && page.querySelector(".alert") && page.querySelector(".article-card"));
    // More posts than a feed holds: the Atom and JSON feeds keep the 20 newest, and lists show 10 a page.
    const published = posts.filter((post) => !post.draft).length;
    assert.ok(published > 20, `${published} published`);
    const atom = fs.readFileSync(path.join(build.outputDir, "feed.xml"), "utf8");
    assert.equal([...atom.matchAll(/<entry>/g)].length, 20);
    const json = JSON.parse(fs.readFileSync(path.join(build.outputDir, "feed.json"), "utf8")) as { items: Array<{ date_published: string }> };
    assert.equal(json.items.length, 20);
    const dates = json.items.map((item) => Date.parse(item.date_published));
    assert.deepEqual(dates, [...dates].sort((a, b) => b - a), "newest first");
    assert.equal(loadPage(build.outputDir, "/posts/").querySelectorAll(".card-list > li").length, 10);
  });
});
