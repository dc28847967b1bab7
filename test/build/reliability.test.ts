import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { seededRandom } from "../../scripts/seeded-random.ts";
import { temporaryDir } from "../../scripts/temporary-dir.ts";
import { typescriptNodeArgs } from "../../lib/typescript-worker.ts";
import { bundledContent, buildSite, fileHashes, makeContent, projectDir, type BuildResult } from "../helpers/site.ts";

/** Fault-injection trials per run; BLOG_FAULT_TRIALS runs more (the closing notes report long runs). */
const trials = Number(process.env.BLOG_FAULT_TRIALS ?? 3);

/** Caches of their own, so that what these tests do to caches touches no other test. */
function ownCaches(): Record<string, string> {
  return { BLOG_BUILD_CACHE: temporaryDir("blog-reliability-pages-"), BLOG_IMAGE_CACHE: temporaryDir("blog-reliability-images-") };
}

/** A build started in its own process group, so that it can be killed with every process it started. */
function startBuild(outputDir: string, env: Record<string, string>, args: string[] = []): { child: ChildProcess; done: Promise<BuildResult> } {
  const child = spawn(process.execPath, [...typescriptNodeArgs, path.join(projectDir, "scripts/build.ts"), `--output=${outputDir}`, "--quiet", ...args], {
    cwd: projectDir,
    env: { ...process.env, BLOG_CONTENT: bundledContent, ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (chunk) => (log += chunk));
  child.stderr!.on("data", (chunk) => (log += chunk));
  const done = new Promise<BuildResult>((resolve) => child.on("close", (code, signal) => resolve({ exitCode: code ?? (signal ? 128 : 1), log, outputDir })));
  return { child, done };
}

/** The clean build's output folder, copied by publishedSite for tests that need a published site to keep. */
let cleanOutput = "";

async function cleanBuild(): Promise<Map<string, string>> {
  const clean = await buildSite(bundledContent, { env: ownCaches() });
  assert.equal(clean.exitCode, 0, clean.log);
  cleanOutput = clean.outputDir;
  return fileHashes(clean.outputDir);
}

/** A published site, a copy of the clean build, in a folder of its own: the output folder of the next build. */
function publishedSite(prefix: string): string {
  const outputDir = path.join(temporaryDir(prefix), "site");
  fs.cpSync(cleanOutput, outputDir, { recursive: true });
  return outputDir;
}

/** Unfinished builds left beside an output folder (those being deleted in the background aside). */
function leftBeside(outputDir: string): string[] {
  const base = path.basename(outputDir);
  return fs.readdirSync(path.dirname(outputDir)).filter((name) => name.startsWith(`${base}.next`) && !name.includes(".removing-"));
}

describe("builds that never lose the site", () => {
  /** The bytes of a clean build of the bundled site, which every build after a fault must publish. */
  let expected: Map<string, string>;
  before(async () => {
    expected = await cleanBuild();
  });

  it(`recovers from ${trials} builds killed at seeded moments: the next build publishes exactly the clean site`, async (t) => {
    const caches = ownCaches();
    const outputDir = path.join(temporaryDir("blog-faults-"), "site");
    // How long each kind of build takes here, so that the kill points fall inside the builds, not after them.
    const timed = async (): Promise<number> => {
      const started = performance.now();
      const build = await buildSite(bundledContent, { outputDir, env: caches });
      assert.equal(build.exitCode, 0, build.log);
      return performance.now() - started;
    };
    const duration = { cold: await timed(), restored: 0, warm: 0 };
    assert.deepEqual(fileHashes(outputDir), expected);
    duration.restored = await timed();
    fs.rmSync(path.join(caches.BLOG_BUILD_CACHE!, "site"), { recursive: true, force: true });
    duration.warm = await timed();

    const random = seededRandom(20221025);
    const outcomes: string[] = [];
    for (let trial = 0; trial < trials; trial++) {
      // Killed in cold work (encoding images, rendering), in a build from cached pages, or in a restore: each kind
      // in every run of three or more trials, warm builds (the common case) twice as often in longer runs.
      const kind = (["cold", "warm", "restored", "warm"] as const)[trial % 4]!;
      if (kind === "cold") for (const dir of Object.values(caches)) fs.rmSync(dir, { recursive: true, force: true });
      if (kind === "warm") fs.rmSync(path.join(caches.BLOG_BUILD_CACHE!, "site"), { recursive: true, force: true });
      // Within the first 70 % of the time such a build took: a build that ends before its kill tests nothing.
      const delay = Math.round(random() * 0.7 * duration[kind]);
      const wholeTree = random() < 0.5;
      const { child, done } = startBuild(outputDir, caches);
      await sleep(delay);
      // The whole process tree, as a CI timeout kills it; or the parent only, leaving its child processes running.
      try {
        process.kill(wholeTree ? -child.pid! : child.pid!, "SIGKILL");
      } catch {
        // It had finished already.
      }
      const killed = await done;
      const next = await buildSite(bundledContent, { outputDir, env: caches });
      outcomes.push(`trial ${trial}: ${kind} build, ${wholeTree ? "tree" : "parent"} killed at ${delay} ms (exit ${killed.exitCode}); next build exit ${next.exitCode}`);
      assert.equal(next.exitCode, 0, `${outcomes.join("\n")}\n${next.log}`);
      assert.deepEqual(fileHashes(outputDir), expected, outcomes.join("\n"));
    }
    const interrupted = outcomes.filter((outcome) => !/\(exit 0\)/.test(outcome)).length;
    t.diagnostic(`${interrupted} of ${trials} builds were killed before they finished; every next build published the clean site`);
    t.diagnostic(`build times here: cold ${duration.cold.toFixed(0)} ms, from cached pages ${duration.warm.toFixed(0)} ms, restored ${duration.restored.toFixed(0)} ms`);
  });

  it("runs two builds started together one after the other: both publish the clean site", async () => {
    const caches = ownCaches();
    const outputDir = path.join(temporaryDir("blog-together-"), "site");
    const first = startBuild(outputDir, caches);
    await sleep(300);
    const second = startBuild(outputDir, caches);
    const [a, b] = await Promise.all([first.done, second.done]);
    assert.equal(a.exitCode, 0, a.log);
    assert.equal(b.exitCode, 0, b.log);
    assert.match(a.log + b.log, /Waiting for npm run build \(process \d+, started [\d:]+\) to finish/);
    assert.deepEqual(fileHashes(outputDir), expected);
    assert.deepEqual(leftBeside(outputDir), []);
  });

  it("with --no-wait, refuses at once while another build holds the output folder, saying which", async () => {
    const caches = ownCaches();
    const outputDir = path.join(temporaryDir("blog-nowait-"), "site");
    // A live process holds the lock for as long as the test needs (a real build could finish first on a busy machine).
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
    try {
      fs.writeFileSync(`${outputDir}.lock`, JSON.stringify({ pid: holder.pid, processStart: undefined, startedAt: new Date().toISOString(), purpose: "npm run build" }));
      const refused = await buildSite(bundledContent, { outputDir, env: caches, args: ["--no-wait"] });
      assert.equal(refused.exitCode, 1, refused.log);
      assert.match(refused.log, new RegExp(`npm run build \\(process ${holder.pid}, started [\\d:]+\\) is using site\\. Wait for it to finish`));
      assert.ok(!fs.existsSync(outputDir), "nothing was built");
    } finally {
      holder.kill();
    }
  });

  it("takes over the lock of a build that died", async () => {
    const caches = ownCaches();
    const outputDir = path.join(temporaryDir("blog-stale-"), "site");
    const dead = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => dead.on("close", resolve));
    fs.writeFileSync(`${outputDir}.lock`, JSON.stringify({ pid: dead.pid, processStart: "1", startedAt: new Date().toISOString(), purpose: "npm run build" }));
    const build = await buildSite(bundledContent, { outputDir, env: caches, args: ["--no-wait"] });
    assert.equal(build.exitCode, 0, build.log);
    assert.ok(!fs.existsSync(`${outputDir}.lock`), "released");
  });

  it("builds while the dev server serves the same content with the same caches", async () => {
    const caches = ownCaches();
    const serveOutput = temporaryDir("blog-serving-");
    const server = spawn(
      process.execPath,
      [...typescriptNodeArgs, path.join(projectDir, "node_modules/@11ty/eleventy/cmd.cjs"), "--config=eleventy.config.ts", "--serve", "--port=0", `--output=${serveOutput}`],
      { cwd: projectDir, env: { ...process.env, BLOG_CONTENT: bundledContent, ...caches }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let log = "";
    server.stdout!.on("data", (chunk) => (log += chunk));
    server.stderr!.on("data", (chunk) => (log += chunk));
    try {
      const build = buildSite(bundledContent, { env: caches });
      while (!/Server at/.test(log)) await sleep(50);
      const built = await build;
      assert.equal(built.exitCode, 0, built.log);
      assert.deepEqual(fileHashes(built.outputDir), expected);
    } finally {
      server.kill();
    }
  });

  it("stops cleanly on Ctrl-C: says so, leaves the published site as it was and no unfinished folder", async () => {
    const caches = ownCaches();
    const outputDir = publishedSite("blog-interrupt-");
    const before = fileHashes(outputDir);
    const { child, done } = startBuild(outputDir, caches);
    while (leftBeside(outputDir).length === 0) await sleep(20);
    child.kill("SIGINT");
    const stopped = await done;
    assert.equal(stopped.exitCode, 130, stopped.log);
    assert.match(stopped.log, /The build was stopped \(SIGINT\); .*site was left as it was/);
    assert.deepEqual(fileHashes(outputDir), before);
    assert.deepEqual(leftBeside(outputDir), []);
    assert.ok(!fs.existsSync(`${outputDir}.lock`));
    // A CI job's timeout sends SIGTERM: the same.
    const terminated = startBuild(outputDir, caches);
    while (leftBeside(outputDir).length === 0) await sleep(20);
    terminated.child.kill("SIGTERM");
    const ended = await terminated.done;
    assert.equal(ended.exitCode, 143, ended.log);
    assert.match(ended.log, /The build was stopped \(SIGTERM\); .*site was left as it was/);
    assert.deepEqual(fileHashes(outputDir), before);
    assert.deepEqual(leftBeside(outputDir), []);
  });

  it("fails on a full disk saying so, leaving the published site as it was and nothing beside it", async () => {
    const caches = ownCaches();
    const outputDir = publishedSite("blog-disk-full-");
    const before = fileHashes(outputDir);
    const full = await buildSite(bundledContent, { outputDir, env: { ...caches, BLOG_TEST_DISK_FULL_AFTER: "5" }, preload: path.join(projectDir, "test/helpers/full-disk.ts") });
    assert.equal(full.exitCode, 1, full.log);
    assert.match(full.log, /ENOSPC: no space left on device[\s\S]*The disk is full: free some space and build again/);
    assert.match(full.log, /The build failed; .*site was left as it was/);
    assert.deepEqual(fileHashes(outputDir), before);
    assert.deepEqual(leftBeside(outputDir), []);
    assert.ok(!fs.existsSync(`${outputDir}.lock`));
  });

  it("says why it failed, whatever failed, with the stack only under --debug", async () => {
    const settings = makeContent({ "posts/a/index.md": "---\ntitle: A\n---\nText\n", "_data/site.json": '{ "title": ' });
    const badSettings = await buildSite(settings);
    assert.equal(badSettings.exitCode, 1);
    assert.match(badSettings.log, /_data\/site\.json:1:11: The site settings are not valid JSON: .*Fix the JSON syntax/);

    const noContent = await buildSite(path.join(temporaryDir("blog-nothing-"), "no-such-folder"));
    assert.equal(noContent.exitCode, 1);
    assert.match(noContent.log, /no-such-folder: The content folder does not exist\. Set BLOG_CONTENT/);

    // Not the author's mistake: the output folder cannot be made where it was asked for.
    const file = path.join(temporaryDir("blog-not-a-folder-"), "file");
    fs.writeFileSync(file, "");
    const unwritable = await buildSite(bundledContent, { outputDir: path.join(file, "site") });
    assert.equal(unwritable.exitCode, 1);
    assert.match(unwritable.log, /EEXIST: file already exists, mkdir [^\n]*file/);
    assert.match(unwritable.log, /--debug shows where it happened/);
    assert.doesNotMatch(unwritable.log, /\n\s+at /);
    const debug = await buildSite(bundledContent, { outputDir: path.join(file, "site"), args: ["--debug"] });
    assert.match(debug.log, /\n\s+at /);
  });
});
