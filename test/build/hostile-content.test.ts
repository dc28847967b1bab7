import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { seededRandom } from "../../scripts/seeded-random.ts";
import { buildSite, loadPage, makeContent, pageExists, projectDir, text, type BuildResult } from "../helpers/site.ts";

const good = '---\ntitle: "Good"\ndate: 2024-01-01\n---\n\nThe rest of the site.\n';
/** "中文" then a lone 0xFF (no UTF-8 sequence starts with it), then "ok". */
const invalidUtf8 = Buffer.concat([Buffer.from('---\ntitle: "Bytes"\ndate: 2024-01-02\n---\n\n中文'), Buffer.from([0xff]), Buffer.from("ok\n")]);

function contentWith(files: Record<string, string | Buffer>): string {
  const root = makeContent({ "posts/good/index.md": good });
  for (const [relative, data] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), data);
  }
  return root;
}

describe("content files that are not what they claim", () => {
  const noise = (() => {
    const random = seededRandom(3000);
    return Buffer.from(Array.from({ length: 3000 }, () => Math.floor(random() * 256)));
  })();

  it("stops on invalid UTF-8 (naming the file, its line and the byte offset), random bytes saved as Markdown and a file that cannot be read, all at once", async () => {
    const content = contentWith({ "posts/bytes/index.md": invalidUtf8, "posts/noise/index.md": noise, "posts/locked/index.md": good.replace("Good", "Locked") });
    const locked = path.join(content, "posts/locked/index.md");
    const build = await buildSite(content, { preload: path.join(projectDir, "test/helpers/unreadable-file.ts"), env: { BLOG_TEST_UNREADABLE: locked } });
    assert.equal(build.exitCode, 1);
    const offset = invalidUtf8.indexOf(0xff);
    assert.match(build.log, new RegExp(`posts/bytes/index\\.md:6:3: The file is not valid UTF-8: byte 0xFF at byte offset ${offset} starts no character\\. Save the file as UTF-8`));
    assert.match(build.log, /posts\/noise\/index\.md(:\d+:\d+)?: This is a binary file, not text/);
    assert.match(build.log, /posts\/locked\/index\.md: The file cannot be read \(EACCES\)\. Check that it exists and that its permissions let you read it/);
    assert.doesNotMatch(build.log, /\n\s+at /, "no stack trace");
  });

  it("with strict: false, builds it with U+FFFD in place of the bad byte, and warns", async () => {
    const content = contentWith({ "posts/bytes/index.md": invalidUtf8, "_data/site.json": JSON.stringify({ strict: false }) });
    const build = await buildSite(content);
    assert.equal(build.exitCode, 0, build.log);
    assert.match(build.log, /Warnings:[\s\S]*posts\/bytes\/index\.md:6:3: The file is not valid UTF-8/);
    assert.equal(text(loadPage(build.outputDir, "/posts/bytes/").querySelector(".post-content p")), "中文\uFFFDok");
    assert.ok(pageExists(build.outputDir, "/posts/good/"));
  });

  it("stops on random bytes saved as a Markdown file even when the site is lenient", async () => {
    const build = await buildSite(contentWith({ "posts/noise/index.md": noise, "_data/site.json": JSON.stringify({ strict: false }) }));
    assert.equal(build.exitCode, 1, build.log);
    assert.match(build.log, /posts\/noise\/index\.md(:\d+:\d+)?: This is a binary file, not text/);
  });

  // One build for two files that must build: a Windows file with a byte order mark, and a 3 MB post.
  let large: Promise<BuildResult> | undefined;
  const largeAndWindows = () =>
    (large ??= (() => {
      const windows = '\uFEFF---\r\ntitle: "Windows"\r\ndate: 2024-01-03\r\ntags: ["crlf"]\r\n---\r\n\r\nFirst **paragraph**.\r\n\r\n## Heading\r\n\r\nSecond.\r\n';
      const paragraph = `${"扩散模型把噪声一步步变成图像。".repeat(20)}\n\nDiffusion models turn noise into images, step by step. `.repeat(4);
      let body = "";
      for (let section = 1; body.length < 3 * 1024 * 1024; section++) body += `## Part ${section}\n\n${paragraph}\n\n`;
      return buildSite(contentWith({ "posts/windows/index.md": windows, "posts/huge/index.md": `---\ntitle: "Huge"\ndate: 2024-01-04\n---\n\n${body}` }));
    })());

  it("reads a file with a byte order mark and Windows line endings like any other", async () => {
    const build = await largeAndWindows();
    assert.equal(build.exitCode, 0, build.log);
    const page = loadPage(build.outputDir, "/posts/windows/");
    assert.equal(text(page.querySelector("h1")), "Windows");
    assert.equal(page.querySelector(".post-content strong")?.textContent, "paragraph");
    assert.equal(page.querySelector(".post-content h2")?.id, "heading");
    assert.ok(pageExists(build.outputDir, "/tags/crlf/"));
  });

  it("stops on a symbolic link that loops, naming it", async () => {
    const content = contentWith({});
    fs.symlinkSync("..", path.join(content, "posts/good/loop"));
    const build = await buildSite(content);
    assert.equal(build.exitCode, 1);
    assert.match(build.log, /posts\/good\/loop: This symbolic link leads to .*posts, a folder that contains the link: a loop\. Remove the link/);
  });

  it("builds a 3 MB post", async () => {
    const build = await largeAndWindows();
    assert.equal(build.exitCode, 0, build.log);
    const page = loadPage(build.outputDir, "/posts/huge/");
    assert.ok(page.querySelectorAll(".post-content h2").length > 300);
    assert.ok(fs.statSync(path.join(build.outputDir, "posts/huge/index.html")).size > 3 * 1024 * 1024);
  });
});
