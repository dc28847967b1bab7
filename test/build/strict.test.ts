import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { loadSiteSettings } from "../../lib/source/site-settings.ts";
import { toleratedProblems } from "../../lib/source/tolerance.ts";
import { buildSite, loadPage, makeContent, projectDir, text } from "../helpers/site.ts";

/** One post with every problem Hugo or Blowfish lets through, beside a post without any. */
const files = {
  "posts/fine/index.md": '---\ntitle: "Fine"\ndate: 2024-01-01\n---\n\nNothing wrong here.\n',
  "posts/flawed/index.md": [
    "---",
    'title: "Flawed"',
    "date: 2024-01-02",
    "---",
    "",
    "![Gone](gone.png)",
    "",
    "[Nowhere](/posts/nowhere/)",
    "",
    '{{< article link="/posts/missing/" >}}',
    "",
    "{{< alert pencl >}}",
    "Careful.",
    "{{< /alert >}}",
    "",
  ].join("\n"),
};

const expected = [
  /posts\/flawed\/index\.md:6:\d+: The image "gone\.png" does not exist/,
  /posts\/flawed\/index\.md:8:\d+: The link "\/posts\/nowhere\/" goes to no page/,
  /posts\/flawed\/index\.md:10:1: \{\{< article >\}\}: No post has the URL \/posts\/missing\//,
  /posts\/flawed\/index\.md:12:1: \{\{< alert >\}\}: "pencl" is not an icon \(parameter "icon"\)\. Did you mean pencil/,
];

describe("strict: the one switch for a site being migrated", () => {
  it("by default stops on every problem Hugo or Blowfish lets through, listing them all", async () => {
    const build = await buildSite(makeContent(files));
    assert.equal(build.exitCode, 1);
    for (const problem of expected.slice(0, 1).concat(expected.slice(2))) assert.match(build.log, problem);
  });

  it("with strict: false builds the site, lists each problem as a warning at the end and shows what Blowfish shows", async () => {
    const build = await buildSite(makeContent({ ...files, "_data/site.json": JSON.stringify({ strict: false }) }));
    assert.equal(build.exitCode, 0, build.log);
    const warnings = build.log.slice(build.log.lastIndexOf("Warnings:"));
    for (const problem of expected) assert.match(warnings, problem);
    const page = loadPage(build.outputDir, "/posts/flawed/");
    assert.equal(page.querySelectorAll(".article-card, .build-error").length, 0, "a missing article shows nothing");
    const callout = page.querySelector(".alert");
    assert.equal(text(callout), "Careful.");
    assert.equal(callout?.querySelectorAll(".alert-icon, svg").length, 0, "an unknown icon shows no icon");
    assert.equal(page.querySelector('img[alt="Gone"]')?.getAttribute("src"), "gone.png");
  });

  it("lets missingImages and brokenLinks, when set, decide their own case whatever strict says", async () => {
    const image = files["posts/flawed/index.md"].split("\n").slice(0, 7).join("\n");
    const lenientButImages = await buildSite(makeContent({ "posts/flawed/index.md": image, "_data/site.json": JSON.stringify({ strict: false, missingImages: "error" }) }));
    assert.equal(lenientButImages.exitCode, 1);
    assert.match(lenientButImages.log, expected[0]!);
    const strictButImages = await buildSite(makeContent({ "posts/flawed/index.md": image, "_data/site.json": JSON.stringify({ missingImages: "warn" }) }));
    assert.equal(strictButImages.exitCode, 0, strictButImages.log);
  });

  it("rejects a strict setting that is not true or false", () => {
    assert.throws(() => loadSiteSettings(makeContent({ ...files, "_data/site.json": JSON.stringify({ strict: "no" }) })), /_data\/site\.json: The site setting "strict" must be true or false/);
  });

  it("is documented in README with the same list of problems as the code", () => {
    const readme = fs.readFileSync(path.join(projectDir, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("### Strict and lenient builds"));
    assert.ok(section.length > 0);
    const listed = [...section.split("\n### ")[0]!.matchAll(/^- (.+)$/gm)].map((match) => match[1]);
    assert.deepEqual(listed, Object.values(toleratedProblems));
  });
});
