import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { buildSite, loadPage, makeContent, text, writeFiles } from "../helpers/site.ts";

const goodPost = '---\ntitle: "Good"\ndate: 2024-01-01\n---\n\nFine.\n';

describe("build errors", () => {
  it("stops on every front matter mistake at once, naming file, line and key: malformed, of the wrong type, two pages at one URL", async () => {
    const content = makeContent({
      "posts/good/index.md": goodPost,
      "posts/broken-yaml/index.md": '---\ntitle: "Broken"\ntags: [a, b\ndate: 2024-01-01\n---\nBody\n',
      "posts/unclosed/index.md": "---\ntitle: Unclosed\n\nBody\n",
      "posts/typed/index.md": '---\ntitle: "Typed"\ndate: 2024-01-01\nseries_order: "two"\n---\nBody\n',
      "posts/second/index.md": '---\ntitle: "Second"\nslug: good\n---\nBody\n',
    });
    const build = await buildSite(content);
    assert.equal(build.exitCode, 1);
    assert.match(build.log, /posts\/broken-yaml\/index\.md:\d+:\d+: The YAML front matter does not parse/);
    assert.match(build.log, /posts\/unclosed\/index\.md:1:1: The front matter opened with "---" on line 1 is never closed\. Add a line/);
    assert.match(build.log, /posts\/typed\/index\.md:4: Front matter key "series_order" has the wrong type: expected a whole number/);
    assert.match(build.log, /posts\/(good|second)\/index\.md:1: This page has the URL \/posts\/good\/, which .*posts\/(good|second)\/index\.md already has\. Give one of them a different `slug`/);
    assert.match(build.log, /4 problems/);
  });

  it("leaves the previous output untouched when a build fails", async () => {
    const content = makeContent({ "posts/good/index.md": goodPost });
    const first = await buildSite(content);
    assert.equal(first.exitCode, 0, first.log);
    const page = path.join(first.outputDir, "posts/good/index.html");
    const before = fs.readFileSync(page, "utf8");
    const mtime = fs.statSync(page).mtimeMs;

    writeFiles(content, { "posts/good/index.md": '---\ntitle: "Good"\ndraft: maybe\n---\nChanged\n' });
    const second = await buildSite(content, { outputDir: first.outputDir });
    assert.notEqual(second.exitCode, 0);
    assert.equal(fs.readFileSync(page, "utf8"), before);
    assert.equal(fs.statSync(page).mtimeMs, mtime);
    const base = path.basename(first.outputDir);
    const unfinished = fs.readdirSync(path.dirname(first.outputDir)).filter((name) => name.startsWith(`${base}.next`) && !name.includes(".removing-"));
    assert.deepEqual(unfinished, [], "no unfinished build folder is left");
  });

  it("shows the errors on their pages in the preview instead of stopping", async () => {
    const content = makeContent({
      "posts/good/index.md": goodPost,
      "posts/broken/index.md": "---\ntitle: [unclosed\n---\nBody\n",
      "posts/linking/index.md": '---\ntitle: "Linking"\n---\n\n{{< article link="/posts/nowhere/" >}}\n',
    });
    const build = await buildSite(content, { env: { BLOG_PREVIEW: "1" } });
    assert.equal(build.exitCode, 0, build.log);
    assert.match(build.log, /posts\/broken\/index\.md:\d+/);
    const page = loadPage(build.outputDir, "/posts/broken/");
    assert.match(text(page.querySelector(".build-error pre")), /posts\/broken\/index\.md:\d+:\d+: The YAML front matter does not parse/);
    const linking = loadPage(build.outputDir, "/posts/linking/");
    assert.match(text(linking.querySelector(".post-content .build-error")), /posts\/linking\/index\.md:5:1: \{\{< article >\}\}: No post has the URL \/posts\/nowhere\//);
    // A preview build is finished when it ends: its search index is in the output, nothing is written beside it.
    assert.ok(fs.existsSync(path.join(build.outputDir, "pagefind", "shards.json")));
    assert.ok(!fs.existsSync(`${build.outputDir}.next`));
  });
});

describe("shortcode errors", () => {
  it("stops on bad calls, listing every one with file, line, column and a fix", async () => {
    const content = makeContent({
      "posts/target-post/index.md": goodPost,
      "posts/calls/index.md": [
        "---",
        'title: "Calls"',
        "---",
        "",
        "{{< hint user 123 >}}",
        "",
        "{{< youtube abc >}}",
        "",
        '{{< article link="/posts/target-pots/" >}}',
        "",
        "{{< tweet user=\"u\" id=\"1\" >}}{{< /tweet >}}",
        "",
        "{{< alert >}}",
        "never closed",
      ].join("\n"),
    });
    const build = await buildSite(content);
    assert.notEqual(build.exitCode, 0);
    const file = "posts/calls/index.md";
    assert.match(build.log, new RegExp(`${file}:5:1: Unknown shortcode "hint"\\. Use one of: alert, article, badge, .*, youtube; or port it from Hugo's layouts/shortcodes/ as _shortcodes/hint\\.njk in the content folder`));
    assert.match(build.log, new RegExp(`${file}:11:30: "tweet" takes no inner content`));
    assert.match(build.log, new RegExp(`${file}:13:1: The paired shortcode "alert" is never closed`));
    // Parameter errors are found once the syntax is right, so this file reports them on the next build.
    const fixed = makeContent({
      "posts/target-post/index.md": goodPost,
      "posts/calls/index.md": '---\ntitle: "Calls"\n---\n\n{{< youtube abc >}}\n\n{{< article link="/posts/target-pots/" >}}\n',
    });
    const second = await buildSite(fixed);
    assert.notEqual(second.exitCode, 0);
    assert.match(second.log, new RegExp(`${file}:5:1: \\{\\{< youtube >\\}\\}: "abc" is not a YouTube video id`));
    assert.match(second.log, new RegExp(`${file}:7:1: \\{\\{< article >\\}\\}: No post has the URL /posts/target-pots/\\. Did you mean /posts/target-post/`));
  });
});

describe("links in posts", () => {
  const linking = [
    "---",
    'title: "Linking"',
    "date: 2024-01-02",
    "tags: [人工智能]",
    "---",
    "",
    "## 第一节",
    "",
    "Fine: [b](../b/), [its section](/posts/b/#details), [the tag](/tags/人工智能/), [a file](notes.txt), [top](#top), [here](#第一节)[^1].",
    "",
    "Broken: [nope](/posts/nop/), [anchor](/posts/b/#detail), [here](#第二节), [a draft](/posts/d/), and <a href='/posts/b'>fine</a>. [Soon](/posts/s/).",
    "",
    '<p><a href="/posts/b/#details">Raw HTML, fine</a> <a href="/posts/gone/">raw HTML, broken</a></p>',
    "",
    "[^1]: A footnote, whose links work too.",
    "",
  ].join("\n");
  const files = {
    "posts/a/index.md": linking,
    "posts/a/notes.txt": "notes",
    "posts/b/index.md": '---\ntitle: "B"\ndate: 2024-01-01\n---\n\n## Details\n\nText.\n',
    "posts/d/index.md": '---\ntitle: "D"\ndate: 2024-01-01\ndraft: true\n---\n\nText.\n',
    "posts/s/index.md": '---\ntitle: "S"\ndate: 2024-01-01\npublishDate: 2099-01-01\n---\n\nText.\n',
  };
  const expected = [
    /posts\/a\/index\.md:11:16: The link "\/posts\/nop\/" goes to no page or file of this site\. Did you mean [^\n]*\/posts\/b\//,
    /posts\/a\/index\.md:11:39: The link "\/posts\/b\/#detail" goes to \/posts\/b\/, which has no #detail\. Did you mean #details\?/,
    /posts\/a\/index\.md:11:65: The link "#第二节" goes to \/posts\/a\/, which has no #第二节\. Did you mean #第一节\?/,
    /posts\/a\/index\.md:11:82: The link "\/posts\/d\/" goes to a draft, which is not published\. Publish it/,
    /posts\/a\/index\.md:13:60: The link "\/posts\/gone\/" goes to no page or file of this site/,
  ];

  it("stops on every link to a page or anchor the site does not have, with its place and the nearest that exist", async () => {
    const build = await buildSite(makeContent(files));
    assert.notEqual(build.exitCode, 0);
    for (const pattern of expected) assert.match(build.log, pattern);
    assert.match(build.log, /5 problems in the content/);
  });

  it("only warns about links and cards to a post not yet due: the clock broke them, and a scheduled build must go on", async () => {
    const build = await buildSite(
      makeContent({
        "posts/a/index.md": '---\ntitle: "A"\ndate: 2024-01-02\n---\n\n[Soon](/posts/s/).\n\n{{< article link="/posts/s/" >}}\n',
        "posts/s/index.md": files["posts/s/index.md"],
      }),
      { env: { BLOG_SEARCH: "0" } },
    );
    assert.equal(build.exitCode, 0, build.log);
    const warnings = build.log.slice(build.log.indexOf("Warnings:"));
    assert.match(warnings, /posts\/a\/index\.md:6:8: The link "\/posts\/s\/" goes to a page scheduled for 2099-01-01T00:00:00\.000Z, which is not published yet/);
    assert.match(warnings, /posts\/a\/index\.md:8:1: \{\{< article >\}\}: The post at \/posts\/s\/ is scheduled for 2099-01-01/);
  });

  it("only warns when the site allows it, and in the preview", async () => {
    const warned = await buildSite(makeContent({ ...files, "_data/site.json": JSON.stringify({ brokenLinks: "warn" }) }));
    assert.equal(warned.exitCode, 0, warned.log);
    for (const pattern of expected) assert.match(warned.log, pattern);
    const preview = await buildSite(makeContent(files), { env: { BLOG_PREVIEW: "1" } });
    assert.equal(preview.exitCode, 0, preview.log);
    // The draft and the scheduled post are built in the preview, so the links to them work there.
    assert.doesNotMatch(preview.log, /"\/posts\/d\/"|"\/posts\/s\/"/);
    assert.match(preview.log, expected[0]!);
  });
});

describe("Eleventy's meaning of tags does not leak", () => {
  it("treats tags called posts and all as ordinary tags", async () => {
    const content = makeContent({
      "posts/one/index.md": '---\ntitle: "One"\ndate: 2024-01-02\ntags: ["posts", "all"]\n---\nBody\n',
      "posts/two/index.md": '---\ntitle: "Two"\ndate: 2024-01-01\ntags: ["other"]\n---\nBody\n',
    });
    const build = await buildSite(content);
    assert.equal(build.exitCode, 0, build.log);
    const one = loadPage(build.outputDir, "/posts/one/");
    assert.deepEqual(
      [...one.querySelectorAll(".post-taxonomies a")].map((a) => [text(a), a.getAttribute("href")]),
      [
        ["posts", "/tags/posts/"],
        ["all", "/tags/all/"],
      ],
    );
    const home = loadPage(build.outputDir, "/");
    assert.deepEqual(
      [...home.querySelectorAll(".post-card-title a")].map((a) => text(a)),
      ["One", "Two"],
    );
  });
});
