import assert from "node:assert/strict";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { after, before } from "node:test";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { temporaryDir } from "../../scripts/temporary-dir.ts";
import { buildSite, type BuildResult } from "./site.ts";
import { serveSite } from "./static-server.ts";

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** Debian's Chromium, headless, with the flags that keep it off the network on its own (TOOLCHAIN.md). */
export async function launchBrowser(options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(temporaryDir("blog-chromium-"), {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface PageWatch {
  /** Every request that tried to leave 127.0.0.1 (all are blocked). */
  external: string[];
  consoleErrors: string[];
  cspViolations: string[];
  /** Requests to the site that failed (status 400 and up), e.g. an icon that is not there. */
  failed: string[];
}

/**
 * Watches a page from its first request: requests leaving 127.0.0.1 are recorded and blocked, console errors
 * and Content-Security-Policy violations are recorded.
 */
export async function watchPage(page: Page): Promise<PageWatch> {
  const watch: PageWatch = { external: [], consoleErrors: [], cspViolations: [], failed: [] };
  page.on("response", (response) => {
    if (response.status() >= 400) watch.failed.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  await page.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1") return route.continue();
    watch.external.push(url.href);
    return route.abort("blockedbyclient");
  });
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const text = message.text();
    if (/Content Security Policy/i.test(text)) watch.cspViolations.push(text);
    else if (!/ERR_BLOCKED_BY_CLIENT/.test(text)) watch.consoleErrors.push(text);
  });
  page.on("pageerror", (error) => watch.consoleErrors.push(String(error)));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { cspViolations: string[] }).cspViolations ??= [];
      (window as unknown as { cspViolations: string[] }).cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return watch;
}

export async function cspViolationsInPage(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** Runs axe-core in the page (evaluated by the driver, so the page's CSP does not stand in its way). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => `${n.target.join(" ")} — ${n.failureSummary ?? ""}`).join("\n    ")}`).join("\n");
}

/**
 * A suite's site: built once in `before` from the content folder `prepare` makes, served with its own `_headers`,
 * with a Chromium to read it; both closed in `after`. The fields are set once `before` has run.
 */
export function siteInChromium(prepare: () => Promise<string>, env: Record<string, string> = {}): { build: BuildResult; server: { url: string; close: () => Promise<void> }; browser: BrowserContext } {
  const site = {} as ReturnType<typeof siteInChromium>;
  before(async () => {
    site.build = await buildSite(await prepare(), { env });
    assert.equal(site.build.exitCode, 0, site.build.log);
    site.server = await serveSite(site.build.outputDir);
    site.browser = await launchBrowser();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/** Scrolls a page to its end and back, so lazy images and everything below the fold load and take part. */
export async function scrollThrough(page: Page, step = 600): Promise<void> {
  await page.evaluate(async (by) => {
    for (let y = 0; y < document.body.scrollHeight; y += by) {
      window.scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    window.scrollTo(0, 0);
  }, step);
}
