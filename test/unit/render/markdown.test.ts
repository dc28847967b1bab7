import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseHTML } from "linkedom";
import { headingId, markdown } from "../../../lib/render/markdown.ts";

function render(source: string): Document {
  return parseHTML(`<!doctype html><html><body>${markdown.render(source)}</body></html>`).document;
}

describe("markdown: CJK emphasis", () => {
  it("bolds a run that ends in CJK punctuation before a CJK character", () => {
    const strong = render("**生成预训练Transformer 3（GPT-3）**是一种自回归语言模型").querySelector("strong");
    assert.equal(strong?.textContent, "生成预训练Transformer 3（GPT-3）");
  });

  it("emphasises _text_ between CJK characters and punctuation", () => {
    const doc = render("到自动驾驶汽车的_预言_，我们一直被告知\n\n沿着可能需要_N_步的_去噪_过程");
    assert.deepEqual(
      [...doc.querySelectorAll("em")].map((em) => em.textContent),
      ["预言", "N", "去噪"],
    );
  });

  it("reads a CJK character outside the BMP (a surrogate pair) before or after the underscore as CJK", () => {
    // 𠀀 (U+20000) and 𪜀 (U+2A700) are Han ideographs written as two UTF-16 units each.
    const doc = render("古文𠀀_强调_𪜀字\n\n𠀀_开头\n\n末尾_𪜀");
    assert.deepEqual([...doc.querySelectorAll("em")].map((em) => em.textContent), ["强调"]);
    assert.equal(render("a𠀀_x_𠀀").querySelectorAll("em").length, 1, "the Han character before it counts, not the half of it");
    assert.equal(render("😀_x_y").querySelectorAll("em").length, 0, "an emoji (also a surrogate pair) is not CJK");
    assert.equal(render("_x_y").querySelectorAll("em").length, 0, "at the start of the text, nothing before it");
  });

  it("keeps snake_case and intraword underscores literal in Latin text", () => {
    const doc = render("call snake_case_name and foo_bar_baz");
    assert.equal(doc.querySelectorAll("em").length, 0);
    assert.match(doc.body.textContent ?? "", /snake_case_name/);
  });
});

describe("markdown: links and HTML", () => {
  it("resolves reference links whose definitions use a tab", () => {
    const doc = render("归功于[OpenAI][1]、[Google][2]等公司。\n\n[1]:\thttps://openai.com/about/\n[2]:\thttps://about.google\n");
    const links = [...doc.querySelectorAll("a")].map((a) => [a.textContent, a.getAttribute("href")]);
    assert.deepEqual(links, [
      ["OpenAI", "https://openai.com/about/"],
      ["Google", "https://about.google"],
    ]);
  });

  it("passes raw HTML blocks through and repairs </br>", () => {
    const html = markdown.render('<div style="display: flex">\n  <img class="x" src="/a.webp"/>\n</div>\n\n</br>\n\ntext');
    const doc = render('<div style="display: flex">\n  <img class="x" src="/a.webp"/>\n</div>\n\n</br>\n\ntext');
    assert.equal(doc.querySelector("div img.x")?.getAttribute("src"), "/a.webp");
    assert.ok(!html.includes("</br>"));
    assert.ok(html.includes("<br>"));
  });

  it("does not turn straight quotes into curly ones", () => {
    assert.equal(render('He said "hi" -- ok').querySelector("p")?.textContent, 'He said "hi" -- ok');
  });

  it("renders GFM tables, strikethrough and footnotes", () => {
    const doc = render("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gone~~ note[^1]\n\n[^1]: The note.");
    assert.equal(doc.querySelectorAll("table td").length, 2);
    assert.equal(doc.querySelector("s")?.textContent, "gone");
    assert.equal(doc.querySelector(".footnotes li")?.textContent?.trim().replace(/\s*↩︎?$/, ""), "The note.");
    assert.equal(doc.querySelectorAll("sup a").length, 1);
  });

  it("turns a bare web address into a link, but not one inside code", () => {
    const doc = render("See https://example.com/a?b=1 now, and `https://example.com/code`.");
    assert.deepEqual([...doc.querySelectorAll("a")].map((a) => a.getAttribute("href")), ["https://example.com/a?b=1"]);
    assert.equal(doc.querySelector("code")?.textContent, "https://example.com/code");
  });
});

describe("markdown: headings and code", () => {
  it("gives headings Hugo-style ids, keeping CJK characters", () => {
    assert.equal(headingId("我们在哪里，是如何到达这里的？"), "我们在哪里是如何到达这里的");
    assert.equal(headingId("AI Democratisation & You"), "ai-democratisation--you");
    const doc = render("## 这是魔法吗？\n\n## Again\n\n## Again");
    assert.deepEqual(
      [...doc.querySelectorAll("h2")].map((h) => h.id),
      ["这是魔法吗", "again", "again-1"],
    );
  });

  it("highlights fenced code at build time in a focusable block", () => {
    const doc = render("```python\nimport torch\nprint(1)\n```");
    const pre = doc.querySelector("pre");
    assert.equal(pre?.getAttribute("tabindex"), "0");
    assert.equal(pre?.querySelector("code")?.getAttribute("data-lang"), "python");
    assert.ok(pre?.querySelector("code .hljs-keyword"));
    assert.equal(pre?.textContent, "import torch\nprint(1)\n");
  });

  it("escapes code in languages it does not know", () => {
    const doc = render("```nosuchlang\n<script>alert(1)</script>\n```");
    assert.equal(doc.querySelector("script"), null);
    assert.equal(doc.querySelector("pre code")?.textContent, "<script>alert(1)</script>\n");
  });
});
