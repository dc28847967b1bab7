import fs from "node:fs";
import path from "node:path";
import { threadId } from "node:worker_threads";

let written = 0;

/**
 * A name beside `file` that no other writer uses at the same time: it holds this process, this thread and a count.
 * Two builds, a build and the dev server, or two pages of one build may produce the same cache file at once; each
 * writes its own temporary file and renames it into place, so a reader sees the whole file or none.
 */
function temporaryName(file: string): string {
  return `${file}.${process.pid}.${threadId}.${written++}.tmp`;
}

const temporaryPattern = /\.(\d+)\.\d+\.\d+\.tmp$/;

/** Writes `file` whole or not at all. */
export function writeFileAtomically(file: string, data: string | Uint8Array): void {
  const temporary = temporaryName(file);
  try {
    fs.writeFileSync(temporary, data);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/** Makes `file` with a tool that writes to a path (an encoder): into a temporary name, then renamed into place. */
export async function produceFileAtomically(file: string, produce: (temporary: string) => Promise<unknown>): Promise<void> {
  const temporary = temporaryName(file);
  try {
    await produce(temporary);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/** Removes the temporary files that writers killed mid-write left in `dir` (their process is gone). */
export function removeStaleTemporaries(dir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = temporaryPattern.exec(name)?.[1];
    if (pid && !isRunning(Number(pid))) fs.rmSync(path.join(dir, name), { force: true });
  }
}

/** Whether a process with this id exists (on this machine). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
