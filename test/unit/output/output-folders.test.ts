import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, it } from "node:test";
import { OutputFolders } from "../../../lib/output/output-folders.ts";
import { temporaryDir } from "../../../scripts/temporary-dir.ts";

/** The names in the output's parent, once background deletions have finished. */
async function settled(parent: string): Promise<string[]> {
  for (let tries = 0; tries < 200 && fs.readdirSync(parent).some((name) => name.includes(".removing-")); tries++) await sleep(25);
  return fs.readdirSync(parent).sort();
}

function folderWith(folder: string, text: string): void {
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, "index.html"), text);
}

describe("the output folder and the folders beside it", () => {
  it("publishes the finished folder in place of the old site, which is deleted", async () => {
    const parent = temporaryDir("blog-publish-");
    const folders = new OutputFolders(path.join(parent, "site"));
    folderWith(folders.target, "old");
    folderWith(folders.next, "new");
    folders.publish();
    assert.equal(fs.readFileSync(path.join(folders.target, "index.html"), "utf8"), "new");
    assert.deepEqual(await settled(parent), ["site"]);
  });

  it("puts back the site a build stopped mid-swap had moved aside, and clears what stopped builds left", async () => {
    const parent = temporaryDir("blog-recover-");
    const target = path.join(parent, "site");
    folderWith(`${target}.previous-1`, "older");
    folderWith(`${target}.previous-2`, "the last published");
    fs.utimesSync(`${target}.previous-1`, new Date(2020, 0, 1), new Date(2020, 0, 1));
    folderWith(`${target}.next-3`, "unfinished");
    folderWith(`${target}.next-4.removing-4-1`, "half deleted");
    folderWith(`${parent}/site-other`, "not ours");
    const notes = new OutputFolders(target).recover();
    assert.equal(fs.readFileSync(path.join(target, "index.html"), "utf8"), "the last published");
    assert.match(notes.join("\n"), /site was missing after a build stopped while publishing; the site it had replaced was put back/);
    assert.deepEqual(await settled(parent), ["site", "site-other"]);
  });

  it("leaves a present site alone and discards only its own unfinished folder", async () => {
    const parent = temporaryDir("blog-discard-");
    const folders = new OutputFolders(path.join(parent, "site"));
    folderWith(folders.target, "published");
    assert.deepEqual(folders.recover(), []);
    folderWith(folders.next, "unfinished");
    folders.discard();
    folders.discard();
    assert.deepEqual(await settled(parent), ["site"]);
    assert.equal(fs.readFileSync(path.join(folders.target, "index.html"), "utf8"), "published");
  });
});
