import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { writeFileAtomically } from "./atomic-file.ts";

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

  /**
   * The cached result as it was stored, unless it took its date from the file's time and that time has changed,
   * or the entry is not the whole of what was written (a disk that filled up, a file damaged since): a miss.
   */
  get(key: string, mtimeMs: number): string | undefined {
    let text: string;
    try {
      text = fs.readFileSync(this.#file(key), "utf8");
    } catch {
      return undefined;
    }
    const newline = text.indexOf("\n");
    const body = text.slice(newline + 1);
    let stored: { mtimeMs: number | null; digest: string };
    try {
      stored = JSON.parse(text.slice(0, newline));
    } catch {
      return undefined;
    }
    if (stored.digest !== digest(body)) return undefined;
    if (stored.mtimeMs !== null && stored.mtimeMs !== mtimeMs) return undefined;
    return body;
  }

  /** Stores a result encoded as text (workers encode it anyway, to send it). */
  set(key: string, encoded: string, datedByFile: boolean, mtimeMs: number): void {
    writeFileAtomically(this.#file(key), `${JSON.stringify({ mtimeMs: datedByFile ? mtimeMs : null, digest: digest(encoded) })}\n${encoded}`);
  }

  #file(key: string): string {
    return path.join(this.dir, `${key}.json`);
  }
}

function digest(text: string): string {
  return crypto.createHash("sha256").update(text).digest("base64url").slice(0, 22);
}
