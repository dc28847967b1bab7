import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { writeImage } from "../../scripts/make-sample-images.ts";
import { temporaryDir } from "../../scripts/temporary-dir.ts";
import { invalidHtml } from "../helpers/html-validity.ts";
import { buildSite, copyFixture, loadPage, outputFile, pageExists, text, type BuildResult } from "../helpers/site.ts";

/** The fixture's posts use every Blowfish and Hugo shortcode and Markdown extension the generator supports. */
describe("a Blowfish site's shortcodes and Markdown", () => {
  let build: BuildResult;
  let everything: Document;

  before(async () => {
    const content = copyFixture("blowfish");
    await writeImage(path.join(content, "posts/everything/photo.jpg"), 1200, 800, 7);
    fs.copyFileSync(path.join(content, "posts/everything/photo.jpg"), path.join(content, "posts/everything/my photo.jpg"));
    build = await buildSite(content, { env: { BLOG_BUILD_CACHE: temporaryDir("blog-features-cache-") } });
    assert.equal(build.exitCode, 0, build.log);
    everything = loadPage(build.outputDir, "/posts/everything/");
  });

  it("leaves no call unexpanded and writes valid HTML", () => {
    for (const entry of fs.readdirSync(build.outputDir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith(".html")) assert.doesNotMatch(fs.readFileSync(path.join(entry.parentPath, entry.name), "utf8"), /\{\{[<%]/, entry.name);
    }
    assert.deepEqual(invalidHtml(build.outputDir), []);
    // Hugo's comment form of a call that is not Hugo syntax stays text.
    assert.match(text(everything.querySelector(".post-content")), /\{\{\/.*not a shortcode.*\/\}\} stays as text/);
  });

  it("renders lead, buttons, icons, badges, keywords and the timeline, nested calls included", () => {
    assert.equal(everything.querySelectorAll(".lead strong").length, 1);
    assert.equal(text(everything.querySelectorAll(".lead")[1]?.querySelector("em")), "Markdown");
    const [external, inside] = everything.querySelectorAll("a.button");
    assert.equal(external?.getAttribute("href"), "https://example.org/");
    assert.equal(external?.getAttribute("rel"), "noopener");
    assert.ok(external?.querySelector(".icon-inline svg path"), "an icon inside a button");
    assert.equal(text(external), "Source");
    assert.equal(inside?.getAttribute("rel"), null);
    assert.equal(text(everything.querySelector("p > .badge")), "New");
    const keywords = everything.querySelectorAll(".keyword-list > .keyword");
    assert.equal(keywords.length, 2);
    assert.ok(keywords[0]?.querySelector("svg"));
    assert.equal(keywords[1]?.querySelector("strong")?.textContent, "Bold");
    const items = everything.querySelectorAll("ol.timeline > li.timeline-item");
    assert.equal(items.length, 2);
    assert.equal(text(items[0]?.querySelector(".timeline-header strong")), "First");
    assert.equal(text(items[0]?.querySelector(".timeline-header .badge")), "2023");
    assert.equal(text(items[0]?.querySelector(".timeline-subheader")), "Beginning");
    assert.equal(text(items[0]?.querySelector(".alert .alert-content")), "Nested alert", "an alert inside a timeline item");
    assert.ok(everything.querySelector(".alert .alert-icon svg"), "Blowfish's pencil icon");
  });

  it("escapes hostile parameters", () => {
    const hostile = [...everything.querySelectorAll("a.button")].find((a) => text(a) === "Safe")!;
    assert.equal(hostile.getAttribute("href"), 'https://x.example/" onclick="alert(1)');
    assert.equal(hostile.getAttribute("onclick"), null);
    const figure = [...everything.querySelectorAll("figure.figure")].at(-1)!;
    assert.equal(figure.querySelector("img")?.getAttribute("alt"), '"><script>alert(1)</script>');
    assert.equal(figure.querySelector("figcaption")?.textContent, "<img src=x onerror=alert(1)>");
    assert.equal(everything.querySelectorAll(".post-content script, .post-content [onerror], .post-content [onclick]").length, 0);
  });

  it("renders Hugo's details, comment, param and highlight", () => {
    const details = everything.querySelector("details.details")!;
    assert.ok(details.hasAttribute("open"));
    assert.equal(details.querySelector("summary strong")?.textContent, "details");
    assert.equal(text(details.querySelector(".details-content")), "Hidden text.");
    assert.doesNotMatch(text(everything.querySelector(".post-content")), /never shown/);
    assert.match(text(everything.querySelector(".post-content")), /Param: From the front matter and deep value\./);
    const lines = [...everything.querySelectorAll("pre code.language-go .line")];
    assert.equal(lines.length, 7);
    assert.deepEqual(lines.map((line) => line.querySelector(".line-number")?.textContent), ["10", "11", "12", "13", "14", "15", "16"]);
    assert.deepEqual(lines.map((line, i) => (line.classList.contains("line-marked") ? i + 1 : 0)).filter(Boolean), [2, 4, 5]);
    // A comment across two lines stays highlighted on both.
    assert.equal(lines[4]?.querySelector(".hljs-comment")?.textContent, "\t   over lines */");
  });

  it("resolves ref and relref to the page, with its anchor", () => {
    const links = [...everything.querySelectorAll(".post-content a")].map((a) => [text(a), a.getAttribute("href")]);
    assert.deepEqual(links.find(([label]) => label === "Relative link"), ["Relative link", "/posts/target/"]);
    assert.deepEqual(links.find(([label]) => label === "absolute"), ["absolute", "https://example.com/posts/target/#a-section"]);
  });

  it("makes vimeo a click-to-load poster and gist, instagram and qr static", () => {
    const vimeo = everything.querySelector("figure.vimeo-embed")!;
    assert.equal(vimeo.getAttribute("data-embed-src"), "https://player.vimeo.com/video/146022717?dnt=1&autoplay=1");
    assert.equal(vimeo.querySelector("a.embed-link")?.getAttribute("href"), "https://vimeo.com/146022717");
    assert.equal(everything.querySelector(".gist-card a")?.getAttribute("href"), "https://gist.github.com/spf13/7896402");
    assert.equal(everything.querySelector(".instagram-card a")?.getAttribute("href"), "https://www.instagram.com/p/CxOWiQNP2MO/");
    const qr = everything.querySelector("svg.qr-code")!;
    assert.equal(qr.getAttribute("role"), "img");
    assert.equal(qr.getAttribute("aria-label"), "QR code of example.com");
    assert.match(qr.querySelector("path")?.getAttribute("d") ?? "", /^(M\d+ \d+h\d+v1h-\d+z)+$/);
    assert.equal(everything.querySelectorAll(".post-content iframe, .post-content img[src^='https://gist'], .post-content img[src*='instagram']").length, 0);
  });

  it("shows repository cards, with the data kept for one, escaped", () => {
    const cards = [...everything.querySelectorAll("a.repo-card")];
    assert.deepEqual(cards.map((card) => card.getAttribute("href")), [
      "https://github.com/octo/hello",
      "https://github.com/someone/other",
      "https://gitlab.com/projects/278964",
      "https://forge.example.org/owner/repo",
      "https://codeberg.org/forgejo/forgejo",
      "https://huggingface.co/google/gemma-2b",
    ]);
    const kept = cards[0]!;
    assert.equal(kept.querySelector(".repo-card-description")?.textContent, "A <b>friendly</b> repository");
    assert.equal(kept.querySelectorAll(".repo-card-description b").length, 0);
    assert.equal(text(kept.querySelector(".repo-card-stars")), "1.2K");
    assert.equal(text(kept.querySelector(".repo-card-language")), "TypeScript");
    assert.equal(cards[1]!.querySelector(".repo-card-description"), null, "no data kept, no description");
    for (const card of cards) assert.ok(card.querySelector(".repo-card-mark svg"), card.getAttribute("href")!);
    assert.equal(everything.querySelectorAll(".post-content img[src*='github'], .post-content img[src*='opengraph']").length, 0);
  });

  it("shows article cards with a compact summary or none", () => {
    const [compact, bare] = everything.querySelectorAll(".article-card");
    assert.ok(compact?.querySelector(".post-card-summary.is-compact"));
    assert.equal(bare?.querySelector(".post-card-summary"), null);
    assert.equal(bare?.querySelector("a")?.getAttribute("href"), "/posts/target/");
  });

  it("makes figure and gallery images responsive, with captions, links and Blowfish's width classes", async () => {
    const figure = everything.querySelector("figure.figure.wide")!;
    const img = figure.querySelector("a[href='https://example.org/'] picture img")!;
    assert.equal(img.getAttribute("alt"), "A photo");
    assert.equal(figure.querySelectorAll("picture source").length, 2);
    assert.ok(pageExists(build.outputDir, img.getAttribute("src")!));
    assert.deepEqual([img.getAttribute("width"), img.getAttribute("height")], ["1200", "800"]);
    assert.equal(figure.querySelector("figcaption strong")?.textContent, "caption");
    assert.equal(figure.querySelector("figcaption a")?.getAttribute("href"), "/posts/target/");
    const spaced = everything.querySelector('figure.figure img[alt="A file name with a space"]')!;
    assert.equal(spaced.parentElement?.tagName, "PICTURE");
    assert.deepEqual([spaced.getAttribute("width"), spaced.getAttribute("height")], ["600", "400"], "the size the author gave");
    const remote = [...everything.querySelectorAll("figure.figure")].find((f) => f.querySelector("img[src^='https://cdn.example.com/']"))!;
    assert.equal(text(remote.querySelector(".figure-title")), "A title");
    const gallery = [...everything.querySelectorAll(".gallery > picture > img")];
    assert.deepEqual(gallery.map((image) => [image.getAttribute("alt"), image.getAttribute("class"), image.getAttribute("loading")]), [
      ["One", "grid-w50 md:grid-w33", "lazy"],
      ["Two", "grid-w50 md:grid-w33", "lazy"],
      ["Three", "grid-w100 md:grid-w33", "lazy"],
    ]);
    const css = fs.readFileSync(path.join(build.outputDir, "css/site.css"), "utf8");
    assert.match(css, /\.gallery > :is\(img\.md\\:grid-w33, picture:has\(> img\.md\\:grid-w33\)\) \{ --gallery-width: 33%; \}/);
  });

  it("runs the site's own shortcode with its parameters, inner Markdown and a file of the bundle", () => {
    const sketches = [...everything.querySelectorAll("figure.sketch")];
    assert.equal(sketches.length, 3);
    for (const sketch of sketches) {
      assert.equal(sketch.querySelector("svg.drawing rect")?.getAttribute("width"), "10", "bundleText inlines the SVG");
      assert.match(text(sketch.querySelector(".sketch-page")), /^\/posts\/everything\/ en/);
    }
    assert.match(text(sketches[1]!.querySelector(".sketch-page")), /Made by the site$/);
    assert.equal(sketches[2]!.querySelector("figcaption em")?.textContent, "caption");
    assert.ok(!pageExists(build.outputDir, "/_shortcodes/sketch/"), "a shortcode template is not a page");
  });

  it("turns GitHub and Obsidian callouts into notes, foldable ones into details", () => {
    const callouts = [...everything.querySelectorAll(".callout")];
    assert.deepEqual(callouts.map((c) => [c.tagName, c.getAttribute("data-callout"), text(c.querySelector(".callout-title")), c.hasAttribute("open")]), [
      ["DIV", "note", "Note", false],
      ["DIV", "warning", "Watch out", false],
      ["DETAILS", "tip", "Folded tip", false],
      ["DETAILS", "tip", "Open tip", true],
      ["DIV", "question", "Question", false],
    ]);
    assert.equal(text(callouts[0]!.querySelector("p:not(.callout-title)")), "A GitHub note.");
    for (const callout of callouts) assert.ok(callout.querySelector(".callout-title svg"));
    assert.equal(everything.querySelectorAll(".post-content blockquote").length, 2, "the gist's and Instagram's cards' quotes only");
  });

  it("renders math at build time on pages that opt in, and leaves prices alone", () => {
    const math = loadPage(build.outputDir, "/posts/math/");
    assert.equal(math.querySelectorAll(".post-content math").length, 3);
    assert.ok(math.querySelector(".math-display > math[display=block]"));
    assert.match(text(math.querySelector(".post-content p")), /it costs \$5 and \$10 to print/);
    assert.ok(math.querySelector('link[rel=stylesheet][href="/css/temml/Temml-Local.css"]'));
    assert.ok(fs.existsSync(outputFile(build.outputDir, "/css/temml/Temml.woff2")));
    const katex = loadPage(build.outputDir, "/posts/katex/");
    assert.equal(katex.querySelectorAll(".post-content math[display=block]").length, 1, "\\[…\\] inside a line");
    assert.match(text(katex.querySelector(".post-content")), /Prices stay text here: \$5 and \$10\./);
    assert.equal(everything.querySelector('link[href*="temml"]'), null, "no math, no stylesheet");
  });

  it("draws diagrams at build time in the theme's colours, and leaves the rest to Mermaid in the browser", () => {
    const page = loadPage(build.outputDir, "/posts/diagrams/");
    const drawn = [...page.querySelectorAll("figure.diagram > svg[role=img]")];
    assert.equal(drawn.length, 2);
    const flowchart = drawn[0]!;
    assert.deepEqual([...flowchart.querySelectorAll("text")].map((t) => t.textContent).filter((label) => label !== "是"), ["开始", "判断", "结束"]);
    assert.equal(flowchart.querySelectorAll("style").length, 0);
    assert.equal(flowchart.getAttribute("style"), null);
    const html = fs.readFileSync(outputFile(build.outputDir, "/posts/diagrams/"), "utf8");
    assert.doesNotMatch(html, /fonts\.googleapis|@import/);
    assert.ok(page.querySelector(".wrapper > figure.diagram svg"), "a diagram inside raw HTML");
    assert.match(page.querySelector("figure.diagram details.diagram-source code")?.textContent ?? "", /A\[开始\] --> B\{判断\}\n\n {2}B -->/);
    const pie = page.querySelector("figure.diagram-in-browser pre.mermaid")!;
    assert.match(pie.textContent ?? "", /^pie title Pets/);
    assert.ok(page.querySelector('script[src="/js/diagrams.js"]'));
    assert.ok(fs.existsSync(outputFile(build.outputDir, "/js/mermaid/mermaid.esm.min.mjs")));
    assert.equal(everything.querySelector('script[src="/js/diagrams.js"]'), null);
    const headers = fs.readFileSync(path.join(build.outputDir, "_headers"), "utf8");
    assert.match(headers, /style-src 'self' 'unsafe-inline';/, "Mermaid styles the diagrams it draws in the page");
  });
});
