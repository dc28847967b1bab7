import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const made: string[] = [];

/**
 * A fresh folder under the system's temporary directory, removed when this process exits: tests and benchmarks
 * build hundreds of sites, and a developer's disk must not fill up with them run after run.
 */
export function temporaryDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  if (made.length === 0) process.on("exit", removeAll);
  made.push(dir);
  return dir;
}

function removeAll(): void {
  for (const dir of made) {
    try {
      fs.rmSync(dir, { recursive: true, force: true });
    } catch (error) {
      // A folder a detached process is still deleting; failing the run over it would hide the real result.
      console.warn(`Could not remove ${dir}: ${(error as Error).message}`);
    }
  }
}
