import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { trustedHtml } from "../../../shortcodes/html.ts";
import type { ShortcodeArgs } from "../../../shortcodes/parse.ts";
import { checkedHref, inlineInner, isExternal, ParamError, Params } from "../../../shortcodes/shortcode.ts";

const args = (named: Record<string, string | number | boolean> = {}, positional: Array<string | number | boolean> = []): ShortcodeArgs => ({ named: new Map(Object.entries(named)), positional });
const problem = (make: () => unknown): string => {
  try {
    make();
  } catch (error) {
    assert.ok(error instanceof ParamError);
    return `${error.message}. ${error.hint}`;
  }
  assert.fail("no ParamError");
};

describe("what every shortcode reads its parameters with", () => {
  it("names unknown parameters and too many positional arguments, listing what the shortcode takes", () => {
    assert.equal(problem(() => new Params("sc", args({ colour: "red" }), { named: ["color", "size"], positional: 0 })), '"sc" has no parameter "colour". Its parameters are: color, size');
    assert.equal(problem(() => new Params("sc", args({}, ["a"]), { named: ["id"], positional: 0 })), '"sc" takes no positional arguments, found 1. Use named parameters: id="…"');
    assert.equal(problem(() => new Params("sc", args({}, ["a", "b"]), { named: ["id", "title"], positional: 1 })), '"sc" takes at most 1 positional argument, found 2. Use named parameters: id="…" title="…"');
    assert.match(problem(() => new Params("sc", args({}, ["a", "b", "c"]), { named: ["x"], positional: 2 })), /at most 2 positional arguments, found 3/);
  });

  it("reads a name in any letter case, else the argument at its position", () => {
    const params = new Params("sc", args({ CardColor: "red" }, ["first"]), { named: ["cardColor", "id"], positional: 1 });
    assert.deepEqual([params.string("cardcolor"), params.string("id", 0), params.string("id"), params.get("missing", 3)], ["red", "first", undefined, undefined]);
  });

  it("says how to give a required parameter, by name or by position; an empty one counts as missing", () => {
    assert.equal(problem(() => new Params("sc", args(), { named: ["id"], positional: 0 }).required("id")), '"sc" needs the parameter "id". Add id="…" to the call');
    assert.equal(problem(() => new Params("sc", args({ id: "" }), { named: ["id"], positional: 1 }).required("id", 0)), '"sc" needs the parameter "id". Add it: {{< sc id="…" >}} or {{< sc … >}}');
  });

  it("takes true/false, 1/0 and their quoted forms as booleans, nothing else", () => {
    const read = (value: string | number | boolean) => new Params("sc", args({ open: value }), { named: ["open"], positional: 0 }).boolean("open");
    assert.deepEqual([true, "true", 1, "1"].map(read), [true, true, true, true]);
    assert.deepEqual([false, "false", 0, "0"].map(read), [false, false, false, false]);
    assert.equal(new Params("sc", args(), { named: ["open"], positional: 0 }).boolean("open"), undefined);
    assert.equal(problem(() => read("yes")), '"sc" parameter "open" must be true or false, not "yes". Write open=true or open=false');
    assert.throws(() => read(2), ParamError);
  });

  it("takes whole numbers bare or quoted, from 0, and refuses the rest", () => {
    const read = (value: string | number | boolean) => new Params("sc", args({ start: value }), { named: ["start"], positional: 0 }).wholeNumber("start");
    assert.deepEqual([read(0), read(30), read("45")], [0, 30, 45]);
    for (const bad of [-1, 1.5, "1.5", "-3", "3s", "x3", true]) assert.equal(problem(() => read(bad)), `"sc" parameter "start" must be a whole number, not "${bad}". Write start=30`);
  });

  it("refuses addresses that would run code, whatever their case or spaces, and keeps the rest as written", () => {
    for (const href of ["https://example.com/", "http://x.org", "mailto:a@b.c", "tel:+123", "/posts/x/", "#part", "page.html", "  https://example.com/  "]) {
      assert.equal(checkedHref(href, "button", "href"), href.trim());
    }
    for (const [href, scheme] of [["javascript:alert(1)", "javascript"], [" JavaScript:alert(1)", "javascript"], ["data:text/html,x", "data"], ["vbscript:x", "vbscript"], ["ftp+x:y", "ftp+x"]]) {
      assert.equal(problem(() => checkedHref(href!, "button", "href")), `"button" parameter "href" cannot be a "${scheme}:" address. Give a web address (https://…), a mail address (mailto:…) or a path of the site (/posts/…)`);
    }
  });

  it("knows which links leave the site", () => {
    assert.deepEqual(["https://a.org/", "HTTP://a.org", "//cdn.example/x", "/posts/x/", "https:relative", "page/https://x"].map(isExternal), [true, true, true, false, false, false]);
  });

  it("leaves out the paragraph around one line of inner Markdown, and keeps several as they are", () => {
    const inner = (html: string) => inlineInner({ source: "", html: trustedHtml(html) }).toString();
    assert.equal(inner("<p>Go <em>now</em></p>\n"), "Go <em>now</em>");
    assert.equal(inner("<p>One</p>\n<p>Two</p>"), "<p>One</p>\n<p>Two</p>");
    assert.equal(inner("Plain"), "Plain");
    assert.equal(inlineInner(undefined).toString(), "");
  });
});
