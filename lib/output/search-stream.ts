import os from "node:os";
import type { Worker } from "node:worker_threads";
import { startTypeScriptWorker } from "../typescript-worker.ts";
import type { StreamMessage, StreamReply } from "./search-indexer.ts";

/**
 * Search shards indexed by worker threads, each running its own Pagefind process for every n-th shard. A cold
 * build streams its pages here while they are rendered: the URLs to index are known before rendering (the site
 * index), so each page's shard and place in it are too; a build with shards kept sends those it must index again
 * once every page is written. Either way pages go to Pagefind in URL order (its files depend on that order), a page
 * rendered early waiting for those before it. Only names wait: a worker reads each page from the output folder,
 * checking that it reads what was rendered, so no page is held in memory.
 */
export class ShardStream {
  readonly #place = new Map<string, { shard: number; position: number }>();
  readonly #shards: Array<{ urls: string[]; next: number; early: Map<number, { file: string; digest: string }> }>;
  readonly #workers: Worker[] = [];

  /** `shards`: each shard's URLs, in the order Pagefind is to read them. */
  constructor(shards: string[][]) {
    this.#shards = shards.map((urls, shard) => {
      urls.forEach((url, position) => this.#place.set(url, { shard, position }));
      return { urls, next: 0, early: new Map() };
    });
    const workers = Math.max(1, Math.min(os.availableParallelism(), shards.length));
    for (let i = 0; i < workers; i++) {
      const worker = startTypeScriptWorker(new URL("./search-indexer.ts", import.meta.url), { workerData: { searchStream: true } });
      // While pages are rendered, the build keeps the process alive; a build that fails ends without waiting for them.
      worker.unref();
      this.#workers.push(worker);
    }
  }

  /** The URLs it expects, to be compared with the pages the build did write. */
  get urls(): string[] {
    return [...this.#place.keys()];
  }

  /** A page about to be written to `file`, with a digest of its HTML; false for one it does not expect. */
  add(url: string, file: string, digest: string): boolean {
    const place = this.#place.get(url);
    if (!place) return false;
    const shard = this.#shards[place.shard]!;
    shard.early.set(place.position, { file, digest });
    for (let page = shard.early.get(shard.next); page !== undefined; page = shard.early.get(shard.next)) {
      shard.early.delete(shard.next);
      this.#send(place.shard, { add: { shard: place.shard, url: shard.urls[shard.next]!, ...page } });
      shard.next++;
    }
    return true;
  }

  /** Writes each shard's index into `outputPath(shard)` once all of its pages were added, then stops the workers. */
  async write(outputPath: (shard: number) => string): Promise<void> {
    for (const worker of this.#workers) worker.ref();
    try {
      await Promise.all(
        this.#shards.map((shard, number) => {
          if (shard.next !== shard.urls.length) throw new Error(`Internal error: the search shard ${number} got ${shard.next} of its ${shard.urls.length} pages`);
          const worker = this.#workerOf(number);
          return new Promise<void>((resolve, reject) => {
            const onReply = (reply: StreamReply) => {
              if ("closed" in reply || ("written" in reply ? reply.written : reply.failed) !== number) return;
              worker.off("message", onReply);
              if ("written" in reply) resolve();
              else reject(new Error(reply.message));
            };
            worker.on("message", onReply);
            worker.once("error", reject);
            this.#send(number, { write: { shard: number, outputPath: outputPath(number) } });
          });
        }),
      );
    } finally {
      await this.discard();
    }
  }

  /** Stops the workers and their Pagefind processes, writing nothing more. */
  async discard(): Promise<void> {
    for (const worker of this.#workers) worker.ref();
    await Promise.all(
      this.#workers.map(async (worker) => {
        await new Promise<void>((resolve) => {
          worker.on("message", (reply: StreamReply) => "closed" in reply && resolve());
          worker.once("error", () => resolve());
          worker.once("exit", () => resolve());
          worker.postMessage({ close: true } satisfies StreamMessage);
        });
        await worker.terminate();
      }),
    );
  }

  #workerOf(shard: number): Worker {
    return this.#workers[shard % this.#workers.length]!;
  }

  #send(shard: number, message: StreamMessage): void {
    this.#workerOf(shard).postMessage(message);
  }
}
