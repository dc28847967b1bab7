import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { DOMParser } from "linkedom";
import { invalidHtml } from "../helpers/html-validity.ts";
import { checkLinks } from "../helpers/link-check.ts";
import { bundledContent, buildSite, copyFixture, fixturesDir, loadPage, pageExists, text, type BuildResult } from "../helpers/site.ts";

const fixture = path.join(fixturesDir, "site");

/** The titles of a page's post cards, without what marks a post published elsewhere. */
function cardTitles(doc: Document): string[] {
  return [...doc.querySelectorAll(".post-card-title a")].map((a) => {
    const title = a.cloneNode(true) as Element;
    for (const mark of title.querySelectorAll(".external-mark, .visually-hidden")) mark.remove();
    return text(title);
  });
}

function xml(file: string): Document {
  return new DOMParser().parseFromString(fs.readFileSync(file, "utf8"), "text/xml") as unknown as Document;
}

describe("the fixture site: every generated page", () => {
  let build: BuildResult;
  const page = (url: string) => loadPage(build.outputDir, url);

  before(async () => {
    build = await buildSite(fixture);
    assert.equal(build.exitCode, 0, build.log);
  });

  it("has a home page with the intro from _index.md and the latest posts as cards", () => {
    const home = page("/");
    assert.equal(text(home.querySelector("h1")), "Welcome to Fixture Notes");
    assert.equal(text(home.querySelector(".intro-text strong")), "every page");
    assert.deepEqual(cardTitles(home), ["Translated post", "A post with a feature image", "Tags with reserved names", "Nested two", "Nested one"]);
    const card = home.querySelector(".post-card")!;
    assert.ok(card.querySelector("time[datetime]") && card.querySelector(".post-reading-time") && card.querySelector(".post-card-summary"));
    const imageCard = [...home.querySelectorAll(".post-card")].find((c) => text(c).includes("feature image"))!;
    const image = imageCard.querySelector("picture img.post-card-image")!;
    assert.match(image.getAttribute("src")!, /^\/img\/.+\.webp$/);
    assert.ok(pageExists(build.outputDir, image.getAttribute("src")!));
    assert.deepEqual([image.getAttribute("width"), image.getAttribute("height")], ["1200", "800"]);
    assert.equal(home.querySelector(".more-link a")?.getAttribute("href"), "/posts/");
  });

  it("paginates the post list ten a page with numbered links", () => {
    const first = page("/posts/");
    const second = page("/posts/page/2/");
    assert.equal(text(first.querySelector("h1")), "All writing");
    assert.equal(text(first.querySelector(".list-intro")), "Everything published here, newest first.");
    assert.equal(first.querySelectorAll(".card-list > li").length, 10);
    assert.equal(second.querySelectorAll(".card-list > li").length, 4);
    const all = [...cardTitles(first), ...cardTitles(second)];
    assert.equal(new Set(all).size, 14);
    assert.ok(!all.includes("Not ready"), "the draft is left out");
    assert.ok(!all.includes("翻译的文章"), "a translation is not listed beside its original");
    const numbers = (doc: Document) => [...doc.querySelectorAll(".pagination a[aria-label]")].map((a) => [text(a), a.getAttribute("href"), a.getAttribute("aria-current")]);
    assert.deepEqual(numbers(first), [["1", "/posts/", "page"], ["2", "/posts/page/2/", null]]);
    assert.deepEqual(numbers(second), [["1", "/posts/", null], ["2", "/posts/page/2/", "page"]]);
    assert.equal(first.querySelector(".pagination-step")?.getAttribute("href"), "/posts/page/2/");
    assert.equal(second.querySelector(".pagination-step")?.getAttribute("href"), "/posts/");
  });

  it("groups the archive by year, newest first", () => {
    const archive = page("/archive/");
    const years = [...archive.querySelectorAll(".archive-year h2")].map((h) => text(h).split(" ")[0]);
    assert.deepEqual(years, ["2024", "2023", "2022", "2021", "2020", "2019"]);
    const y2021 = [...archive.querySelectorAll(".archive-year")][3]!;
    assert.deepEqual([...y2021.querySelectorAll("a")].map((a) => text(a)), ["Trilogy, the beginning", "Trilogy, the middle", "Trilogy, the end"]);
  });

  it("has a 404 page", () => {
    assert.ok(pageExists(build.outputDir, "/404.html"));
    assert.equal(page("/404.html").querySelector("a[href='/']") !== null, true);
  });

  it("lists every term of each taxonomy with its post count", () => {
    const tags = page("/tags/");
    const terms = [...tags.querySelectorAll(".term-index li")].map((li) => [text(li.querySelector("a")), li.querySelector("a")?.getAttribute("href"), text(li.querySelector(".term-count"))]);
    assert.deepEqual(terms, [
      ["all", "/tags/all/", "1 post"],
      ["C", "/tags/c/", "1 post"],
      ["C#", "/tags/c-2/", "1 post"],
      ["Guides", "/tags/guides/", "2 posts"],
      ["posts", "/tags/posts/", "1 post"],
      ["Stable Diffusion", "/tags/stable-diffusion/", "2 posts"],
      ["TOML", "/tags/toml/", "1 post"],
      ["人工智能", "/tags/人工智能/", "1 post"],
    ]);
    assert.deepEqual([...page("/categories/").querySelectorAll(".term-index a")].map((a) => text(a)), ["Notes", "Photos", "技术"]);
    assert.deepEqual([...page("/series/").querySelectorAll(".term-index a")].map((a) => text(a)), ["Trilogy"]);
  });

  it("gives each term a page of its posts, Unicode kept and colliding slugs apart", () => {
    assert.deepEqual(cardTitles(page("/tags/c/")), ["First post"]);
    assert.deepEqual(cardTitles(page("/tags/c-2/")), ["Second post"]);
    const ai = page("/tags/人工智能/");
    assert.equal(text(ai.querySelector("h1")), "人工智能");
    assert.deepEqual(cardTitles(ai), ["中文文章"]);
    assert.deepEqual(cardTitles(page("/tags/stable-diffusion/")), ["Tags with reserved names", "中文文章"]);
    assert.deepEqual(cardTitles(page("/tags/posts/")), ["Tags with reserved names"]);
    assert.deepEqual(cardTitles(page("/tags/all/")), ["Tags with reserved names"]);
    assert.deepEqual(cardTitles(page("/categories/notes/")), ["A renamed post", "Second post", "First post"]);
    assert.deepEqual(cardTitles(page("/tags/guides/")), ["Published elsewhere", "A post with a table of contents"]);
  });

  it("links every tag and category of a post to its page", () => {
    const post = page("/posts/2020-cjk/");
    assert.deepEqual(
      [...post.querySelectorAll(".post-taxonomies a")].map((a) => [text(a), a.getAttribute("href")]),
      [
        ["技术", "/categories/技术/"],
        ["人工智能", "/tags/人工智能/"],
        ["Stable Diffusion", "/tags/stable-diffusion/"],
      ],
    );
  });

  it("orders a series by series_order and links each part to the previous and next", () => {
    assert.deepEqual(cardTitles(page("/series/trilogy/")), ["Trilogy, the beginning", "Trilogy, the middle", "Trilogy, the end"]);
    const middle = page("/posts/series-c/");
    assert.deepEqual([...middle.querySelectorAll(".series-box li")].map((li) => text(li)), ["Trilogy, the beginning", "Trilogy, the middle", "Trilogy, the end"]);
    assert.equal(middle.querySelector(".series-box li[aria-current]")?.textContent?.trim(), "Trilogy, the middle");
    assert.equal(middle.querySelector(".series-previous")?.getAttribute("href"), "/posts/series-b/");
    assert.equal(middle.querySelector(".series-next")?.getAttribute("href"), "/posts/series-a/");
    assert.equal(page("/posts/series-b/").querySelector(".series-previous"), null);
    assert.equal(page("/posts/series-a/").querySelector(".series-next"), null);
  });

  it("links each post to the newer and older post by date", () => {
    const middle = page("/posts/series-c/");
    assert.equal(middle.querySelector(".post-nav-newer")?.getAttribute("href"), "/posts/series-b/");
    assert.equal(middle.querySelector(".post-nav-older")?.getAttribute("href"), "/posts/series-a/");
    // The external post has no page, so the neighbours skip it.
    assert.equal(page("/posts/new-name/").querySelector(".post-nav-older")?.getAttribute("href"), "/posts/series-b/");
    assert.equal(page("/posts/translated/").querySelector(".post-nav-newer"), null);
  });

  it("builds no page for an externalUrl post and links out to it, marked", () => {
    assert.equal(pageExists(build.outputDir, "/posts/external/"), false);
    const card = [...page("/tags/guides/").querySelectorAll(".post-card")].find((c) => text(c).includes("Published elsewhere"))!;
    const link = card.querySelector(".post-card-title a")!;
    assert.equal(link.getAttribute("href"), "https://example.com/elsewhere");
    assert.equal(link.getAttribute("rel"), "external");
    // Marked for the eye with an arrow, and in the link's name for screen readers.
    assert.equal(link.querySelector(".external-mark")?.getAttribute("aria-hidden"), "true");
    assert.equal(text(link.querySelector(".visually-hidden")), "(external link)");
    const archiveLink = page("/archive/").querySelector("a[href='https://example.com/elsewhere']");
    assert.equal(archiveLink?.getAttribute("rel"), "external");
    assert.match(text(archiveLink), /\(external link\)$/);
  });

  it("serves a post under its slug, with redirects from its aliases", () => {
    assert.ok(pageExists(build.outputDir, "/posts/new-name/"));
    assert.equal(pageExists(build.outputDir, "/posts/renamed/"), false);
    for (const alias of ["/old-path/", "/posts/legacy.html"]) {
      const redirect = page(alias);
      assert.equal(redirect.querySelector("link[rel=canonical]")?.getAttribute("href"), "https://example.org/posts/new-name/");
      assert.equal(redirect.querySelector("meta[http-equiv=refresh]")?.getAttribute("content"), "0; url=https://example.org/posts/new-name/");
      assert.equal(redirect.querySelector("meta[name=robots]")?.getAttribute("content"), "noindex");
      assert.equal(redirect.querySelector("a")?.getAttribute("href"), "https://example.org/posts/new-name/");
    }
  });

  it("serves a slug-moved bundle's files under the post's URL too", () => {
    assert.ok(pageExists(build.outputDir, "/posts/new-name/diagram.svg"));
    assert.ok(pageExists(build.outputDir, "/posts/renamed/diagram.svg"));
    const img = page("/posts/new-name/").querySelector('img[alt="A diagram in the bundle"]');
    assert.ok(pageExists(build.outputDir, img!.getAttribute("src")!));
  });

  it("shows lastmod as the updated date", () => {
    assert.equal(text(page("/posts/new-name/").querySelector(".post-updated")), "Updated June 6, 2022".replace("June 6, 2022", "May 5, 2023"));
    assert.equal(page("/posts/2019-first/").querySelector(".post-updated"), null);
  });

  it("builds a table of contents whose anchors reach CJK headings", () => {
    const post = page("/posts/2020-toc/");
    const links = [...post.querySelectorAll(".toc a")].map((a) => [text(a), a.getAttribute("href")]);
    assert.deepEqual(links, [
      ["Getting started", "#getting-started"],
      ["安装步骤", "#安装步骤"],
      ["常见问题？", "#常见问题"],
    ]);
    for (const [, href] of links) assert.ok(post.getElementById(href!.slice(1)), href!);
    assert.equal(page("/posts/2019-first/").querySelector(".toc"), null);
  });

  it("resolves summaries: <!--more-->, then front matter, then leading paragraphs", () => {
    const notes = page("/categories/notes/");
    const summary = (title: string) => text([...notes.querySelectorAll(".post-card")].find((c) => text(c).includes(title))?.querySelector(".post-card-summary"));
    assert.equal(summary("A renamed post"), "The opening that forms the summary.");
    assert.equal(summary("Second post"), "A summary written in the front matter.");
    assert.equal(summary("First post"), "The very first post of the fixture. It talks about C.");
  });

  it("gives nested sections their page, titled by _index.md", () => {
    const section = page("/posts/2023/");
    assert.equal(text(section.querySelector("h1")), "Year 2023");
    assert.equal(text(section.querySelector(".list-intro")), "Posts filed under their year.");
    assert.deepEqual(cardTitles(section), ["Nested two", "Nested one"]);
    assert.equal(text(page("/posts/2023/nested-two/").querySelector("h1")), "Nested two");
  });

  it("links a post to its translation", () => {
    const post = page("/posts/translated/");
    assert.equal(post.querySelector(".post-translations a")?.getAttribute("href"), "/zh-cn/posts/translated/");
    assert.equal(page("/zh-cn/posts/translated/").documentElement.getAttribute("lang"), "zh-CN");
    assert.equal(post.querySelector('link[rel=alternate][hreflang="zh-CN"]')?.getAttribute("href"), "https://example.org/zh-cn/posts/translated/");
  });

  it("writes an Atom feed of full posts with absolute URLs", () => {
    const feed = xml(path.join(build.outputDir, "feed.xml"));
    assert.equal(feed.documentElement.getAttribute("xmlns"), "http://www.w3.org/2005/Atom");
    const entries = [...feed.querySelectorAll("entry")];
    assert.equal(entries.length, 13, "every post with a page of its own, not the external one");
    assert.equal(text(entries[0]!.querySelector("title")), "Translated post");
    for (const entry of entries) {
      const link = entry.querySelector("link")!.getAttribute("href")!;
      assert.match(link, /^https:\/\/example\.org\/posts\//);
      for (const tag of ["published", "updated"]) {
        const value = text(entry.querySelector(tag));
        assert.match(value, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/);
        assert.ok(!Number.isNaN(Date.parse(value)));
      }
      const content = text(entry.querySelector("content"));
      assert.ok(content.length > 0);
      assert.ok(!/(?:href|src)="\//.test(content), `relative URL left in ${link}`);
    }
    const toc = entries.find((e) => text(e.querySelector("title")) === "A post with a table of contents")!;
    assert.match(text(toc.querySelector("content")), /href="https:\/\/example\.org\/posts\/2020-toc\/#getting-started"/);
    const renamed = entries.find((e) => text(e.querySelector("title")) === "A renamed post")!;
    assert.equal(text(renamed.querySelector("updated")), "2023-05-05T00:00:00Z");
  });

  it("writes a JSON feed with the same entries", () => {
    const feed = JSON.parse(fs.readFileSync(path.join(build.outputDir, "feed.json"), "utf8"));
    assert.equal(feed.version, "https://jsonfeed.org/version/1.1");
    assert.equal(feed.feed_url, "https://example.org/feed.json");
    assert.equal(feed.items.length, 13);
    for (const item of feed.items) {
      assert.match(item.url, /^https:\/\/example\.org\//);
      assert.ok(!Number.isNaN(Date.parse(item.date_published)));
      assert.ok(!/(?:href|src)="\//.test(item.content_html));
    }
    const image = feed.items.find((i: { title: string }) => i.title === "A post with a feature image").image;
    assert.match(image, /^https:\/\/example\.org\/img\/.+-social-1200x630\.jpg$/);
    assert.ok(pageExists(build.outputDir, new URL(image).pathname));
  });

  it("writes a sitemap with lastmod and a robots.txt pointing at it", () => {
    const sitemap = xml(path.join(build.outputDir, "sitemap.xml"));
    const entries = new Map([...sitemap.querySelectorAll("url")].map((u) => [text(u.querySelector("loc")), text(u.querySelector("lastmod"))]));
    assert.equal(entries.get("https://example.org/posts/new-name/"), "2023-05-05T00:00:00Z");
    assert.equal(entries.get("https://example.org/posts/2019-first/"), "2019-03-01T00:00:00Z");
    for (const url of ["/", "/posts/", "/tags/人工智能/", "/about/", "/archive/"]) {
      assert.ok(entries.has(new URL(url, "https://example.org/").href), url);
    }
    assert.ok(![...entries.keys()].some((loc) => loc.includes("external") || loc.includes("/posts/draft/")));
    assert.match(fs.readFileSync(path.join(build.outputDir, "robots.txt"), "utf8"), /^Sitemap: https:\/\/example\.org\/sitemap\.xml$/m);
  });

  it("gives a post's Open Graph tags its feature image", () => {
    const post = page("/posts/with-image/");
    assert.equal(post.querySelector("meta[property='og:type']")?.getAttribute("content"), "article");
    const ogImage = post.querySelector("meta[property='og:image']")?.getAttribute("content") ?? "";
    assert.match(ogImage, /^https:\/\/example\.org\/img\/.+-social-1200x630\.jpg$/);
    assert.ok(pageExists(build.outputDir, new URL(ogImage).pathname));
    assert.equal(post.querySelector("meta[property='og:image:width']")?.getAttribute("content"), "1200");
    assert.equal(post.querySelector("meta[property='og:image:height']")?.getAttribute("content"), "630");
    assert.equal(post.querySelector("meta[name='twitter:card']")?.getAttribute("content"), "summary_large_image");
  });

  it("describes each post with BlogPosting JSON-LD", () => {
    const script = page("/posts/2020-cjk/").querySelector('script[type="application/ld+json"]');
    const data = JSON.parse(script?.textContent ?? "");
    assert.equal(data["@type"], "BlogPosting");
    assert.equal(data.headline, "中文文章");
    assert.equal(data.url, "https://example.org/posts/2020-cjk/");
    assert.equal(data.datePublished, "2020-05-05T00:00:00Z");
    assert.equal(data.author.name, "Test Author");
    assert.equal(page("/tags/c/").querySelector('script[type="application/ld+json"]'), null);
  });

  it("has no broken internal link or anchor", () => {
    assert.deepEqual(checkLinks(build.outputDir), []);
  });

  it("is valid HTML on every page, and every page has its canonical URL, a description and Open Graph tags", () => {
    assert.deepEqual(invalidHtml(build.outputDir, seoProblems), []);
  });
});

/** What a page lacks of README's promise: a canonical URL (its own), a description, Open Graph and Twitter tags, icons. */
function seoProblems(doc: Document, url: string): string[] {
  // A redirect page (an alias) points at its target instead.
  if (doc.querySelector("meta[http-equiv=refresh]")) return [];
  const problems: string[] = [];
  const canonical = doc.querySelector("link[rel=canonical]")?.getAttribute("href");
  const own = new URL(url.replace(/^\/404\.html$/, "/404.html"), "https://example.org").href;
  if (canonical !== own) problems.push(`canonical ${canonical}, not ${own}`);
  if (!doc.querySelector("meta[name=description]")?.getAttribute("content")) problems.push("no description");
  if (doc.querySelector("meta[property='og:url']")?.getAttribute("content") !== canonical) problems.push("og:url is not the canonical URL");
  if (!doc.querySelector("meta[property='og:title']")?.getAttribute("content")) problems.push("no og:title");
  if (!doc.querySelector("meta[name='twitter:card']")) problems.push("no twitter:card");
  // The site's icons (so no browser asks for a /favicon.ico that is not there).
  for (const rel of ["icon", "apple-touch-icon", "manifest"]) if (!doc.querySelector(`link[rel=${rel}]`)) problems.push(`no ${rel} link`);
  return problems;
}

describe("a site served under a path prefix", () => {
  let build: BuildResult;

  before(async () => {
    const content = copyFixture("site");
    const settingsFile = path.join(content, "_data/site.json");
    const settings = JSON.parse(fs.readFileSync(settingsFile, "utf8"));
    fs.writeFileSync(settingsFile, JSON.stringify({ ...settings, baseURL: "https://example.org/blog/" }));
    build = await buildSite(content);
    assert.equal(build.exitCode, 0, build.log);
  });

  it("prefixes every internal link and asset, and every link still resolves", () => {
    for (const url of ["/", "/posts/page/2/", "/posts/2020-toc/", "/tags/人工智能/", "/404.html"]) {
      const doc = loadPage(build.outputDir, url);
      for (const element of doc.querySelectorAll("[href], [src]")) {
        const value = element.getAttribute("href") ?? element.getAttribute("src") ?? "";
        if (value.startsWith("/")) assert.ok(value.startsWith("/blog/"), `${url}: ${value}`);
      }
    }
    assert.deepEqual(checkLinks(build.outputDir, "/blog/"), []);
  });

  it("puts the prefix in feeds, sitemap, robots.txt and canonical URLs", () => {
    const atom = fs.readFileSync(path.join(build.outputDir, "feed.xml"), "utf8");
    assert.ok(!/https:\/\/example\.org\/(?!blog\/)/.test(atom));
    const json = JSON.parse(fs.readFileSync(path.join(build.outputDir, "feed.json"), "utf8"));
    assert.ok(json.items.length > 0);
    assert.ok(json.items.every((item: { url: string; content_html: string }) => item.url.startsWith("https://example.org/blog/") && !/https:\/\/example\.org\/(?!blog\/)/.test(item.content_html)));
    const sitemap = fs.readFileSync(path.join(build.outputDir, "sitemap.xml"), "utf8");
    const locations = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    assert.ok(locations.length > 10, `${locations.length} URLs in the sitemap`);
    assert.ok(locations.every((loc) => loc.startsWith("https://example.org/blog/")));
    assert.match(fs.readFileSync(path.join(build.outputDir, "robots.txt"), "utf8"), /Sitemap: https:\/\/example\.org\/blog\/sitemap\.xml/);
    assert.equal(loadPage(build.outputDir, "/posts/new-name/").querySelector("link[rel=canonical]")?.getAttribute("href"), "https://example.org/blog/posts/new-name/");
    assert.equal(loadPage(build.outputDir, "/old-path/").querySelector("meta[http-equiv=refresh]")?.getAttribute("content"), "0; url=https://example.org/blog/posts/new-name/");
  });
});

describe("the bundled site: generated pages", () => {
  let build: BuildResult;

  before(async () => {
    build = await buildSite(bundledContent);
    assert.equal(build.exitCode, 0, build.log);
  });

  it("has every page type", () => {
    for (const url of ["/", "/posts/", "/archive/", "/tags/", "/tags/人工智能/", "/categories/", "/series/", "/series/新一轮人工智能热潮/", "/404.html", "/feed.xml", "/feed.json", "/sitemap.xml", "/robots.txt"]) {
      assert.ok(pageExists(build.outputDir, url), url);
    }
    assert.deepEqual(cardTitles(loadPage(build.outputDir, "/series/新一轮人工智能热潮/")), ["新一轮人工智能热潮", "从演示到产品：生成式 AI 落地的难题"]);
  });

  it("has no broken internal link or anchor", () => {
    assert.deepEqual(checkLinks(build.outputDir), []);
  });

  it("is valid HTML on every page", () => {
    assert.deepEqual(invalidHtml(build.outputDir), []);
  });
});
