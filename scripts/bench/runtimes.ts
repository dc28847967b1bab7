import { execFileSync } from "node:child_process";
import { writeCorpus } from "./corpus.ts";
import { buildOurs, median, table } from "./measure.ts";
import { temporaryDir } from "../temporary-dir.ts";

const runs = Number(process.env.BENCH_RUNS ?? 3);

/**
 * The same cold builds (no search index; BENCH_SEARCH=1 for the whole build) under each Node.js binary of
 * BENCH_NODES (comma-separated paths; by default the one running the bench), alternating, for README's word on
 * which runtime is fastest. Node 20 loads our TypeScript through tsx; Node 22.18 and newer strip the types themselves.
 */
export async function benchRuntimes(): Promise<string> {
  const nodes = (process.env.BENCH_NODES ?? process.execPath).split(",").filter(Boolean);
  const search = process.env.BENCH_SEARCH === "1";
  const versions = nodes.map((node) => execFileSync(node, ["--version"], { encoding: "utf8" }).trim());
  const rows: Array<Record<string, string>> = [];
  for (const posts of (process.env.BENCH_SIZES ?? "100,1000").split(",").map(Number)) {
    const content = temporaryDir(`bench-corpus-${posts}-`);
    writeCorpus(content, { posts });
    const fresh = () => ({ BLOG_IMAGE_CACHE: temporaryDir("bench-images-"), BLOG_BUILD_CACHE: temporaryDir("bench-body-cache-"), BLOG_SEARCH: search ? "1" : "0" });
    const seconds = nodes.map(() => [] as number[]);
    const peaks = nodes.map(() => [] as number[]);
    for (const node of nodes) await buildOurs(content, temporaryDir("bench-warmup-"), fresh(), node);
    for (let i = 0; i < runs; i++) {
      for (const [n, node] of nodes.entries()) {
        const run = await buildOurs(content, temporaryDir("bench-out-"), fresh(), node);
        seconds[n]!.push(run.seconds);
        if (run.peakMiB !== undefined) peaks[n]!.push(run.peakMiB);
      }
    }
    const first = median(seconds[0]!);
    nodes.forEach((_, n) => {
      rows.push({ posts: String(posts), node: versions[n]!, "median s": median(seconds[n]!).toFixed(2), runs: seconds[n]!.map((s) => s.toFixed(2)).join(" "), "peak MiB": peaks[n]!.length ? Math.max(...peaks[n]!).toFixed(0) : "", [`/ ${versions[0]}`]: (median(seconds[n]!) / first).toFixed(2) });
    });
  }
  return `Cold builds ${search ? "with" : "without"} the search index, by runtime (median of ${runs} after a warm-up)\n${table(rows)}`;
}
