import crypto from "node:crypto";
import fs from "node:fs";
import { spawn } from "node:child_process";
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
 * A hash of the content folder (every file's path, size and modification time: editing, copying or checking out a
 * file changes its time) and of the generator's own files (their text too: they are few and small).
 */
export function siteFingerprint(contentDir: string, generatorRoot = projectDir): string {
  const hash = crypto.createHash("sha256");
  hash.update(JSON.stringify(significantEnvironment.map((name) => process.env[name] ?? "")));
  const add = (root: string, label: string, withText: boolean) => {
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
      if (withText) hash.update(fs.readFileSync(file));
    }
  };
  add(contentDir, "content", false);
  for (const input of generatorInputs) add(path.join(generatorRoot, input), input, input !== "static");
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
  async restore(fingerprint: string, target: string): Promise<number | false> {
    await this.#storeInProgress();
    const stamp = path.join(this.#dir, "fingerprint");
    if (!fs.existsSync(stamp) || fs.readFileSync(stamp, "utf8") !== fingerprint) return false;
    fs.mkdirSync(target, { recursive: true });
    return copyTree(path.join(this.#dir, "site"), target);
  }

  /**
   * Keeps a freshly built site for the next build with the same inputs. The copy is made by a background process,
   * so the build ends without waiting for it; the fingerprint is written last, so a copy that was interrupted or
   * is still running is never restored.
   */
  store(fingerprint: string, built: string): void {
    fs.rmSync(path.join(this.#dir, "fingerprint"), { force: true });
    const snapshot = path.join(this.#dir, `pending-${process.pid}-${Date.now()}`);
    fs.mkdirSync(snapshot, { recursive: true });
    // Copied from a snapshot of hard links taken now: the build may move or replace its output right after.
    snapshotTree(built, snapshot);
    const copier = spawn(process.execPath, ["--import", "tsx", import.meta.filename, "store", this.#dir, snapshot, fingerprint], {
      detached: true,
      stdio: "ignore",
      cwd: projectDir,
    });
    // The next build waits for this copy while its process runs.
    fs.writeFileSync(`${snapshot}.pid`, String(copier.pid));
    copier.unref();
  }

  /** Waits while an earlier build's copy is still being made, so that it can be restored. */
  async #storeInProgress(): Promise<void> {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const running = (fs.existsSync(this.#dir) ? fs.readdirSync(this.#dir) : [])
        .filter((name) => name.startsWith("pending-") && name.endsWith(".pid"))
        .filter((name) => isAlive(Number(fs.readFileSync(path.join(this.#dir, name), "utf8"))));
      if (running.length === 0 || Date.now() > deadline) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Hard links of every file of a folder (the files' contents are copied by `finishStore`, in the background). */
function snapshotTree(from: string, to: string): void {
  for (const entry of fs.readdirSync(from, { recursive: true, withFileTypes: true })) {
    const source = path.join(entry.parentPath, entry.name);
    const target = path.join(to, path.relative(from, source));
    if (entry.isDirectory()) {
      fs.mkdirSync(target, { recursive: true });
    } else if (entry.isFile()) {
      try {
        fs.linkSync(source, target);
      } catch {
        fs.copyFileSync(source, target);
      }
    }
  }
}

/** In the background: turns the snapshot's links into copies, puts it in place and writes the fingerprint. */
function finishStore(dir: string, snapshot: string, fingerprint: string): void {
  const copy = `${snapshot}-copy`;
  try {
    copyTree(snapshot, copy);
    fs.rmSync(path.join(dir, "site"), { recursive: true, force: true });
    fs.renameSync(copy, path.join(dir, "site"));
    fs.writeFileSync(path.join(dir, "fingerprint"), fingerprint);
  } finally {
    fs.rmSync(snapshot, { recursive: true, force: true });
    fs.rmSync(copy, { recursive: true, force: true });
    fs.rmSync(`${snapshot}.pid`, { force: true });
  }
}

if (process.argv[2] === "store" && import.meta.url === `file://${process.argv[1]}`) {
  const [dir, snapshot, fingerprint] = process.argv.slice(3);
  finishStore(dir!, snapshot!, fingerprint!);
}
