import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";
import { buildEnvironment, projectDir } from "../../lib/environment.ts";

describe("what a build reads from its environment", () => {
  it("gives the dev server a folder of its own unless told one, so it never shares _site with npm run build", () => {
    const argv = ["node", "cmd.cjs", "--serve"];
    assert.equal(buildEnvironment({ ELEVENTY_RUN_MODE: "serve" }, argv).eleventy.output, "_site.dev");
    assert.equal(buildEnvironment({ ELEVENTY_RUN_MODE: "serve" }, [...argv, "--output=/tmp/x"]).eleventy.output, undefined);
    assert.equal(buildEnvironment({ ELEVENTY_RUN_MODE: "build" }, ["node", "build.ts"]).eleventy.output, undefined);
  });

  it("previews under the dev server or BLOG_PREVIEW=1, and indexes search unless BLOG_SEARCH=0", () => {
    assert.equal(buildEnvironment({ ELEVENTY_RUN_MODE: "serve" }).preview, true);
    assert.equal(buildEnvironment({ BLOG_PREVIEW: "1" }).preview, true);
    assert.equal(buildEnvironment({}).preview, false);
    assert.equal(buildEnvironment({ BLOG_SEARCH: "0" }).search, false);
    assert.equal(buildEnvironment({}).search, true);
  });

  it("reads the content folder and the caches from BLOG_CONTENT and BLOG_BUILD_CACHE, else the project's", () => {
    assert.equal(buildEnvironment({}).contentDir, path.join(projectDir, "content"));
    const moved = buildEnvironment({ BLOG_CONTENT: "/sites/a/content", BLOG_BUILD_CACHE: "/caches/pages" });
    assert.equal(moved.contentDir, "/sites/a/content");
    assert.equal(moved.siteCacheDir, "/caches/pages/site");
    assert.equal(moved.searchCacheDir, "/caches/pages/search");
  });
});
