import fs from "node:fs";
import path from "node:path";

/**
 * The files of a content folder, data and hidden folders aside: Markdown (what Eleventy will ask about) and the
 * resources published as they are (images and other files of page bundles).
 */
export function contentFiles(contentDir: string): { markdown: string[]; resources: string[] } {
  const markdown: string[] = [];
  const resources: string[] = [];
  for (const entry of fs.readdirSync(contentDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const parts = path.relative(contentDir, file).split(path.sep);
    if (parts.some((part) => part.startsWith(".") || part === "_data" || part === "node_modules")) continue;
    if (/\.(md|markdown)$/i.test(entry.name)) markdown.push(file);
    else if (!/\.(njk|html|11ty\.js)$/i.test(entry.name)) resources.push(file);
  }
  return { markdown, resources };
}
