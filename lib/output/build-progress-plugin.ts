import { countBuild } from "../build-progress.ts";
import type { EleventyConfig } from "../types/eleventy.ts";

/** Counts the pages a build is to write, and each page as it is written, for `npm run build`'s progress line. */
export function buildProgressPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.on("eleventy.contentMap", ({ urlToInputPath }: { urlToInputPath: Record<string, unknown> }) => {
    countBuild({ pagesToWrite: Object.keys(urlToInputPath).filter((url) => url !== "false").length });
  });
  // Each output once: a transform may run again for a file (a page rendered twice), which is still one page.
  let written = new Set<string>();
  eleventyConfig.on("eleventy.before", () => {
    written = new Set();
  });
  eleventyConfig.addTransform("build-progress", function (this: { page: { outputPath: string | false } }, content: string) {
    const { outputPath } = this.page;
    if (outputPath && !written.has(outputPath)) {
      written.add(outputPath);
      countBuild({ pagesWritten: 1 });
    }
    return content;
  });
}
