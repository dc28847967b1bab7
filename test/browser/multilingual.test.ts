import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";
import { writeImage } from "../../scripts/make-sample-images.ts";
import { axeViolations, cspViolationsInPage, describeViolations, launchBrowser, siteInChromium, watchPage } from "../helpers/browser.ts";
import { copyFixture } from "../helpers/site.ts";

/** The bilingual fixture as readers use it: both languages' pages, the switcher, each language's search. */
describe("a bilingual site in Chromium", () => {
  const site = siteInChromium(async () => {
    const content = copyFixture("bilingual");
    await writeImage(path.join(content, "posts/hello/feature.jpg"), 1200, 800, 11);
    return content;
  });

  for (const url of ["/", "/zh-cn/", "/posts/hello/", "/zh-cn/posts/hello/"]) {
    for (const colorScheme of ["light", "dark"] as const) {
      it(`${url} in ${colorScheme}: no axe violation, no request off the site, no error`, async () => {
        const page = await site.browser.newPage();
        await page.emulateMedia({ colorScheme });
        const watch = await watchPage(page);
        try {
          await page.goto(site.server.url + encodeURI(url), { waitUntil: "load" });
          const violations = await axeViolations(page);
          assert.equal(violations.length, 0, describeViolations(violations));
          assert.deepEqual(watch.external, []);
          assert.deepEqual(watch.consoleErrors, []);
          assert.deepEqual([...watch.cspViolations, ...(await cspViolationsInPage(page))], []);
        } finally {
          await page.close();
        }
      });
    }
  }

  it("switches to the translation with the keyboard", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/posts/hello/`, { waitUntil: "load" });
    await page.locator(".language-switcher a").focus();
    await Promise.all([page.waitForURL("**/zh-cn/posts/hello/"), page.keyboard.press("Enter")]);
    assert.equal(await page.evaluate(() => document.documentElement.lang), "zh-CN");
    assert.equal(await page.locator("h1").textContent(), "你好");
    await page.close();
  });

  it("switches without JavaScript too", async () => {
    const noScript = await launchBrowser({ javaScriptEnabled: false });
    try {
      const page = await noScript.newPage();
      await page.goto(`${site.server.url}/zh-cn/posts/chinese-only/`, { waitUntil: "load" });
      await Promise.all([page.waitForURL(`${site.server.url}/`), page.locator(".language-switcher a").click()]);
      assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
    } finally {
      await noScript.close();
    }
  });

  it("searches the reader's language on each language's search page", async () => {
    const results = async (url: string) => {
      const page = await site.browser.newPage();
      await page.goto(site.server.url + encodeURI(url), { waitUntil: "load" });
      await page.waitForFunction(() => (document.querySelector(".search-status")?.textContent ?? "") !== "", undefined, { timeout: 15_000 });
      const titles = await page.locator(".search-results a").allTextContents();
      await page.close();
      return titles.map((title) => title.trim());
    };
    assert.deepEqual(await results("/zh-cn/search/?q=接着"), ["第二篇"]);
    assert.deepEqual(await results("/search/?q=second"), ["Second"]);
    assert.deepEqual(await results("/search/?q=接着"), [], "English search finds no Chinese post");
  });
});
