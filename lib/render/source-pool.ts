import os from "node:os";
import type { Worker } from "node:worker_threads";
import { startTypeScriptWorker } from "../typescript-worker.ts";
import { decodeSourceResult, type SourceContext, type SourceResult } from "./read-source.ts";

type Reply = { id: number; encoded: string } | { id: number; failure: string };

/**
 * Worker threads that render content files in parallel with the main thread, which meanwhile runs Eleventy. Only
 * worth starting for a large site: a worker takes a fraction of a second to load the Markdown toolchain.
 */
export class SourcePool {
  readonly #workers: Worker[] = [];
  readonly #pending = new Map<number, { resolve: (result: SourceResult) => void; reject: (error: Error) => void }>();
  #next = 0;
  readonly #size: number;
  readonly #closeWhenIdle: boolean;

  /**
   * `closeWhenIdle`: a build reads every file once, as it starts; the workers then end as soon as nothing is left
   * to render, and their memory (a Markdown toolchain and heap each: a fifth of a 4,000-post build's peak) is free
   * before Eleventy renders the pages. A later read starts them again.
   */
  constructor(options: { size?: number; closeWhenIdle?: boolean } = {}) {
    this.#size = options.size ?? Math.max(1, os.availableParallelism());
    this.#closeWhenIdle = options.closeWhenIdle ?? false;
  }

  /** Renders a file in a worker; with `cache`, the worker also stores the result there. */
  read(file: string, context: SourceContext, mtime: Date, cache?: { dir: string; key: string }): Promise<SourceResult> {
    if (this.#workers.length === 0) this.#start();
    const id = this.#next++;
    const worker = this.#workers[id % this.#workers.length]!;
    // A job in flight keeps the process alive; an idle pool does not.
    if (this.#pending.size === 0) for (const each of this.#workers) each.ref();
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.postMessage({ id, file, contentDir: context.contentDir, staticDir: context.staticDir, settings: context.settings, mtimeMs: mtime.getTime(), cache });
    });
  }

  /** How many worker threads are running now. */
  get running(): number {
    return this.#workers.length;
  }

  async close(): Promise<void> {
    const workers = this.#workers.splice(0);
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  #start(): void {
    for (let i = 0; i < this.#size; i++) {
      const worker = startTypeScriptWorker(new URL("./source-worker.ts", import.meta.url));
      worker.on("message", (reply: Reply) => this.#settle(reply));
      worker.on("error", (error) => {
        for (const { reject } of this.#pending.values()) reject(error);
        this.#pending.clear();
      });
      worker.unref();
      this.#workers.push(worker);
    }
  }

  #settle(reply: Reply): void {
    const job = this.#pending.get(reply.id);
    if (!job) return;
    this.#pending.delete(reply.id);
    if ("failure" in reply) job.reject(new Error(reply.failure));
    else job.resolve(decodeSourceResult(reply.encoded));
    if (this.#pending.size > 0) return;
    if (this.#closeWhenIdle) void this.close();
    else for (const worker of this.#workers) worker.unref();
  }
}
