/**
 * `npm run bench [-- <case> …]`: measurements of speed and size, printed as tables. Figures are ratios against
 * a baseline measured in the same run, so they compare across machines. Cases: weight, images, build
 * (BENCH_SIZES=100,1000,4000 and BENCH_RUNS=3 by default), large-post, runtimes (BENCH_NODES=<node binaries>).
 */
import { benchBuildSpeed } from "./build-speed.ts";
import { benchImages } from "./images.ts";
import { benchLargePost } from "./large-post.ts";
import { benchRuntimes } from "./runtimes.ts";
import { benchWeight } from "./weight.ts";

const cases: Record<string, () => Promise<string>> = {
  weight: benchWeight,
  images: benchImages,
  build: benchBuildSpeed,
  "large-post": benchLargePost,
  runtimes: benchRuntimes,
};

const requested = process.argv.slice(2).filter((arg) => !arg.startsWith("-"));
const selected = requested.length > 0 ? requested : Object.keys(cases);
for (const name of selected) {
  const run = cases[name];
  if (!run) {
    console.error(`Unknown bench case "${name}". Cases: ${Object.keys(cases).join(", ")}`);
    process.exitCode = 1;
    break;
  }
  console.log(`\n## ${name}\n`);
  console.log(await run());
}
