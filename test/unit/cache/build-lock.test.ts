import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { acquireLock, LockBusyError } from "../../../lib/cache/build-lock.ts";
import { temporaryDir } from "../../../scripts/temporary-dir.ts";

const options = { purpose: "a test", wait: false };

/** The start time /proc gives a process, as the lock records it. */
function startOf(pid: number): string {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]!;
}

describe("the build lock", () => {
  it("is held by one at a time and released for the next", async () => {
    const lock = path.join(temporaryDir("lock-"), "site.lock");
    const release = await acquireLock(lock, options);
    assert.equal(JSON.parse(fs.readFileSync(lock, "utf8")).pid, process.pid);
    release();
    assert.ok(!fs.existsSync(lock));
    (await acquireLock(lock, options))();
  });

  it("refuses while a live process holds it, and is taken once that process has died", async () => {
    const lock = path.join(temporaryDir("lock-"), "site.lock");
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
    await new Promise((resolve) => holder.on("spawn", resolve));
    fs.writeFileSync(lock, JSON.stringify({ pid: holder.pid, processStart: startOf(holder.pid!), startedAt: new Date().toISOString(), purpose: "npm run build" }));
    await assert.rejects(acquireLock(lock, options), (error: unknown) => error instanceof LockBusyError && error.holder.pid === holder.pid && /npm run build \(process \d+/.test(error.message));

    let told = 0;
    const waiting = acquireLock(lock, { ...options, wait: true, onWait: () => told++ });
    await new Promise((resolve) => setTimeout(resolve, 300));
    holder.kill("SIGKILL");
    (await waiting)();
    assert.equal(told, 1);
  });

  it("is taken from a process whose id now belongs to another process", async () => {
    const lock = path.join(temporaryDir("lock-"), "site.lock");
    // This very process, but started at another time: the pid was reused.
    fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, processStart: "1", startedAt: "2020-01-01T00:00:00Z", purpose: "npm run build" }));
    const release = await acquireLock(lock, options);
    assert.equal(JSON.parse(fs.readFileSync(lock, "utf8")).processStart, startOf(process.pid));
    release();
  });
});
