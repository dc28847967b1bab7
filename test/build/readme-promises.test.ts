import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { writeImage } from "../../scripts/make-sample-images.ts";
import { buildSite, loadPage, makeContent, outputFile, pageExists, text, type BuildResult } from "../helpers/site.ts";

const post = (title: string, date: string, extra = "", body = "Some words of the post.") => `---\ntitle: "${title}"\ndate: ${date}\n${extra}---\n\n${body}\n`;

/**
 * README's promises about settings and front matter that no other suite builds: one site holding each case, built
 * once with `npm run build -- --no-search` as an author would.
 */
describe("README's settings and front matter, built", () => {
  let build: BuildResult;
  const page = (url: string) => loadPage(build.outputDir, url);

  before(async () => {
    const content = makeContent({
      "_data/site.json": JSON.stringify({ title: "Promises", description: "What the README says.", baseURL: "https://example.org/", postsPerPage: 2, homePosts: 1 }),
      "posts/quiet/index.md": post("Quiet", "2020-01-05", "showReadingTime: false\nshowDate: false\n"),
      "posts/described/index.md": post("Described", "2020-01-04", 'description: "A description unlike the summary."\n'),
      "posts/pictured/index.md": post("Pictured", "2020-01-03", "featureimage: art.png\n", "![In the text](one.png)"),
      "posts/headed/index.md": post("Headed", "2019-12-31", "", "## First a heading\n\n![After it](one.png)"),
      "posts/images/index.md": post("Images", "2020-01-02", "", "![First](one.png)\n\nText between.\n\n![Second](two.png)"),
      "posts/solo.md": post("Solo", "2020-01-01"),
    });
    await Promise.all([
      writeImage(path.join(content, "posts/pictured/art.png"), 1400, 900, 11),
      writeImage(path.join(content, "posts/pictured/one.png"), 800, 500, 14),
      writeImage(path.join(content, "posts/headed/one.png"), 800, 500, 15),
      writeImage(path.join(content, "posts/images/one.png"), 800, 500, 12),
      writeImage(path.join(content, "posts/images/two.png"), 800, 500, 13),
    ]);
    build = await buildSite(content, { args: ["--no-search"] });
    assert.equal(build.exitCode, 0, build.log);
  });

  it("shows postsPerPage posts a list page and homePosts on the home page", () => {
    assert.equal(page("/posts/").querySelectorAll(".card-list > li").length, 2);
    assert.equal(page("/posts/page/3/").querySelectorAll(".card-list > li").length, 2);
    assert.ok(!pageExists(build.outputDir, "/posts/page/4/"));
    assert.equal(page("/").querySelectorAll(".post-card").length, 1);
  });

  it("hides the reading time and the date where the front matter says so, and only there", () => {
    const quiet = page("/posts/quiet/");
    assert.equal(quiet.querySelector(".post-header .post-reading-time"), null);
    assert.equal(quiet.querySelector(".post-header time"), null);
    const described = page("/posts/described/");
    assert.ok(described.querySelector(".post-header .post-reading-time"));
    assert.ok(described.querySelector(".post-header time[datetime]"));
  });

  it("uses the site's description and a post's own description for the meta description", () => {
    assert.equal(page("/").querySelector('meta[name="description"]')?.getAttribute("content"), "What the README says.");
    assert.equal(page("/posts/described/").querySelector('meta[name="description"]')?.getAttribute("content"), "A description unlike the summary.");
    assert.equal(text(page("/posts/").querySelector(".post-card-summary")), "Some words of the post.", "the card keeps the summary");
  });

  it("shows an explicit featureimage in the header and in link previews, Twitter's too", () => {
    const pictured = page("/posts/pictured/");
    const header = pictured.querySelector(".post-feature img, img.post-feature");
    assert.ok(header, "the feature image in the post's header");
    assert.ok(Number(header.getAttribute("width")) > 0 && Number(header.getAttribute("height")) > 0);
    const og = pictured.querySelector('meta[property="og:image"]')?.getAttribute("content") ?? "";
    assert.match(og, /^https:\/\/example\.org\/img\/.+-social-1200x630\.jpg$/);
    assert.equal(pictured.querySelector('meta[name="twitter:image"]')?.getAttribute("content"), og);
    assert.ok(pageExists(build.outputDir, new URL(og).pathname));
  });

  it("loads the first image of a post without a feature image at once, the others lazily", () => {
    const images = [...page("/posts/images/").querySelectorAll(".post-content img")];
    assert.equal(images.length, 2);
    assert.equal(images[0]!.getAttribute("fetchpriority"), "high");
    assert.equal(images[0]!.getAttribute("loading"), null);
    assert.equal(images[1]!.getAttribute("fetchpriority"), null);
    assert.equal(images[1]!.getAttribute("loading"), "lazy");
    // Not when the post has a feature image (that one loads first), nor when a heading comes before the image.
    for (const url of ["/posts/pictured/", "/posts/headed/"]) {
      const body = [...page(url).querySelectorAll(".post-content img")];
      assert.equal(body.length, 1, url);
      assert.deepEqual([body[0]!.getAttribute("fetchpriority"), body[0]!.getAttribute("loading")], [null, "lazy"], url);
    }
  });

  it("builds a single-file post (posts/<name>.md) at /posts/<name>/, in lists and feeds", () => {
    assert.equal(text(page("/posts/solo/").querySelector("h1")), "Solo");
    const feed = JSON.parse(fs.readFileSync(outputFile(build.outputDir, "/feed.json"), "utf8")) as { items: Array<{ url: string }> };
    assert.ok(feed.items.some((item) => item.url === "https://example.org/posts/solo/"));
  });

  it("with --no-search, writes no search index", () => {
    assert.ok(!fs.existsSync(path.join(build.outputDir, "pagefind")));
    assert.ok(pageExists(build.outputDir, "/posts/"));
  });

  it("writes every security header README lists into _headers", () => {
    const headers = fs.readFileSync(path.join(build.outputDir, "_headers"), "utf8");
    assert.match(headers, /^\/\*$/m);
    for (const line of [
      /^ {2}Content-Security-Policy: default-src 'self'/m,
      /^ {2}X-Content-Type-Options: nosniff$/m,
      /^ {2}Referrer-Policy: strict-origin-when-cross-origin$/m,
      /^ {2}Permissions-Policy: camera=\(\), microphone=\(\), geolocation=\(\)/m,
      /^ {2}X-Frame-Options: DENY$/m,
    ]) {
      assert.match(headers, line);
    }
  });
});
