import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * The folders of a content folder that change how its posts render without being posts: the site's own shortcodes
 * (`_shortcodes/`) and the data kept for embeds (`_data/embeds/`). A digest of their files (path, size, time) is
 * part of every rendered page's cache key, so editing a shortcode renders again the posts that may call it.
 */
export const renderingFolders = ["_shortcodes", path.join("_data", "embeds")];

export function contentCodeDigest(contentDir: string): string {
  const hash = crypto.createHash("sha256");
  for (const folder of renderingFolders) {
    const root = path.join(contentDir, folder);
    if (!fs.existsSync(root)) continue;
    const files = fs
      .readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
    for (const file of files) {
      const { size, mtimeMs } = fs.statSync(file);
      hash.update(`${path.relative(contentDir, file)}\0${size}\0${mtimeMs}\0`);
    }
  }
  return hash.digest("hex").slice(0, 16);
}
