import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { blogPostingJsonLd } from "../../../lib/output/filters-plugin.ts";
import type { Post } from "../../../lib/site/post.ts";
import { defaultRelated, relatedPosts, type RelatedRules } from "../../../lib/site/related-posts.ts";
import { shareLinks } from "../../../lib/site/share-links.ts";
import { buildTaxonomy, taxonomyNames } from "../../../lib/site/taxonomies.ts";
import { sharingNetworks } from "../../../lib/source/article-defaults.ts";
import { loadSiteSettings } from "../../../lib/source/site-settings.ts";
import { makeContent } from "../../helpers/site.ts";

function post(url: string, date: string, terms: Partial<Pick<Post, "tags" | "categories" | "series" | "authors">>): Post {
  return { url, href: url, date: new Date(date), tags: [], categories: [], authors: [], series: undefined, showRelatedContent: true, ...terms } as unknown as Post;
}

function related(posts: Post[], limit = 5, rules?: RelatedRules): Record<string, string[]> {
  const byDate = (a: Post, b: Post) => b.date.getTime() - a.date.getTime();
  const taxonomies = Object.fromEntries(taxonomyNames.map((name) => [name, buildTaxonomy(name, posts, byDate)])) as Parameters<typeof relatedPosts>[1];
  return Object.fromEntries(Object.entries(relatedPosts(posts, taxonomies, limit, rules)).map(([url, list]) => [url, list.map((other) => other.url)]));
}

describe("related posts", () => {
  const posts = [
    post("/a/", "2030-06-01", { tags: ["ml", "python"], series: "Basics", authors: ["ana"] }),
    post("/b/", "2030-05-01", { tags: ["ml"], series: "Basics" }),
    post("/c/", "2030-01-01", { tags: ["ml", "python"] }),
    post("/d/", "2030-05-20", { tags: ["ml"] }),
    post("/e/", "2030-05-30", { authors: ["ana"] }),
    post("/f/", "2030-06-02", { tags: ["cooking"] }),
  ];

  it("ranks by what is shared (tags and categories most, series half, an author a little), then by nearness in date", () => {
    const found = related(posts);
    // c shares two tags (200); b a tag and the series (150); d a tag (100); e the author (20).
    assert.deepEqual(found["/a/"], ["/c/", "/b/", "/d/", "/e/"]);
    // a shares ml and the series (150); c and d share ml (100 each), and d is nearer in date.
    assert.deepEqual(found["/b/"], ["/a/", "/d/", "/c/"]);
    assert.deepEqual(found["/f/"], [], "nothing shared, nothing related");
  });

  it("follows a site's own `related`: its weights, its threshold, and only older posts without includeNewer", () => {
    // Only series counts: b alone shares a's series.
    assert.deepEqual(related(posts, 5, { weights: { series: 10 }, threshold: 0, includeNewer: true })["/a/"], ["/b/"]);
    // Authors outweigh tags; the threshold is a share of the heaviest weight (80): 100 keeps e (80) alone, 20 adds
    // c (two tags, 20) but not b or d (one tag, 10).
    assert.deepEqual(related(posts, 5, { weights: { tags: 10, authors: 80 }, threshold: 100, includeNewer: true })["/a/"], ["/e/"]);
    assert.deepEqual(related(posts, 5, { weights: { tags: 10, authors: 80 }, threshold: 20, includeNewer: true })["/a/"], ["/e/", "/c/"]);
    // Without includeNewer only older posts: b keeps c (older, ml) but not a or d (newer).
    assert.deepEqual(related(posts, 5, { ...defaultRelated, includeNewer: false })["/b/"], ["/c/"]);
    assert.deepEqual(related(posts, 5, { ...defaultRelated, includeNewer: false })["/d/"], ["/b/", "/c/"]);
  });

  it("lists the same posts in the same order whatever order the posts come in, up to the limit", () => {
    const reversed = related([...posts].reverse(), 2);
    assert.deepEqual(reversed["/a/"], ["/c/", "/b/"]);
    assert.deepEqual(related(posts, 2), reversed);
  });

  it("leaves out a post with no page to go to, and skips posts that do not show related posts", () => {
    const withoutPage = { ...post("/x/", "2030-06-01", { tags: ["ml"] }), href: "" } as Post;
    const quiet = { ...post("/q/", "2030-06-01", { tags: ["ml"] }), showRelatedContent: false } as Post;
    const found = related([posts[1]!, withoutPage, quiet]);
    assert.deepEqual(found["/b/"], ["/q/"]);
    assert.equal(found["/q/"], undefined);
  });
});

describe("share links", () => {
  it("puts the post's address and title into every network's share page, encoded", () => {
    const url = "https://example.org/posts/a b/?x=1&y=2";
    const title = 'Tom & Jerry: "50% <off>" #1';
    const links = shareLinks([...sharingNetworks], url, title, "en");
    assert.equal(links.length, sharingNetworks.length);
    for (const link of links) {
      const address = new URL(link.url);
      const values = link.network === "email" ? new URLSearchParams(link.url.slice("mailto:?".length)) : address.searchParams;
      const all = [...values.values()].join(" ");
      assert.ok(all.includes(url), `${link.network}: ${link.url}`);
      // Facebook and LinkedIn take the address only; the others the title too.
      if (!["facebook", "linkedin"].includes(link.network)) assert.ok(all.includes(title), `${link.network}: ${link.url}`);
      assert.ok(!/[<>"\s]/.test(link.url), `${link.network} is one encoded URL: ${link.url}`);
    }
    assert.equal(links.find((link) => link.network === "twitter")?.name, "X");
    assert.equal(shareLinks(["weibo"], url, title, "zh-CN")[0]?.name, "微博");
  });
});

describe("the post's structured data", () => {
  const settings = loadSiteSettings(makeContent({ "_data/site.json": JSON.stringify({ baseURL: "https://example.org/", author: { name: "Site Owner" } }) }));
  const written = { ...post("/a/", "2030-06-01", {}), title: "A", summary: "", lang: "en", keywords: [], wordCount: 3 } as Post;

  it("credits the byline it is given, and never the site's author in place of a post's unknown authors", () => {
    const author = (people: Parameters<typeof blogPostingJsonLd>[2]) => (JSON.parse(blogPostingJsonLd({ ...written, authors: ["nobody"] }, settings, people)) as { author?: unknown }).author;
    assert.deepEqual(author([{ id: "ana", name: "Ana", url: "https://ana.example/" } as never]), { "@type": "Person", name: "Ana", url: "https://ana.example/" });
    assert.equal(author([]), undefined);
  });
});
