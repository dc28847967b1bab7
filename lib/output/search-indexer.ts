// Builds Pagefind indexes in worker threads (search-stream.ts), each with its own Pagefind process, so that shards
// are indexed on every core at once. Pagefind's files depend on the order pages arrive in, and a build must not:
// pages come in URL order.
import crypto from "node:crypto";
import fs from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import * as pagefind from "pagefind";

/** What the search stream (search-stream.ts) tells one of its workers. */
export type StreamMessage = { add: { shard: number; url: string; file: string; digest: string } } | { write: { shard: number; outputPath: string } } | { close: true };
export type StreamReply = { written: number } | { failed: number; message: string } | { closed: true };

async function createIndex(): Promise<pagefind.PagefindIndex> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  return index;
}

async function addPage(index: pagefind.PagefindIndex, url: string, content: string): Promise<void> {
  const added = await index.addHTMLFile({ url, content });
  if (added.errors.length > 0) throw new Error(`Pagefind could not index ${url}: ${added.errors.join("; ")}`);
}

async function writeIndex(index: pagefind.PagefindIndex, outputPath: string): Promise<void> {
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
}

/**
 * A page the build is writing, read once it holds what was rendered (its digest): the stream hears of a page as it
 * is rendered, just before Eleventy writes it, and reads it from the output folder so that no page waits in memory.
 */
async function readWhenWritten(file: string, digest: string): Promise<string> {
  for (let attempt = 0; attempt < 200; attempt++) {
    try {
      const content = fs.readFileSync(file, "utf8");
      if (crypto.createHash("sha256").update(content).digest("base64") === digest) return content;
    } catch {
      // Not written yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${file} was not written as it was rendered`);
}

// A worker of the search stream: its shards' pages arrive one by one, in order, while the build renders them.
if (parentPort && workerData?.searchStream) {
  const port = parentPort;
  const shards = new Map<number, Promise<pagefind.PagefindIndex>>();
  port.on("message", (message: StreamMessage) => {
    if ("add" in message) {
      const { shard, url, file, digest } = message.add;
      const added = (shards.get(shard) ?? createIndex()).then(async (index) => {
        await addPage(index, url, await readWhenWritten(file, digest));
        return index;
      });
      // A failure is reported when the shard is written.
      added.catch(() => {});
      shards.set(shard, added);
      return;
    }
    if ("close" in message) {
      // Pagefind's own process ends with it.
      void Promise.allSettled(shards.values())
        .then(() => pagefind.close())
        .then(() => port.postMessage({ closed: true } satisfies StreamReply));
      return;
    }
    const { shard, outputPath } = message.write;
    (shards.get(shard) ?? Promise.reject(new Error(`Internal error: the search shard ${shard} got no page`)))
      .then((index) => writeIndex(index, outputPath))
      .then(
        () => port.postMessage({ written: shard } satisfies StreamReply),
        (error: unknown) => port.postMessage({ failed: shard, message: (error as Error).message } satisfies StreamReply),
      );
  });
}
