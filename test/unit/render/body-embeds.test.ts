import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseHTML } from "linkedom";
import { processBodyEmbeds } from "../../../lib/render/body-embeds.ts";

function dom(markup: string): Document {
  return parseHTML(`<!doctype html><html><body>${markup}</body></html>`).document;
}

describe("raw HTML embeds", () => {
  it("turns a third-party iframe into a click-to-load placeholder of the same height", () => {
    const result = processBodyEmbeds('<p>Listen:</p>\n<iframe width="100%" height="180" frameborder="no" seamless src="https://share.transistor.fm/e/22f16c7f"></iframe>', "en");
    const doc = dom(result.html);
    assert.equal(doc.querySelector("iframe"), null);
    const figure = doc.querySelector("figure.embed-frame")!;
    assert.equal(figure.getAttribute("data-embed-src"), "https://share.transistor.fm/e/22f16c7f");
    assert.equal(figure.getAttribute("style"), "--embed-height: 180px");
    assert.equal(figure.querySelector("a.embed-link")?.getAttribute("href"), "https://share.transistor.fm/e/22f16c7f");
    assert.match(figure.querySelector("figcaption")?.textContent ?? "", /share\.transistor\.fm/);
    assert.deepEqual(result.scripts, ["/js/embeds.js"]);
    assert.equal(doc.querySelector("p")?.textContent, "Listen:");
  });

  it("plays YouTube iframes from youtube-nocookie.com", () => {
    const doc = dom(processBodyEmbeds('<iframe src="https://www.youtube.com/embed/TfVYxnhuEdU?start=3" title="A talk"></iframe>', "en").html);
    assert.equal(doc.querySelector("figure.embed-video")?.getAttribute("data-embed-src"), "https://www.youtube-nocookie.com/embed/TfVYxnhuEdU?start=3");
    assert.equal(doc.querySelector(".embed-title")?.textContent, "A talk");
  });

  it("makes Instagram's embed a plain card with its caption and drops remote scripts", () => {
    const html =
      '<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/X/?a=1&amp;b=2" style="background:#FFF"><div><a href="https://www.instagram.com/p/X/"><div style="color:#3897f0">View</div></a><p style="color:#c9c8cd"><a href="https://www.instagram.com/p/X/">Art by a Ghost (@artbyaghost) 分享的帖子</a></p></div></blockquote> <script async src="//www.instagram.com/embed.js"></script><script>local()</script>';
    const result = processBodyEmbeds(html, "zh-CN");
    const doc = dom(result.html);
    const card = doc.querySelector("figure.instagram-card")!;
    assert.equal(card.querySelector("blockquote.instagram-media")?.getAttribute("cite"), "https://www.instagram.com/p/X/?a=1&b=2");
    assert.equal(card.querySelector("blockquote p")?.textContent, "Art by a Ghost (@artbyaghost) 分享的帖子");
    assert.equal(card.querySelector("figcaption a")?.textContent, "在 Instagram 上查看这条帖子");
    assert.equal(doc.querySelectorAll("[style]").length, 0);
    assert.deepEqual([...doc.querySelectorAll("script")].map((s) => s.textContent), ["local()"], "only the remote script is dropped");
  });

  it("leaves local iframes and bodies without embeds alone", () => {
    const body = '<iframe src="/demo/index.html" height="300"></iframe><p>text</p>';
    assert.equal(processBodyEmbeds(body, "en").html, body);
    assert.equal(processBodyEmbeds("<p>plain</p>", "en").html, "<p>plain</p>");
  });
});
