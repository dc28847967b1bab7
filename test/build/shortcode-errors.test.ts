import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildSite, loadPage, makeContent, text } from "../helpers/site.ts";

const target = '---\ntitle: "Target"\ndate: 2024-01-01\n---\n\nText.\n';

/** A post whose lines are numbered from 5 (after four lines of front matter and a blank one). */
function post(...lines: string[]): string {
  return ["---", 'title: "Calls"', "date: 2024-01-02", "---", ...lines].join("\n");
}

describe("mistakes in the new shortcodes and extensions", () => {
  it("stops on each with its file, line and column, whatever strict says for those Hugo stops on too", async () => {
    const files = {
      "posts/target/index.md": target,
      "posts/calls/index.md": post(
        '{{< github repo="not a repo" >}}',
        "",
        "{{< mermaid >}}",
        "graph TD",
        "  A -->",
        "{{< /mermaid >}}",
        "",
        "$$",
        "\\frac{1",
        "$$",
        "",
        "{{< katex >}}",
        "",
        '{{< highlight go "linenostart=ten" >}}x{{< /highlight >}}',
        "",
        '{{< qr level="extreme" text="x" />}}',
        "",
        '{{< figure src="missing photo.jpg" alt="Gone" >}}',
      ),
    };
    for (const strict of [true, false]) {
      const build = await buildSite(makeContent({ ...files, "_data/site.json": JSON.stringify({ strict }) }));
      assert.equal(build.exitCode, 1, build.log);
      const file = "posts/calls/index.md";
      assert.match(build.log, new RegExp(`${file}:5:1: \\{\\{< github >\\}\\}: "not a repo" is not a GitHub repository\\. Write repo="owner/name"`));
      assert.match(build.log, new RegExp(`${file}:8:1: The diagram does not parse: Parse error on line \\d+: .*Expecting`));
      assert.match(build.log, new RegExp(`${file}:13:1: The formula "\\\\frac\\{1" does not parse: .*Fix the TeX`));
      assert.match(build.log, new RegExp(`${file}:18:1: \\{\\{< highlight >\\}\\}: linenostart must be a whole number, not "ten"`));
      assert.match(build.log, new RegExp(`${file}:20:1: \\{\\{< qr >\\}\\}: "extreme" is not an error correction level`));
      if (strict) assert.match(build.log, new RegExp(`${file}:22:\\d+: The image "missing photo\\.jpg" does not exist`));
    }
  });

  it("stops on a missing ref target, an unknown icon and a bad alert colour; strict: false shows what Blowfish shows", async () => {
    const files = {
      "posts/target/index.md": target,
      "posts/calls/index.md": post(
        '[Gone]({{< relref "posts/nowhere.md" >}}) and [here]({{< relref "target" >}}).',
        "",
        "Icon: {{< icon unicornz >}} end.",
        "",
        '{{< alert icon="fire" cardColor="url(javascript:alert(1))" >}}Careful.{{< /alert >}}',
        "",
        '{{< keyword icon="nope-nope" >}}Word{{< /keyword >}}',
      ),
    };
    const strict = await buildSite(makeContent(files));
    assert.equal(strict.exitCode, 1);
    const file = "posts/calls/index.md";
    assert.match(strict.log, new RegExp(`${file}:5:8: \\{\\{< relref >\\}\\}: No page is "posts/nowhere\\.md"\\. Give the page's file`));
    assert.match(strict.log, new RegExp(`${file}:7:7: \\{\\{< icon >\\}\\}: "unicornz" is not an icon \\(parameter "name"\\)\\. Did you mean`));
    assert.match(strict.log, new RegExp(`${file}:9:1: \\{\\{< alert >\\}\\}: "url\\(javascript:alert\\(1\\)\\)" is not a CSS colour`));
    assert.match(strict.log, new RegExp(`${file}:11:1: \\{\\{< keyword >\\}\\}: "nope-nope" is not an icon`));

    const lenient = await buildSite(makeContent({ ...files, "_data/site.json": JSON.stringify({ strict: false, brokenLinks: "warn" }) }));
    assert.equal(lenient.exitCode, 0, lenient.log);
    const warnings = lenient.log.slice(lenient.log.indexOf("Warnings:"));
    for (const warning of [/No page is "posts\/nowhere\.md"/, /"unicornz" is not an icon/, /is not a CSS colour/, /"nope-nope" is not an icon/]) assert.match(warnings, warning);
    const page = loadPage(lenient.outputDir, "/posts/calls/");
    assert.equal(page.querySelector(".post-content a[href='/posts/target/']")?.textContent, "here");
    assert.match(text(page.querySelector(".post-content")), /Icon: end\./);
    const alert = page.querySelector(".alert")!;
    assert.equal(alert.getAttribute("style"), null, "the bad colour is dropped");
    assert.ok(alert.querySelector(".alert-icon svg"), "the good icon stays");
    assert.equal(text(page.querySelector(".keyword")), "Word");
    assert.equal(page.querySelector(".keyword svg"), null);
  });

  it("reports a mistake in the site's own shortcode at the call, with the template's line", async () => {
    const build = await buildSite(
      makeContent({
        "_shortcodes/broken.njk": "<p>\n{{ params.a | nosuchfilter }}\n</p>\n",
        "_shortcodes/reader.njk": "{{ bundleText(params.file) }}\n",
        "_shortcodes/syntax.njk": "<p>\n{{ params.a( }}\n</p>\n",
        "posts/calls/index.md": post('{{< broken a="1" >}}', "", '{{< reader file="missing.svg" >}}', "", '{{< syntax a="1" >}}'),
      }),
    );
    assert.equal(build.exitCode, 1);
    assert.match(build.log, /posts\/calls\/index\.md:5:1: \{\{< broken >\}\}: _shortcodes\/broken\.njk line 2: filter not found: nosuchfilter/);
    assert.match(build.log, /posts\/calls\/index\.md:9:1: \{\{< syntax >\}\}: _shortcodes\/syntax\.njk line 2, column \d+: unexpected token/);
    assert.match(build.log, /posts\/calls\/index\.md:7:1: \{\{< reader >\}\}: _shortcodes\/reader\.njk asks for the file "missing\.svg", which does not exist/);
  });

  it("lets the site's own shortcode replace a built-in one, saying so once", async () => {
    const build = await buildSite(
      makeContent({
        "_shortcodes/alert.njk": '<aside class="my-alert">{{ innerHtml }}</aside>',
        "posts/one/index.md": post("{{< alert >}}**Mine**{{< /alert >}}"),
        "posts/two/index.md": post("{{< alert >}}Also mine{{< /alert >}}").replace("Calls", "Two"),
      }),
    );
    assert.equal(build.exitCode, 0, build.log);
    assert.equal(build.log.match(/_shortcodes\/alert\.njk replaces the built-in shortcode "alert"/g)?.length, 1);
    assert.equal(loadPage(build.outputDir, "/posts/one/").querySelector("aside.my-alert strong")?.textContent, "Mine");
    assert.equal(loadPage(build.outputDir, "/posts/one/").querySelector(".alert"), null);
  });
});
