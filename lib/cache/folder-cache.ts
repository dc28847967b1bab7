import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { writeFileAtomically } from "./atomic-file.ts";
import { filesUnder, linkFile, removeInBackground } from "./file-trees.ts";

interface Manifest {
  key: string;
  /**
   * Each file's path in the folder, size, modification time and inode; it is kept as `files/<its index here>`.
   * A kept file that is not the one kept (rewritten in place, replaced, gone) differs in one of them.
   */
  files: Array<[file: string, size: number, mtimeMs: number, ino: number]>;
  /** What the build that wrote the folder had to say, to be said again when it is put back. */
  notes: string[];
  /**
   * The span (ms since 1970) in which the folder is what a build makes of the same inputs: scheduled and expiring
   * pages change a site at moments of their own, without any input changing.
   */
  validFrom?: number;
  validUntil?: number;
  /** A hash of the above: an entry removed from the list, or a list cut short, does not match it. */
  digest: string;
}

/**
 * A built folder (the whole site, or one search shard) kept under a key, to be put back instead of built again
 * when a later build needs the same key. Putting back and keeping are hard links, not copies: no file is read or
 * written, whatever the folder's size. The kept files lie side by side, numbered: a site has a folder per page,
 * and creating thousands of folders would cost more than linking every file.
 *
 * Nothing incomplete is ever put back: the manifest is written last and proves itself by its digest, and each kept
 * file must still be the one kept. The kept files are shared with the output, so something that rewrites an
 * output file in place (the dev server writing into the same folder, say) changes the kept file too; its size,
 * time or inode no longer match, and the folder is refused.
 */
export class FolderCache {
  readonly #manifestFile: string;
  readonly #kept: string;

  constructor(dir: string) {
    this.#manifestFile = path.join(dir, "manifest.json");
    this.#kept = path.join(dir, "files");
  }

  /**
   * Puts the folder kept under `key` into `target`; false when there is none. A folder kept under `key` that is
   * not whole any more is refused, and `refused` told why; one kept for a span of time `now` is outside of is not
   * put back either, and `outdated` told the moment that makes it out of date.
   */
  restore(
    key: string,
    target: string,
    refused: (reason: string) => void = () => {},
    time: { now: Date; outdated: (since: Date) => void } = { now: new Date(), outdated: () => {} },
  ): { files: number; notes: string[] } | false {
    let manifest: Manifest;
    try {
      manifest = JSON.parse(fs.readFileSync(this.#manifestFile, "utf8")) as Manifest;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") refused("its list of files cannot be read");
      return false;
    }
    if (manifest.key !== key) return false;
    if (manifest.digest !== manifestDigest(manifest)) {
      refused("its list of files is not the one written");
      return false;
    }
    const now = time.now.getTime();
    if (manifest.validUntil !== undefined && now >= manifest.validUntil) {
      time.outdated(new Date(manifest.validUntil));
      return false;
    }
    if (manifest.validFrom !== undefined && now < manifest.validFrom) {
      time.outdated(new Date(manifest.validFrom));
      return false;
    }
    for (const [index, [file, size, mtimeMs, ino]] of manifest.files.entries()) {
      const stat = fs.statSync(path.join(this.#kept, String(index)), { throwIfNoEntry: false });
      if (!stat || stat.size !== size || stat.mtimeMs !== mtimeMs || stat.ino !== ino) {
        refused(`${file} is ${stat ? "not the file kept" : "missing"}`);
        return false;
      }
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

  /** Keeps a freshly built folder under `key`, in place of whatever was kept before (for a span of time, if given). */
  store(key: string, built: string, notes: string[] = [], validity: { from?: Date | undefined; until?: Date | undefined } = {}): void {
    fs.rmSync(this.#manifestFile, { force: true });
    removeInBackground(this.#kept);
    fs.mkdirSync(this.#kept, { recursive: true });
    const files = filesUnder(built).map((file, index): Manifest["files"][number] => {
      const kept = path.join(this.#kept, String(index));
      linkFile(path.join(built, file), kept);
      const { size, mtimeMs, ino } = fs.statSync(kept);
      return [file, size, mtimeMs, ino];
    });
    // Written last: a build stopped half-way leaves no manifest, so nothing half-kept is ever put back.
    const manifest = { key, files, notes, validFrom: validity.from?.getTime(), validUntil: validity.until?.getTime() };
    writeFileAtomically(this.#manifestFile, JSON.stringify({ ...manifest, digest: manifestDigest(manifest) } satisfies Manifest));
  }
}

function manifestDigest({ key, files, notes, validFrom, validUntil }: Omit<Manifest, "digest">): string {
  return crypto.createHash("sha256").update(JSON.stringify({ key, files, notes, validFrom, validUntil })).digest("hex");
}
