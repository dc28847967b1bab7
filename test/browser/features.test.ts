import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { writeImage } from "../../scripts/make-sample-images.ts";
import { axeViolations, cspViolationsInPage, describeViolations, siteInChromium, watchPage } from "../helpers/browser.ts";
import { copyFixture } from "../helpers/site.ts";

/** Diagrams, math, a gallery and callouts as a reader's browser shows them, under the site's own headers. */
describe("Blowfish features in Chromium", () => {
  const site = siteInChromium(async () => {
    const content = copyFixture("blowfish");
    await writeImage(path.join(content, "posts/everything/photo.jpg"), 1200, 800, 7);
    fs.copyFileSync(path.join(content, "posts/everything/photo.jpg"), path.join(content, "posts/everything/my photo.jpg"));
    return content;
  });

  for (const url of ["/posts/showcase/", "/posts/diagrams/"]) {
    for (const colorScheme of ["light", "dark"] as const) {
      it(`${url} in ${colorScheme}: no axe violation, no third-party request, no error`, async () => {
        const page = await site.browser.newPage();
        await page.emulateMedia({ colorScheme });
        const watch = await watchPage(page);
        try {
          await page.goto(site.server.url + url, { waitUntil: "load" });
          // Mermaid draws the diagram types the build cannot; wait for them before judging the page.
          if (url === "/posts/diagrams/") await page.waitForSelector(".diagram-in-browser pre.mermaid svg", { timeout: 20_000 });
          await page.evaluate(async () => {
            for (let y = 0; y < document.body.scrollHeight; y += 600) {
              window.scrollTo(0, y);
              await new Promise((resolve) => setTimeout(resolve, 20));
            }
          });
          const violations = await axeViolations(page);
          assert.equal(violations.length, 0, describeViolations(violations));
          assert.deepEqual(watch.external, []);
          assert.deepEqual(watch.consoleErrors, []);
          assert.deepEqual([...watch.cspViolations, ...(await cspViolationsInPage(page))], []);
          const drawn = await page.evaluate(() =>
            [...document.querySelectorAll(".diagram svg")].map((svg) => {
              const box = svg.getBoundingClientRect();
              const label = svg.querySelector("text");
              return { width: box.width, height: box.height, fill: label ? getComputedStyle(label).fill : "" };
            }),
          );
          assert.ok(drawn.length > 0);
          for (const diagram of drawn) assert.ok(diagram.width > 50 && diagram.height > 30, JSON.stringify(diagram));
        } finally {
          await page.close();
        }
      });
    }
  }

  it("colours build-time diagrams with the theme: light text on dark, dark on light", async () => {
    const fills: Record<string, string> = {};
    for (const colorScheme of ["light", "dark"] as const) {
      const page = await site.browser.newPage();
      await page.emulateMedia({ colorScheme });
      await page.goto(`${site.server.url}/posts/showcase/`, { waitUntil: "load" });
      fills[colorScheme] = await page.evaluate(() => getComputedStyle(document.querySelector(".diagram svg .node text")!).fill);
      await page.close();
    }
    const brightness = (rgb: string) => (rgb.match(/\d+/g) ?? []).slice(0, 3).reduce((sum, value) => sum + Number(value), 0);
    assert.ok(brightness(fills.dark!) > brightness(fills.light!) + 300, JSON.stringify(fills));
  });

  it("draws math as MathML with the page's fonts and folds a folded callout until it is opened", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/posts/showcase/`, { waitUntil: "load" });
    const math = await page.evaluate(() => [...document.querySelectorAll("math")].map((m) => m.getBoundingClientRect().width));
    assert.equal(math.length, 2);
    for (const width of math) assert.ok(width > 10);
    const folded = page.locator("details.callout-caution");
    assert.equal(await folded.locator("p").last().isVisible(), false);
    await folded.locator("summary").click();
    assert.equal(await folded.locator("p").last().isVisible(), true);
    await page.close();
  });
});
