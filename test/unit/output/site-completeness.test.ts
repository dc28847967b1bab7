import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { missingFromSite } from "../../../lib/output/site-completeness.ts";
import { defaultSiteSettings, type SiteSettings } from "../../../lib/source/site-settings.ts";
import { temporaryDir } from "../../../scripts/temporary-dir.ts";

/** A finished one-language site in a folder: the fixed files, the sitemap's pages and a search index. */
function finishedSite(settings: SiteSettings): string {
  const folder = temporaryDir("blog-complete-");
  const files: Record<string, string> = {
    "index.html": "",
    "404.html": "",
    "favicon.ico": "",
    "feed.xml": "",
    "feed.json": "",
    "index.xml": "",
    "robots.txt": "",
    "posts/a/index.html": "",
    "tags/人工智能/index.html": "",
    "pagefind/shards.json": JSON.stringify({ bundles: ["zh-cn_1"] }),
    "pagefind/zh-cn_1/pagefind-entry.json": "{}",
    [settings.sitemapFile]: `<urlset><url><loc>https://example.com${settings.pathPrefix}posts/a/</loc></url><url><loc>https://example.com${settings.pathPrefix}tags/%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD/</loc></url></urlset>`,
  };
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    fs.writeFileSync(path.join(folder, name), text);
  }
  return folder;
}

describe("whether a finished site is complete", () => {
  const settings = { ...defaultSiteSettings };

  it("is complete with every fixed file, every page its sitemap lists, every written file and the search index", () => {
    const folder = finishedSite(settings);
    assert.deepEqual(missingFromSite(folder, settings, { search: true, written: [path.join(folder, "posts/a/index.html")] }), []);
  });

  it("names each page, fixed file, written file and search bundle that is missing", () => {
    const folder = finishedSite(settings);
    for (const gone of ["tags/人工智能/index.html", "feed.json", "favicon.ico", "robots.txt", "pagefind/zh-cn_1/pagefind-entry.json"]) fs.rmSync(path.join(folder, gone));
    const missing = missingFromSite(folder, settings, { search: true, written: [path.join(folder, "posts/b/index.html"), path.join(folder, "..", "elsewhere.html")] });
    assert.deepEqual(missing.sort(), ["favicon.ico", "feed.json", "pagefind/zh-cn_1/pagefind-entry.json", "posts/b/index.html", "robots.txt", "tags/人工智能/index.html"].sort());
    // Without search and without robots.txt, neither is asked for.
    assert.deepEqual(missingFromSite(folder, { ...settings, robotsTxt: false }, { search: false }).sort(), ["favicon.ico", "feed.json", "tags/人工智能/index.html"]);
    fs.rmSync(path.join(folder, "pagefind/shards.json"));
    assert.ok(missingFromSite(folder, settings, { search: true }).includes(path.join("pagefind", "shards.json")));
  });

  it("reads the sitemap named by sitemapFile, and pages under the site's path prefix from the folder's root", () => {
    const named = { ...settings, sitemapFile: "pages.xml", pathPrefix: "/blog/" };
    const folder = finishedSite(named);
    assert.deepEqual(missingFromSite(folder, named, { search: false }), []);
    fs.rmSync(path.join(folder, "posts/a/index.html"));
    assert.deepEqual(missingFromSite(folder, named, { search: false }), [path.join("posts", "a", "index.html")]);
    fs.rmSync(path.join(folder, "pages.xml"));
    assert.deepEqual(missingFromSite(folder, named, { search: false }), ["pages.xml"]);
  });
});
