import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { writeImage } from "../../scripts/make-sample-images.ts";
import { temporaryDir } from "../../scripts/temporary-dir.ts";
import { invalidHtml } from "../helpers/html-validity.ts";
import { buildSite, copyFixture, loadPage, makeContent, outputFile, pageExists, text, type BuildResult } from "../helpers/site.ts";

// The fixture's dates sit around these moments; the build's clock is set, so the tests never age.
const before2031 = "2031-01-01T00:00:00Z";
const midJanuary = "2031-01-15T00:00:00Z";
const july2031 = "2031-07-01T00:00:00Z";

function cardTitles(outputDir: string, url: string): string[] {
  return [...loadPage(outputDir, url).querySelectorAll(".post-card-title")].map((title) => text(title).replace(/ (Draft|Expired|Scheduled for .*)$/, ""));
}

function sitemapUrls(outputDir: string): string[] {
  const xml = fs.readFileSync(outputFile(outputDir, "/sitemap.xml"), "utf8");
  return [...xml.matchAll(/<loc>https:\/\/example\.org([^<]*)<\/loc>/g)].map((match) => match[1]!);
}

function feedTitles(outputDir: string): string[] {
  const feed = JSON.parse(fs.readFileSync(outputFile(outputDir, "/feed.json"), "utf8")) as { items: Array<{ title: string }> };
  return feed.items.map((item) => item.title);
}

let builds: Promise<{ content: string; cache: string; previewCache: string; built: BuildResult; preview: BuildResult }> | undefined;

/** The fixture built once as of `before2031` (kept in `cache`), and previewed: shared by the suites below. */
function fixtureBuilds() {
  builds ??= (async () => {
    const content = copyFixture("hugo-rules");
    await writeImage(path.join(content, "_data/authors/ana.png"), 200, 200, 5);
    const cache = temporaryDir("blog-hugo-rules-cache-");
    const previewCache = temporaryDir("blog-hugo-rules-preview-");
    const env = { BLOG_NOW: before2031, BLOG_BUILD_CACHE: cache, BLOG_SEARCH: "0" };
    const [built, preview] = await Promise.all([
      buildSite(content, { env }),
      buildSite(content, { env: { ...env, BLOG_PREVIEW: "1", BLOG_BUILD_CACHE: previewCache } }),
    ]);
    assert.equal(built.exitCode, 0, built.log);
    assert.equal(preview.exitCode, 0, preview.log);
    return { content, cache, previewCache, built, preview };
  })();
  return builds;
}

/**
 * test/fixtures/hugo-rules: scheduled, expiring and expired posts, every `build` option, Hugo's other front matter,
 * and Blowfish's page furniture with its defaults under `article` in the settings.
 */
describe("Hugo's publication rules, build options and front matter", () => {
  let content: string;
  let cache: string;
  let previewCache: string;
  let built: BuildResult;
  let preview: BuildResult;

  before(async () => {
    ({ content, cache, previewCache, built, preview } = await fixtureBuilds());
  });

  it("leaves posts not yet due and posts expired out of every page, list, feed and the sitemap", () => {
    const { outputDir } = built;
    for (const slug of ["scheduled", "publish-later", "expired"]) assert.ok(!pageExists(outputDir, `/posts/${slug}/`), slug);
    assert.ok(pageExists(outputDir, "/posts/expiring/"), "a post whose expiry date is still ahead is published");
    for (const url of ["/posts/", "/posts/page/2/", "/", "/tags/ml/", "/archive/"]) {
      const page = fs.readFileSync(outputFile(outputDir, url), "utf8");
      for (const title of ["Scheduled", "Publish later", ">Expired<"]) assert.ok(!page.includes(title), `${title} on ${url}`);
    }
    const feed = feedTitles(outputDir);
    assert.ok(feed.includes("Expiring") && !feed.some((title) => ["Scheduled", "Publish later", "Expired"].includes(title)), feed.join(", "));
    const sitemap = sitemapUrls(outputDir);
    assert.ok(sitemap.includes("/posts/expiring/"));
    for (const slug of ["scheduled", "publish-later", "expired"]) assert.ok(!sitemap.includes(`/posts/${slug}/`), slug);
  });

  it("leaves out every page under a draft section, as Hugo does, and shows them in the preview", () => {
    assert.ok(!pageExists(built.outputDir, "/posts/hidden/inside/"));
    assert.ok(!sitemapUrls(built.outputDir).includes("/posts/hidden/inside/"));
    assert.ok(!feedTitles(built.outputDir).includes("Inside hidden"));
    assert.ok(pageExists(preview.outputDir, "/posts/hidden/inside/"));
  });

  it("joins single-file posts and their translations by name, and warns that `cascade` is not applied", () => {
    const others = [...loadPage(built.outputDir, "/posts/solo/").querySelectorAll(".post-translations a")].map((link) => link.getAttribute("href"));
    assert.deepEqual(others, ["/zh-cn/posts/solo/"]);
    assert.match(built.log, /posts\/_index\.md:3: `cascade` is not applied/);
  });

  it("dates the home page in the sitemap by its newest post, not by the first of its weight order", () => {
    const xml = fs.readFileSync(outputFile(built.outputDir, "/sitemap.xml"), "utf8");
    const home = /<loc>https:\/\/example\.org\/<\/loc>\s*<lastmod>([^<]+)<\/lastmod>/.exec(xml)?.[1];
    const shown = [...loadPage(built.outputDir, "/").querySelectorAll(".post-card time[datetime]")].map((time) => Date.parse(time.getAttribute("datetime")!));
    assert.ok(home && shown.length > 2, xml.slice(0, 400));
    assert.notEqual(Date.parse(home), shown[0], "the first card is the pinned post, an older one");
    assert.equal(Date.parse(home), Math.max(...shown));
  });

  it("says how many posts it left out and when the site changes next", () => {
    assert.match(built.log, /2 scheduled pages are left out until their publishDate; 1 expired page is left out/);
    // The expiring post is the next change; the scheduled ones come later.
    assert.match(built.log, /The site changes next at 2031-02-01 00:00 \(UTC\), a publishDate or expiryDate of .*posts\/expiring\/index\.md/);
  });

  it("shows scheduled and expired posts in the preview, marked, but not in its feeds", () => {
    const { outputDir } = preview;
    assert.match(text(loadPage(outputDir, "/posts/scheduled/").querySelector(".post-header .draft-badge")), /^Scheduled for June 1, 2031$/);
    assert.match(text(loadPage(outputDir, "/posts/publish-later/").querySelector(".post-header .draft-badge")), /^Scheduled for March 1, 2031$/);
    assert.equal(text(loadPage(outputDir, "/posts/expired/").querySelector(".post-header .draft-badge")), "Expired");
    const list = [...loadPage(outputDir, "/posts/").querySelectorAll(".post-card-title"), ...loadPage(outputDir, "/posts/page/2/").querySelectorAll(".post-card-title")].map(text);
    assert.ok(list.includes("Scheduled Scheduled for June 1, 2031") && list.includes("Expired Expired"), list.join(" | "));
    assert.ok(!feedTitles(outputDir).some((title) => ["Scheduled", "Publish later", "Expired"].includes(title)));
    assert.ok(!/left out until/.test(preview.log), "the preview leaves nothing out");
  });

  it("puts a kept build back only while no date has come due, and publishes a scheduled post once it is", async () => {
    const meanwhile = await buildSite(content, { env: { BLOG_NOW: midJanuary, BLOG_BUILD_CACHE: cache, BLOG_SEARCH: "0" } });
    assert.equal(meanwhile.exitCode, 0, meanwhile.log);
    assert.match(meanwhile.log, /restored from the build cache/);
    // Said again when put back: the author still learns when to build.
    assert.match(meanwhile.log, /The site changes next at 2031-02-01 00:00/);

    const later = await buildSite(content, { env: { BLOG_NOW: july2031, BLOG_BUILD_CACHE: cache, BLOG_SEARCH: "0" } });
    assert.equal(later.exitCode, 0, later.log);
    assert.doesNotMatch(later.log, /restored from the build cache/);
    assert.match(later.log, /A scheduled or expiring page changes the site at 2031-02-01T00:00:00\.000Z: building the site again/);
    for (const slug of ["scheduled", "publish-later"]) assert.ok(pageExists(later.outputDir, `/posts/${slug}/`), slug);
    assert.ok(!pageExists(later.outputDir, "/posts/expiring/"), "expired in February");
    assert.ok(feedTitles(later.outputDir).includes("Scheduled"));
    // A clock set back before the kept build's last change is a different site too.
    const earlier = await buildSite(content, { env: { BLOG_NOW: before2031, BLOG_BUILD_CACHE: cache, BLOG_SEARCH: "0" } });
    assert.match(earlier.log, /changes the site at 2031-06-01T00:00:00\.000Z: building the site again/);
    assert.ok(!pageExists(earlier.outputDir, "/posts/scheduled/"));
    // The preview's marks change with the clock too: its kept copy is not put back once a post is due.
    const laterPreview = await buildSite(content, { env: { BLOG_NOW: july2031, BLOG_BUILD_CACHE: previewCache, BLOG_SEARCH: "0", BLOG_PREVIEW: "1" } });
    assert.doesNotMatch(laterPreview.log, /restored from the build cache/);
    assert.equal(loadPage(laterPreview.outputDir, "/posts/scheduled/").querySelector(".post-header .draft-badge"), null);
  });

  it("follows `build`: list never, list local, render never (also as `_build: { render: false }`), render link", () => {
    const { outputDir } = built;
    assert.deepEqual(cardTitles(outputDir, "/posts/").slice(0, 4), ["Pinned", "Link only", "Data only", "Local"]);
    const everywhere = ["/posts/", "/posts/page/2/", "/", "/tags/ml/", "/archive/"].map((url) => [url, fs.readFileSync(outputFile(outputDir, url), "utf8")] as const);
    // list: never — a page of its own, in no list, feed or sitemap, not searched.
    assert.ok(pageExists(outputDir, "/posts/unlisted/"));
    for (const [url, page] of everywhere) assert.ok(!page.includes("Unlisted"), url);
    assert.equal(loadPage(outputDir, "/posts/unlisted/").querySelector("[data-pagefind-body]"), null);
    assert.ok(loadPage(outputDir, "/posts/alpha/").querySelector("article[data-pagefind-body]"));
    // list: local — in its section's list only.
    assert.ok(cardTitles(outputDir, "/posts/").includes("Local"));
    for (const url of ["/", "/tags/ml/", "/archive/"]) assert.ok(!cardTitles(outputDir, url).includes("Local") && !fs.readFileSync(outputFile(outputDir, url), "utf8").includes(">Local<"), url);
    // render: never — listed (tags too) without a link, no page; render: link — listed, linked, no page.
    assert.ok(!pageExists(outputDir, "/posts/data-only/") && !pageExists(outputDir, "/posts/link-only/"));
    const cards = [...loadPage(outputDir, "/posts/").querySelectorAll(".post-card-title")];
    const card = (title: string) => cards.find((node) => text(node) === title);
    assert.equal(card("Data only")?.querySelector("a"), null);
    assert.equal(card("Link only")?.querySelector("a")?.getAttribute("href"), "/posts/link-only/");
    assert.ok(cardTitles(outputDir, "/tags/ml/").includes("Data only"));
    const sitemap = sitemapUrls(outputDir);
    const feed = feedTitles(outputDir);
    for (const slug of ["unlisted", "local", "data-only", "link-only", "headless"]) assert.ok(!sitemap.includes(`/posts/${slug}/`), slug);
    for (const title of ["Unlisted", "Local", "Data only", "Link only", "Headless"]) assert.ok(!feed.includes(title), title);
  });

  it("publishes a bundle's files unless the page says not to: headless bundles and publishResources false", () => {
    const { outputDir } = built;
    assert.ok(pageExists(outputDir, "/posts/alpha/notes.txt"));
    // A JSON file named like the page is one of its files, not Eleventy data (which would take the post off the lists).
    assert.ok(pageExists(outputDir, "/posts/alpha/index.json"));
    assert.ok(cardTitles(outputDir, "/posts/").includes('Alpha & "Omega" <test>'));
    assert.ok(loadPage(outputDir, "/posts/alpha/").querySelector("main"));
    assert.ok(!pageExists(outputDir, "/posts/headless/") && !pageExists(outputDir, "/posts/headless/notes.txt"));
    for (const [url, page] of ["/posts/", "/", "/tags/"].map((url) => [url, fs.readFileSync(outputFile(outputDir, url), "utf8")] as const)) assert.ok(!page.includes("Headless"), url);
    // The file the page shows is published; the one it does not use is not.
    assert.ok(pageExists(outputDir, "/posts/private-files/shown.svg"));
    assert.ok(!pageExists(outputDir, "/posts/private-files/secret.txt"));
  });

  it("orders lists by weight, then date; uses url, linkTitle, keywords and translationKey", () => {
    const { outputDir } = built;
    assert.equal(cardTitles(outputDir, "/")[0], "Pinned");
    assert.equal(cardTitles(outputDir, "/posts/")[0], "Pinned");
    // The archive stays in order of date.
    const archive = [...loadPage(outputDir, "/archive/").querySelectorAll(".archive-list a")].map(text);
    assert.ok(archive.indexOf("Pinned") > archive.indexOf("Delta"));
    assert.ok(pageExists(outputDir, "/about-me/") && !pageExists(outputDir, "/posts/moved/"));
    const alpha = loadPage(outputDir, "/posts/alpha/");
    assert.equal(text(alpha.querySelector(".post-nav-older")), "Older post → Beta");
    assert.equal(alpha.querySelector('meta[name="keywords"]')?.getAttribute("content"), "alpha, testing");
    const jsonLd = JSON.parse(alpha.querySelector('script[type="application/ld+json"]')!.textContent!) as { keywords: string };
    assert.equal(jsonLd.keywords, "alpha, testing");
    // Translations in different folders, joined by translationKey; the translation is not listed beside its original.
    const others = [...loadPage(outputDir, "/about-me/").querySelectorAll(".post-translations a")].map((link) => link.getAttribute("href"));
    assert.deepEqual(others, ["/zh-cn/posts/elsewhere/"]);
    assert.ok(!cardTitles(outputDir, "/posts/page/2/").includes("关于我") && !cardTitles(outputDir, "/posts/").includes("关于我"));
    assert.deepEqual(invalidHtml(outputDir), []);
  });
});

describe("Blowfish's page furniture", () => {
  let built: BuildResult;
  before(async () => {
    ({ built } = await fixtureBuilds());
  });

  it("shows the post's authors, else the site's author, under the post", () => {
    const alpha = loadPage(built.outputDir, "/posts/alpha/");
    const box = alpha.querySelector(".author-box")!;
    assert.equal(text(box.querySelector(".author-name")), "Ana Lima");
    assert.equal(box.querySelector(".author-name a")?.getAttribute("href"), "/authors/ana/");
    assert.equal(text(box.querySelector(".author-bio")), "Writes about machine learning.");
    const avatar = box.querySelector("img.author-avatar")!;
    assert.ok(Number(avatar.getAttribute("width")) > 0 && Number(avatar.getAttribute("height")) > 0);
    assert.ok(pageExists(built.outputDir, avatar.getAttribute("src")!), "the picture is published");
    assert.deepEqual([...box.querySelectorAll(".author-links a")].map((link) => [link.getAttribute("aria-label"), link.getAttribute("href")]), [
      ["GitHub", "https://github.com/ana-example"],
      ["Email", "mailto:ana@example.org"],
    ]);
    const gamma = loadPage(built.outputDir, "/posts/gamma/");
    assert.equal(text(gamma.querySelector(".author-box .author-name")), "Site Owner");
    assert.equal(text(gamma.querySelector(".author-box .author-bio")), "Writes this site.");
  });

  it("gives each author a page of their posts, listed under /authors/", () => {
    const page = loadPage(built.outputDir, "/authors/ana/");
    assert.equal(text(page.querySelector("h1")), "Ana Lima");
    assert.equal(text(page.querySelector(".author-bio")), "Writes about machine learning.");
    const website = page.querySelector('.author-links a[href="https://ana.example/"]');
    assert.equal(website?.getAttribute("aria-label"), "Ana Lima's website");
    assert.deepEqual(cardTitles(built.outputDir, "/authors/ana/"), ['Alpha & "Omega" <test>']);
    const index = [...loadPage(built.outputDir, "/authors/").querySelectorAll(".term-index a")].map((link) => [text(link), link.getAttribute("href")]);
    assert.deepEqual(index, [["Ana Lima", "/authors/ana/"]]);
  });

  it("writes share links whose addresses carry the post's URL and title, escaped", () => {
    const links = [...loadPage(built.outputDir, "/posts/alpha/").querySelectorAll(".share-links a")];
    assert.deepEqual(links.map((link) => link.getAttribute("aria-label")), ["Share on X (opens in a new tab)", "Share by email", "Share on Weibo (opens in a new tab)"]);
    const title = 'Alpha & "Omega" <test>';
    const url = "https://example.org/posts/alpha/";
    const x = new URL(links[0]!.getAttribute("href")!);
    assert.equal(x.origin + x.pathname, "https://x.com/intent/post");
    assert.deepEqual([x.searchParams.get("url"), x.searchParams.get("text")], [url, title]);
    const mail = links[1]!.getAttribute("href")!;
    assert.ok(mail.startsWith("mailto:?"));
    const mailParams = new URLSearchParams(mail.slice("mailto:?".length));
    assert.deepEqual([mailParams.get("subject"), mailParams.get("body")], [title, url]);
    const weibo = new URL(links[2]!.getAttribute("href")!);
    assert.deepEqual([weibo.hostname, weibo.searchParams.get("url"), weibo.searchParams.get("title")], ["service.weibo.com", url, title]);
    // Front matter wins over the site's default.
    assert.equal(loadPage(built.outputDir, "/posts/gamma/").querySelector(".share-links"), null);
  });

  it("links to the post's source when showEdit is on, with the file's path appended", () => {
    assert.equal(loadPage(built.outputDir, "/posts/alpha/").querySelector(".post-edit a")?.getAttribute("href"), "https://github.com/me/blog/edit/main/content/posts/alpha/index.md");
    assert.equal(loadPage(built.outputDir, "/posts/gamma/").querySelector(".post-edit"), null);
  });

  it("lists related posts by shared terms, the same every build, up to relatedContentLimit", () => {
    const related = (url: string) => [...loadPage(built.outputDir, url).querySelectorAll(".related-posts .post-card-title")].map(text);
    // Beta shares a tag and the series; Gamma a tag; Delta a category. Two at most.
    assert.deepEqual(related("/posts/alpha/"), ["Beta, the second part", "Gamma"]);
    assert.deepEqual(related("/posts/delta/"), ['Alpha & "Omega" <test>']);
    assert.deepEqual(related("/posts/gamma/"), [], "showRelatedContent: false");
  });

  it("shows breadcrumbs and word counts where asked", () => {
    const crumbs = [...loadPage(built.outputDir, "/posts/beta/").querySelectorAll(".breadcrumbs li")].map(text);
    assert.deepEqual(crumbs, ["Home", "Writing", "Beta"]);
    assert.equal(loadPage(built.outputDir, "/posts/delta/").querySelector(".breadcrumbs"), null);
    assert.equal(text(loadPage(built.outputDir, "/posts/beta/").querySelector(".post-header .post-word-count")), "7 words");
    assert.equal(loadPage(built.outputDir, "/posts/alpha/").querySelector(".post-header .post-word-count"), null);
  });
});

describe("mistakes in Hugo's front matter and the furniture", () => {
  it("stops on two pages at one URL, a page at a URL of the site's own, and an author without a file, naming the files", async () => {
    const post = (extra: string) => `---\ntitle: A post\ndate: 2020-01-01\n${extra}\n---\n\nText.\n`;
    const build = await buildSite(
      makeContent({
        "posts/one/index.md": post("url: /same/"),
        "posts/two/index.md": post("url: /same/"),
        "posts/three/index.md": post("authors: [nobody]"),
        "posts/four/index.md": post("url: /tags/"),
        "posts/five/index.md": post("aliases: [/archive/]"),
        // A page that is not written takes no URL from one that is.
        "posts/six/index.md": post("url: /kept/\nbuild: { render: never }"),
        "posts/seven/index.md": post("url: /kept/"),
      }),
      { env: { BLOG_SEARCH: "0" } },
    );
    assert.notEqual(build.exitCode, 0);
    assert.match(build.log, /posts\/two\/index\.md:1: This page has the URL \/same\/, which .*posts\/one\/index\.md already has/);
    assert.match(build.log, /posts\/three\/index\.md:1: The author "nobody" in `authors` has no file _data\/authors\/nobody\.json/);
    assert.match(build.log, /posts\/four\/index\.md:1: This page has the URL \/tags\/, which is the page of all tags\. Give it another `url`/);
    assert.match(build.log, /posts\/five\/index\.md:1: The alias \/archive\/ is the URL of the site's archive\. Remove it from `aliases`/);
    assert.doesNotMatch(build.log, /\/kept\//);
  });

  it("names an author's picture that is no image, and the file to correct", async () => {
    const build = await buildSite(
      makeContent({
        "_data/authors/bo.json": JSON.stringify({ name: "Bo", image: "_data/authors/bo.png" }),
        "_data/authors/bo.png": "not a picture",
        "posts/one/index.md": "---\ntitle: One\ndate: 2020-01-01\nauthors: [bo]\n---\n\nText.\n",
      }),
      { env: { BLOG_SEARCH: "0" } },
    );
    assert.notEqual(build.exitCode, 0);
    assert.match(build.log, /_data\/authors\/bo\.json: The author's picture "[^"]*bo\.png" could not be read as an image .*Save it again as JPEG, PNG, WebP or AVIF, or correct "image" in _data\/authors\/bo\.json/);
  });
});
