import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { linksIn, resolveLink } from "../../../lib/output/link-check-plugin.ts";

describe("the links of a body", () => {
  it("finds the href of every <a>, quoted either way or not at all, decoded", () => {
    const html = `<p><a href="/a/?x=1&amp;y=2">a</a> <A class="c" HREF='/b/'>b</A> <a href=/c/>c</a> <a name="x">anchor</a></p>`;
    assert.deepEqual(linksIn(html), ["/a/?x=1&y=2", "/b/", "/c/"]);
  });

  it("ignores links shown in code", () => {
    assert.deepEqual(linksIn(`<pre><code>&lt;a href="/nowhere/"&gt;</code></pre>`), []);
  });
});

describe("where a link goes", () => {
  it("resolves relative links against the page and decodes path and fragment", () => {
    assert.deepEqual(resolveLink("../b/#%E7%AC%AC%E4%B8%80", "/posts/a/"), { path: "/posts/b/", fragment: "第一" });
    assert.deepEqual(resolveLink("photo.jpg?v=2", "/posts/a/"), { path: "/posts/a/photo.jpg", fragment: "" });
    assert.deepEqual(resolveLink("#top", "/posts/a/"), { path: "/posts/a/", fragment: "top" });
  });

  it("leaves links elsewhere alone", () => {
    for (const href of ["https://example.com/", "//cdn.example.com/x.js", "mailto:a@example.com", "tel:+100", ""]) {
      assert.equal(resolveLink(href, "/posts/a/"), undefined, href);
    }
  });
});
