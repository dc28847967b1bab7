import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { writeImage } from "../../scripts/make-sample-images.ts";
import { axeViolations, cspViolationsInPage, describeViolations, scrollThrough, siteInChromium, watchPage } from "../helpers/browser.ts";
import { fetchSnapshots } from "../../lib/embeds/fetch-snapshots.ts";
import { findEmbeds } from "../../lib/embeds/find-embeds.ts";
import { madeUp, startEmbedServices } from "../helpers/embed-services.ts";
import { copyFixture } from "../helpers/site.ts";

/** Diagrams, math, a gallery and callouts as a reader's browser shows them, under the site's own headers. */
describe("Blowfish features in Chromium", () => {
  const site = siteInChromium(async () => {
    const content = copyFixture("blowfish");
    await writeImage(path.join(content, "posts/everything/photo.jpg"), 1200, 800, 7);
    fs.copyFileSync(path.join(content, "posts/everything/photo.jpg"), path.join(content, "posts/everything/my photo.jpg"));
    // A post with every kind of embed, their snapshots fetched by the real fetcher from a stand-in for the services.
    fs.mkdirSync(path.join(content, "posts/embeds"), { recursive: true });
    fs.writeFileSync(
      path.join(content, "posts/embeds/index.md"),
      [
        "---",
        "title: Every embed",
        "date: 2024-03-20",
        "---",
        "",
        `{{< tweet user="${madeUp.tweet.user}" id="${madeUp.tweet.id}" >}}`,
        `{{< youtube ${madeUp.youtube} >}}`,
        `{{< vimeo ${madeUp.vimeo} >}}`,
        `{{< github repo="${madeUp.github}" >}}`,
        `{{< gitlab projectID="${madeUp.gitlab}" >}}`,
        `{{< gist ${madeUp.gist.user} ${madeUp.gist.id} >}}`,
        "{{< instagram CxMadeUp123 >}}",
        "",
      ].join("\n"),
    );
    const poster = path.join(content, "poster.jpg");
    await writeImage(poster, 480, 360, 9);
    const services = await startEmbedServices(fs.readFileSync(poster));
    fs.rmSync(poster);
    try {
      const made = findEmbeds(content).embeds.filter((embed) => embed.where.startsWith("posts/embeds/"));
      const outcomes = await fetchSnapshots(made, { contentDir: content, refresh: false, now: new Date(), env: services.env, timeoutMs: 5000 });
      assert.deepEqual(outcomes.map((outcome) => outcome.status), ["fetched", "fetched", "fetched", "fetched", "fetched", "fetched"]);
    } finally {
      await services.close();
    }
    return content;
  });

  it("shows every kind of embed with its snapshot and asks no other site for anything until a poster is clicked", async () => {
    const page = await site.browser.newPage();
    const watch = await watchPage(page);
    try {
      await page.goto(`${site.server.url}/posts/embeds/`, { waitUntil: "load" });
      await scrollThrough(page, 400);
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, describeViolations(violations));
      assert.deepEqual([...watch.external, ...watch.consoleErrors, ...watch.failed], []);
      // The posters are the site's own pictures, drawn in the 16:9 box.
      const posters = await page.locator("img.embed-poster").evaluateAll((images) => images.map((img) => ({ loaded: (img as HTMLImageElement).naturalWidth > 0, box: img.getBoundingClientRect().width / img.getBoundingClientRect().height })));
      assert.equal(posters.length, 2);
      for (const poster of posters) assert.ok(poster.loaded && Math.abs(poster.box - 16 / 9) < 0.05, JSON.stringify(poster));
      assert.match((await page.locator(".tweet-card blockquote").textContent()) ?? "", /A made-up post & a link: example\.com\/notes/);
      await page.locator(".youtube-embed .embed-link").click();
      const player = page.locator(".youtube-embed iframe.embed-player");
      await player.waitFor();
      assert.match((await player.getAttribute("src")) ?? "", new RegExp(`^https://www\\.youtube-nocookie\\.com/embed/${madeUp.youtube}\\?autoplay=1`));
    } finally {
      await page.close();
    }
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
          await scrollThrough(page);
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
