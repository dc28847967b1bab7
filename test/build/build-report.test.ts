import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { temporaryDir } from "../../scripts/temporary-dir.ts";
import { buildSite, copyFixture, projectDir } from "../helpers/site.ts";

/** The files of a folder, relative, with their sizes. */
function filesOf(folder: string): Map<string, number> {
  const files = new Map<string, number>();
  for (const entry of fs.readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(path.relative(folder, path.join(entry.parentPath, entry.name)), fs.statSync(path.join(entry.parentPath, entry.name)).size);
  }
  return files;
}

describe("what npm run build says", () => {
  it("in a log (no terminal): a line at the start, no line per file, and a summary whose counts are the output's", async () => {
    const build = await buildSite(copyFixture("site"), { quiet: false });
    assert.equal(build.exitCode, 0, build.log);
    assert.doesNotMatch(build.log, /Writing |\[11ty\]|\r/);
    assert.match(build.log.split("\n")[0]!, /^Building .+ into .+…$/);
    const files = filesOf(build.outputDir);
    const pages = [...files.keys()].filter((file) => file.endsWith(".html")).length;
    const feeds = [...files.keys()].filter((file) => /\.(xml|txt)$/.test(file) || (file.endsWith(".json") && !file.startsWith("pagefind"))).length;
    const summary = /Built (\d+) pages \((\d+) from the content, (\d+) lists and other pages\) and (\d+) feeds, sitemaps and robots\.txt\.\nImages: (\d+) encoded, (\d+) from the cache\. Search: (\d+) pages indexed\.\n(.+): (\d+) files, ([\d.]+) MB\. ([\d.]+) s: building ([\d.]+) s, search ([\d.]+) s, checking and publishing ([\d.]+) s\./.exec(build.log);
    assert.ok(summary, build.log);
    const [, built, fromContent, lists, feedCount, encoded, cached, indexed, place, fileCount, megabytes] = summary;
    assert.equal(Number(built), pages);
    assert.equal(Number(fromContent) + Number(lists), pages);
    assert.equal(Number(feedCount), feeds);
    assert.equal(Number(fileCount), files.size);
    assert.equal(megabytes, ([...files.values()].reduce((a, b) => a + b, 0) / 1024 / 1024).toFixed(1));
    assert.equal(path.resolve(projectDir, place!), build.outputDir);
    // Every post page is indexed, and the images the pages use are each counted once, encoded or from the cache.
    assert.ok(Number(indexed) > 0 && Number(indexed) <= Number(fromContent));
    assert.equal(Number(encoded) + Number(cached), [...files.keys()].filter((file) => file.startsWith(`img${path.sep}`) && /\.(avif|webp)$/.test(file)).length);
  });

  it("with --verbose, every file Eleventy writes", async () => {
    const build = await buildSite(copyFixture("site"), { quiet: false, args: ["--verbose"], env: { BLOG_SEARCH: "0" } });
    assert.equal(build.exitCode, 0, build.log);
    const html = [...filesOf(build.outputDir).keys()].filter((file) => file.endsWith(".html"));
    const listed = build.log.match(/\[11ty\] Writing \S+/g) ?? [];
    assert.ok(listed.length >= html.length, `${listed.length} lines for ${html.length} pages`);
  });

  it("on a terminal, one line updated as pages are written, cleared before the summary", async () => {
    const output = path.join(temporaryDir("blog-terminal-"), "site");
    // `script` gives the build a terminal, as an author's shell does.
    const command = `${process.execPath} --import ./lib/typescript-loader.mjs scripts/build.ts --output=${output}`;
    const log = await new Promise<string>((resolve) =>
      execFile("script", ["-qfec", command, "/dev/null"], { cwd: projectDir, env: { ...process.env, BLOG_CONTENT: copyFixture("site"), BLOG_SEARCH: "0" } }, (_error, stdout) => resolve(stdout)),
    );
    const updates = [...log.matchAll(/\r\x1b\[KBuilding: (\d+)\/(\d+) pages/g)];
    assert.ok(updates.length > 0, JSON.stringify(log.slice(0, 500)));
    for (const [, done, total] of updates) assert.ok(Number(done) <= Number(total), `${done}/${total}`);
    assert.match(log, /\r\x1b\[K(\r\n|\n)?[^\r]*Built \d+ pages/);
    assert.doesNotMatch(log, /^Building .+ into/m, "the plain line is for logs");
  });
});
