import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import sharp from "sharp";
import { bundledContent, buildSite, fixturesDir, loadPage, makeContent, outputFile, pageExists, text, type BuildResult } from "../helpers/site.ts";
import { invalidHtml } from "../helpers/html-validity.ts";
import { temporaryDir } from "../../scripts/temporary-dir.ts";

const fixture = path.join(fixturesDir, "images");
const bundle = path.join(fixture, "posts/gallery");

async function size(file: string): Promise<{ width: number; height: number; pages: number }> {
  const meta = await sharp(file, { animated: true }).metadata();
  return { width: meta.width!, height: meta.pageHeight ?? meta.height!, pages: meta.pages ?? 1 };
}

/** Checks a <picture>: AVIF and WebP sources whose every file exists with the width its descriptor claims. */
async function assertPicture(outputDir: string, picture: Element, source: string): Promise<void> {
  const types = [...picture.querySelectorAll("source")].map((s) => s.getAttribute("type"));
  assert.deepEqual(types, ["image/avif", "image/webp"]);
  for (const element of picture.querySelectorAll("source")) {
    assert.ok(element.getAttribute("sizes"));
    for (const candidate of element.getAttribute("srcset")!.split(", ")) {
      const [url, descriptor] = candidate.split(" ");
      assert.ok(pageExists(outputDir, url!), url);
      assert.equal(`${(await size(outputFile(outputDir, url!))).width}w`, descriptor);
    }
  }
  const img = picture.querySelector("img")!;
  const original = await size(path.join(bundle, source));
  const fallback = await size(outputFile(outputDir, img.getAttribute("src")!));
  assert.equal(Number(img.getAttribute("width")), fallback.width);
  assert.equal(Number(img.getAttribute("height")), fallback.height);
  assert.ok(Math.abs(fallback.width / fallback.height - original.width / original.height) < 0.01, "aspect ratio kept");
}

function cacheSnapshot(dir: string): Map<string, number> {
  return new Map(fs.readdirSync(dir).map((name) => [name, fs.statSync(path.join(dir, name)).mtimeMs]));
}

describe("images of a post, referenced every way", () => {
  let build: BuildResult;
  let page: Document;
  const cache = temporaryDir("blog-image-cache-");
  const byAlt = (alt: string) => page.querySelector(`.post-content img[alt="${alt}"]`);

  before(async () => {
    build = await buildSite(fixture, { env: { BLOG_IMAGE_CACHE: cache } });
    assert.equal(build.exitCode, 0, build.log);
    page = loadPage(build.outputDir, "/posts/gallery/");
  });

  it("makes a relative Markdown image a responsive <picture> with its size", async () => {
    const img = byAlt("A red square")!;
    assert.equal(img.parentElement?.tagName, "PICTURE");
    await assertPicture(build.outputDir, img.parentElement!, "red.png");
    assert.equal(img.getAttribute("loading"), "lazy");
    assert.equal(img.getAttribute("decoding"), "async");
  });

  it("keeps a Markdown image's title", async () => {
    const img = byAlt("A photo with a title")!;
    await assertPicture(build.outputDir, img.parentElement!, "img/photo.jpg");
    assert.equal(img.getAttribute("title"), "Harbour at dusk");
    assert.equal(img.parentElement?.querySelectorAll("source")[1]?.getAttribute("srcset")?.split(", ").length, 3);
  });

  it("processes a site-absolute raw HTML image and keeps the attributes its author wrote", async () => {
    const img = page.querySelector("p.raw img#photo-raw")!;
    await assertPicture(build.outputDir, img.parentElement!, "img/photo.jpg");
    assert.equal(img.getAttribute("class"), "framed");
    assert.equal(img.getAttribute("style"), "border: 2px solid teal");
    assert.equal(img.getAttribute("title"), "Site-absolute");
    assert.equal(img.getAttribute("alt"), "The same photo, site-absolute");
  });

  it("handles file names with spaces and double extensions", async () => {
    await assertPicture(build.outputDir, byAlt("A name with a space")!.parentElement!, "img/new tyler.webp");
    await assertPicture(build.outputDir, byAlt("A double extension")!.parentElement!, "iphone.jpg.webp");
  });

  it("serves SVG and animated images as they are, with their size", async () => {
    const svg = byAlt("A diagram")!;
    assert.equal(svg.parentElement?.tagName, "P");
    assert.equal(svg.getAttribute("src"), "/posts/gallery/diagram.svg");
    assert.deepEqual([svg.getAttribute("width"), svg.getAttribute("height")], ["400", "200"]);
    const gif = byAlt("An animation")!;
    assert.equal(gif.getAttribute("src"), "/posts/gallery/spinner.gif");
    assert.deepEqual([gif.getAttribute("width"), gif.getAttribute("height")], ["64", "48"]);
    assert.equal((await size(outputFile(build.outputDir, gif.getAttribute("src")!))).pages, 2, "still animated");
  });

  it("leaves remote images as written", () => {
    const remote = byAlt("A remote picture")!;
    assert.equal(remote.getAttribute("src"), "https://cdn.example.com/remote.jpg");
    assert.equal(remote.parentElement?.tagName, "P");
  });

  it("processes images inside shortcode content", async () => {
    const img = page.querySelector(".alert-content img")!;
    assert.equal(img.getAttribute("alt"), "Red again");
    await assertPicture(build.outputDir, img.parentElement!, "red.png");
  });

  it("warns about an image without alt text, with its place", () => {
    assert.match(build.log, /test\/fixtures\/images\/posts\/gallery\/index\.md:28:5: The image "red\.png" has no alt text\. Describe what it shows/);
    assert.ok(!/"A red square"|photo\.jpg" has no alt/.test(build.log));
  });

  it("makes the feature image eager in the post header and lazy on cards", async () => {
    const header = page.querySelector(".post-header picture img.post-feature")!;
    await assertPicture(build.outputDir, header.parentElement!, "feature.jpg");
    assert.equal(header.getAttribute("fetchpriority"), "high");
    assert.equal(header.getAttribute("loading"), null);
    assert.equal(page.querySelectorAll('.post-content img[loading="lazy"]').length, 9);
    const card = loadPage(build.outputDir, "/").querySelector(".post-card picture img.post-card-image")!;
    assert.equal(card.getAttribute("loading"), "lazy");
    assert.match(card.parentElement!.querySelector("source")!.getAttribute("sizes")!, /14rem/);
  });

  it("crops a 1200×630 social preview for og:image", async () => {
    const og = page.querySelector("meta[property='og:image']")!.getAttribute("content")!;
    assert.match(og, /^https:\/\/images\.example\.org\/img\//);
    const file = outputFile(build.outputDir, new URL(og).pathname);
    assert.deepEqual(await size(file), { width: 1200, height: 630, pages: 1 });
  });

  it("keeps the original files at their URLs", () => {
    for (const url of ["/posts/gallery/img/photo.jpg", "/posts/gallery/img/new tyler.webp", "/posts/gallery/red.png", "/posts/gallery/feature.jpg"]) {
      assert.ok(pageExists(build.outputDir, url), url);
    }
  });

  it("writes valid HTML around every kind of image", () => {
    assert.deepEqual(invalidHtml(build.outputDir), []);
  });

  it("does no image work on a second build with unchanged images", async () => {
    const before = cacheSnapshot(cache);
    assert.ok(before.size > 20);
    const second = await buildSite(fixture, { env: { BLOG_IMAGE_CACHE: cache } });
    assert.equal(second.exitCode, 0, second.log);
    assert.deepEqual(cacheSnapshot(cache), before, "no file was encoded again");
    const again = loadPage(second.outputDir, "/posts/gallery/");
    assert.equal(again.querySelector(".post-content")?.innerHTML, page.querySelector(".post-content")?.innerHTML);
    assert.ok(pageExists(second.outputDir, again.querySelector(".post-content picture img")!.getAttribute("src")!));
  });
});

describe("missing images", () => {
  const post = [
    "---",
    'title: "Broken images"',
    "---",
    "",
    "![Gone](nowhere.png)",
    "",
    '<div><img src="/posts/broken/also-gone.jpg" alt="Also gone" class="keep"></div>',
    "",
    "![Remote is fine](https://example.com/x.png)",
  ].join("\n");

  it("stops the build, listing every missing image with its place and the path looked for", async () => {
    const content = makeContent({ "posts/broken/index.md": post });
    const build = await buildSite(content);
    assert.notEqual(build.exitCode, 0);
    assert.match(build.log, /posts\/broken\/index\.md:5:9: The image "nowhere\.png" does not exist \(looked for .*posts\/broken\/nowhere\.png\)\. Check the file name/);
    assert.match(build.log, /posts\/broken\/index\.md:7:16: The image "\/posts\/broken\/also-gone\.jpg" does not exist \(looked for .*posts\/broken\/also-gone\.jpg/);
    assert.match(build.log, /2 problems/);
  });

  it("only warns, keeping the original tag, when the site allows it", async () => {
    const content = makeContent({ "posts/broken/index.md": post, "_data/site.json": JSON.stringify({ missingImages: "warn" }) });
    const build = await buildSite(content);
    assert.equal(build.exitCode, 0, build.log);
    assert.match(build.log, /Warnings:[\s\S]*posts\/broken\/index\.md:5:9: The image "nowhere\.png" does not exist/);
    const page = loadPage(build.outputDir, "/posts/broken/");
    assert.equal(page.querySelector('img[alt="Gone"]')?.getAttribute("src"), "nowhere.png");
    assert.equal(page.querySelector("img.keep")?.getAttribute("src"), "/posts/broken/also-gone.jpg");
  });
});

describe("the seed post's thumbnails", () => {
  it("become responsive images with width and height", async () => {
    const build = await buildSite(bundledContent);
    assert.equal(build.exitCode, 0, build.log);
    const seed = loadPage(build.outputDir, "/posts/202210-the-new-ai-hype/");
    const thumbnails = [...seed.querySelectorAll(".post-content img.thumbnailshadow")];
    assert.equal(thumbnails.length, 6);
    for (const img of thumbnails) {
      assert.equal(img.parentElement?.tagName, "PICTURE");
      assert.equal(img.parentElement?.querySelectorAll("source").length, 2);
      const file = outputFile(build.outputDir, img.getAttribute("src")!);
      const actual = await size(file);
      assert.deepEqual([Number(img.getAttribute("width")), Number(img.getAttribute("height"))], [actual.width, actual.height]);
      assert.equal(img.getAttribute("loading"), "lazy");
    }
    assert.match(text(seed.querySelector("h1")), /新一轮人工智能热潮/);
  });
});

describe("pages that share an image", () => {
  it("encode it once on a cold cache: the translations of a bundle share its feature image", async () => {
    const feature = fs.readFileSync(path.join(fixturesDir, "site/posts/with-image/feature.jpg"));
    const content = makeContent({
      "_data/site.json": JSON.stringify({ language: "zh-CN" }),
      "posts/shared/index.zh-cn.md": '---\ntitle: "中文"\ndate: 2024-01-01\n---\n\n正文。\n',
      "posts/shared/index.en.md": '---\ntitle: "English"\ndate: 2024-01-01\n---\n\nText.\n',
    });
    fs.writeFileSync(path.join(content, "posts/shared/feature.jpg"), feature);
    const build = await buildSite(content, { env: { BLOG_IMAGE_CACHE: temporaryDir("blog-cold-images-") } });
    assert.equal(build.exitCode, 0, build.log);
    for (const url of ["/posts/shared/", "/en/posts/shared/"]) {
      const social = loadPage(build.outputDir, url).querySelector('meta[property="og:image"]')?.getAttribute("content") ?? "";
      assert.match(social, /-social-1200x630\.jpg$/, url);
      assert.deepEqual(await size(outputFile(build.outputDir, new URL(social).pathname)), { width: 1200, height: 630, pages: 1 });
    }
  });
});
