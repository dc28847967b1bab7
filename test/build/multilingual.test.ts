import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { DOMParser } from "linkedom";
import { writeImage } from "../../scripts/make-sample-images.ts";
import { newPost } from "../../scripts/new-post.ts";
import { loadSiteSettings } from "../../lib/source/site-settings.ts";
import { temporaryDir } from "../../scripts/temporary-dir.ts";
import { invalidHtml } from "../helpers/html-validity.ts";
import { buildSite, copyFixture, loadPage, makeContent, outputFile, pageExists, text, writeFiles, type BuildResult } from "../helpers/site.ts";

const languages = [
  { lang: "en", prefix: "" },
  { lang: "zh-CN", prefix: "/zh-cn" },
];

function xml(outputDir: string, url: string): Document {
  const document = new DOMParser().parseFromString(fs.readFileSync(outputFile(outputDir, url), "utf8"), "text/xml") as unknown as Document;
  assert.ok(document.documentElement, `${url} is XML`);
  return document;
}

function titles(page: Document, selector = ".post-card-title a"): string[] {
  return [...page.querySelectorAll(selector)].map((link) => text(link));
}

/** English by default and Chinese under /zh-cn/: posts in both, posts in one only, links across them. */
describe("a bilingual site", () => {
  let content: string;
  let build: BuildResult;

  before(async () => {
    content = copyFixture("bilingual");
    await writeImage(path.join(content, "posts/hello/feature.jpg"), 1200, 800, 11);
    build = await buildSite(content, { env: { BLOG_IMAGE_CACHE: temporaryDir("blog-bilingual-images-") } });
    assert.equal(build.exitCode, 0, build.log);
  });

  it("builds every kind of page in each language, with its lang, as valid HTML", () => {
    for (const { lang, prefix } of languages) {
      const urls = [`${prefix}/`, `${prefix}/posts/`, `${prefix}/tags/`, `${prefix}/categories/`, `${prefix}/series/`, `${prefix}/archive/`, `${prefix}/search/`, `${prefix}/posts/hello/`];
      for (const url of urls) assert.equal(loadPage(build.outputDir, url).documentElement.getAttribute("lang"), lang, url);
      assert.ok(pageExists(build.outputDir, `${prefix}/feed.xml`) && pageExists(build.outputDir, `${prefix}/feed.json`), lang);
    }
    assert.equal(loadPage(build.outputDir, "/404.html").documentElement.getAttribute("lang"), "en");
    assert.equal(loadPage(build.outputDir, "/zh-cn/404.html").documentElement.getAttribute("lang"), "zh-CN");
    assert.ok(pageExists(build.outputDir, "/tags/machine-learning/") && pageExists(build.outputDir, "/zh-cn/tags/机器学习/"));
    assert.ok(pageExists(build.outputDir, "/series/basics/") && pageExists(build.outputDir, "/zh-cn/series/入门/"));
    assert.ok(pageExists(build.outputDir, "/robots.txt") && !pageExists(build.outputDir, "/zh-cn/robots.txt"));
    assert.deepEqual(invalidHtml(build.outputDir), []);
  });

  it("lists only a language's own posts; a post without a translation appears in its language only", () => {
    assert.deepEqual(titles(loadPage(build.outputDir, "/posts/")), ["Only in English", "Second", "Hello"]);
    // Two a page in Chinese (its own postsPerPage).
    assert.deepEqual(titles(loadPage(build.outputDir, "/zh-cn/posts/")), ["只有中文", "第二篇"]);
    assert.deepEqual(titles(loadPage(build.outputDir, "/zh-cn/posts/page/2/")), ["你好"]);
    assert.ok(!pageExists(build.outputDir, "/posts/page/2/"));
    assert.deepEqual(titles(loadPage(build.outputDir, "/"), ".post-card-title a"), ["Only in English", "Second", "Hello"]);
    assert.deepEqual(titles(loadPage(build.outputDir, "/zh-cn/archive/"), ".archive-list a"), ["只有中文", "第二篇", "你好"]);
    assert.deepEqual(titles(loadPage(build.outputDir, "/zh-cn/tags/机器学习/")), ["第二篇", "你好"]);
    const seriesBox = loadPage(build.outputDir, "/zh-cn/posts/second/").querySelector(".series-box")!;
    assert.deepEqual([...seriesBox.querySelectorAll("li")].map((li) => text(li)), ["你好", "第二篇"]);
    assert.equal(seriesBox.querySelector("h2 a")?.getAttribute("href"), "/zh-cn/series/入门/");
  });

  it("links every translation both ways with hreflang, and names the default language's as x-default", () => {
    const checked: string[] = [];
    for (const entry of fs.readdirSync(build.outputDir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || entry.name !== "index.html") continue;
      const url = `/${path.relative(build.outputDir, entry.parentPath).split(path.sep).join("/")}/`.replace(/^\/\/$/, "/");
      const page = loadPage(build.outputDir, url);
      const alternates = [...page.querySelectorAll('link[rel=alternate][hreflang]:not([hreflang="x-default"])')].map((link) => [link.getAttribute("hreflang"), new URL(link.getAttribute("href")!).pathname]);
      if (alternates.length === 0) continue;
      assert.deepEqual(alternates.find(([, href]) => decodeURI(href!) === url)?.[0], page.documentElement.getAttribute("lang"), `${url} names itself`);
      for (const [, href] of alternates) {
        const other = loadPage(build.outputDir, decodeURI(href!));
        const back = [...other.querySelectorAll("link[rel=alternate][hreflang]")].map((link) => decodeURI(new URL(link.getAttribute("href")!).pathname));
        assert.ok(back.includes(url), `${href} links back to ${url}`);
      }
      const fallback = page.querySelector('link[hreflang="x-default"]')?.getAttribute("href");
      assert.equal(loadPage(build.outputDir, decodeURI(new URL(fallback!).pathname)).documentElement.getAttribute("lang"), "en");
      checked.push(url);
    }
    for (const url of ["/", "/zh-cn/", "/posts/", "/zh-cn/posts/", "/posts/hello/", "/zh-cn/posts/hello/", "/archive/", "/tags/"]) assert.ok(checked.includes(url), url);
    assert.equal(loadPage(build.outputDir, "/posts/english-only/").querySelectorAll("link[hreflang]").length, 0, "no translation, no alternates");
  });

  it("has a language switcher on every page: to the translation when there is one, else to that language's home", () => {
    const switcher = (url: string) => [...loadPage(build.outputDir, url).querySelectorAll(".language-switcher a")].map((a) => [a.getAttribute("hreflang"), a.getAttribute("href"), text(a)]);
    assert.deepEqual(switcher("/zh-cn/posts/hello/"), [["en", "/posts/hello/", "English"]]);
    assert.deepEqual(switcher("/posts/hello/"), [["zh-CN", "/zh-cn/posts/hello/", "简体中文"]]);
    assert.deepEqual(switcher("/zh-cn/posts/chinese-only/"), [["en", "/", "English"]]);
    assert.deepEqual(switcher("/posts/english-only/"), [["zh-CN", "/zh-cn/", "简体中文"]]);
    assert.deepEqual(switcher("/tags/"), [["zh-CN", "/zh-cn/tags/", "简体中文"]]);
    assert.deepEqual(switcher("/zh-cn/404.html"), [["en", "/", "English"]]);
  });

  it("writes each language's feeds and a sitemap index of per-language sitemaps, all with absolute URLs", () => {
    const atom = xml(build.outputDir, "/zh-cn/feed.xml");
    assert.equal(atom.documentElement.getAttribute("xml:lang"), "zh-CN");
    assert.deepEqual([...atom.querySelectorAll("entry > title")].map((t) => t.textContent), ["只有中文", "第二篇", "你好"]);
    assert.equal(atom.querySelector("feed > link[rel=self]")?.getAttribute("href"), "https://example.com/zh-cn/feed.xml");
    const json = JSON.parse(fs.readFileSync(outputFile(build.outputDir, "/feed.json"), "utf8")) as { language: string; items: Array<{ url: string }> };
    assert.equal(json.language, "en");
    assert.deepEqual(json.items.map((item) => item.url), ["https://example.com/posts/english-only/", "https://example.com/posts/second/", "https://example.com/posts/hello/"]);
    const index = xml(build.outputDir, "/sitemap.xml");
    const sitemaps = [...index.querySelectorAll("sitemap > loc")].map((loc) => loc.textContent!);
    assert.deepEqual(sitemaps, ["https://example.com/sitemap-en.xml", "https://example.com/zh-cn/sitemap.xml"]);
    for (const sitemap of sitemaps) {
      const urls = [...xml(build.outputDir, new URL(sitemap).pathname).querySelectorAll("url > loc")].map((loc) => new URL(loc.textContent!));
      assert.ok(urls.length >= 10);
      for (const url of urls) assert.ok(pageExists(build.outputDir, decodeURIComponent(url.pathname)), url.href);
    }
    const zh = xml(build.outputDir, "/zh-cn/sitemap.xml");
    const hello = [...zh.querySelectorAll("url")].find((url) => url.querySelector("loc")?.textContent === "https://example.com/zh-cn/posts/hello/")!;
    assert.deepEqual([...hello.getElementsByTagName("xhtml:link")].map((link) => link.getAttribute("hreflang")), ["zh-CN", "en"]);
  });

  it("uses each language's own settings: title, description, date format, time zone, list and summary length, intro", () => {
    const zhHome = loadPage(build.outputDir, "/zh-cn/");
    assert.match(text(zhHome.querySelector("title")), /札记$/);
    assert.equal(text(zhHome.querySelector(".site-title")), "札记");
    assert.equal(zhHome.querySelector(".intro-text strong")?.textContent, "中文");
    assert.equal(text(zhHome.querySelector(".intro h1")), "欢迎");
    assert.equal(loadPage(build.outputDir, "/").querySelector(".intro-text strong")?.textContent, "English");
    assert.equal(loadPage(build.outputDir, "/zh-cn/posts/").querySelector('meta[name="description"]')?.getAttribute("content"), "机器学习札记");
    const time = loadPage(build.outputDir, "/zh-cn/posts/second/").querySelector(".post-meta time")!;
    assert.deepEqual([time.textContent, time.getAttribute("datetime")], ["2024年2月1日", "2024-02-01T00:00:00+08:00"]);
    assert.equal(loadPage(build.outputDir, "/posts/second/").querySelector(".post-meta time")?.getAttribute("datetime"), "2024-02-01T00:00:00Z");
    const summary = loadPage(build.outputDir, "/zh-cn/posts/").querySelector(".post-card-summary");
    assert.equal(text(summary), "这篇文章只有中文版，没有英文翻译。");
  });

  it("resolves links and article cards across languages, and the link check knows every language's anchors", async () => {
    const zh = loadPage(build.outputDir, "/zh-cn/posts/chinese-only/");
    assert.equal(zh.querySelector(".article-card a")?.getAttribute("href"), "/posts/english-only/");
    const broken = copyFixture("bilingual");
    await writeImage(path.join(broken, "posts/hello/feature.jpg"), 1200, 800, 11);
    writeFiles(broken, { "posts/english-only/index.md": '---\ntitle: "Only in English"\ndate: 2024-03-01\n---\n\nSee [this](/zh-cn/posts/hello/#不存在的锚点).\n' });
    const failed = await buildSite(broken);
    assert.equal(failed.exitCode, 1);
    assert.match(failed.log, /posts\/english-only\/index\.md:6:12: The link "\/zh-cn\/posts\/hello\/#不存在的锚点" goes to \/zh-cn\/posts\/hello\/, which has no #不存在的锚点\. Did you mean #中文锚点/);
  });
});

const post = (title: string, date = "2024-01-01") => `---\ntitle: "${title}"\ndate: ${date}\n---\n\nText of ${title}.\n`;

describe("a site's languages, declared", () => {
  it("puts the default language under its code too with defaultContentLanguageInSubdir, the root redirecting to it", async () => {
    const languages = { en: { weight: 1, languageName: "English" }, "zh-cn": { weight: 2, languageName: "简体中文" } };
    const files = { "posts/a/index.md": post("A"), "posts/a/index.zh-cn.md": post("甲") };
    const inSubdir = await buildSite(makeContent({ ...files, "_data/site.json": JSON.stringify({ languages, defaultContentLanguageInSubdir: true }) }));
    assert.equal(inSubdir.exitCode, 0, inSubdir.log);
    assert.ok(pageExists(inSubdir.outputDir, "/en/posts/a/") && pageExists(inSubdir.outputDir, "/zh-cn/posts/a/"));
    assert.ok(!pageExists(inSubdir.outputDir, "/posts/a/"));
    const root = loadPage(inSubdir.outputDir, "/");
    assert.match(root.querySelector('meta[http-equiv="refresh"]')?.getAttribute("content") ?? "", /url=http:\/\/localhost:8080\/en\/$/);
    assert.equal(loadPage(inSubdir.outputDir, "/404.html").documentElement.getAttribute("lang"), "en");
    assert.ok(pageExists(inSubdir.outputDir, "/en/sitemap.xml"));
    // Without it, the default language is at the root: the bilingual fixture above is built so.
    // The top-level `language` picks the default over the weights.
    const chinese = await buildSite(makeContent({ "posts/a/index.md": post("甲"), "posts/a/index.en.md": post("A"), "_data/site.json": JSON.stringify({ languages, language: "zh-CN" }) }));
    assert.equal(chinese.exitCode, 0, chinese.log);
    assert.equal(loadPage(chinese.outputDir, "/posts/a/").documentElement.getAttribute("lang"), "zh-CN");
    assert.ok(pageExists(chinese.outputDir, "/en/posts/a/"));
  });

  it("stops on a file in a language the site does not declare; strict: false leaves it out with a warning", async () => {
    const files = { "posts/a/index.md": post("A"), "posts/a/index.fr.md": post("Un") };
    const languages = { en: { weight: 1 }, "zh-cn": { weight: 2 } };
    const strict = await buildSite(makeContent({ ...files, "_data/site.json": JSON.stringify({ languages }) }));
    assert.equal(strict.exitCode, 1);
    assert.match(strict.log, /posts\/a\/index\.fr\.md: The file is in the language "fr", which the site's languages do not include \(en, zh-cn\)\. Add "fr" to "languages"/);
    const lenient = await buildSite(makeContent({ ...files, "_data/site.json": JSON.stringify({ languages, strict: false }) }));
    assert.equal(lenient.exitCode, 0, lenient.log);
    assert.match(lenient.log, /Warnings:[\s\S]*index\.fr\.md: The file is in the language "fr"/);
    assert.ok(!pageExists(lenient.outputDir, "/fr/posts/a/"));
  });

  it("shows a language without interface text of its own in English, and says so once; a right-to-left one right to left", async () => {
    const languages = { en: { weight: 1 }, fr: { weight: 2, languageName: "Français", title: "Carnet", homePosts: 1 }, ar: { weight: 3, languageName: "العربية", languageDirection: "rtl" } };
    const build = await buildSite(
      makeContent({ "posts/a/index.md": post("A"), "posts/a/index.fr.md": post("Un"), "posts/b/index.fr.md": post("Deux"), "posts/a/index.ar.md": post("واحد"), "_data/site.json": JSON.stringify({ languages }) }),
    );
    assert.equal(build.exitCode, 0, build.log);
    assert.equal(build.log.match(/The interface has no text in Français \(fr\) yet: its pages show it in English/g)?.length, 1);
    const page = loadPage(build.outputDir, "/fr/");
    assert.equal(page.documentElement.getAttribute("lang"), "fr");
    assert.equal(text(page.querySelector("#latest-title")), "Latest posts");
    assert.equal(text(page.querySelector(".site-title")), "Carnet");
    // Its own homePosts: one of its two posts on its home.
    assert.equal(page.querySelectorAll(".post-card").length, 1);
    // languageDirection: rtl sets dir on every page of that language, and only there.
    assert.equal(loadPage(build.outputDir, "/ar/posts/a/").documentElement.getAttribute("dir"), "rtl");
    assert.equal(loadPage(build.outputDir, "/ar/").documentElement.getAttribute("dir"), "rtl");
    assert.equal(page.documentElement.getAttribute("dir"), null);
  });

  it("reports a languages setting it cannot use, with the key and the fix", async () => {
    // Read as the build reads them (a failing build prints this message: see the reliability tests).
    const problem = (settings: object) => {
      try {
        loadSiteSettings(makeContent({ "posts/a/index.md": post("A"), "_data/site.json": JSON.stringify(settings) }));
      } catch (error) {
        return (error as Error).message;
      }
      return "";
    };
    assert.match(problem({ languages: { en: { timeZone: "Mars/Olympus" } } }), /_data\/site\.json: The site setting "languages\.en\.timeZone" must be an IANA time zone/);
    assert.match(problem({ languages: { en: {}, de: {} }, language: "fr" }), /The site setting "language" must be one of the languages declared \("en", "de"\)/);
    assert.match(problem({ languages: [] }), /The site setting "languages" must be an object keyed by language code/);
  });
});
