// A worker thread of the source pool: reads and renders content files sent by the main thread.
import { parentPort } from "node:worker_threads";
import { BuildCache } from "../cache/build-cache.ts";
import type { SiteSettings } from "../source/site-settings.ts";
import { encodeSourceResult, readSource } from "./read-source.ts";

interface Job {
  id: number;
  file: string;
  contentDir: string;
  staticDir: string | undefined;
  settings: SiteSettings;
  mtimeMs: number;
  cache?: { dir: string; key: string };
}

const caches = new Map<string, BuildCache>();

parentPort!.on("message", (job: Job) => {
  try {
    const result = readSource(job.file, { contentDir: job.contentDir, staticDir: job.staticDir, settings: job.settings }, new Date(job.mtimeMs));
    const encoded = encodeSourceResult(result);
    if (job.cache) {
      let cache = caches.get(job.cache.dir);
      if (!cache) caches.set(job.cache.dir, (cache = new BuildCache(job.cache.dir)));
      // The cache only saves time: a write that fails costs the next build some rendering, nothing else.
      try {
        cache.set(job.cache.key, encoded, result.ok && result.record.datedByFile, job.mtimeMs);
      } catch {
        // Keep going without it.
      }
    }
    parentPort!.postMessage({ id: job.id, encoded });
  } catch (error) {
    parentPort!.postMessage({ id: job.id, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
