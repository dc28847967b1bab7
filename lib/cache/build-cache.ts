import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { threadId } from "node:worker_threads";

const projectDir = path.join(import.meta.dirname, "..", "..");

/**
 * The version of the generator: a hash of its code (lib/, shortcodes/) and of the exact packages installed. Any
 * change to either makes every cached page stale, so a cached page is always what this code would make now.
 */
export function computeGeneratorVersion(root: string): string {
  const hash = crypto.createHash("sha256");
  for (const dir of ["lib", "shortcodes"]) {
    const folder = path.join(root, dir);
    const files = fs
      .readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
    for (const file of files) hash.update(path.relative(root, file)).update(fs.readFileSync(file));
  }
  const lock = path.join(root, "package-lock.json");
  if (fs.existsSync(lock)) hash.update(fs.readFileSync(lock));
  return hash.digest("hex").slice(0, 16);
}

export const generatorVersion: string = computeGeneratorVersion(projectDir);

/**
 * Rendered pages kept on disk between builds, keyed by the file's path and content, the site settings and the
 * generator version: a build only renders the Markdown of files that changed.
 */
export class BuildCache {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
    fs.mkdirSync(dir, { recursive: true });
  }

  /** `settings`: whatever else a rendering depends on (the site settings), hashed as JSON. */
  key(relativePath: string, content: Buffer, settings: object): string {
    return crypto.createHash("sha256").update(generatorVersion).update("\0").update(relativePath).update("\0").update(JSON.stringify(settings)).update("\0").update(content).digest("hex");
  }

  /** The cached result as it was stored, unless it took its date from the file's time and that time has changed. */
  get(key: string, mtimeMs: number): string | undefined {
    let text: string;
    try {
      text = fs.readFileSync(this.#file(key), "utf8");
    } catch {
      return undefined;
    }
    const newline = text.indexOf("\n");
    const stored = JSON.parse(text.slice(0, newline)) as { mtimeMs: number | null };
    if (stored.mtimeMs !== null && stored.mtimeMs !== mtimeMs) return undefined;
    return text.slice(newline + 1);
  }

  /** Stores a result encoded as text (workers encode it anyway, to send it). */
  set(key: string, encoded: string, datedByFile: boolean, mtimeMs: number): void {
    const file = this.#file(key);
    // Written aside and renamed, so a build that stops half-way never leaves half a file.
    const temporary = `${file}.${process.pid}.${threadId}.tmp`;
    fs.writeFileSync(temporary, `${JSON.stringify({ mtimeMs: datedByFile ? mtimeMs : null })}\n${encoded}`);
    fs.renameSync(temporary, file);
  }

  #file(key: string): string {
    return path.join(this.dir, `${key}.json`);
  }
}
