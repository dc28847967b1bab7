import fs from "node:fs";
import path from "node:path";
import type { EleventyConfig } from "../types/eleventy.ts";

export type RenderData = Record<string, unknown> & {
  layout?: unknown;
  page?: { outputPath?: unknown; inputPath?: string; url?: string | false };
  siteCalls?: unknown;
  collections?: { site?: { siteCallOutputs: Record<string, string[]> } };
};

interface Nunjucks {
  render(name: string, context: Record<string, unknown>): string;
}

/**
 * The dev server's quick path for the most common edit: a post's text changed, nothing that other pages show of
 * it. The page is rendered again at once, with the layout and data Eleventy used for it last time and the new
 * body, and the browser reloads; Eleventy's incremental rebuild then runs as usual and writes the same page
 * (and the feeds). On a large site this shows an edit in a fraction of a second instead of a few seconds.
 */
export class DevRefresh {
  readonly #renders = new Map<string, RenderData>();
  readonly #signal: string;
  #nunjucks: Nunjucks | undefined;

  constructor(eleventyConfig: EleventyConfig, signalFile: string) {
    this.#signal = signalFile;
    eleventyConfig.amendLibrary("njk", (environment: Nunjucks) => {
      this.#nunjucks = environment;
    });
    // The dev server reloads the browser when this file changes, without waiting for a build.
    fs.mkdirSync(path.dirname(signalFile), { recursive: true });
    fs.writeFileSync(signalFile, "");
    process.on("exit", () => fs.rmSync(signalFile, { force: true }));
    eleventyConfig.setServerOptions({ watch: [signalFile] });
  }

  /** Keeps what Eleventy rendered a page's layout with. */
  remember(file: string, data: RenderData): void {
    this.#renders.set(file, data);
  }

  /**
   * Writes the page of an edited file from its fresh data and body, if nothing but its own page can have changed;
   * returns whether it did.
   */
  refresh(file: string, fresh: Record<string, unknown>, body: (last: RenderData) => string): boolean {
    const last = this.#renders.get(file);
    const outputPath = last?.page?.outputPath;
    if (!last || !this.#nunjucks || typeof last.layout !== "string" || typeof outputPath !== "string") return false;
    // Calls rendered from other pages (article cards) are reused, so they must be the same calls.
    if (JSON.stringify(fresh.siteCalls) !== JSON.stringify(last.siteCalls)) return false;
    const page = this.#nunjucks.render(last.layout, { ...last, ...fresh, content: body(last) });
    fs.writeFileSync(outputPath, page);
    this.#renders.set(file, { ...last, ...fresh });
    fs.writeFileSync(this.#signal, String(Date.now()));
    return true;
  }
}
