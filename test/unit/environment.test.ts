import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { buildEnvironment, projectDir } from "../../lib/environment.ts";

describe("what a build reads from its environment", () => {
  it("restarts the dev server when the generator's own code changes (README: `npm start`)", () => {
    const scripts = (JSON.parse(fs.readFileSync(path.join(projectDir, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
    const watched = [...scripts.start!.matchAll(/--watch-path=(\S+)/g)].map((match) => match[1]);
    assert.deepEqual(watched.sort(), ["lib", "shortcodes"]);
    assert.match(scripts.start!, /--serve\b/);
  });

  it("picks Hugo's environment: HUGO_ENVIRONMENT, else development for the dev server and production for builds", () => {
    assert.equal(buildEnvironment({ ELEVENTY_RUN_MODE: "serve" }, []).hugoEnvironment, "development");
    assert.equal(buildEnvironment({}, []).hugoEnvironment, "production");
    assert.equal(buildEnvironment({ HUGO_ENVIRONMENT: "staging", ELEVENTY_RUN_MODE: "serve" }, []).hugoEnvironment, "staging");
  });

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
