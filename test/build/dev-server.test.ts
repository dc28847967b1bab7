import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { parseHTML } from "linkedom";
import { makeContent, projectDir, testImageCache, text, writeFiles } from "../helpers/site.ts";
import { temporaryDir } from "../../scripts/temporary-dir.ts";
import { typescriptNodeArgs } from "../../lib/typescript-worker.ts";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** A GET as a browser navigation sends it (fetch() would mark it as a script request, without live reload). */
function navigate(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { "sec-fetch-mode": "navigate", accept: "text/html" } }, (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
}

/** Polls until the page satisfies a condition; the generous limit only guards against a hang. */
async function waitFor(url: string, accept: (doc: Document) => boolean, limitMs = 60_000): Promise<Document> {
  const deadline = Date.now() + limitMs;
  let last = "";
  while (Date.now() < deadline) {
    try {
      const response = await navigate(url);
      last = response.body;
      const doc = parseHTML(last).document;
      if (response.status === 200 && accept(doc)) return doc;
    } catch {
      // The server is not up yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  assert.fail(`${url} never reached the expected state; last response:\n${last.slice(0, 500)}`);
}

describe("the dev server", () => {
  const post = (title: string) => `---\ntitle: "${title}"\ndate: 2024-01-01\n---\n\nHello.\n`;
  let content: string;
  let server: ChildProcess;
  let base: string;
  let log = "";
  let output = "";
  const rebuildCount = () => (log.match(/Wrote \d+ files/g) ?? []).length;
  async function waitForRebuilds(count: number) {
    const deadline = Date.now() + 60_000;
    while (rebuildCount() < count) {
      if (Date.now() > deadline) assert.fail(`expected ${count} builds; log:\n${log.slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  before(async () => {
    content = makeContent({ "posts/hello/index.md": post("First title"), "posts/draft/index.md": "---\ntitle: Unfinished\ndraft: true\n---\nSoon.\n" });
    const port = await freePort();
    output = temporaryDir("blog-serve-");
    base = `http://127.0.0.1:${port}`;
    server = spawn(
      process.execPath,
      [...typescriptNodeArgs, path.join(projectDir, "node_modules/@11ty/eleventy/cmd.cjs"), "--config=eleventy.config.ts", "--serve", "--incremental", `--port=${port}`, `--output=${output}`],
      { cwd: projectDir, env: { ...process.env, BLOG_CONTENT: content, BLOG_IMAGE_CACHE: testImageCache }, stdio: ["ignore", "pipe", "pipe"] },
    );
    server.stdout!.on("data", (chunk) => (log += chunk));
    server.stderr!.on("data", (chunk) => (log += chunk));
  });

  after(() => {
    server.kill();
  });

  it("serves the site with drafts shown and marked", async () => {
    const page = await waitFor(`${base}/posts/hello/`, (doc) => text(doc.querySelector("h1")) === "First title");
    assert.ok(page.querySelector('script[src*="reload-client"]'), `live reload is injected:\n${page.documentElement.outerHTML.slice(0, 800)}`);
    const draft = await waitFor(`${base}/posts/draft/`, (doc) => text(doc.querySelector("h1")) === "Unfinished");
    assert.equal(text(draft.querySelector(".draft-badge")), "Draft");
  });

  it("shows an edit of a post's text on its page, the same page the rebuild then writes", async () => {
    await waitFor(`${base}/posts/hello/`, (doc) => text(doc.querySelector("h1")) === "First title");
    await waitForRebuilds(1);
    const builds = rebuildCount();
    writeFiles(content, { "posts/hello/index.md": post("First title").replace("Hello.", "Hello again, edited.") });
    await waitFor(`${base}/posts/hello/`, (doc) => text(doc.querySelector(".post-content")).includes("Hello again, edited."));
    const quick = fs.readFileSync(path.join(output, "posts/hello/index.html"), "utf8");
    await waitForRebuilds(builds + 1);
    assert.equal(fs.readFileSync(path.join(output, "posts/hello/index.html"), "utf8"), quick);
  });

  it("updates the lists when what they show of a post changes", async () => {
    const builds = rebuildCount();
    writeFiles(content, { "posts/hello/index.md": post("Renamed title") });
    await waitForRebuilds(builds + 1);
    const home = await waitFor(`${base}/`, (doc) => text(doc.querySelector('.post-card-title a[href="/posts/hello/"]')) === "Renamed title").catch((error: Error) => {
      throw new Error(`${error.message}\n--- server log:\n${log.split("\n").filter((line) => !line.includes("Writing")).slice(-30).join("\n")}`);
    });
    assert.ok(home);
    writeFiles(content, { "posts/hello/index.md": post("First title") });
    await waitForRebuilds(builds + 2);
  });

  it("shows a content error on the page and recovers when the file is fixed", async () => {
    await waitFor(`${base}/posts/hello/`, (doc) => text(doc.querySelector("h1")) === "First title");
    writeFiles(content, { "posts/hello/index.md": "---\ntitle: [oops\n---\n\n{{< youtube nope >}}\n" });
    const broken = await waitFor(`${base}/posts/hello/`, (doc) => doc.querySelector(".build-error") !== null);
    assert.match(text(broken.querySelector(".build-error")), /posts\/hello\/index\.md:\d+:\d+: The YAML front matter does not parse/);
    assert.match(log, /posts\/hello\/index\.md:\d+:\d+/);

    writeFiles(content, { "posts/hello/index.md": post("Fixed title") });
    const fixed = await waitFor(`${base}/posts/hello/`, (doc) => text(doc.querySelector("h1")) === "Fixed title");
    assert.equal(fixed.querySelector(".build-error"), null);
  });

  it("names a broken settings file and recovers when it is fixed", async () => {
    const builds = rebuildCount();
    writeFiles(content, { "_data/site.json": '{ "title": "Broken", }' });
    const deadline = Date.now() + 60_000;
    while (!/_data\/site\.json:1:22: The site settings are not valid JSON/.test(log)) {
      if (Date.now() > deadline) assert.fail(`no error for the settings; log:\n${log.slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    writeFiles(content, { "_data/site.json": '{ "title": "Mended" }' });
    await waitForRebuilds(builds + 2);
    await waitFor(`${base}/posts/hello/`, (doc) => text(doc.querySelector("title")).endsWith("Mended"));
  });
});
