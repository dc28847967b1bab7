import fs from "node:fs";
import path from "node:path";
import { removeInBackground } from "../cache/file-trees.ts";

/**
 * The output folder and the folders a build keeps beside it. A build writes into a folder of its own
 * (`_site.next-<pid>`) and swaps it in only when the site is complete; the folder it replaces
 * (`_site.previous-<pid>`) is deleted in the background. Whatever a stopped build left behind (its unfinished
 * folder, still being written by a child process that outlived it; a swap cut in half) is cleared by the next
 * build before it starts, without failing it. Used under the output folder's lock (build-lock.ts).
 */
export class OutputFolders {
  readonly target: string;
  /** Where this build writes. */
  readonly next: string;
  readonly #previous: string;

  constructor(target: string) {
    this.target = path.resolve(target);
    this.next = `${this.target}.next-${process.pid}`;
    this.#previous = `${this.target}.previous-${process.pid}`;
  }

  /**
   * Clears what stopped builds left. If one was stopped between the two renames of its swap, the site it was
   * replacing is put back first: the output folder is never left missing. Returns notes on what was done.
   */
  recover(): string[] {
    const notes: string[] = [];
    const parent = path.dirname(this.target);
    const base = path.basename(this.target);
    const leftovers = fs.existsSync(parent) ? fs.readdirSync(parent).filter((name) => name.startsWith(`${base}.`)) : [];
    const replaced = leftovers
      .filter((name) => /^\.previous(-\d+)?$/.test(name.slice(base.length)))
      .map((name) => path.join(parent, name))
      .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
    if (!fs.existsSync(this.target) && replaced[0]) {
      fs.renameSync(replaced[0], this.target);
      notes.push(`${base} was missing after a build stopped while publishing; the site it had replaced was put back.`);
    }
    for (const name of leftovers) {
      const folder = path.join(parent, name);
      const suffix = name.slice(base.length);
      if (folder === this.next || folder === this.#previous || !fs.existsSync(folder)) continue;
      if (/^\.(next|previous)(-\d+)?$/.test(suffix)) discard(folder, notes);
      // A background deletion may have been stopped with its build: start another (two at once do no harm).
      else if (suffix.includes(".removing-")) discard(folder, notes);
    }
    return notes;
  }

  /** Puts the finished site in place of the old one: two renames, the old one deleted in the background. */
  publish(): void {
    const hadSite = fs.existsSync(this.target);
    if (hadSite) fs.renameSync(this.target, this.#previous);
    fs.renameSync(this.next, this.target);
    if (hadSite) removeInBackground(this.#previous);
  }

  /** Throws away this build's unfinished folder. */
  discard(): void {
    if (fs.existsSync(this.next)) discard(this.next, []);
  }
}

function discard(folder: string, notes: string[]): void {
  try {
    removeInBackground(folder);
  } catch (error) {
    notes.push(`Could not remove ${folder} (${(error as Error).message}); it is not used and can be deleted by hand.`);
  }
}
