import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AuthorError } from "../../../lib/errors.ts";
import { readFrontMatter } from "../../../lib/source/front-matter.ts";
import { describeSource, readPageMeta, toDate } from "../../../lib/source/post-model.ts";
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
