import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { FolderCache } from "../../../lib/cache/folder-cache.ts";
import { temporaryDir } from "../../../scripts/temporary-dir.ts";
import { fileHashes } from "../../helpers/site.ts";

function builtFolder(): string {
  const dir = temporaryDir("folder-cache-built-");
  const files: Record<string, string> = { "index.html": "home", "posts/a/index.html": "a", "posts/b/index.html": "b", "posts/b/photo.webp": "bytes" };
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe("a kept folder", () => {
  it("is put back file for file under the key it was kept with, and only that key", () => {
    const built = builtFolder();
    const cache = new FolderCache(temporaryDir("folder-cache-"));
    assert.equal(cache.restore("k1", temporaryDir("folder-cache-out-")), false, "nothing kept yet");
    cache.store("k1", built, ["[blog] Warnings:\n  an image has no alt text"]);
    assert.equal(cache.restore("k2", temporaryDir("folder-cache-out-")), false);
    const target = path.join(temporaryDir("folder-cache-out-"), "site");
    assert.deepEqual(cache.restore("k1", target), { files: 4, notes: ["[blog] Warnings:\n  an image has no alt text"] });
    assert.deepEqual(fileHashes(target), fileHashes(built));
  });

  it("is not put back once a file it shares with an output was rewritten in place", () => {
    const built = builtFolder();
    const cache = new FolderCache(temporaryDir("folder-cache-"));
    cache.store("k", built);
    const target = temporaryDir("folder-cache-out-");
    assert.equal((cache.restore("k", target) || { files: 0 }).files, 4);
    fs.writeFileSync(path.join(target, "posts/a/index.html"), "rewritten by something else");
    assert.equal(cache.restore("k", temporaryDir("folder-cache-out-")), false);
  });

  it("replaces what it kept when a folder is kept again", () => {
    const cache = new FolderCache(temporaryDir("folder-cache-"));
    cache.store("old", builtFolder());
    const newer = temporaryDir("folder-cache-built-");
    fs.writeFileSync(path.join(newer, "only.html"), "new");
    cache.store("new", newer);
    assert.equal(cache.restore("old", temporaryDir("folder-cache-out-")), false);
    const target = temporaryDir("folder-cache-out-");
    assert.deepEqual(cache.restore("new", target), { files: 1, notes: [] });
    assert.deepEqual([...fileHashes(target).keys()], ["only.html"]);
  });

  it("refuses, saying why, a manifest with an entry removed or cut short, and a kept file replaced by another", () => {
    const keptAndDamaged = (damage: (dir: string) => void): string[] => {
      const dir = temporaryDir("folder-cache-");
      const cache = new FolderCache(dir);
      cache.store("k", builtFolder());
      damage(dir);
      const reasons: string[] = [];
      assert.equal(cache.restore("k", temporaryDir("folder-cache-out-"), (reason) => reasons.push(reason)), false);
      return reasons;
    };
    const manifest = (dir: string) => path.join(dir, "manifest.json");

    const entryRemoved = keptAndDamaged((dir) => {
      const list = JSON.parse(fs.readFileSync(manifest(dir), "utf8"));
      list.files.pop();
      fs.writeFileSync(manifest(dir), JSON.stringify(list));
    });
    assert.deepEqual(entryRemoved, ["its list of files is not the one written"]);

    const cutShort = keptAndDamaged((dir) => {
      const text = fs.readFileSync(manifest(dir), "utf8");
      fs.writeFileSync(manifest(dir), text.slice(0, text.length / 2));
    });
    assert.deepEqual(cutShort, ["its list of files cannot be read"]);

    // Another file in its place, of the same size, given the same times back.
    const replaced = keptAndDamaged((dir) => {
      const kept = path.join(dir, "files", "0");
      const { atime, mtime } = fs.statSync(kept);
      const text = fs.readFileSync(kept);
      fs.rmSync(kept);
      fs.writeFileSync(kept, Buffer.from(text).reverse());
      fs.utimesSync(kept, atime, mtime);
    });
    assert.equal(replaced.length, 1);
    assert.match(replaced[0]!, /is not the file kept$/);
  });
});

describe("a kept folder with a span of time", () => {
  it("is put back only between the moments its build named, and says which moment it is outside of", () => {
    const cache = new FolderCache(temporaryDir("folder-cache-"));
    cache.store("k", builtFolder(), [], { from: new Date("2031-01-01T00:00:00Z"), until: new Date("2031-02-01T00:00:00Z") });
    const outdated: string[] = [];
    const at = (moment: string) =>
      cache.restore("k", temporaryDir("folder-cache-out-"), () => assert.fail("not refused"), { now: new Date(moment), outdated: (since) => outdated.push(since.toISOString()) });
    assert.equal((at("2031-01-15T00:00:00Z") || { files: 0 }).files, 4);
    assert.equal((at("2031-01-01T00:00:00Z") || { files: 0 }).files, 4, "from its first moment");
    assert.equal(at("2031-02-01T00:00:00Z"), false, "not from the next change on");
    assert.equal(at("2030-12-31T23:59:59Z"), false, "not before the last change");
    assert.deepEqual(outdated, ["2031-02-01T00:00:00.000Z", "2031-01-01T00:00:00.000Z"]);
  });
});
