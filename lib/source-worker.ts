// A worker thread of the source pool: reads and renders content files sent by the main thread.
import { parentPort } from "node:worker_threads";
import { encodeSourceResult, readSource } from "./read-source.ts";
import type { SiteSettings } from "./site-settings.ts";

interface Job {
  id: number;
  file: string;
  contentDir: string;
  settings: SiteSettings;
  mtimeMs: number;
}

parentPort!.on("message", (job: Job) => {
  try {
    const result = readSource(job.file, { contentDir: job.contentDir, settings: job.settings }, new Date(job.mtimeMs));
    parentPort!.postMessage({ id: job.id, encoded: encodeSourceResult(result) });
  } catch (error) {
    parentPort!.postMessage({ id: job.id, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
