import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { removeStaleTemporaries, writeFileAtomically } from "../../../lib/cache/atomic-file.ts";
import { temporaryDir } from "../../../scripts/temporary-dir.ts";

/** The id of a process that has ended. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout);
}

describe("cache files written whole", () => {
  it("writes the file under a temporary name of its own and leaves none behind, also when the write fails", () => {
    const dir = temporaryDir("blog-atomic-");
    writeFileAtomically(path.join(dir, "page.json"), "{}");
    assert.deepEqual(fs.readdirSync(dir), ["page.json"]);
    assert.throws(() => writeFileAtomically(path.join(dir, "page.json"), 42 as unknown as string));
    assert.deepEqual(fs.readdirSync(dir), ["page.json"]);
    assert.equal(fs.readFileSync(path.join(dir, "page.json"), "utf8"), "{}");
  });

  it("removes the temporary files of writers that are gone, and only those", () => {
    const dir = temporaryDir("blog-stale-temporaries-");
    const dead = deadPid();
    const names = [`a.json.${dead}.0.3.tmp`, `b.json.${process.pid}.0.1.tmp`, "c.json", `d.json.${dead}.tmp`];
    for (const name of names) fs.writeFileSync(path.join(dir, name), "");
    removeStaleTemporaries(dir);
    assert.deepEqual(fs.readdirSync(dir).sort(), names.slice(1).sort());
    removeStaleTemporaries(path.join(dir, "no-such-folder"));
  });
});
