import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AuthorError } from "../../../lib/errors.ts";
import { readFrontMatter } from "../../../lib/source/front-matter.ts";
import { describeSource, readPageMeta, toDate } from "../../../lib/source/post-model.ts";
import { publicationChanges, whyUnpublished } from "../../../lib/source/publication.ts";
import { defaultSiteSettings, type SiteSettings } from "../../../lib/source/site-settings.ts";

const settings: SiteSettings = { ...defaultSiteSettings, title: "t", baseURL: "https://example.com/", language: "zh-CN", timeZone: "Asia/Shanghai" };
const mtime = new Date("2024-01-01T00:00:00Z");

function meta(relativePath: string, text: string) {
  return readPageMeta(relativePath, describeSource(relativePath, settings), readFrontMatter(relativePath, text), settings, mtime);
}

describe("describeSource", () => {
  it("reads a page bundle in the default language", () => {
    const source = describeSource("posts/202210-the-new-ai-hype/index.zh-cn.md", settings);
    assert.equal(source.kind, "post");
    assert.equal(source.fileSlug, "202210-the-new-ai-hype");
    assert.equal(source.bundleDir, "posts/202210-the-new-ai-hype");
    assert.equal(source.lang, "zh-CN");
    assert.equal(source.isDefaultLanguage, true);
  });

  it("reads a translation and a single-file page", () => {
    const en = describeSource("posts/hello/index.en.md", settings);
    assert.equal(en.lang, "en");
    assert.equal(en.isDefaultLanguage, false);
    const single = describeSource("posts/2022/short-note.md", settings);
    assert.equal(single.fileSlug, "short-note");
    assert.deepEqual(single.sectionPath, ["posts", "2022"]);
    assert.equal(describeSource("about/index.md", settings).kind, "page");
    assert.equal(describeSource("posts/_index.md", settings).kind, "section");
  });
});

describe("readPageMeta", () => {
  it("normalises every key the seed uses", () => {
    const page = meta(
      "posts/202210-the-new-ai-hype/index.zh-cn.md",
      `---
title: "新一轮人工智能热潮"
summary: "摘要"
categories: ["产品","战略","技术"]
tags: ["Stable Diffusion","人工智能"]
# externalUrl: ""
date: 2022-10-25
draft: false
series: ["新一轮人工智能热潮"]
series_order: 1
---
body`,
    );
    assert.equal(page.title, "新一轮人工智能热潮");
    assert.equal(page.summary, "摘要");
    assert.deepEqual(page.categories, ["产品", "战略", "技术"]);
    assert.deepEqual(page.tags, ["Stable Diffusion", "人工智能"]);
    assert.equal(page.externalUrl, undefined);
    assert.equal(page.draft, false);
    assert.equal(page.series, "新一轮人工智能热潮");
    assert.equal(page.seriesOrder, 1);
    assert.equal(page.url, "/posts/202210-the-new-ai-hype/");
    // A bare date is that calendar day where the site lives (Asia/Shanghai), not midnight UTC.
    assert.equal(page.date.toISOString(), "2022-10-24T16:00:00.000Z");
  });

  it("keeps a moment written with its time and offset, even one that falls on midnight UTC", () => {
    // 08:00 in Shanghai is 00:00 UTC: it was once taken for a bare date and moved to 00:00 Shanghai time.
    assert.equal(meta("posts/x/index.md", "---\ndate: 2020-01-02T08:00:00+08:00\n---\n").date.toISOString(), "2020-01-02T00:00:00.000Z");
    assert.equal(meta("posts/x/index.md", '---\ndate: "2020-01-02" # a comment\n---\n').date.toISOString(), "2020-01-01T16:00:00.000Z");
    assert.equal(meta("posts/x/index.md", "+++\ndate = 2020-01-02T08:00:00+08:00\n+++\n").date.toISOString(), "2020-01-02T00:00:00.000Z");
  });

  it("keeps Eleventy's reserved collection names as plain tags", () => {
    const page = meta("posts/x/index.md", '---\ntags: ["posts", "all"]\n---\n');
    assert.deepEqual(page.tags, ["posts", "all"]);
  });

  it("reads lastmod, slug, featureimage, aliases and externalUrl", () => {
    const page = meta(
      "posts/folder-name/index.md",
      "---\nslug: better-name\nlastmod: 2023-01-02T10:00:00+08:00\nfeatureimage: cover.png\naliases: [/old/]\nexternalUrl: https://example.org/a\n---\n",
    );
    assert.equal(page.slug, "better-name");
    assert.equal(page.url, "/posts/better-name/");
    assert.equal(page.lastmod?.toISOString(), "2023-01-02T02:00:00.000Z");
    assert.equal(page.featureImage, "cover.png");
    assert.deepEqual(page.aliases, ["/old/"]);
    assert.equal(page.externalUrl, "https://example.org/a");
  });

  it("gives translations a language prefix and lower-cases paths like Hugo", () => {
    assert.equal(meta("posts/Hello World/index.en.md", "---\ntitle: x\n---\n").url, "/en/posts/hello-world/");
  });

  it("accepts a single term where a list is expected", () => {
    assert.deepEqual(meta("posts/x/index.md", "---\ntags: solo\nseries: 系列\n---\n").tags, ["solo"]);
    assert.equal(meta("posts/x/index.md", "---\nseries: 系列\n---\n").series, "系列");
  });

  it("falls back to the file's date and the folder name", () => {
    const page = meta("posts/untitled/index.md", "body only");
    assert.equal(page.title, "untitled");
    assert.equal(page.date, mtime);
  });

  for (const [key, value, expected] of [
    ["draft", '"yes"', "true or false"],
    ["tags", "{a: 1}", "a list of text"],
    ["series_order", '"first"', "a whole number"],
    ["externalUrl", "not a url", "absolute http(s) URL"],
    ["title", "[1, 2]", "text"],
    ["date", "true", "a date"],
  ] as const) {
    it(`rejects a wrong type for ${key}, naming file, line and key`, () => {
      assert.throws(
        () => meta("content/posts/x/index.md", `---\nweight: 1\n${key}: ${value}\n---\n`),
        (error: unknown) =>
          error instanceof AuthorError &&
          error.message.startsWith("content/posts/x/index.md:3: ") &&
          error.message.includes(`"${key.toLowerCase()}"`) &&
          error.message.includes(expected),
      );
    });
  }

  it("rejects a date string that is not a date", () => {
    assert.throws(() => meta("p.md", "---\ndate: next tuesday\n---\n"), /not a date/);
  });
});

describe("toDate", () => {
  it("reads offsets and local times", () => {
    assert.equal(toDate("2022-10-25T09:30:00+02:00", "UTC")?.toISOString(), "2022-10-25T07:30:00.000Z");
    assert.equal(toDate("2022-10-25 09:30", "Asia/Shanghai")?.toISOString(), "2022-10-25T01:30:00.000Z");
    assert.equal(toDate("garbage", "UTC"), undefined);
  });
});

describe("readPageMeta: Hugo's dates, build options and other keys", () => {
  const english: SiteSettings = { ...settings, language: "en", timeZone: "UTC" };
  const read = (text: string, relativePath = "posts/x/index.md", site = english) =>
    readPageMeta(relativePath, describeSource(relativePath, site), readFrontMatter(relativePath, `---\n${text}\n---\n`), site, mtime);

  it("reads publishDate and expiryDate under Hugo's other names; the date falls back to the publish date", () => {
    for (const key of ["publishDate", "pubdate", "published"]) {
      const page = read(`date: 2030-01-01\n${key}: 2031-02-03`);
      assert.equal(page.publishDate?.toISOString(), "2031-02-03T00:00:00.000Z", key);
      assert.equal(page.date.toISOString(), "2030-01-01T00:00:00.000Z");
    }
    for (const key of ["expiryDate", "unpublishdate"]) assert.equal(read(`${key}: 2031-05-06`).expiryDate?.toISOString(), "2031-05-06T00:00:00.000Z", key);
    const onlyPublish = read("publishDate: 2031-02-03");
    assert.equal(onlyPublish.date.toISOString(), "2031-02-03T00:00:00.000Z");
    const onlyDate = read("date: 2030-01-01");
    assert.equal(onlyDate.publishDate?.toISOString(), "2030-01-01T00:00:00.000Z");
    // Without a written date a page is always published, whatever its file's time or lastmod (Hugo's zero date).
    assert.equal(read("lastmod: 2099-01-01").publishDate, undefined);
    assert.equal(onlyDate.expiryDate, undefined);
    assert.equal(read("modified: 2030-09-09").lastmod?.toISOString(), "2030-09-09T00:00:00.000Z");
  });

  it("reports a date that is not one under the name the author wrote", () => {
    assert.throws(() => read("title: x\npubdate: someday"), (error: AuthorError) => error.line === 3 && /"pubdate" is not a date/.test(error.message));
  });

  it("reads `build` in words and in the older true/false of `_build`; `headless` is no page, no list, no files", () => {
    assert.deepEqual(read("title: x").build, { list: "always", render: "always", publishResources: true });
    assert.deepEqual(read("build:\n  list: local\n  render: link\n  publishResources: false").build, { list: "local", render: "link", publishResources: false });
    assert.deepEqual(read("_build:\n  list: false\n  render: true").build, { list: "never", render: "always", publishResources: true });
    assert.deepEqual(read("_build:\n  render: false").build, { list: "always", render: "never", publishResources: true });
    assert.deepEqual(read("headless: true").build, { list: "never", render: "never", publishResources: false });
    assert.throws(() => read("build:\n  list: sometimes"), (error: AuthorError) => error.line === 2 && /"build" has the wrong type: expected \{ list: always\|never\|local/.test(error.message));
    assert.throws(() => read("build: never"), /"build" has the wrong type/);
  });

  it("takes `url` from the site's root, or from the language's root without a leading slash", () => {
    assert.equal(read("url: /about").url, "/about/");
    assert.equal(read("url: /articles/first.html").url, "/articles/first.html");
    assert.equal(read("url: about/", "posts/x/index.zh-cn.md").url, "/zh-cn/about/");
    assert.equal(read("url: /about/", "posts/x/index.zh-cn.md").url, "/about/");
    assert.equal(read('url: "./x/./y"').url, "/x/y/");
    assert.equal(read('url: "."').url, "/");
    for (const bad of ["/a b/", "/a/../b/", "/a?b", "https://example.org/x"]) assert.throws(() => read(`url: "${bad}"`), /"url" has the wrong type/, bad);
  });

  it("reads weight, linkTitle, keywords, translationKey and authors", () => {
    const page = read("title: A long title\nlinkTitle: Short\nweight: 3\nkeywords: [a, b]\ntranslationKey: about\nauthors: [Ana, ana, bo]");
    assert.deepEqual([page.weight, page.linkTitle, page.keywords, page.translationKey, page.authors], [3, "Short", ["a", "b"], "about", ["ana", "bo"]]);
    const plain = read("title: Plain");
    assert.deepEqual([plain.weight, plain.linkTitle, plain.keywords, plain.translationKey, plain.authors], [0, "Plain", [], undefined, []]);
  });

  it("takes Blowfish's furniture from the site's `article` defaults, front matter first", () => {
    const site: SiteSettings = {
      ...english,
      article: { ...english.article, showAuthor: false, showWordCount: true, sharingLinks: ["email"], showEdit: true, editURL: "https://git.example/edit/main/content" },
    };
    const defaults = read("title: x", "posts/x/index.md", site);
    assert.deepEqual([defaults.showAuthor, defaults.showWordCount, defaults.sharingLinks], [false, true, ["email"]]);
    assert.equal(defaults.editUrl, "https://git.example/edit/main/content/posts/x/index.md");
    const own = read("showAuthor: true\nshowWordCount: false\nsharingLinks: [X, reddit]\neditAppendPath: false", "posts/x/index.md", site);
    assert.deepEqual([own.showAuthor, own.showWordCount, own.sharingLinks, own.editUrl], [true, false, ["twitter", "reddit"], "https://git.example/edit/main/content"]);
    assert.deepEqual(read("sharingLinks: false", "posts/x/index.md", site).sharingLinks, []);
    assert.equal(read("showEdit: false", "posts/x/index.md", site).editUrl, undefined);
    assert.throws(() => read("sharingLinks: [myspace]", "posts/x/index.md", site), /expected false, or a list of networks from: email, .*\(found "myspace"\)/);
  });
});

describe("whether a page is published", () => {
  const rules = { buildDrafts: false, buildFuture: false, buildExpired: false };
  const now = new Date("2031-01-01T00:00:00Z");
  const page = (publishDate: string, expiryDate?: string, draft = false) => ({ draft, publishDate: new Date(publishDate), expiryDate: expiryDate ? new Date(expiryDate) : undefined });

  it("leaves out drafts, pages not yet due and pages expired, unless the settings publish them", () => {
    assert.equal(whyUnpublished(page("2030-01-01"), rules, now), undefined);
    assert.equal(whyUnpublished(page("2031-01-01T00:00:01Z"), rules, now), "future");
    assert.equal(whyUnpublished(page("2031-01-01T00:00:00Z"), rules, now), undefined, "due at its moment");
    assert.equal(whyUnpublished(page("2030-01-01", "2031-01-01T00:00:00Z"), rules, now), "expired", "expired at its moment");
    assert.equal(whyUnpublished(page("2030-01-01", "2032-01-01"), rules, now), undefined);
    assert.equal(whyUnpublished(page("2030-01-01", undefined, true), rules, now), "draft");
    assert.equal(whyUnpublished(page("2032-01-01"), { ...rules, buildFuture: true }, now), undefined);
    assert.equal(whyUnpublished(page("2020-01-01", "2021-01-01"), { ...rules, buildExpired: true }, now), undefined);
    assert.equal(whyUnpublished(page("2020-01-01", undefined, true), { ...rules, buildDrafts: true }, now), undefined);
  });

  it("knows the moments around now at which a page's publication changes", () => {
    const changes = publicationChanges(page("2030-06-01", "2031-06-01"), rules, now);
    assert.deepEqual([changes.previous?.toISOString(), changes.next?.toISOString()], ["2030-06-01T00:00:00.000Z", "2031-06-01T00:00:00.000Z"]);
    // With buildFuture the publish date changes nothing; an unpublished draft has no moments at all.
    assert.equal(publicationChanges(page("2032-01-01"), { ...rules, buildFuture: true }, now).next, undefined);
    assert.deepEqual(publicationChanges(page("2032-01-01", undefined, true), rules, now), { previous: undefined, next: undefined });
  });
});
