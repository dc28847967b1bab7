import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { linkTree } from "./file-trees.ts";

/**
 * The whole built site, kept from the last successful build together with a fingerprint of everything it was
 * built from. A build whose inputs have not changed restores it instead of building: the same files, byte for
 * byte, in a fraction of the time.
 */

const projectDir = path.join(import.meta.dirname, "..");
/** The generator's own inputs: templates, code, static files, exact package versions. */
const generatorInputs = ["layouts", "lib", "shortcodes", "static", "eleventy.config.ts", "package-lock.json"];
/** Environment variables that change what a build writes. */
const significantEnvironment = ["BLOG_SEARCH", "BLOG_PREVIEW"];

/**
 * A hash of the content folder (every file's path, size and modification time: editing, copying or checking out a
 * file changes its time) and of the generator's own files (their text too: they are few and small).
 */
export function siteFingerprint(contentDir: string, generatorRoot = projectDir): string {
  const hash = crypto.createHash("sha256");
  hash.update(JSON.stringify(significantEnvironment.map((name) => process.env[name] ?? "")));
  const add = (root: string, label: string, withText: boolean) => {
    if (!fs.existsSync(root)) return;
    for (const file of filesOf(root)) {
      const { size, mtimeMs } = fs.statSync(file);
      hash.update(`${label}/${path.relative(root, file)}\0${size}\0${mtimeMs}\0`);
      if (withText) hash.update(fs.readFileSync(file));
    }
  };
  add(contentDir, "content", false);
  for (const input of generatorInputs) add(path.join(generatorRoot, input), input, input !== "static");
  return hash.digest("hex");
}

function filesOf(root: string): string[] {
  if (!fs.statSync(root).isDirectory()) return [root];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/**
 * The kept site shares its files with the output (hard links), so something that rewrites an output file in place
 * (the dev server writing into the same folder, say) would change the kept file too. A manifest of every file's
 * size and modification time catches that: a kept site that changed is never restored.
 */
export class SiteCache {
  readonly #dir: string;

  constructor(dir: string) {
    this.#dir = dir;
  }

  /** Restores the site built from these inputs into `target`; false when there is none (or it was touched). */
  restore(fingerprint: string, target: string): number | false {
    const manifestFile = path.join(this.#dir, "manifest.json");
    if (!fs.existsSync(manifestFile)) return false;
    const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as { fingerprint: string; files: Record<string, [number, number]> };
    if (manifest.fingerprint !== fingerprint) return false;
    const site = path.join(this.#dir, "site");
    for (const [file, [size, mtimeMs]] of Object.entries(manifest.files)) {
      const stat = fs.statSync(path.join(site, file), { throwIfNoEntry: false });
      if (!stat || stat.size !== size || stat.mtimeMs !== mtimeMs) return false;
    }
    fs.mkdirSync(target, { recursive: true });
    return linkTree(site, target);
  }

  /** Keeps a freshly built site for the next build with the same inputs. */
  store(fingerprint: string, built: string): void {
    const manifestFile = path.join(this.#dir, "manifest.json");
    const site = path.join(this.#dir, "site");
    fs.rmSync(manifestFile, { force: true });
    fs.rmSync(site, { recursive: true, force: true });
    fs.mkdirSync(site, { recursive: true });
    linkTree(built, site);
    const files: Record<string, [number, number]> = {};
    for (const file of filesOf(site)) {
      const { size, mtimeMs } = fs.statSync(file);
      files[path.relative(site, file)] = [size, mtimeMs];
    }
    // Written last: a build stopped half-way leaves no manifest, so nothing half-kept is ever restored.
    fs.writeFileSync(manifestFile, JSON.stringify({ fingerprint, files }));
  }
}
