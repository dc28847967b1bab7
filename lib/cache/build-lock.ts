import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { isRunning } from "./atomic-file.ts";

/** Who holds a lock: enough to tell a live holder from a dead one, and to tell the person waiting who it is. */
export interface LockHolder {
  pid: number;
  /** When the holding process started, as the system counts it: a pid reused by another process does not match. */
  processStart: string | undefined;
  startedAt: string;
  /** What holds it, e.g. "npm run build". */
  purpose: string;
}

export interface LockOptions {
  purpose: string;
  /** Wait for the holder to finish (the default), or fail at once. */
  wait: boolean;
  /** Told once, when the lock is taken and this call starts waiting. */
  onWait?: (holder: LockHolder, lockFile: string) => void;
}

/** The lock is held by another build and the caller asked not to wait. */
export class LockBusyError extends Error {
  readonly holder: LockHolder;
  constructor(lockFile: string, holder: LockHolder) {
    super(`${describeHolder(holder)} is using ${path.basename(lockFile, ".lock")}`);
    this.name = "LockBusyError";
    this.holder = holder;
  }
}

/**
 * One build at a time on an output folder or a cache: a lock file holding its holder's pid and start time,
 * created atomically (a hard link succeeds for one process only). A lock whose holder is gone (killed, crashed, a
 * machine restarted) is taken over. Returns the release function; the lock is also released when the process
 * exits, and a process killed outright leaves a lock the next build sees as stale.
 */
export async function acquireLock(lockFile: string, options: LockOptions): Promise<() => void> {
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  const self: LockHolder = { pid: process.pid, processStart: processStart(process.pid), startedAt: new Date().toISOString(), purpose: options.purpose };
  let told = false;
  for (;;) {
    if (tryCreate(lockFile, self)) break;
    const holder = readHolder(lockFile);
    if (holder === undefined) continue;
    if (!isAlive(holder)) {
      takeOver(lockFile, holder);
      continue;
    }
    if (!options.wait) throw new LockBusyError(lockFile, holder);
    if (!told) options.onWait?.(holder, lockFile);
    told = true;
    await sleep(200);
  }
  const release = () => {
    process.off("exit", release);
    // Only our own lock: a takeover after a pause as long as a dead holder's must not be undone by us.
    if (readHolder(lockFile)?.pid === process.pid) fs.rmSync(lockFile, { force: true });
  };
  process.on("exit", release);
  return release;
}

export function describeHolder(holder: LockHolder): string {
  const time = new Date(holder.startedAt);
  const when = Number.isNaN(time.getTime()) ? "" : `, started ${time.toLocaleTimeString("en-GB")}`;
  return `${holder.purpose} (process ${holder.pid}${when})`;
}

function tryCreate(lockFile: string, holder: LockHolder): boolean {
  // Written whole aside first, so a reader never sees an empty lock.
  const aside = `${lockFile}.${process.pid}.new`;
  fs.writeFileSync(aside, JSON.stringify(holder));
  try {
    fs.linkSync(aside, lockFile);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return false;
  } finally {
    fs.rmSync(aside, { force: true });
  }
}

function readHolder(lockFile: string): LockHolder | undefined {
  try {
    return JSON.parse(fs.readFileSync(lockFile, "utf8")) as LockHolder;
  } catch (error) {
    // Gone between our attempt and this read (released): try again. Unreadable: a stale remnant.
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    return { pid: 0, processStart: undefined, startedAt: "", purpose: "an unreadable lock" };
  }
}

function isAlive(holder: LockHolder): boolean {
  if (holder.pid <= 0 || !isRunning(holder.pid)) return false;
  const start = processStart(holder.pid);
  return holder.processStart === undefined || start === undefined || start === holder.processStart;
}

/**
 * Removes a dead holder's lock, under a second lock so that two builds taking over at once cannot remove each
 * other's fresh lock: the one that gets it checks that the lock is still the dead holder's before removing it.
 */
function takeOver(lockFile: string, dead: LockHolder): void {
  const guard = `${lockFile}.takeover`;
  let fd: number;
  try {
    fd = fs.openSync(guard, "wx");
  } catch {
    // Another build is taking it over; a guard left by a process killed in those few lines expires.
    const age = Date.now() - (fs.statSync(guard, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > 10_000) fs.rmSync(guard, { force: true });
    return;
  }
  try {
    const current = readHolder(lockFile);
    if (current && current.pid === dead.pid && current.startedAt === dead.startedAt) fs.rmSync(lockFile, { force: true });
  } finally {
    fs.closeSync(fd);
    fs.rmSync(guard, { force: true });
  }
}

/** A process's start time in clock ticks since boot (Linux); undefined elsewhere. */
function processStart(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: count fields after its closing parenthesis.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}
