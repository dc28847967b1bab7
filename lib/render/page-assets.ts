import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { PublishedFile } from "./images.ts";

/**
 * Files some pages need from the packages that make them (the math stylesheet and its font, Mermaid's script for the
 * diagrams drawn in the reader's browser): published with the site only when a page uses them, at these URLs.
 */
export const mathStylesheet = "/css/temml/Temml-Local.css";
/** Ours (static/js/): it loads Mermaid's modules, published beside it under /js/mermaid/. */
export const diagramScript = "/js/diagrams.js";

const require = createRequire(import.meta.url);
const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

function folderFiles(urlFolder: string, dir: string, keep: (name: string) => boolean): PublishedFile[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && keep(entry.name))
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return { url: `${urlFolder}${path.relative(dir, file).split(path.sep).join("/")}`, file };
    });
}

const assets: Record<string, () => PublishedFile[]> = {
  [mathStylesheet]: () => {
    const dist = path.join(packageDir("temml"), "dist");
    return ["Temml-Local.css", "Temml.woff2"].map((name) => ({ url: `/css/temml/${name}`, file: path.join(dist, name) }));
  },
  // Mermaid's modules: the page loads the entry and only the parts the diagram's type needs.
  [diagramScript]: () => {
    const dist = path.join(packageDir("mermaid"), "dist");
    return [
      { url: "/js/mermaid/mermaid.esm.min.mjs", file: path.join(dist, "mermaid.esm.min.mjs") },
      ...folderFiles("/js/mermaid/chunks/mermaid.esm.min/", path.join(dist, "chunks", "mermaid.esm.min"), (name) => name.endsWith(".mjs")),
    ];
  },
};

const listed = new Map<string, PublishedFile[]>();

/** The files to publish for the scripts and stylesheets a page uses (none for the site's own, under static/). */
export function assetFiles(urls: Iterable<string>): PublishedFile[] {
  const files: PublishedFile[] = [];
  for (const url of urls) {
    const list = assets[url];
    if (!list) continue;
    if (!listed.has(url)) listed.set(url, list());
    files.push(...listed.get(url)!);
  }
  return files;
}
