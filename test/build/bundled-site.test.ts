import assert from "node:assert/strict";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import sharp from "sharp";
import { bundledContent, buildSite, fileHashes, loadPage, pageExists, projectDir, text, type BuildResult } from "../helpers/site.ts";

const seedUrl = "/posts/202210-the-new-ai-hype/";
const seedSource = fs.readFileSync(path.join(bundledContent, "posts/202210-the-new-ai-hype/index.zh-cn.md"), "utf8");

describe("the bundled site, production build", () => {
  let build: BuildResult;
  let seed: Document;
  let contentBefore: Map<string, string>;

  before(async () => {
    contentBefore = fileHashes(bundledContent);
    build = await buildSite(bundledContent);
    assert.equal(build.exitCode, 0, build.log);
    seed = loadPage(build.outputDir, seedUrl);
  });

  it("never writes into the content folder", () => {
    assert.deepEqual(fileHashes(bundledContent), contentBefore);
  });

  it("keeps the seed post byte for byte as the series' first post", () => {
    // SHA-256 of the seed as the user handed it over (../shared/seed/index.zh-cn.md), recorded when it was imported.
    const seedAsGiven = "d4aecebf49ea7ca334632d6c1c2fb28c370423324248f09e3cb9c1de2842fd07";
    assert.equal(crypto.createHash("sha256").update(fs.readFileSync(path.join(bundledContent, "posts/202210-the-new-ai-hype/index.zh-cn.md"))).digest("hex"), seedAsGiven);
  });

  it("serves the seed post at its Hugo URL with lang zh-CN", () => {
    assert.equal(seed.documentElement.getAttribute("lang"), "zh-CN");
    assert.equal(text(seed.querySelector("h1")), "新一轮人工智能热潮");
    assert.match(text(seed.querySelector("title")), /^新一轮人工智能热潮/);
  });

  it("turns every reference-style link of the seed into a working link", () => {
    const definitions = new Map(
      [...seedSource.matchAll(/^\[(\d+)\]:\s+(\S+)\s*$/gm)].map((m) => [m[1]!, m[2]!]),
    );
    const uses = [...seedSource.matchAll(/\[([^\]\n]+)\]\[(\d+)\]/g)].map((m) => ({ label: m[1]!, href: definitions.get(m[2]!) }));
    assert.ok(uses.length >= 30, `expected the seed's reference links, found ${uses.length}`);
    const content = seed.querySelector(".post-content")!;
    const anchors = [...content.querySelectorAll("a")].map((a) => ({ label: text(a), href: a.getAttribute("href") }));
    for (const use of uses) {
      assert.ok(use.href, `definition for "${use.label}" exists`);
      assert.ok(
        anchors.some((a) => a.label === use.label && a.href === use.href),
        `link "${use.label}" → ${use.href}`,
      );
    }
    assert.ok(!/\]\[\d+\]/.test(content.textContent ?? ""), "no unresolved [text][n] left in the text");
  });

  it("renders CJK bold and emphasis", () => {
    const strong = [...seed.querySelectorAll(".post-content strong")].map((s) => text(s));
    assert.ok(strong.includes("生成预训练Transformer 3（GPT-3）"));
    const em = [...seed.querySelectorAll(".post-content em")].map((e) => text(e));
    for (const word of ["预言", "梦想", "去噪", "AI热潮", "创意传播价值链", "模拟", "创作"]) assert.ok(em.includes(word), word);
    assert.ok(!(seed.querySelector(".post-content")?.textContent ?? "").includes("_预言_"));
  });

  it("passes the raw HTML blocks through and repairs </br>", () => {
    const grid = seed.querySelectorAll('.post-content div[style*="flex-wrap"] img.thumbnailshadow');
    assert.equal(grid.length, 6);
    // The podcast iframe and the Instagram embed are kept, made click-to-load and script-free.
    assert.equal(seed.querySelector('.post-content figure.embed-frame')?.getAttribute("data-embed-src"), "https://share.transistor.fm/e/22f16c7f");
    assert.equal(seed.querySelector(".post-content blockquote.instagram-media")?.getAttribute("cite"), "https://www.instagram.com/p/CkCIqTZMUZT/?utm_source=ig_embed&utm_campaign=loading");
    assert.equal(seed.querySelectorAll(".post-content iframe, .post-content script").length, 0);
    const html = fs.readFileSync(path.join(build.outputDir, seedUrl, "index.html"), "utf8");
    assert.ok(!html.includes("</br>"));
    // The page did not break: the footer still follows the article.
    assert.ok(seed.querySelector("body > footer.site-footer"));
  });

  it("shows the date, reading time and summary", () => {
    const time = seed.querySelector(".post-header time");
    assert.equal(text(time), "2022年10月25日");
    assert.equal(time?.getAttribute("datetime"), "2022-10-25T00:00:00+08:00");
    assert.match(text(seed.querySelector(".post-reading-time")), /^阅读时间 \d+ 分钟$/);
    const summary = /^summary: "(.*)"$/m.exec(seedSource)?.[1];
    assert.equal(seed.querySelector('meta[name="description"]')?.getAttribute("content"), summary);
  });

  it("links every category and tag", () => {
    const categories = [...seed.querySelectorAll(".post-taxonomies a")].map((a) => [text(a), a.getAttribute("href")]);
    assert.deepEqual(categories, [
      ["产品", "/categories/产品/"],
      ["战略", "/categories/战略/"],
      ["技术", "/categories/技术/"],
      ["Stable Diffusion", "/tags/stable-diffusion/"],
      ["Midjourney", "/tags/midjourney/"],
      ["Dall-e", "/tags/dall-e/"],
      ["人工智能", "/tags/人工智能/"],
      ["机器学习", "/tags/机器学习/"],
    ]);
  });

  it("shows the series box with every published part in order and the current one marked", () => {
    const box = seed.querySelector(".series-box")!;
    assert.match(text(box.querySelector("h2")), /新一轮人工智能热潮/);
    const parts = [...box.querySelectorAll("li")];
    assert.deepEqual(
      parts.map((li) => text(li)),
      ["新一轮人工智能热潮", "从演示到产品：生成式 AI 落地的难题"],
    );
    assert.equal(parts[0]?.getAttribute("aria-current"), "page");
    assert.equal(parts[0]?.querySelector("a"), null);
    assert.equal(parts[1]?.querySelector("a")?.getAttribute("href"), "/posts/202211-ai-in-production/");
    assert.equal(text(box.querySelector(".series-box-position")), "本系列第 1 篇，共 2 篇");
  });

  it("shows the second part's feature image with its size", () => {
    const page = loadPage(build.outputDir, "/posts/202211-ai-in-production/");
    const img = page.querySelector(".post-header img.post-feature");
    assert.ok(img);
    assert.equal(img.getAttribute("width"), "1600");
    assert.equal(img.getAttribute("height"), "900");
    assert.ok(pageExists(build.outputDir, img.getAttribute("src")!));
    assert.equal(page.querySelector(".series-box li[aria-current]")?.textContent?.trim(), "从演示到产品：生成式 AI 落地的难题");
  });

  it("leaves the draft out of the build and out of every list", () => {
    assert.equal(pageExists(build.outputDir, "/posts/202212-open-vs-closed-models/"), false);
    for (const url of ["/", seedUrl]) {
      const html = fs.readFileSync(path.join(build.outputDir, url, "index.html"), "utf8");
      assert.ok(!html.includes("开源模型与闭源模型之争"), url);
      assert.ok(!html.includes("202212-open-vs-closed-models"), url);
    }
  });

  it("leaves no shortcode call in any output file", () => {
    for (const entry of fs.readdirSync(build.outputDir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.(html|xml|json|txt)$/.test(entry.name)) continue;
      const file = path.join(entry.parentPath, entry.name);
      const content = fs.readFileSync(file, "utf8");
      assert.ok(!/\{\{[<%]/.test(content), `${path.relative(build.outputDir, file)} still holds a shortcode call`);
    }
  });

  it("renders the seed's three YouTube calls as embeds with their ids", () => {
    const ids = [...seedSource.matchAll(/\{\{< youtube (\S+) >\}\}/g)].map((m) => m[1]);
    assert.equal(ids.length, 3);
    const embeds = [...seed.querySelectorAll(".post-content figure.youtube-embed")];
    assert.deepEqual(embeds.map((e) => e.getAttribute("data-youtube-id")), ids);
    for (const embed of embeds) {
      const id = embed.getAttribute("data-youtube-id");
      assert.equal(embed.querySelector("a")?.getAttribute("href"), `https://www.youtube.com/watch?v=${id}`);
    }
    assert.ok(seed.querySelector('head script[src="/js/embeds.js"]'));
  });

  it("renders the tweet as a card linking to the post", () => {
    const link = seed.querySelector(".post-content .tweet-card a.tweet-card-link");
    assert.equal(link?.getAttribute("href"), "https://x.com/mkbhd/status/1582772722240999425");
  });

  it("renders both alerts with their Markdown inside", () => {
    const inner = [...seedSource.matchAll(/\{\{< alert >\}\}\n([\s\S]*?)\n\{\{<\/ alert >\}\}/g)].map((m) => m[1]!.trim());
    assert.equal(inner.length, 2);
    const alerts = [...seed.querySelectorAll(".post-content .alert")];
    assert.deepEqual(alerts.map((a) => text(a.querySelector(".alert-content > p"))), inner);
    for (const alert of alerts) assert.ok(alert.querySelector(".alert-icon svg"));
  });

  it("renders the article card of the tutorial the seed links to", () => {
    const tutorial = loadPage(build.outputDir, "/posts/202210-stable-diffusion-tutorial/");
    const card = seed.querySelector(".post-content .article-card .post-card")!;
    const link = card.querySelector(".post-card-title a");
    assert.equal(link?.getAttribute("href"), "/posts/202210-stable-diffusion-tutorial/");
    assert.equal(text(link), text(tutorial.querySelector("h1")));
    assert.equal(text(card.querySelector("time")), text(tutorial.querySelector(".post-header time")));
    assert.equal(text(card.querySelector(".post-reading-time")), text(tutorial.querySelector(".post-header .post-reading-time")));
    assert.ok(card.querySelector("img.post-card-image[width][height]"));
    assert.ok(text(card.querySelector(".post-card-summary")).length > 20);
  });

  it("leaves no empty paragraph where a shortcode was", () => {
    const empty = [...seed.querySelectorAll(".post-content p")].filter((p) => p.innerHTML.trim() === "");
    assert.equal(empty.length, 0);
    assert.equal(seed.querySelector(".post-content p > figure, .post-content p > div"), null);
  });

  it("writes _headers whose Content-Security-Policy allows exactly the page's inline styles and embeds", () => {
    const headers = fs.readFileSync(path.join(build.outputDir, "_headers"), "utf8");
    const policy = /Content-Security-Policy: (.+)/.exec(headers)![1]!;
    for (const element of seed.querySelectorAll("[style]")) {
      const hash = crypto.createHash("sha256").update(element.getAttribute("style")!).digest("base64");
      assert.ok(policy.includes(`'sha256-${hash}'`), element.getAttribute("style")!);
    }
    const inline = seed.querySelector("head script:not([src]):not([type])")!.textContent!;
    assert.ok(policy.includes(`'sha256-${crypto.createHash("sha256").update(inline).digest("base64")}'`));
    assert.match(policy, /frame-src https:\/\/share\.transistor\.fm https:\/\/www\.youtube-nocookie\.com;/);
    assert.ok(!policy.includes("unsafe-inline"));
    assert.match(headers, /X-Content-Type-Options: nosniff/);
  });

  it("serves the six thumbnails the seed's raw HTML references", () => {
    const thumbnails = seed.querySelectorAll(".post-content img.thumbnailshadow");
    assert.equal(thumbnails.length, 6);
    for (const img of thumbnails) {
      assert.ok(pageExists(build.outputDir, img.getAttribute("src")!), img.getAttribute("src")!);
    }
  });

  it("gives browsers the site's icons, made from the generator's own (the site has none): favicon.ico, the home-screen icons, the manifest", async () => {
    const file = (url: string) => fs.readFileSync(path.join(build.outputDir, url));
    const ico = file("favicon.ico");
    assert.deepEqual([ico.readUInt16LE(0), ico.readUInt16LE(2)], [0, 1], "an ICO header");
    const entries = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
      const at = 6 + 16 * i;
      const image = ico.subarray(ico.readUInt32LE(at + 12), ico.readUInt32LE(at + 12) + ico.readUInt32LE(at + 8));
      return [ico.readUInt8(at), image.subarray(1, 4).toString(), image.readUInt32BE(16)];
    });
    assert.deepEqual(entries, [[16, "PNG", 16], [32, "PNG", 32], [48, "PNG", 48]]);
    const size = async (url: string) => {
      const { width, height, format } = await sharp(file(url)).metadata();
      return [format, width, height];
    };
    assert.deepEqual(await size("apple-touch-icon.png"), ["png", 180, 180]);
    assert.equal((await sharp(file("apple-touch-icon.png")).stats()).isOpaque, true, "iOS shows transparency as black");
    const manifest = JSON.parse(file("site.webmanifest").toString());
    assert.deepEqual([manifest.name, manifest.lang, manifest.start_url], ["AI 札记", "zh-CN", "./"]);
    for (const icon of manifest.icons) assert.deepEqual(await size(icon.src), ["png", ...icon.sizes.split("x").map(Number)]);
    assert.equal(file("favicon.svg").toString(), fs.readFileSync(path.join(projectDir, "static/default-favicon.svg"), "utf8"));
    assert.deepEqual(
      [...seed.querySelectorAll("link[rel=icon], link[rel=apple-touch-icon], link[rel=manifest]")].map((link) => [link.getAttribute("rel"), link.getAttribute("href")]),
      [["icon", "/favicon.ico"], ["icon", "/favicon.svg"], ["apple-touch-icon", "/apple-touch-icon.png"], ["manifest", "/site.webmanifest"]],
    );
  });

  it("shows link previews of the seed, which has no feature image, the site's share image at 1200×630", async () => {
    const image = seed.querySelector("meta[property='og:image']")?.getAttribute("content") ?? "";
    assert.equal(seed.querySelector("meta[name='twitter:image']")?.getAttribute("content"), image);
    assert.deepEqual([seed.querySelector("meta[property='og:image:width']")?.getAttribute("content"), seed.querySelector("meta[property='og:image:height']")?.getAttribute("content")], ["1200", "630"]);
    const served = fs.readFileSync(path.join(build.outputDir, new URL(image).pathname));
    const { width, height } = await sharp(served).metadata();
    assert.deepEqual([width, height], [1200, 630]);
    assert.equal(loadPage(build.outputDir, "/").querySelector("meta[property='og:image']")?.getAttribute("content"), image, "the home page too");
  });
});

describe("the bundled site, preview (dev server) build", () => {
  let build: BuildResult;

  before(async () => {
    build = await buildSite(bundledContent, { env: { BLOG_PREVIEW: "1" } });
    assert.equal(build.exitCode, 0, build.log);
  });

  it("builds the draft and marks it", () => {
    const draft = loadPage(build.outputDir, "/posts/202212-open-vs-closed-models/");
    assert.equal(text(draft.querySelector(".post-header .draft-badge")), "草稿");
    assert.ok(draft.querySelector("article.post.is-draft"));
  });

  it("lists the draft, marked, with the other parts of its series", () => {
    const seed = loadPage(build.outputDir, seedUrl);
    const parts = [...seed.querySelectorAll(".series-box li")].map((li) => text(li));
    assert.deepEqual(parts.length, 3);
    assert.match(parts[2]!, /开源模型与闭源模型之争/);
    const home = loadPage(build.outputDir, "/");
    const card = [...home.querySelectorAll(".post-card")].find((c) => text(c).includes("开源模型与闭源模型之争"));
    assert.ok(card?.querySelector(".draft-badge"));
  });
  it("shows Blowfish's features in the post about diffusion, including a shortcode of the site's own", () => {
    const post = loadPage(build.outputDir, "/posts/202212-how-diffusion-draws/");
    const figure = post.querySelector("figure.svg-figure")!;
    assert.equal(figure.querySelector("[role=img]")?.getAttribute("aria-label"), "一幅由模糊色块组成的抽象画，像去噪进行到一半时的样子");
    assert.ok(figure.querySelector("[role=img] > svg radialGradient"), "content/_shortcodes/svg-figure.njk inlines the bundle's SVG");
    assert.equal(figure.querySelector("figcaption strong")?.textContent, "模糊的色块");
    assert.deepEqual([...post.querySelectorAll("figure.diagram svg .node text")].map((node) => node.textContent), ["提示词", "文本编码器", "随机噪声", "U-Net 去噪", "解码器", "图像"]);
    assert.equal(post.querySelectorAll(".post-content math").length, 5);
    assert.equal(text(post.querySelector(".callout-note .callout-title")), "注意");
    assert.equal(post.querySelectorAll("ol.timeline > li").length, 3);
    assert.equal(post.querySelectorAll(".gallery > picture").length, 3);
    assert.equal(post.querySelector("a.repo-card")?.getAttribute("href"), "https://github.com/CompVis/stable-diffusion");
    assert.equal(post.querySelector("a.button")?.getAttribute("href"), "/posts/202210-stable-diffusion-tutorial/");
  });
});
