import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";
import { writeImage } from "../../scripts/make-sample-images.ts";
import { axeViolations, describeViolations, siteInChromium, watchPage } from "../helpers/browser.ts";
import { copyFixture } from "../helpers/site.ts";

/** Blowfish's page furniture (author box, share and edit links, related posts, breadcrumbs) as readers' browsers show it. */
describe("page furniture in Chromium", () => {
  const site = siteInChromium(async () => {
    const content = copyFixture("hugo-rules");
    await writeImage(path.join(content, "_data/authors/ana.png"), 200, 200, 5);
    return content;
  }, { BLOG_NOW: "2031-01-01T00:00:00Z", BLOG_SEARCH: "0" });

  for (const url of ["/posts/alpha/", "/authors/ana/", "/posts/"]) {
    for (const colorScheme of ["light", "dark"] as const) {
      it(`${url} in ${colorScheme}: no axe violation, nothing loaded from a network it links to, no error`, async () => {
        const page = await site.browser.newPage();
        await page.emulateMedia({ colorScheme });
        const watch = await watchPage(page);
        try {
          await page.goto(site.server.url + url, { waitUntil: "load" });
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
            await site.browser.grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.server.url });
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
