import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** Every file under `root`, as paths relative to it. */
export function filesUnder(root: string): string[] {
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

/**
 * Gives `target` the contents of `source` as a hard link (a plain copy where a link cannot be made, e.g. across
 * file systems): nothing is read or written. The two names then share one file, so whoever keeps one must notice
 * if the other is rewritten in place.
 */
export function linkFile(source: string, target: string): void {
  try {
    fs.linkSync(source, target);
  } catch {
    fs.copyFileSync(source, target);
  }
}

/**
 * Removes a folder without waiting for it: it is renamed aside at once (so its name is free again) and deleted by
 * a detached process. A large site takes seconds to delete, and nothing needs to wait for that.
 */
export function removeInBackground(dir: string): void {
  if (!fs.existsSync(dir)) return;
  const aside = `${dir}.removing-${process.pid}-${Date.now()}`;
  fs.renameSync(dir, aside);
  // Retried: a process stopped with its build (a search indexer) may still be writing into the folder.
  spawn(process.execPath, ["-e", `require("fs").rmSync(${JSON.stringify(aside)}, { recursive: true, force: true, maxRetries: 5 })`], {
    detached: true,
    stdio: "ignore",
  }).unref();
}
