import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { computeGeneratorVersion } from "../../lib/cache/build-cache.ts";
import { siteFingerprint } from "../../lib/cache/site-cache.ts";
import { buildSite, bundledContent, copyFixture, fileHashes, loadPage, projectDir, text, writeFiles, type BuildResult } from "../helpers/site.ts";
import { temporaryDir } from "../../scripts/temporary-dir.ts";

function cachedPages(cache: string): Map<string, number> {
  const pages = new Map<string, number>();
  for (const entry of fs.readdirSync(cache, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isFile() && file.endsWith(".json") && !/^(site|search)[\\/]/.test(path.relative(cache, file))) pages.set(path.relative(cache, file), fs.statSync(file).mtimeMs);
  }
  return pages;
}

describe("build caches", () => {
  const cache = temporaryDir("blog-cache-test-");
  const env = { BLOG_BUILD_CACHE: cache };
  let cold: BuildResult;

  before(async () => {
    cold = await buildSite(bundledContent, { env });
    assert.equal(cold.exitCode, 0, cold.log);
  });

  it("renders from cached pages to exactly the bytes of a cold build", async () => {
    const pages = cachedPages(cache);
    const markdown = fs.readdirSync(bundledContent, { recursive: true }).filter((name) => String(name).endsWith(".md"));
    assert.equal(pages.size, markdown.length, "one cached page per content file");
    // Without the kept site, Eleventy runs again, on the cached pages.
    fs.rmSync(path.join(cache, "site"), { recursive: true, force: true });
    const warm = await buildSite(bundledContent, { env });
    assert.equal(warm.exitCode, 0, warm.log);
    assert.doesNotMatch(warm.log, /restored from the build cache/);
    assert.deepEqual(cachedPages(cache), pages, "no page was rendered again");
    assert.deepEqual(fileHashes(warm.outputDir), fileHashes(cold.outputDir));
  });

  it("restores the whole site, byte for byte, when nothing changed, but not once its files were rewritten in place", async () => {
    const again = await buildSite(bundledContent, { env });
    assert.equal(again.exitCode, 0, again.log);
    assert.match(again.log, /Nothing changed since the last build: \d+ files restored/);
    assert.deepEqual(fileHashes(again.outputDir), fileHashes(cold.outputDir));
    // The output shares its files with the kept copy: rewriting one in place (as a dev server writing into the
    // same folder would) changes the kept copy too.
    fs.writeFileSync(path.join(again.outputDir, "index.html"), "changed in place");
    const next = await buildSite(bundledContent, { env });
    assert.equal(next.exitCode, 0, next.log);
    assert.doesNotMatch(next.log, /restored from the build cache/);
    assert.deepEqual(fileHashes(next.outputDir), fileHashes(cold.outputDir));
  });

  it("renders again a cached page that was cut short or damaged, to the same bytes", async () => {
    fs.rmSync(path.join(cache, "site"), { recursive: true, force: true });
    const pages = cachedPages(cache);
    const [cut, damaged] = [...pages.keys()].map((name) => path.join(cache, name));
    fs.truncateSync(cut!, Math.floor(fs.statSync(cut!).size / 2));
    const bytes = fs.readFileSync(damaged!);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0x20;
    fs.writeFileSync(damaged!, bytes);
    const warm = await buildSite(bundledContent, { env });
    assert.equal(warm.exitCode, 0, warm.log);
    assert.deepEqual(fileHashes(warm.outputDir), fileHashes(cold.outputDir));
    const after = cachedPages(cache);
    for (const [name, mtime] of pages) {
      const rewritten = [cut, damaged].includes(path.join(cache, name));
      assert.equal(after.get(name) !== mtime, rewritten, `${name} ${rewritten ? "rendered again" : "kept"}`);
    }
  });

  it("builds again, saying why, when the kept site's list of files lost an entry", async () => {
    // The build before this one kept a whole site.
    const manifest = path.join(cache, "site", "manifest.json");
    assert.ok(fs.existsSync(manifest));
    const kept = JSON.parse(fs.readFileSync(manifest, "utf8"));
    kept.files = kept.files.filter(([file]: [string]) => file !== "index.html");
    fs.writeFileSync(manifest, JSON.stringify(kept));
    const next = await buildSite(bundledContent, { env });
    assert.equal(next.exitCode, 0, next.log);
    assert.match(next.log, /The kept copy of the last build is not whole \(its list of files is not the one written\): building the site again/);
    assert.doesNotMatch(next.log, /restored from the build cache/);
    assert.deepEqual(fileHashes(next.outputDir), fileHashes(cold.outputDir));
  });

  it("prints the last build's warnings again when it restores that build", async () => {
    const content = copyFixture("images");
    const first = await buildSite(content, { env });
    assert.equal(first.exitCode, 0, first.log);
    const warning = /The image "red\.png" has no alt text/;
    assert.match(first.log, warning);
    const again = await buildSite(content, { env });
    assert.match(again.log, /restored from the build cache/);
    assert.match(again.log, warning);
  });

  it("renders a changed post again, and only it; every page once the settings change", async () => {
    const content = copyFixture("site");
    const first = await buildSite(content, { env });
    assert.equal(first.exitCode, 0, first.log);
    const before = cachedPages(cache);
    writeFiles(content, { "posts/2019-first/index.md": '---\ntitle: "First post, edited"\ndate: 2019-03-01\n---\n\nNew words.\n' });
    const second = await buildSite(content, { env });
    assert.equal(second.exitCode, 0, second.log);
    const after = cachedPages(cache);
    assert.equal(after.size, before.size + 1, "one new cached page");
    for (const [file, mtime] of before) assert.equal(after.get(file), mtime, `${file} was kept`);
    assert.equal(text(loadPage(second.outputDir, "/posts/2019-first/").querySelector("h1")), "First post, edited");
    assert.ok(loadPage(second.outputDir, "/archive/").body.textContent?.includes("First post, edited"));

    // A change to the site settings builds the site again.
    const settingsFile = path.join(content, "_data/site.json");
    fs.writeFileSync(settingsFile, JSON.stringify({ ...JSON.parse(fs.readFileSync(settingsFile, "utf8")), title: "Renamed Notes", language: "de" }));
    const rebuilt = await buildSite(content, { env });
    assert.equal(rebuilt.exitCode, 0, rebuilt.log);
    assert.doesNotMatch(rebuilt.log, /restored from the build cache/);
    const page = loadPage(rebuilt.outputDir, "/posts/2019-first/");
    assert.equal(page.documentElement.getAttribute("lang"), "de");
    assert.match(text(page.querySelector(".site-title")), /Renamed Notes/);
  });
});

describe("what the caches are keyed by", () => {
  // A copy of the generator's own files, to change them without touching the project.
  const root = temporaryDir("blog-generator-");
  for (const part of ["lib", "shortcodes", "layouts", "static", "eleventy.config.ts", "package-lock.json"]) {
    fs.cpSync(path.join(projectDir, part), path.join(root, part), { recursive: true });
  }
  const content = copyFixture("site");

  it("a change to a shortcode module or any build code changes the generator version", () => {
    const version = computeGeneratorVersion(root);
    assert.equal(computeGeneratorVersion(root), version, "stable while nothing changes");
    fs.appendFileSync(path.join(root, "shortcodes/youtube.ts"), "\n// changed\n");
    assert.notEqual(computeGeneratorVersion(root), version);
  });

  it("a change to a post, a layout, a static file or the settings changes the site fingerprint", () => {
    let fingerprint = siteFingerprint(content, root);
    assert.equal(siteFingerprint(content, root), fingerprint);
    const changes: Array<[string, () => void]> = [
      ["a post", () => fs.appendFileSync(path.join(content, "posts/2019-first/index.md"), "\nMore.\n")],
      ["a layout", () => fs.appendFileSync(path.join(root, "layouts/partials/post-meta.njk"), "\n")],
      ["a static file", () => fs.appendFileSync(path.join(root, "static/css/site.css"), "\n")],
      ["the settings", () => fs.writeFileSync(path.join(content, "_data/site.json"), '{"title":"Other"}')],
      ["a shortcode", () => fs.appendFileSync(path.join(root, "shortcodes/alert.ts"), "\n")],
      ["an image", () => fs.copyFileSync(path.join(content, "posts/with-image/feature.jpg"), path.join(content, "posts/with-image/cover.jpg"))],
    ];
    for (const [what, change] of changes) {
      change();
      const next = siteFingerprint(content, root);
      assert.notEqual(next, fingerprint, what);
      fingerprint = next;
    }
  });
});
