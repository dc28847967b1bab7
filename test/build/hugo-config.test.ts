import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { writeImage } from "../../scripts/make-sample-images.ts";
import { buildSite, copyFixture, loadPage, makeContent, outputFile, pageExists, text, type BuildResult } from "../helpers/site.ts";

const noSearch = { BLOG_SEARCH: "0" };

function links(page: Document, selector: string): Array<[string, string | null]> {
  return [...page.querySelectorAll(`${selector} a`)].map((link) => [text(link), link.getAttribute("href")]);
}

/**
 * test/fixtures/hugo-site: a Blowfish site as Hugo keeps it, with no `_data/site.json` — `config/_default/`
 * (hugo.toml, languages.en/zh-cn, menus.en/zh-cn, params), `config/production/` and `config/development/`, `data/`
 * authors and `static/` beside `content/`.
 */
describe("a Hugo site's own configuration", () => {
  let site: string;
  let built: BuildResult;
  let development: BuildResult;

  before(async () => {
    site = copyFixture("hugo-site");
    // Blowfish keeps pictures in assets/; the sample image is made here, not committed.
    await writeImage(path.join(site, "assets/img/share.png"), 1600, 1000, 7);
    const content = path.join(site, "content");
    [built, development] = await Promise.all([buildSite(content, { env: noSearch }), buildSite(content, { env: { ...noSearch, HUGO_ENVIRONMENT: "development" } })]);
    assert.equal(built.exitCode, 0, built.log);
    assert.equal(development.exitCode, 0, development.log);
  });

  it("takes the title, base URL, languages, time zone and date formats (Go layouts) from the configuration", () => {
    const home = loadPage(built.outputDir, "/");
    assert.equal(text(home.querySelector("title")), "Field Notes");
    assert.equal(home.querySelector('link[rel="canonical"]')?.getAttribute("href"), "https://blog.example.org/");
    assert.equal(home.querySelector('meta[name="description"]')?.getAttribute("content"), "Notes from the field.");
    assert.equal(text(loadPage(built.outputDir, "/zh-cn/").querySelector("title")), "田野笔记");
    assert.equal(loadPage(built.outputDir, "/zh-cn/").documentElement.getAttribute("lang"), "zh-CN");
    const time = loadPage(built.outputDir, "/2024/03/first-post/").querySelector(".post-header time");
    assert.deepEqual([time?.getAttribute("datetime"), text(time)], ["2024-03-05T10:00:00+08:00", "Mar 5, 2024"]);
    assert.equal(text(loadPage(built.outputDir, "/zh-cn/2024/03/第一篇/").querySelector(".post-header time")), "2024年03月05日");
    assert.ok(!pageExists(built.outputDir, "/fr/"), "disableLanguages");
    // displayName is what Blowfish's switcher shows.
    assert.deepEqual(links(loadPage(built.outputDir, "/zh-cn/"), ".language-switcher").map(([name]) => name), ["EN"]);
  });

  it("builds URLs from permalinks, and lists by pagerSize, the home by showRecentItems, the feeds by services.rss.limit", () => {
    assert.ok(pageExists(built.outputDir, "/2024/04/second/"), "`:slug` is the front matter's slug");
    assert.ok(!pageExists(built.outputDir, "/posts/first-post/"));
    assert.equal(loadPage(built.outputDir, "/posts/").querySelectorAll(".post-card").length, 3);
    assert.equal(loadPage(built.outputDir, "/posts/page/2/").querySelectorAll(".post-card").length, 1);
    assert.equal(loadPage(built.outputDir, "/").querySelectorAll(".post-card").length, 4);
    const feed = fs.readFileSync(outputFile(built.outputDir, "/index.xml"), "utf8");
    assert.equal([...feed.matchAll(/<item>/g)].length, 2);
  });

  it("gives the site's own taxonomy index and term pages, leaves out one it does not declare, and relates by `related`", () => {
    assert.deepEqual(links(loadPage(built.outputDir, "/topics/"), ".term-index"), [["Field Work", "/topics/field-work/"]]);
    assert.deepEqual([...loadPage(built.outputDir, "/topics/field-work/").querySelectorAll(".post-card-title")].map(text), ["Third", "First post"]);
    assert.ok(!pageExists(built.outputDir, "/categories/"), "no categories in its taxonomies");
    const first = loadPage(built.outputDir, "/2024/03/first-post/");
    assert.deepEqual([...first.querySelectorAll(".post-taxonomies dt")].map(text), ["Tags", "Topics"]);
    // Only topics count: Third shares one; Second shares only a tag.
    assert.deepEqual([...first.querySelectorAll(".related-posts .post-card-title")].map(text), ["Third"]);
  });

  it("shows each language's menus with their pageRefs resolved, the current page marked, and the copyright", () => {
    const about = loadPage(built.outputDir, "/about/");
    assert.deepEqual(links(about, ".site-nav"), [
      ["Blog", "/posts/"],
      ["About", "/about/"],
      ["Tags", "/tags/"],
    ]);
    assert.equal(about.querySelector('.site-nav a[aria-current="page"]')?.textContent, "About");
    assert.deepEqual(links(about, ".site-footer nav"), [["Source", "https://github.com/nuno-example/notes"]]);
    assert.match(text(about.querySelector(".site-footer")), /^Source © 2026 Site Team ·/);
    assert.deepEqual(links(loadPage(built.outputDir, "/zh-cn/"), ".site-nav"), [["博客", "/zh-cn/posts/"]]);
  });

  it("uses the author in params, the authors in data/, static/ at the root, and Blowfish's appearance and article options", () => {
    const second = loadPage(built.outputDir, "/2024/04/second/");
    assert.equal(text(second.querySelector(".author-box .author-name")), "Nuno Example");
    assert.equal(text(second.querySelector(".author-box .author-headline")), "Writes field notes");
    assert.equal(text(loadPage(built.outputDir, "/2024/03/first-post/").querySelector(".author-box .author-name")), "Nuno From Data");
    assert.equal(fs.readFileSync(outputFile(built.outputDir, "/humans.txt"), "utf8"), "Written by the site team.\n");
    assert.equal(second.documentElement.getAttribute("data-theme"), "dark", "defaultAppearance with autoSwitchAppearance false");
    assert.ok(second.querySelector(".post-header .post-word-count"), "article.showWordCount");
    assert.ok(second.querySelector(".breadcrumbs"), "config/production/ applies to builds");
    assert.ok(second.querySelector('script[src="/js/code-copy.js"]'), "enableCodeCopy");
    assert.equal(loadPage(built.outputDir, "/posts/").querySelector(".post-card-summary"), null, "list.showSummary");
    assert.ok(loadPage(built.outputDir, "/").querySelector(".post-card-summary"), "the home's cards are not a list page's");
    assert.equal(loadPage(built.outputDir, "/tags/").querySelector(".term-count"), null, "taxonomy.showTermCount");
    assert.equal(loadPage(built.outputDir, "/").querySelector('script[src="/js/code-copy.js"]'), null, "only posts have code to copy");
  });

  it("shows defaultFeaturedImage, cropped to 1200×630, in link previews of pages without a feature image", () => {
    for (const url of ["/", "/2024/04/second/"]) {
      const page = loadPage(built.outputDir, url);
      const image = page.querySelector('meta[property="og:image"]')?.getAttribute("content") ?? "";
      assert.match(image, /^https:\/\/blog\.example\.org\/.*1200x630\.jpg$/, url);
      assert.ok(pageExists(built.outputDir, new URL(image).pathname), image);
      assert.equal(page.querySelector('meta[property="og:image:width"]')?.getAttribute("content"), "1200");
      assert.equal(page.querySelector('meta[name="twitter:card"]')?.getAttribute("content"), "summary_large_image");
    }
  });

  it("applies config/development/ instead of config/production/ in the development environment", () => {
    const second = loadPage(development.outputDir, "/2024/04/second/");
    assert.equal(second.querySelector(".post-header .post-word-count"), null);
    assert.equal(second.querySelector(".breadcrumbs"), null);
  });

  it("says once which keys it used and which it left, grouped", () => {
    assert.equal(built.log.match(/Read the Hugo configuration/g)?.length, 1, built.log);
    assert.match(built.log, /config\/_default\/hugo\.toml, config\/_default\/languages\.en\.toml, .*config\/production\/params\.toml\)/);
    assert.match(built.log, /Used: [^\n]*\bbaseURL\b[^\n]*\bpermalinks\b/);
    assert.match(built.log, /analytics: googleAnalytics, params\.fathomAnalytics\.site/);
    assert.match(built.log, /theme and layout[^\n]*: theme, params\.colorScheme, params\.list\.groupByYear/);
    assert.doesNotMatch(built.log, /Not carried over[^]*\bparams\.article\b/);
  });
});

describe("a Hugo site with one hugo.yaml, and the settings file beside it", () => {
  it("reads hugo.yaml, and lets _data/site.json win where both set a key", async () => {
    const root = makeContent({
      "hugo.yaml": [
        "title: From YAML",
        "baseURL: https://yaml.example.org/",
        "languageCode: en-GB",
        "params:",
        "  description: Described in YAML",
        "  dateFormat: '02/01/2006'",
        "  mainSections: [blog]",
        "summaryLength: 3",
        "buildFuture: true",
        "menus:",
        "  main:",
        "    - name: Blog",
        "      pageRef: /blog",
        "",
      ].join("\n"),
      "content/_data/site.json": JSON.stringify({ title: "From site.json" }),
      "content/blog/one/index.md": "---\ntitle: One\ndate: 2020-01-02\n---\n\nText.\n",
      "content/blog/later/index.md": "---\ntitle: Later\ndate: 2999-01-02\n---\n\nOne two three four.\n\nFive six seven.\n",
    });
    const build = await buildSite(path.join(root, "content"), { env: noSearch });
    assert.equal(build.exitCode, 0, build.log);
    const home = loadPage(build.outputDir, "/");
    assert.equal(text(home.querySelector("title")), "From site.json");
    assert.equal(home.querySelector('meta[name="description"]')?.getAttribute("content"), "Described in YAML");
    assert.equal(home.documentElement.getAttribute("lang"), "en-GB");
    assert.equal(home.querySelector('link[rel="canonical"]')?.getAttribute("href"), "https://yaml.example.org/");
    assert.equal(text(loadPage(build.outputDir, "/blog/one/").querySelector(".post-header time")), "02/01/2020");
    assert.deepEqual(links(home, ".site-nav"), [["Blog", "/blog/"]]);
    // mainSections: blog/ holds the posts, listed at /blog/ and on the home page.
    assert.deepEqual([...loadPage(build.outputDir, "/blog/").querySelectorAll(".post-card-title")].map(text), ["Later", "One"]);
    assert.deepEqual([...home.querySelectorAll(".post-card-title")].map(text), ["Later", "One"], "buildFuture publishes the post dated 2999");
    // summaryLength 3: whole paragraphs until three words, as Hugo's automatic summary takes them.
    assert.equal(text(loadPage(build.outputDir, "/blog/").querySelector(".post-card-summary")), "One two three four.", "summaryLength");
  });
});

describe("mistakes in a Hugo configuration", () => {
  it("names the file, line and column of a syntax error", async () => {
    const root = makeContent({
      "config/_default/hugo.toml": 'title = "Broken\nbaseURL = "https://example.org/"\n',
      "content/posts/one/index.md": "---\ntitle: One\ndate: 2020-01-02\n---\n\nText.\n",
    });
    const build = await buildSite(path.join(root, "content"), { env: noSearch });
    assert.notEqual(build.exitCode, 0);
    assert.match(build.log, /config\/_default\/hugo\.toml:1:\d+: The Hugo configuration does not parse/);
  });

  it("names a menu entry whose pageRef is no page, and a bad value, at their lines", async () => {
    const root = makeContent({
      "hugo.toml": ['title = "Menus"', "summaryLength = -4", ""].join("\n"),
      "content/posts/one/index.md": "---\ntitle: One\ndate: 2020-01-02\n---\n\nText.\n",
    });
    const bad = await buildSite(path.join(root, "content"), { env: noSearch });
    assert.notEqual(bad.exitCode, 0);
    assert.match(bad.log, /hugo\.toml:2: The Hugo setting "summaryLength" must be a positive whole number/);

    fs.writeFileSync(path.join(root, "hugo.toml"), ['title = "Menus"', "[[menus.main]]", '  name = "Gone"', '  pageRef = "/posts/nothing-here"', ""].join("\n"));
    const missing = await buildSite(path.join(root, "content"), { env: noSearch });
    assert.notEqual(missing.exitCode, 0);
    assert.match(missing.log, /hugo\.toml:4: The main menu's entry "Gone" has the pageRef "\/posts\/nothing-here", which is no page/);
  });
});
