import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AuthorError } from "../../../lib/errors.ts";
import { readFrontMatter } from "../../../lib/source/front-matter.ts";

describe("readFrontMatter", () => {
  it("reads YAML between --- and reports where the body starts", () => {
    const fm = readFrontMatter("post.md", '---\ntitle: "你好"\ndate: 2022-10-25\ntags: ["a", "b"]\n---\n\nBody text\n');
    assert.equal(fm.format, "yaml");
    assert.equal(fm.data.get("title"), "你好");
    assert.ok(fm.data.get("date") instanceof Date);
    assert.deepEqual(fm.data.get("tags"), ["a", "b"]);
    assert.equal(fm.bodyLine, 6);
    assert.equal(fm.body, "\nBody text\n");
    assert.equal(fm.keyLines.get("tags"), 4);
  });

  it("reads TOML between +++", () => {
    const fm = readFrontMatter("post.md", '+++\ntitle = "TOML post"\nseries_order = 2\ntags = ["x"]\n+++\nBody\n');
    assert.equal(fm.format, "toml");
    assert.equal(fm.data.get("title"), "TOML post");
    assert.equal(fm.data.get("series_order"), 2);
    assert.equal(fm.keyLines.get("series_order"), 3);
    assert.equal(fm.body, "Body\n");
  });

  it("reads Hugo's JSON front matter object", () => {
    const fm = readFrontMatter("post.md", '{\n  "title": "JSON post",\n  "draft": true\n}\nBody\n');
    assert.equal(fm.format, "json");
    assert.equal(fm.data.get("draft"), true);
    assert.equal(fm.keyLines.get("draft"), 3);
    assert.equal(fm.body, "Body\n");
    assert.equal(fm.bodyLine, 5);
  });

  it("treats keys case-insensitively, as Hugo does", () => {
    const fm = readFrontMatter("post.md", "---\nexternalUrl: https://example.com/\nShowTableOfContents: true\n---\n");
    assert.equal(fm.data.get("externalurl"), "https://example.com/");
    assert.equal(fm.data.get("showtableofcontents"), true);
  });

  it("accepts a file without front matter", () => {
    const fm = readFrontMatter("post.md", "# Just Markdown\n");
    assert.equal(fm.format, "none");
    assert.equal(fm.body, "# Just Markdown\n");
    assert.equal(fm.bodyLine, 1);
  });

  it("names the line of a YAML syntax error", () => {
    assert.throws(
      () => readFrontMatter("content/posts/x/index.md", "---\ntitle: ok\nsummary: ok\n  tags: [1\n---\nbody"),
      (error: unknown) => error instanceof AuthorError && error.line === 4 && /^content\/posts\/x\/index\.md:4:\d+: /.test(error.message),
    );
  });

  it("names the line of a TOML syntax error", () => {
    assert.throws(
      () => readFrontMatter("post.md", '+++\ntitle = "a"\ndate = \n+++\nbody'),
      (error: unknown) => error instanceof AuthorError && error.line === 3 && /TOML/.test(error.message),
    );
  });

  it("reports front matter that is never closed, with a fix", () => {
    assert.throws(
      () => readFrontMatter("post.md", "---\ntitle: never closed\n\nBody"),
      (error: unknown) => error instanceof AuthorError && error.line === 1 && /never closed/.test(error.message) && /Add a line/.test(error.message),
    );
  });

  it("rejects front matter that is a list, a lone value or nothing rather than keys, saying how to write it", () => {
    for (const yaml of ["- a\n- b", "just words", "42"]) {
      assert.throws(
        () => readFrontMatter("post.md", `---\n${yaml}\n---\nbody`),
        (error: unknown) => error instanceof AuthorError && error.line === 2 && error.message === 'post.md:2:1: The front matter is not a set of keys and values. Write one "key: value" per line, for example: title: "My post"',
        yaml,
      );
    }
    // An empty block holds no keys, and is no mistake.
    assert.deepEqual([...readFrontMatter("post.md", "---\n---\nbody").data], []);
  });

  it("ignores a byte order mark", () => {
    assert.equal(readFrontMatter("post.md", "\ufeff---\ntitle: t\n---\nb").data.get("title"), "t");
  });
});
