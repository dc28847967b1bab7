import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * The whole built site, kept from the last successful build together with a fingerprint of everything it was
 * built from. A build whose inputs have not changed restores it instead of building: the result is the same
 * files, byte for byte, in a fraction of the time.
 */

const projectDir = path.join(import.meta.dirname, "..");
/** The generator's own inputs: templates, code, static files, exact package versions. */
const generatorInputs = ["layouts", "lib", "shortcodes", "static", "eleventy.config.ts", "package-lock.json"];
/** Environment variables that change what a build writes. */
const significantEnvironment = ["BLOG_SEARCH", "BLOG_PREVIEW"];

/**
 * A hash of the content folder (every file's path, size and modification time, and the text of its Markdown and
 * data files) and of the generator's own files.
 */
export function siteFingerprint(contentDir: string, generatorRoot = projectDir): string {
  const hash = crypto.createHash("sha256");
  hash.update(JSON.stringify(significantEnvironment.map((name) => process.env[name] ?? "")));
  const add = (root: string, label: string) => {
    if (!fs.existsSync(root)) return;
    const stat = fs.statSync(root);
    const files = stat.isDirectory()
      ? fs
          .readdirSync(root, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => path.join(entry.parentPath, entry.name))
          .sort()
      : [root];
    for (const file of files) {
      const { size, mtimeMs } = fs.statSync(file);
      hash.update(`${label}/${path.relative(root, file)}\0${size}\0${mtimeMs}\0`);
      // Text is hashed too: a checkout can give a changed file its old size and time.
      if (/\.(md|markdown|json|toml|ya?ml|njk|ts|js|css|svg)$/i.test(file)) hash.update(fs.readFileSync(file));
    }
  };
  add(contentDir, "content");
  for (const input of generatorInputs) add(path.join(generatorRoot, input), input);
  return hash.digest("hex");
}

/**
 * Copies a folder, as a copy-on-write clone where the file system can. Not hard links: the dev server and
 * Eleventy rewrite output files in place, which would change the kept copy too.
 */
export function copyTree(from: string, to: string): number {
  let count = 0;
  for (const entry of fs.readdirSync(from, { recursive: true, withFileTypes: true })) {
    const source = path.join(entry.parentPath, entry.name);
    const target = path.join(to, path.relative(from, source));
    if (entry.isDirectory()) {
      fs.mkdirSync(target, { recursive: true });
    } else if (entry.isFile()) {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(source, target, fs.constants.COPYFILE_FICLONE);
      count++;
    }
  }
  return count;
}

export class SiteCache {
  readonly #dir: string;

  constructor(dir: string) {
    this.#dir = dir;
  }

  /** Restores the site built from these inputs into `target`; false when there is none. */
  restore(fingerprint: string, target: string): number | false {
    const stamp = path.join(this.#dir, "fingerprint");
    if (!fs.existsSync(stamp) || fs.readFileSync(stamp, "utf8") !== fingerprint) return false;
    fs.mkdirSync(target, { recursive: true });
    return copyTree(path.join(this.#dir, "site"), target);
  }

  /** Keeps a freshly built site for the next build with the same inputs. */
  store(fingerprint: string, built: string): void {
    const stamp = path.join(this.#dir, "fingerprint");
    fs.rmSync(stamp, { force: true });
    fs.rmSync(path.join(this.#dir, "site"), { recursive: true, force: true });
    fs.mkdirSync(path.join(this.#dir, "site"), { recursive: true });
    copyTree(built, path.join(this.#dir, "site"));
    // Written last: a build stopped half-way leaves no stamp, so nothing half-copied is ever restored.
    fs.writeFileSync(stamp, fingerprint);
  }
}
