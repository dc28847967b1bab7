import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import * as DomUtils from "domutils";
import type { Element } from "domhandler";
import { parseDocument } from "htmlparser2";
import type { Post } from "../../lib/site/post.ts";
import { buildSiteIndex, type ContentData } from "../../lib/site/site-index.ts";
import { missingFromSite } from "../../lib/output/site-completeness.ts";
import { defaultSiteSettings, loadSiteSettings } from "../../lib/source/site-settings.ts";
import { temporaryDir } from "../../scripts/temporary-dir.ts";
import type { CollectionItem } from "../../lib/types/eleventy.ts";
import { buildSite, loadPage, makeContent, outputFile, pageExists, type BuildResult } from "../helpers/site.ts";

const hostileTitle = `<b>&"' Beta`;
const hostileSummary = `Sum <i>&</i> "q" 'x'`;

/** Hugo's RSS feeds of a small bilingual site: home, sections, terms; drafts, future, external and local posts. */
const files: Record<string, string> = {
  "_data/site.json": JSON.stringify({
    baseURL: "https://example.org/",
    languages: {
      en: { languageCode: "en", languageName: "English", title: "Notes", description: "Notes on things", weight: 1 },
      "zh-cn": { languageCode: "zh-CN", languageName: "简体中文", title: "札记", description: "札记", weight: 2, timeZone: "Asia/Shanghai", postsPerPage: 1 },
    },
  }),
  "_data/authors/ana.json": JSON.stringify({ name: "Ana" }),
  // The oldest post has a weight: lists show it first, feeds keep to dates.
  "posts/alpha/index.md": `---\ntitle: Alpha\ndate: 2020-01-01\nweight: 1\ntags: [ml]\ncategories: [notes]\nauthors: [ana]\n---\n\nAlpha's text.\n`,
  "posts/beta/index.md": `---\ntitle: ${JSON.stringify(hostileTitle)}\nsummary: ${JSON.stringify(hostileSummary)}\ndate: 2020-03-01\ntags: [ml]\nseries: [Basics]\n---\n\nBeta's text.\n`,
  "posts/gamma/index.md": `---\ntitle: Gamma\ndate: 2020-02-01\nexternalUrl: "https://elsewhere.example/gamma?a=1&b=2"\ntags: [ml]\n---\n`,
  "posts/local/index.md": `---\ntitle: Local\ndate: 2020-05-01\nbuild: { list: local }\n---\n\nOnly in its section.\n`,
  "posts/draft/index.md": `---\ntitle: Draft\ndate: 2020-04-01\ndraft: true\ntags: [ml, drafty]\n---\n\nNot yet.\n`,
  "posts/future/index.md": `---\ntitle: Future\ndate: 2099-01-01\ntags: [ml, later]\n---\n\nLater.\n`,
  "posts/notes/_index.md": `---\ntitle: Field notes\n---\n`,
  "posts/notes/delta/index.md": `---\ntitle: Delta\ndate: 2019-06-01\n---\n\nDelta's text.\n`,
  "posts/alpha/index.zh-cn.md": `---\ntitle: 阿尔法\ndate: 2020-01-02T09:30:00+08:00\ntags: [机器学习]\n---\n\n中文。\n`,
  "posts/zh-only/index.zh-cn.md": `---\ntitle: 只有中文\ndate: 2021-01-01\ntags: [机器学习]\n---\n\n只有中文。\n`,
};

interface Feed {
  raw: string;
  channel: Element;
  items: Element[];
}

function readFeed(outputDir: string, url: string): Feed {
  const raw = fs.readFileSync(outputFile(outputDir, url), "utf8");
  const document = parseDocument(raw, { xmlMode: true });
  const rss = DomUtils.findOne((element) => element.name === "rss", document.children, false);
  assert.ok(rss, `${url} is an RSS document`);
  assert.equal(rss.attribs.version, "2.0");
  const channel = DomUtils.getElementsByTagName("channel", rss.children, false)[0];
  assert.ok(channel, `${url} has a channel`);
  return { raw, channel, items: DomUtils.getElementsByTagName("item", channel.children, false) };
}

/** The text of an element's first child of that name (entities decoded, as a feed reader reads it). */
function child(element: Element, name: string): string | undefined {
  const found = DomUtils.getElementsByTagName(name, element.children, false)[0];
  return found && DomUtils.textContent(found);
}

const itemTitles = (feed: Feed) => feed.items.map((item) => child(item, "title"));

describe("Hugo's RSS feeds", () => {
  let content: string;
  let build: BuildResult;

  before(async () => {
    content = makeContent(files);
    build = await buildSite(content, { env: { BLOG_SEARCH: "0", BLOG_NOW: "2024-06-01T00:00:00Z" } });
    assert.equal(build.exitCode, 0, build.log);
  });

  it("writes a feed for each language's home, each section (its first page only) and each term", () => {
    const feeds = [
      "/index.xml",
      "/posts/index.xml",
      "/posts/notes/index.xml",
      "/tags/ml/index.xml",
      "/categories/notes/index.xml",
      "/series/basics/index.xml",
      "/authors/ana/index.xml",
      "/zh-cn/index.xml",
      "/zh-cn/posts/index.xml",
      "/zh-cn/tags/机器学习/index.xml",
    ];
    for (const url of feeds) {
      assert.ok(pageExists(build.outputDir, url), url);
      const feed = readFeed(build.outputDir, url);
      // Every "&" in the file starts an entity: nothing unescaped reached the XML.
      assert.doesNotMatch(feed.raw, /&(?!(amp|lt|gt|quot|apos|#\d+);)/, url);
      assert.match(feed.raw, /^<\?xml version="1.0" encoding="utf-8" standalone="yes"\?>\n<rss /, url);
    }
    assert.ok(pageExists(build.outputDir, "/zh-cn/posts/page/2/"));
    assert.ok(!pageExists(build.outputDir, "/zh-cn/posts/page/2/index.xml"));
    // The sitemaps keep their names; robots.txt points at the sitemap index.
    assert.ok(pageExists(build.outputDir, "/sitemap-en.xml") && pageExists(build.outputDir, "/zh-cn/sitemap.xml"));
    assert.match(fs.readFileSync(outputFile(build.outputDir, "/robots.txt"), "utf8"), /^Sitemap: https:\/\/example\.org\/sitemap\.xml$/m);
    // The Atom and JSON feeds stay.
    assert.ok(pageExists(build.outputDir, "/feed.xml") && pageExists(build.outputDir, "/zh-cn/feed.json"));
  });

  it("holds each list's published posts, newest first by date (not weight), none drafted or still to come", () => {
    assert.deepEqual(itemTitles(readFeed(build.outputDir, "/index.xml")), [hostileTitle, "Gamma", "Alpha", "Delta"]);
    // `build.list: local` is in its section's list and feed, not the home's.
    assert.deepEqual(itemTitles(readFeed(build.outputDir, "/posts/index.xml")), ["Local", hostileTitle, "Gamma", "Alpha", "Delta"]);
    assert.deepEqual(itemTitles(readFeed(build.outputDir, "/posts/notes/index.xml")), ["Delta"]);
    assert.deepEqual(itemTitles(readFeed(build.outputDir, "/tags/ml/index.xml")), [hostileTitle, "Gamma", "Alpha"]);
    assert.deepEqual(itemTitles(readFeed(build.outputDir, "/authors/ana/index.xml")), ["Alpha"]);
    assert.deepEqual(itemTitles(readFeed(build.outputDir, "/zh-cn/index.xml")), ["只有中文", "阿尔法"]);
    // The whole list, though its page shows one post.
    assert.deepEqual(itemTitles(readFeed(build.outputDir, "/zh-cn/posts/index.xml")), ["只有中文", "阿尔法"]);
    // The list page itself is in weight order.
    const cards = [...loadPage(build.outputDir, "/posts/").querySelectorAll(".post-card-title a")].map((a) => a.textContent?.trim());
    assert.equal(cards[0], "Alpha");
    // No feed for a term only a draft or a future post has.
    for (const url of ["/tags/drafty/index.xml", "/tags/later/index.xml", "/posts/draft/index.xml"]) assert.ok(!pageExists(build.outputDir, url), url);
    for (const url of ["/index.xml", "/posts/index.xml", "/tags/ml/index.xml"]) {
      const raw = readFeed(build.outputDir, url).raw;
      assert.ok(!raw.includes("Draft") && !raw.includes("Future"), url);
    }
  });

  it("describes each channel as Hugo does, with absolute links and the newest item's date as lastBuildDate", () => {
    const home = readFeed(build.outputDir, "/index.xml");
    assert.equal(child(home.channel, "title"), "Notes");
    assert.equal(child(home.channel, "link"), "https://example.org/");
    assert.equal(child(home.channel, "description"), "Notes on things");
    assert.equal(child(home.channel, "language"), "en");
    const self = DomUtils.findOne((element) => element.name === "atom:link", home.channel.children, false);
    assert.deepEqual(self?.attribs, { href: "https://example.org/index.xml", rel: "self", type: "application/rss+xml" });
    assert.equal(child(home.channel, "lastBuildDate"), "Sun, 01 Mar 2020 00:00:00 +0000");
    assert.equal(child(home.channel, "lastBuildDate"), child(home.items[0]!, "pubDate"));

    const tag = readFeed(build.outputDir, "/tags/ml/index.xml");
    assert.equal(child(tag.channel, "title"), "ml on Notes");
    assert.equal(child(tag.channel, "link"), "https://example.org/tags/ml/");
    assert.ok(child(tag.channel, "description"));
    const section = readFeed(build.outputDir, "/posts/notes/index.xml");
    assert.equal(child(section.channel, "title"), "Field notes on Notes");
    assert.equal(child(section.channel, "lastBuildDate"), "Sat, 01 Jun 2019 00:00:00 +0000");

    const zh = readFeed(build.outputDir, "/zh-cn/tags/机器学习/index.xml");
    assert.equal(child(zh.channel, "title"), "机器学习 on 札记");
    assert.equal(child(zh.channel, "language"), "zh-CN");
    assert.equal(child(zh.channel, "link"), new URL("https://example.org/zh-cn/tags/机器学习/").href);
    // Dates in the language's time zone, with a numeric zone.
    assert.equal(child(zh.items[1]!, "pubDate"), "Thu, 02 Jan 2020 09:30:00 +0800");
    assert.equal(child(zh.channel, "lastBuildDate"), child(zh.items[0]!, "pubDate"));
  });

  it("gives every item an absolute link and guid (an external post's URL), a parseable pubDate and the summary as escaped HTML", () => {
    const feed = readFeed(build.outputDir, "/posts/index.xml");
    for (const item of feed.items) {
      const link = child(item, "link")!;
      assert.ok(URL.canParse(link) && /^https:\/\//.test(link), link);
      assert.equal(child(item, "guid"), link);
      const pubDate = child(item, "pubDate")!;
      assert.match(pubDate, /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/);
      assert.ok(!Number.isNaN(Date.parse(pubDate)), pubDate);
    }
    const byTitle = new Map(feed.items.map((item) => [child(item, "title"), item]));
    assert.equal(child(byTitle.get("Alpha")!, "link"), "https://example.org/posts/alpha/");
    assert.equal(Date.parse(child(byTitle.get("Alpha")!, "pubDate")!), Date.parse("2020-01-01T00:00:00Z"));
    assert.equal(child(byTitle.get("Gamma")!, "link"), "https://elsewhere.example/gamma?a=1&b=2");
    assert.equal(child(byTitle.get("Gamma")!, "guid"), "https://elsewhere.example/gamma?a=1&b=2");
    // The hostile title round-trips; its summary is HTML (escaped once), escaped again for XML.
    const beta = byTitle.get(hostileTitle)!;
    assert.equal(child(beta, "description"), "Sum &lt;i&gt;&amp;&lt;/i&gt; &quot;q&quot; &#39;x&#39;");
    assert.ok(!feed.raw.includes("<b>") && !feed.raw.includes("<i>"));
    assert.equal(child(byTitle.get("Alpha")!, "description"), "Alpha&#39;s text.");
  });

  it("counts each language's home feed among the files a finished site must hold", () => {
    const copy = temporaryDir("blog-rss-complete-");
    fs.cpSync(build.outputDir, copy, { recursive: true });
    const settings = loadSiteSettings(content);
    assert.deepEqual(missingFromSite(copy, settings, { search: false }), []);
    fs.rmSync(path.join(copy, "zh-cn", "index.xml"));
    assert.deepEqual(missingFromSite(copy, settings, { search: false }), [path.join("zh-cn", "index.xml")]);
  });

  it("links each HTML page to its own RSS feed, or its language's home feed", () => {
    const rssLink = (url: string) => {
      const links = [...loadPage(build.outputDir, url).querySelectorAll('link[rel="alternate"][type="application/rss+xml"]')];
      assert.equal(links.length, 1, url);
      return [links[0]!.getAttribute("href"), links[0]!.getAttribute("title")];
    };
    assert.deepEqual(rssLink("/"), ["/index.xml", "Notes"]);
    assert.deepEqual(rssLink("/posts/"), ["/posts/index.xml", "Posts on Notes"]);
    assert.deepEqual(rssLink("/tags/ml/"), ["/tags/ml/index.xml", "ml on Notes"]);
    assert.deepEqual(rssLink("/posts/alpha/"), ["/index.xml", "Notes"]);
    assert.deepEqual(rssLink("/zh-cn/posts/page/2/")[0], "/zh-cn/posts/index.xml");
    assert.deepEqual(rssLink("/zh-cn/posts/alpha/")[0], "/zh-cn/index.xml");
    // The Atom feed's link stays.
    assert.equal(loadPage(build.outputDir, "/posts/alpha/").querySelector('link[type="application/atom+xml"]')?.getAttribute("href"), "/feed.xml");
  });
});

describe("rssLimit, sitemapFile and robotsTxt", () => {
  let build: BuildResult;

  before(async () => {
    const content = makeContent({
      "_data/site.json": JSON.stringify({ baseURL: "https://example.org/", title: "Site", rssLimit: 2, sitemapFile: "map.xml", robotsTxt: false }),
      "posts/one/index.md": `---\ntitle: One\ndate: 2020-01-01\ntags: [t]\n---\n\nOne.\n`,
      "posts/two/index.md": `---\ntitle: Two\ndate: 2020-02-01\ntags: [t]\n---\n\nTwo.\n`,
      "posts/three/index.md": `---\ntitle: Three\ndate: 2020-03-01\ntags: [t]\n---\n\nThree.\n`,
    });
    // The build checks its own output is complete (site-completeness): it succeeds without a robots.txt.
    build = await buildSite(content, { env: { BLOG_SEARCH: "0" } });
    assert.equal(build.exitCode, 0, build.log);
  });

  it("keeps each feed to the newest rssLimit items", () => {
    for (const url of ["/index.xml", "/posts/index.xml", "/tags/t/index.xml"]) {
      const feed = readFeed(build.outputDir, url);
      assert.deepEqual(itemTitles(feed), ["Three", "Two"], url);
      assert.equal(child(feed.channel, "lastBuildDate"), "Sun, 01 Mar 2020 00:00:00 +0000");
    }
  });

  it("names the sitemap sitemapFile and writes no robots.txt when robotsTxt is false", () => {
    assert.ok(pageExists(build.outputDir, "/map.xml"));
    assert.ok(!pageExists(build.outputDir, "/sitemap.xml"));
    assert.ok(!pageExists(build.outputDir, "/robots.txt"));
    assert.match(fs.readFileSync(outputFile(build.outputDir, "/map.xml"), "utf8"), /<loc>https:\/\/example\.org\/posts\/one\/<\/loc>/);
  });
});

describe("a content page at a feed's URL", () => {
  it("is an error naming the feed", () => {
    const page = (url: string, sourcePath: string): CollectionItem<Partial<ContentData>> => {
      const post = {
        ...fakePost,
        url,
        href: url,
        sourcePath,
        bundleDir: sourcePath.replace(/\/[^/]*$/, ""),
      } as Post;
      return { inputPath: `./content/${sourcePath}`, url, data: { post, lang: "en", title: post.title } } as unknown as CollectionItem<Partial<ContentData>>;
    };
    const index = buildSiteIndex(
      [page("/posts/a/", "posts/a/index.md"), page("/posts/index.xml", "posts/b/index.md"), page("/index.xml", "posts/c/index.md")],
      { ...defaultSiteSettings },
      () => "",
    );
    const messages = index.errors.map((error) => error.message);
    assert.ok(messages.some((message) => /posts\/b\/index\.md.*\/posts\/index\.xml, which is the RSS feed of \/posts\//.test(message)), messages.join("\n"));
    assert.ok(messages.some((message) => /posts\/c\/index\.md.*\/index\.xml, which is the RSS feed of \//.test(message)), messages.join("\n"));
    assert.equal(index.rssFeedOf["/posts/"]?.url, "/posts/index.xml");
  });
});

/** What the site index reads of a post, for a page made without a build. */
const fakePost: Partial<Post> = {
  kind: "post",
  lang: "en",
  isDefaultLanguage: true,
  title: "A page",
  linkTitle: "A page",
  summary: "",
  date: new Date("2020-01-01T00:00:00Z"),
  lastmod: undefined,
  draft: false,
  weight: 0,
  hasPage: true,
  unpublished: undefined,
  build: { list: "always", render: "always", publishResources: true },
  translationKey: undefined,
  tags: [],
  categories: [],
  series: undefined,
  seriesOrder: undefined,
  authors: [],
  aliases: [],
  keywords: [],
  externalUrl: undefined,
  showBreadcrumbs: false,
  showRelatedContent: false,
};
