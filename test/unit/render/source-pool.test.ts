import assert from "node:assert/strict";
import fs from "node:fs";
import { after, describe, it } from "node:test";
import { SourcePool } from "../../../lib/render/source-pool.ts";
import { loadSiteSettings } from "../../../lib/source/site-settings.ts";
import { makeContent } from "../../helpers/site.ts";

const content = makeContent({
  "posts/one/index.md": "---\ntitle: One\ndate: 2024-01-01\n---\n\nThe **first** post.\n",
  "posts/two/index.md": "---\ntitle: Two\ndate: 2024-01-02\n---\n\nThe second post.\n",
});
const context = { contentDir: content, staticDir: undefined, settings: loadSiteSettings(content) };

async function render(pool: SourcePool, slug: string) {
  const file = `${content}/posts/${slug}/index.md`;
  const result = await pool.read(file, context, fs.statSync(file).mtime);
  assert.ok(result.ok, JSON.stringify(result));
  return result.record;
}

describe("SourcePool", () => {
  const pools: SourcePool[] = [];
  after(() => Promise.all(pools.map((pool) => pool.close())));

  it("renders files in worker threads, started at the first file", async () => {
    const pool = new SourcePool({ size: 1 });
    pools.push(pool);
    assert.equal(pool.running, 0);
    const [one, two] = await Promise.all([render(pool, "one"), render(pool, "two")]);
    assert.equal(one.meta.title, "One");
    assert.match(two.body.html, /The second post/);
    // The dev server's pool stays for the edits to come.
    assert.equal(pool.running, 1);
  });

  it("a build's pool ends its workers once nothing is left to render, and starts them again for a later file", async () => {
    const pool = new SourcePool({ size: 2, closeWhenIdle: true });
    pools.push(pool);
    await Promise.all([render(pool, "one"), render(pool, "two")]);
    assert.equal(pool.running, 0);
    assert.match((await render(pool, "one")).body.html, /<strong>first<\/strong>/);
    assert.equal(pool.running, 0);
  });
});
