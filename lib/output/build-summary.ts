import fs from "node:fs";
import path from "node:path";
import type { BuildCounts } from "../build-progress.ts";

/** A file Eleventy wrote, and the template it came from. */
export interface WrittenFile {
  inputPath: string;
  outputPath: string;
}

/** What `npm run build` says when it has published the site: what it made, where, how big, how long each part took. */
export function buildSummary(report: { output: string; written: readonly WrittenFile[]; counts: BuildCounts; phases: ReadonlyArray<[string, number]>; warnings: number }): string {
  const pages = report.written.filter((file) => file.outputPath.endsWith(".html"));
  const fromContent = pages.filter((file) => /\.(md|markdown)$/i.test(file.inputPath)).length;
  const feeds = report.written.filter((file) => /\.(xml|json|txt)$/.test(file.outputPath)).length;
  const { files, bytes } = folderSize(report.output);
  const { counts } = report;
  const total = report.phases.reduce((sum, [, ms]) => sum + ms, 0);
  const place = path.relative(process.cwd(), report.output) || ".";
  return [
    `Built ${plural(pages.length, "page")} (${fromContent} from the content, ${pages.length - fromContent} lists and other pages) and ${plural(feeds, "feed, sitemap or robots.txt", "feeds, sitemaps and robots.txt")}.`,
    `Images: ${counts.imagesEncoded} encoded, ${counts.imagesFromCache} from the cache.${counts.searchPages > 0 ? ` Search: ${plural(counts.searchPages, "page")} indexed.` : ""}`,
    `${place}: ${plural(files, "file")}, ${megabytes(bytes)}. ${seconds(total)}: ${report.phases.map(([name, ms]) => `${name} ${seconds(ms)}`).join(", ")}.${report.warnings > 0 ? ` ${plural(report.warnings, "warning")} (listed above).` : ""}`,
  ].join("\n");
}

/** The one line a terminal shows while the build runs. */
export function progressLine(counts: BuildCounts): string {
  const pages = counts.pagesToWrite > 0 ? `${counts.pagesWritten}/${counts.pagesToWrite} pages` : "reading the content";
  const images = counts.imagesEncoded > 0 ? ` · ${plural(counts.imagesEncoded, "image")} encoded` : "";
  return `Building: ${pages}${images}`;
}

function folderSize(folder: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of fs.readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString("en")} ${count === 1 ? one : many}`;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
