import fs from "node:fs";
import path from "node:path";
import { filesUnder, linkFile, removeInBackground } from "./file-trees.ts";

interface Manifest {
  key: string;
  /** Each file's path in the folder, size and modification time; it is kept as `files/<its index here>`. */
  files: Array<[file: string, size: number, mtimeMs: number]>;
  /** What the build that wrote the folder had to say, to be said again when it is put back. */
  notes: string[];
}

/**
 * A built folder (the whole site, or one search shard) kept under a key, to be put back instead of built again
 * when a later build needs the same key. Putting back and keeping are hard links, not copies: no file is read or
 * written, whatever the folder's size. The kept files lie side by side, numbered: a site has a folder per page,
 * and creating thousands of folders would cost more than linking every file.
 *
 * The kept files are shared with the output, so something that rewrites an output file in place (the dev server
 * writing into the same folder, say) would change the kept file too. The manifest's size and modification time
 * of every file catch that: a kept folder that changed is never put back.
 */
export class FolderCache {
  readonly #manifestFile: string;
  readonly #kept: string;

  constructor(dir: string) {
    this.#manifestFile = path.join(dir, "manifest.json");
    this.#kept = path.join(dir, "files");
  }

  /** Puts the folder kept under `key` into `target`; false when there is none (or it was touched). */
  restore(key: string, target: string): { files: number; notes: string[] } | false {
    if (!fs.existsSync(this.#manifestFile)) return false;
    const manifest = JSON.parse(fs.readFileSync(this.#manifestFile, "utf8")) as Manifest;
    if (manifest.key !== key) return false;
    for (const [index, [, size, mtimeMs]] of manifest.files.entries()) {
      const stat = fs.statSync(path.join(this.#kept, String(index)), { throwIfNoEntry: false });
      if (!stat || stat.size !== size || stat.mtimeMs !== mtimeMs) return false;
    }
    const made = new Set<string>();
    for (const [index, [file]] of manifest.files.entries()) {
      const folder = path.dirname(path.join(target, file));
      if (!made.has(folder)) fs.mkdirSync(folder, { recursive: true });
      made.add(folder);
      linkFile(path.join(this.#kept, String(index)), path.join(target, file));
    }
    return { files: manifest.files.length, notes: manifest.notes };
  }

  /** Keeps a freshly built folder under `key`, in place of whatever was kept before. */
  store(key: string, built: string, notes: string[] = []): void {
    fs.rmSync(this.#manifestFile, { force: true });
    removeInBackground(this.#kept);
    fs.mkdirSync(this.#kept, { recursive: true });
    const files = filesUnder(built).map((file, index): Manifest["files"][number] => {
      const kept = path.join(this.#kept, String(index));
      linkFile(path.join(built, file), kept);
      const { size, mtimeMs } = fs.statSync(kept);
      return [file, size, mtimeMs];
    });
    // Written last: a build stopped half-way leaves no manifest, so nothing half-kept is ever put back.
    fs.writeFileSync(this.#manifestFile, JSON.stringify({ key, files, notes } satisfies Manifest));
  }
}
