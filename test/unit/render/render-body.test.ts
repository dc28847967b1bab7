import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseHTML } from "linkedom";
import { AuthorErrors } from "../../../lib/errors.ts";
import { fillSiteCalls, renderBody, type RenderOptions } from "../../../lib/render/render-body.ts";
import { html } from "../../../shortcodes/html.ts";
import { shortcodes } from "../../../shortcodes/index.ts";
import { Params, type Shortcode } from "../../../shortcodes/shortcode.ts";

const options: RenderOptions = { file: "content/posts/p/index.md", firstLine: 8, lang: "zh-CN", url: "/posts/p/", summaryLength: 70 };

function body(source: string, extra: Partial<RenderOptions> = {}) {
  return renderBody(source, { ...options, ...extra });
}

function dom(markup: string): Document {
  return parseHTML(`<!doctype html><html><body>${markup}</body></html>`).document;
}

/** A shortcode whose output is Markdown, to show what `{{% %}}` does with it. */
const shout: Shortcode<{ word: string }> = {
  name: "shout",
  takesInner: false,
  readParams: (args) => ({ word: new Params("shout", args, { named: [], positional: 1 }).required("word", 0) }),
  render: ({ word }) => html`**${word}**`,
};
const withShout = new Map([...shortcodes, ["shout", shout as Shortcode]]);

describe("renderBody: shortcode expansion", () => {
  it("splices a call on its own line without a wrapping <p>", () => {
    const doc = dom(body("Before.\n\n{{< youtube TfVYxnhuEdU >}}\n\nAfter.").html);
    const figure = doc.querySelector("figure.youtube-embed")!;
    assert.equal(figure.parentElement?.tagName, "BODY");
    assert.equal([...doc.querySelectorAll("p")].filter((p) => (p.textContent ?? "").trim() === "").length, 0);
  });

  it("splits a paragraph around a call on a line of its own", () => {
    const doc = dom(body("First line\n{{< tweet user=\"a\" id=\"1\" >}}\nLast line").html);
    assert.deepEqual([...doc.querySelectorAll("body > *")].map((e) => e.tagName), ["P", "FIGURE", "P"]);
    assert.equal(doc.querySelector("p figure"), null);
  });

  it("keeps a call inside a sentence inline", () => {
    const doc = dom(body('See {{< shout word >}} here.', { shortcodes: withShout }).html);
    assert.equal(doc.querySelector("p")?.textContent, "See **word** here.");
  });

  it("renders {{% %}} output as Markdown with the rest of the body", () => {
    const doc = dom(body("See {{% shout word %}} here.", { shortcodes: withShout }).html);
    assert.equal(doc.querySelector("p strong")?.textContent, "word");
  });

  it("renders alert inner content as Markdown: links, bold, lists, nested calls", () => {
    const doc = dom(
      body('{{< alert "lightbulb" >}}\n**Tip**: read [the docs](https://example.com/).\n\n- one\n- two\n\n{{< youtube TfVYxnhuEdU >}}\n{{< /alert >}}').html,
    );
    const content = doc.querySelector(".alert .alert-content")!;
    assert.equal(content.querySelector("strong")?.textContent, "Tip");
    assert.equal(content.querySelector("a")?.getAttribute("href"), "https://example.com/");
    assert.equal(content.querySelectorAll("li").length, 2);
    assert.equal(content.querySelector("figure.youtube-embed")?.getAttribute("data-youtube-id"), "TfVYxnhuEdU");
  });

  it("expands calls in code as Hugo does, and prints commented calls literally", () => {
    const doc = dom(body("```text\n{{</* youtube TfVYxnhuEdU */>}}\n```\n\nInline `{{</* alert */>}}` too.").html);
    assert.equal(doc.querySelector("pre code")?.textContent, "{{< youtube TfVYxnhuEdU >}}\n");
    assert.equal(doc.querySelector("p code")?.textContent, "{{< alert >}}");
  });

  it("leaves calls that need the site as placeholders and fills them later", () => {
    const rendered = body('Read this:\n\n{{< article link="/posts/other/" >}}\n\nEnd.');
    assert.deepEqual(rendered.siteCalls.map((call) => [call.name, call.params, call.line, call.column]), [
      ["article", { link: "/posts/other/", showSummary: undefined, compactSummary: false }, 10, 1],
    ]);
    const doc = dom(fillSiteCalls(rendered.html, ['<div class="article-card">card</div>']));
    assert.equal(doc.querySelector("body > div.article-card")?.textContent, "card");
    assert.equal([...doc.querySelectorAll("p")].map((p) => p.textContent).join("|"), "Read this:|End.");
  });

  it("lists the scripts the page needs", () => {
    assert.deepEqual(body("{{< youtube TfVYxnhuEdU >}}").scripts, ["/js/embeds.js"]);
    assert.deepEqual(body("No embeds.").scripts, []);
  });

  it("reports every bad parameter with file, line and column, and shows it in place of the output", () => {
    const rendered = body("Intro.\n\n{{< youtube short >}}\n\n  {{< tweet user=\"a\" id=\"x1\" >}}");
    const messages = rendered.errors.map((error) => error.message);
    assert.equal(messages.length, 2);
    assert.ok(messages[0]!.startsWith("content/posts/p/index.md:10:1: {{< youtube >}}: \"short\" is not a YouTube video id"));
    assert.ok(messages[1]!.startsWith("content/posts/p/index.md:12:3: {{< tweet >}}: \"x1\" is not a post id"));
    const boxes = [...dom(rendered.html).querySelectorAll(".build-error pre")].map((pre) => pre.textContent);
    assert.deepEqual(boxes, messages);
  });

  it("throws every syntax error of the body at once", () => {
    assert.throws(
      () => body("{{< nope >}}\n\n{{< alert >}}"),
      (error: unknown) => error instanceof AuthorErrors && error.errors.length === 2 && error.errors[0]!.line === 8,
    );
  });
});

describe("renderBody: measures", () => {
  it("summarises leading paragraphs up to the word limit", () => {
    const rendered = body("# T\n\nFirst paragraph has five words.\n\nSecond one has four.\n\nThird is not needed.", { lang: "en", summaryLength: 8 });
    assert.equal(rendered.autoSummary, "First paragraph has five words. Second one has four.");
    assert.equal(rendered.hasMoreMarker, false);
  });

  it("uses everything before <!--more--> as the summary", () => {
    const rendered = body("Intro one.\n\nIntro two.\n\n<!--more-->\n\nRest of the post.", { lang: "en", summaryLength: 1 });
    assert.equal(rendered.autoSummary, "Intro one. Intro two.");
    assert.equal(rendered.hasMoreMarker, true);
  });

  it("keeps shortcode output out of the summary and the word count", () => {
    const rendered = body("{{< youtube TfVYxnhuEdU >}}\n\nOnly these four words.", { lang: "en" });
    assert.equal(rendered.autoSummary, "Only these four words.");
    assert.equal(rendered.wordCount, 4);
  });

  it("measures CJK text by characters and lists headings", () => {
    const rendered = body(`## 第一节\n\n${"汉".repeat(1000)}\n\n### Sub part`);
    assert.equal(rendered.wordCount, 1000 + 3 + 2);
    assert.equal(rendered.readingMinutes, 3);
    assert.deepEqual(
      rendered.headings.map((h) => [h.level, h.id, h.text]),
      [
        [2, "第一节", "第一节"],
        [3, "sub-part", "Sub part"],
      ],
    );
  });
});

describe("renderBody: heading ids", () => {
  it("gives every heading a unique id, the body's own headings keeping theirs", () => {
    const rendered = body("## Setup\n\n{{< alert >}}\n## Setup\n\nInside.\n{{< /alert >}}\n\n## Setup\n");
    const ids = [...dom(rendered.html).querySelectorAll("h2")].map((h) => h.id);
    assert.deepEqual(ids, ["setup", "setup-2", "setup-1"]);
    assert.deepEqual(
      rendered.headings.map((h) => h.id),
      ["setup", "setup-1"],
    );
  });

  it("keeps headings off the ids the page layout uses", () => {
    const rendered = body("## Main\n\n{{< alert >}}\n## TOC title\n{{< /alert >}}\n");
    const ids = [...dom(rendered.html).querySelectorAll("h2")].map((h) => h.id);
    assert.deepEqual(ids, ["main-1", "toc-title-1"]);
  });
});
