import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { readFrontMatter } from "../../lib/source/front-matter.ts";
import { typescriptNodeArgs } from "../../lib/typescript-worker.ts";
import { buildSite, loadPage, makeContent, projectDir, text } from "../helpers/site.ts";

function runNew(contentDir: string, ...args: string[]): Promise<{ exitCode: number; log: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...typescriptNodeArgs, path.join(projectDir, "scripts/new-post.ts"), ...args],
      { cwd: projectDir, env: { ...process.env, BLOG_CONTENT: contentDir } },
      (error, stdout, stderr) => resolve({ exitCode: error ? Number(error.code ?? 1) : 0, log: stdout + stderr }),
    );
  });
}

describe("npm run new", () => {
  it("creates a draft page bundle with its front matter filled in", async () => {
    const content = makeContent({ "_data/site.json": JSON.stringify({ language: "en", timeZone: "Asia/Shanghai" }) });
    const result = await runNew(content, "2024-hello-world");
    assert.equal(result.exitCode, 0, result.log);
    const file = path.join(content, "posts/2024-hello-world/index.md");
    const frontMatter = readFrontMatter(file, fs.readFileSync(file, "utf8"));
    assert.equal(frontMatter.data.get("title"), "Hello world");
    assert.equal(frontMatter.data.get("draft"), true);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
    assert.equal((frontMatter.data.get("date") as Date).toISOString().slice(0, 10), today);

    const preview = await buildSite(content, { env: { BLOG_PREVIEW: "1" } });
    assert.equal(preview.exitCode, 0, preview.log);
    const page = loadPage(preview.outputDir, "/posts/2024-hello-world/");
    assert.equal(text(page.querySelector("h1")), "Hello world");
    assert.ok(page.querySelector(".draft-badge"));
  });

  it("takes a title and never overwrites an existing post", async () => {
    const content = makeContent({});
    assert.equal((await runNew(content, "first", "我的第一篇文章")).exitCode, 0);
    const file = path.join(content, "posts/first/index.md");
    assert.match(fs.readFileSync(file, "utf8"), /^title: "我的第一篇文章"$/m);
    fs.appendFileSync(file, "\nWritten by hand.\n");
    const before = fs.readFileSync(file, "utf8");
    const again = await runNew(content, "first");
    assert.notEqual(again.exitCode, 0);
    assert.match(again.log, /already exists/);
    assert.equal(fs.readFileSync(file, "utf8"), before);
  });

  it("rejects a slug that cannot be a URL segment", async () => {
    const result = await runNew(makeContent({}), "my post");
    assert.notEqual(result.exitCode, 0);
    assert.match(result.log, /cannot be a folder name/);
  });

  it("makes the translation of a post beside it with --lang, in the language's time zone", async () => {
    const languages = { en: { weight: 1 }, "zh-cn": { weight: 2, timeZone: "Asia/Shanghai" } };
    const content = makeContent({ "_data/site.json": JSON.stringify({ languages }), "posts/hello/index.md": '---\ntitle: "Hello"\ndate: 2024-01-01\n---\n\nHi.\n' });
    const made = await runNew(content, "hello", "你好", "--lang", "zh-cn");
    assert.equal(made.exitCode, 0, made.log);
    const file = path.join(content, "posts/hello/index.zh-cn.md");
    const frontMatter = readFrontMatter(file, fs.readFileSync(file, "utf8"));
    assert.equal(frontMatter.data.get("title"), "你好");
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
    assert.equal((frontMatter.data.get("date") as Date).toISOString().slice(0, 10), today);
    const again = await runNew(content, "hello", "--lang", "zh-cn");
    assert.notEqual(again.exitCode, 0);
    assert.match(again.log, /posts\/hello\/index\.zh-cn\.md already exists/);
    const missing = await runNew(content, "nothing-here", "--lang", "zh-cn");
    assert.match(missing.log, /posts\/nothing-here does not exist: create the post first \(npm run new -- nothing-here\), then its translation/);
    const unknown = await runNew(content, "hello", "--lang", "fr");
    assert.match(unknown.log, /The site has no language "fr"; its languages are en, zh-cn/);
  });
});
