import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { BrowserContext } from "playwright-core";
import { writeImage } from "../../scripts/make-sample-images.ts";
import { axeViolations, describeViolations, launchBrowser, watchPage } from "../helpers/browser.ts";
import { buildSite, copyFixture, type BuildResult } from "../helpers/site.ts";
import { serveSite } from "../helpers/static-server.ts";

/** Blowfish's page furniture (author box, share and edit links, related posts, breadcrumbs) as readers' browsers show it. */
describe("page furniture in Chromium", () => {
  let build: BuildResult;
  let server: { url: string; close: () => Promise<void> };
  let browser: BrowserContext;

  before(async () => {
    const content = copyFixture("hugo-rules");
    await writeImage(path.join(content, "_data/authors/ana.png"), 200, 200, 5);
    build = await buildSite(content, { env: { BLOG_NOW: "2031-01-01T00:00:00Z", BLOG_SEARCH: "0" } });
    assert.equal(build.exitCode, 0, build.log);
    server = await serveSite(build.outputDir);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const url of ["/posts/alpha/", "/authors/ana/", "/posts/"]) {
    for (const colorScheme of ["light", "dark"] as const) {
      it(`${url} in ${colorScheme}: no axe violation, nothing loaded from a network it links to, no error`, async () => {
        const page = await browser.newPage();
        await page.emulateMedia({ colorScheme });
        const watch = await watchPage(page);
        try {
          await page.goto(server.url + url, { waitUntil: "load" });
          const violations = await axeViolations(page);
          assert.equal(violations.length, 0, describeViolations(violations));
          assert.deepEqual(watch.external, []);
          assert.deepEqual(watch.consoleErrors, []);
          if (url === "/posts/alpha/") {
            // The share links are there and visible, and the author's picture is drawn at its size.
            assert.equal(await page.locator(".share-links a").count(), 3);
            assert.ok(await page.locator(".share-links a").first().isVisible());
            const avatar = await page.locator(".author-box img.author-avatar").boundingBox();
            assert.ok(avatar && Math.round(avatar.width) === 80 && Math.round(avatar.height) === 80, JSON.stringify(avatar));
            // enableCodeCopy: each code block gets a button that copies its text.
            const copy = page.getByRole("button", { name: "Copy" });
            assert.equal(await copy.count(), 1);
            await browser.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
            await copy.click();
            await page.getByRole("button", { name: "Copied" }).waitFor();
            assert.equal(await page.evaluate(() => navigator.clipboard.readText()), "npm run build");
          }
        } finally {
          await page.close();
        }
      });
    }
  }
});
