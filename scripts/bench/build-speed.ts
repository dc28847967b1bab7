import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { writeCorpus } from "./corpus.ts";
import { buildOurs, median, projectDir, table, timeCommand, type Run } from "./measure.ts";
import { temporaryDir } from "../temporary-dir.ts";
import { typescriptNodeArgs } from "../../lib/typescript-worker.ts";

const runs = Number(process.env.BENCH_RUNS ?? 3);

function countPages(dir: string): number {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && entry.name.endsWith(".html")).length;
}

const hugoArgs = (content: string, output: string) => ["--source", path.join(projectDir, "scripts/bench/hugo-site"), "--contentDir", content, "--destination", output, "--quiet"];

function buildHugo(content: string, output: string): Promise<Run> {
  return timeCommand("hugo", hugoArgs(content, output));
}

/** How a Hugo site adds search: Hugo, then Pagefind's own CLI over what it wrote (the post bodies are marked). */
async function buildHugoThenPagefind(content: string, output: string): Promise<Run> {
  const hugo = await buildHugo(content, output);
  const pagefind = await timeCommand(process.execPath, [path.join(projectDir, "node_modules/pagefind/lib/runner/bin.cjs"), "--site", output, "--silent"]);
  const peaks = [hugo.peakMiB, pagefind.peakMiB].filter((peak) => peak !== undefined);
  return { seconds: hugo.seconds + pagefind.seconds, peakMiB: peaks.length ? Math.max(...peaks) : undefined, output: hugo.output + pagefind.output };
}

function buildStockEleventy(content: string, output: string): Promise<Run> {
  return timeCommand(
    process.execPath,
    [path.join(projectDir, "node_modules/@11ty/eleventy/cmd.cjs"), "--config=scripts/bench/eleventy-site/eleventy.config.mjs", `--output=${output}`, "--quiet"],
    { BENCH_CORPUS: content },
  );
}

interface Measured {
  seconds: number[];
  peakMiB: number[];
  pages: number;
}

function summary(name: string, measured: Measured) {
  return {
    generator: name,
    "median s": median(measured.seconds).toFixed(2),
    runs: measured.seconds.map((s) => s.toFixed(2)).join(" "),
    "peak MiB": Math.max(...measured.peakMiB).toFixed(0),
    pages: measured.pages,
  };
}

/**
 * Cold builds of the same generated corpus by our generator, stock Eleventy and Hugo, alternating so that
 * machine noise falls on all three alike; each gets a warm-up run first.
 */
async function compare(posts: number): Promise<{ text: string; oursMedian: number; content: string }> {
  const content = temporaryDir(`bench-corpus-${posts}-`);
  writeCorpus(content, { posts });
  // Fresh caches for every run: these are cold builds. "ours" is `npm run build`, search index included; the
  // baselines build none, so ours without it is measured too.
  const fresh = () => ({ BLOG_IMAGE_CACHE: temporaryDir("bench-images-"), BLOG_BUILD_CACHE: temporaryDir("bench-body-cache-") });
  const generators: Record<string, (output: string) => Promise<Run>> = {
    ours: (output) => buildOurs(content, output, fresh()),
    "ours, no search index": (output) => buildOurs(content, output, { ...fresh(), BLOG_SEARCH: "0" }),
    "stock Eleventy": (output) => buildStockEleventy(content, output),
    Hugo: (output) => buildHugo(content, output),
    "Hugo, then Pagefind": (output) => buildHugoThenPagefind(content, output),
  };
  const results: Record<string, Measured> = {};
  for (const [name, build] of Object.entries(generators)) {
    const output = temporaryDir("bench-warmup-");
    await build(output);
    results[name] = { seconds: [], peakMiB: [], pages: countPages(output) };
  }
  for (let i = 0; i < runs; i++) {
    for (const [name, build] of Object.entries(generators)) {
      const run = await build(temporaryDir("bench-out-"));
      results[name]!.seconds.push(run.seconds);
      if (run.peakMiB !== undefined) results[name]!.peakMiB.push(run.peakMiB);
    }
  }
  const ours = median(results.ours!.seconds);
  const noSearch = median(results["ours, no search index"]!.seconds);
  const hugo = median(results.Hugo!.seconds);
  const hugoPagefind = median(results["Hugo, then Pagefind"]!.seconds);
  const stock = median(results["stock Eleventy"]!.seconds);
  const rows = Object.entries(results).map(([name, measured]) => summary(name, measured));
  const ratios = [
    `with search: ours / (Hugo, then Pagefind) = ${(ours / hugoPagefind).toFixed(2)}`,
    `without: ours / Hugo = ${(noSearch / hugo).toFixed(2)}, ours / stock Eleventy = ${(noSearch / stock).toFixed(2)}, stock Eleventy / Hugo = ${(stock / hugo).toFixed(2)}`,
  ].join("\n");
  return { text: `Cold build, N=${posts} posts (median of ${runs} after a warm-up)\n${table(rows)}\n${ratios}`, oursMedian: ours, content };
}

/** Rebuilds on a persistent cache: nothing changed, then one post edited. */
async function rebuilds(content: string, coldSeconds: number): Promise<string> {
  const env = { BLOG_IMAGE_CACHE: temporaryDir("bench-images-"), BLOG_BUILD_CACHE: temporaryDir("bench-body-cache-") };
  await buildOurs(content, temporaryDir("bench-out-"), env);
  const unchanged: number[] = [];
  const edited: number[] = [];
  const post = path.join(content, "posts", "post-00042", "index.md");
  const original = fs.readFileSync(post, "utf8");
  for (let i = 0; i < runs; i++) {
    unchanged.push((await buildOurs(content, temporaryDir("bench-out-"), env)).seconds);
    fs.writeFileSync(post, `${original}\nAn edit, number ${i}.\n`);
    edited.push((await buildOurs(content, temporaryDir("bench-out-"), env)).seconds);
    fs.writeFileSync(post, original);
    await buildOurs(content, temporaryDir("bench-out-"), env);
  }
  return table([
    { build: "rebuild, nothing changed", "median s": median(unchanged).toFixed(2), "/ cold": (median(unchanged) / coldSeconds).toFixed(2) },
    { build: "rebuild, one post edited", "median s": median(edited).toFixed(2), "/ cold": (median(edited) / coldSeconds).toFixed(2) },
  ]);
}

/** The dev server: time from saving a post to its page being rewritten in the output. */
async function devServerSave(content: string): Promise<string> {
  const output = temporaryDir("bench-serve-");
  const log = path.join(temporaryDir("bench-serve-log-"), "serve.txt");
  const fd = fs.openSync(log, "w");
  const server = spawn(
    process.execPath,
    [...typescriptNodeArgs, path.join(projectDir, "node_modules/@11ty/eleventy/cmd.cjs"), "--config=eleventy.config.ts", "--serve", "--port=0", `--output=${output}`],
    { cwd: projectDir, env: { ...process.env, BLOG_CONTENT: content, BLOG_IMAGE_CACHE: temporaryDir("bench-images-") }, stdio: ["ignore", fd, fd] },
  );
  const waitFor = async (condition: () => boolean, limitMs: number) => {
    const deadline = Date.now() + limitMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`the dev server did not get there in time:\n${fs.readFileSync(log, "utf8").slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  try {
    const page = path.join(output, "posts", "post-00042", "index.html");
    await waitFor(() => /Server at/.test(fs.readFileSync(log, "utf8")) && fs.existsSync(page), 600_000);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const post = path.join(content, "posts", "post-00042", "index.md");
    const original = fs.readFileSync(post, "utf8");
    const builds = () => (fs.readFileSync(log, "utf8").match(/Wrote \d+ files/g) ?? []).length;
    // Each save is followed by the incremental rebuild; the next save waits until it is done, as an author would.
    const settle = async (count: number) => {
      await waitFor(() => builds() >= count, 120_000);
      await new Promise((resolve) => setTimeout(resolve, 500));
    };
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const marker = `Saved-edit-marker-${i}-${Date.now()}`;
      const before = builds();
      const started = performance.now();
      fs.writeFileSync(post, `${original}\n${marker}\n`);
      await waitFor(() => fs.existsSync(page) && fs.readFileSync(page, "utf8").includes(marker), 120_000);
      times.push((performance.now() - started) / 1000);
      await settle(before + 1);
      fs.writeFileSync(post, original);
      await settle(before + 2);
    }
    return `Dev server, save one post → its page rewritten: median ${median(times).toFixed(2)} s (runs ${times.map((t) => t.toFixed(2)).join(" ")})`;
  } finally {
    server.kill();
    fs.closeSync(fd);
  }
}

/** The build-speed case: N=100, 1000 and 4000 against the baselines, then rebuilds and the dev server at the largest. */
export async function benchBuildSpeed(): Promise<string> {
  const sizes = (process.env.BENCH_SIZES ?? "100,1000,4000").split(",").map(Number);
  const parts: string[] = [];
  let largest: { content: string; oursMedian: number } | undefined;
  for (const posts of sizes) {
    const result = await compare(posts);
    parts.push(result.text);
    largest = result;
  }
  if (largest) {
    parts.push(`Rebuilds of the N=${sizes.at(-1)} site with its caches\n${await rebuilds(largest.content, largest.oursMedian)}`);
    parts.push(await devServerSave(largest.content));
  }
  return parts.join("\n\n");
}
