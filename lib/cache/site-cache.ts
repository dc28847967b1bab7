import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { filesUnder } from "./file-trees.ts";

/**
 * What the whole built site depends on. The last successful build is kept (a FolderCache) under this fingerprint;
 * a build whose inputs have not changed restores it instead of building: the same files, byte for byte, in a
 * fraction of the time.
 */

/** The generator's own inputs: templates, code, static files, exact package versions. */
const generatorInputs = ["layouts", "lib", "shortcodes", "static", "eleventy.config.ts", "package-lock.json"];

/**
 * A hash of the content folder (every file's path, size and modification time: editing, copying or checking out a
 * file changes its time), of the generator's own files (their text too: they are few and small) and of the
 * build's switches that change what it writes (search index, preview).
 */
export function siteFingerprint(contentDir: string, generatorRoot: string, switches: Record<string, boolean | string> = {}, siteInputs: readonly string[] = []): string {
  const hash = crypto.createHash("sha256");
  hash.update(JSON.stringify(switches));
  const add = (root: string, label: string, withText: boolean) => {
    if (!fs.existsSync(root)) return;
    const files = fs.statSync(root).isDirectory() ? filesUnder(root).sort() : [""];
    for (const file of files) {
      const { size, mtimeMs } = fs.statSync(path.join(root, file));
      hash.update(`${label}/${file}\0${size}\0${mtimeMs}\0`);
      if (withText) hash.update(fs.readFileSync(path.join(root, file)));
    }
  };
  add(contentDir, "content", false);
  // A Hugo site's configuration, data and static files beside the content folder (lib/source/site-root.ts).
  for (const input of siteInputs) add(input, `site:${input}`, false);
  for (const input of generatorInputs) add(path.join(generatorRoot, input), input, input !== "static");
  return hash.digest("hex");
}
