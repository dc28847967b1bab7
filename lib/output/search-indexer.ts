// Builds Pagefind indexes; run in worker threads so that shards are indexed on every core at once.
import fs from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import * as pagefind from "pagefind";

/** A built page to index: read from the output folder, so no build holds every page's HTML in memory. */
export interface SearchPage {
  url: string;
  file: string;
}

export interface IndexJob {
  pages: SearchPage[];
  outputPath: string;
}

/** Pagefind's files depend on the order pages arrive in, and a build must not: pages go in URL order. */
export async function indexPages(job: IndexJob): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  for (const { url, file } of job.pages) {
    const added = await index.addHTMLFile({ url, content: fs.readFileSync(file, "utf8") });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${url}: ${added.errors.join("; ")}`);
  }
  const written = await index.writeFiles({ outputPath: job.outputPath });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
}

// In a worker: each worker has its own Pagefind process, which is what makes the shards index in parallel.
if (parentPort && workerData?.searchJobs) {
  const port = parentPort;
  try {
    for (const job of workerData.searchJobs as IndexJob[]) await indexPages(job);
    await pagefind.close();
    port.postMessage({ ok: true });
  } catch (error) {
    port.postMessage({ ok: false, message: (error as Error).message });
  }
}
