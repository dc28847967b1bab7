import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { temporaryDir } from "../../../scripts/temporary-dir.ts";
import { loadAuthors } from "../../../lib/source/authors.ts";
import { loadSiteSettings } from "../../../lib/source/site-settings.ts";

function contentWith(files: Record<string, string>): string {
  const root = temporaryDir("blog-settings-");
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

const settingsOf = (raw: unknown) => loadSiteSettings(contentWith({ "_data/site.json": JSON.stringify(raw) }));

describe("site settings: Blowfish's `article`, the author and Hugo's build switches", () => {
  it("fills `article` with Blowfish's defaults and takes the site's values over them", () => {
    const defaults = settingsOf({});
    assert.deepEqual(
      [defaults.article.showAuthor, defaults.article.showWordCount, defaults.article.sharingLinks, defaults.article.relatedContentLimit, defaults.buildFuture],
      [true, false, [], 3, false],
    );
    const own = settingsOf({ article: { showAuthor: false, sharingLinks: ["x-twitter", "email"], relatedContentLimit: 6, heroStyle: "big" }, buildFuture: true });
    assert.deepEqual([own.article.showAuthor, own.article.sharingLinks, own.article.relatedContentLimit, own.buildFuture], [false, ["twitter", "email"], 6, true]);
  });

  it("names the setting that is wrong and what it takes", () => {
    assert.throws(() => settingsOf({ article: { showWordCount: "yes" } }), /"article\.showWordCount" must be true or false/);
    assert.throws(() => settingsOf({ article: { sharingLinks: ["fax"] } }), /"article\.sharingLinks" must be false, or a list of networks from: .*\(found "fax"\)/);
    assert.throws(() => settingsOf({ article: { editURL: "github.com/me" } }), /"article\.editURL" must be an absolute http\(s\) URL/);
    assert.throws(() => settingsOf({ buildExpired: "no" }), /"buildExpired" must be true or false/);
    // README's settings: each checked, and the message names the key and what it takes.
    assert.throws(() => settingsOf({ postsPerPage: 0 }), /"postsPerPage" must be a positive whole number/);
    assert.throws(() => settingsOf({ homePosts: 2.5 }), /"homePosts" must be a positive whole number/);
    assert.throws(() => settingsOf({ summaryLength: "70" }), /"summaryLength" must be a positive whole number/);
    assert.throws(() => settingsOf({ baseURL: "example.org" }), /"baseURL" must be an absolute http\(s\) URL/);
    assert.throws(() => settingsOf({ timeZone: "Mars/Olympus" }), /"timeZone" must be an IANA time zone/);
    assert.throws(() => settingsOf({ language: "not a tag!" }), /"language" must be a language tag/);
    assert.throws(() => settingsOf({ math: "always" }), /"math" must be true, false or "dollars"/);
    assert.throws(() => settingsOf({ strict: "yes" }), /"strict" must be true or false/);
    assert.throws(() => settingsOf({ brokenLinks: "ignore" }), /"brokenLinks" must be "error" or "warn"/);
    assert.throws(() => settingsOf({ pathPrefix: "blog" }), /"pathPrefix" must be a path such as/);
    assert.throws(() => settingsOf({ title: 7 }), /"title" must be a string/);
    assert.throws(() => settingsOf({ author: { name: "A", image: "https://example.org/me.jpg" } }), /"author\.image" must be a picture in the content folder or static\//);
    assert.throws(() => settingsOf({ author: { name: "A", links: [{ github: "not a url" }] } }), /"author\.links" must be a list like/);
  });

  it("reads the author's links in Blowfish's list form and as an object", () => {
    assert.deepEqual(settingsOf({ author: { name: "A", links: [{ GitHub: "https://github.com/a" }, { email: "mailto:a@example.org" }] } }).author.links, [
      { network: "github", url: "https://github.com/a" },
      { network: "email", url: "mailto:a@example.org" },
    ]);
    assert.deepEqual(settingsOf({ author: { name: "A", links: { mastodon: "https://social.example/@a" } } }).author.links, [{ network: "mastodon", url: "https://social.example/@a" }]);
    assert.equal(settingsOf({ author: "Plain Name" }).author.name, "Plain Name");
  });
});

describe("authors' files", () => {
  it("reads each _data/authors/<id>.json, Blowfish's `social` included, and finds the picture", () => {
    const content = contentWith({
      "_data/authors/Ana.json": JSON.stringify({ name: "Ana", bio: "Hi", image: "_data/authors/ana.png", social: [{ github: "https://github.com/ana" }] }),
      "_data/authors/ana.png": "not really a picture",
    });
    const ana = loadAuthors(content, temporaryDir("blog-static-")).get("ana");
    assert.deepEqual([ana?.name, ana?.bio, ana?.links], ["Ana", "Hi", [{ network: "github", url: "https://github.com/ana" }]]);
    assert.equal(ana?.image, path.join(content, "_data/authors/ana.png"));
  });

  it("names the author's file and the key for a mistake in it", () => {
    const noName = contentWith({ "_data/authors/bo.json": JSON.stringify({ bio: "Hi" }) });
    assert.throws(() => loadAuthors(noName, temporaryDir("blog-static-")), (error: Error) => /_data\/authors\/bo\.json: The author's "name" must be a non-empty text/.test(error.message));
    const badJson = contentWith({ "_data/authors/cy.json": "{ name: 1" });
    assert.throws(() => loadAuthors(badJson, temporaryDir("blog-static-")), /_data\/authors\/cy\.json:1:3: The author's file is not valid JSON/);
    const noPicture = contentWith({ "_data/authors/di.json": JSON.stringify({ name: "Di", image: "di.png" }) });
    assert.throws(() => loadAuthors(noPicture, temporaryDir("blog-static-")), /"di\.png" is in neither the content folder nor static\//);
  });
});
