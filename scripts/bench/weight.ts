import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { parseHTML } from "linkedom";
import { buildOurs, projectDir, table } from "./measure.ts";
import { temporaryDir } from "../temporary-dir.ts";

const pageTypes: Array<[type: string, url: string]> = [
  ["home", "/"],
  ["post", "/posts/202210-the-new-ai-hype/"],
  ["list", "/posts/"],
  ["tag", "/tags/人工智能/"],
  ["series", "/series/新一轮人工智能热潮/"],
  ["archive", "/archive/"],
  ["search", "/search/"],
  ["404", "/404.html"],
];

const budget = 30 * 1024;

/** Bytes a reader downloads per page type of the bundled site, gzip-compressed: HTML, CSS and JavaScript. */
export async function benchWeight(): Promise<string> {
  const output = temporaryDir("bench-weight-");
  await buildOurs(path.join(projectDir, "content"), output);
  const gzip = (file: string) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
  const fileOf = (url: string) => path.join(output, decodeURI(url.endsWith("/") ? `${url}index.html` : url));
  const rows = pageTypes.map(([type, url]) => {
    const htmlFile = fileOf(url);
    const doc = parseHTML(fs.readFileSync(htmlFile, "utf8")).document;
    const css = [...doc.querySelectorAll('link[rel="stylesheet"]')].reduce((sum, link) => sum + gzip(fileOf(link.getAttribute("href")!)), 0);
    const js = [...doc.querySelectorAll("script[src]")].reduce((sum, script) => sum + gzip(fileOf(script.getAttribute("src")!)), 0);
    return {
      page: type,
      "HTML gz": gzip(htmlFile),
      "CSS gz": css,
      "JS gz": js,
      "CSS+JS / 30 KB budget": ((css + js) / budget).toFixed(2),
    };
  });
  return `Page weight of the bundled site (bytes, gzip -9; images excluded)\n${table(rows)}`;
}
