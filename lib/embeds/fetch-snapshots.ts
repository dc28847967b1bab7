import fs from "node:fs";
import path from "node:path";
import { writeFileAtomically } from "../cache/atomic-file.ts";
import { embedDataFile } from "../source/embed-data.ts";
import type { FoundEmbed } from "./find-embeds.ts";
import { FetchProblem, getImage, getJson, requestFor, type ServiceOptions } from "./services.ts";

export interface SnapshotRun extends ServiceOptions {
  contentDir: string;
  /** Fetch again those kept already: all of them, or those fetched longer ago than `olderThanMs`. */
  refresh: boolean;
  olderThanMs?: number;
  now: Date;
  /** Requests at once. */
  parallel?: number;
  onProgress?: (done: number, total: number, embed: FoundEmbed) => void;
}

export type SnapshotOutcome =
  | { embed: FoundEmbed; status: "fetched" | "kept" }
  | { embed: FoundEmbed; status: "failed"; reason: string; offline: boolean };

/**
 * Fetches the snapshots the content folder lacks (or all, or the old ones, when asked) and writes each whole: the
 * poster first, then the JSON that names it, each under a temporary name renamed into place. A failure writes
 * nothing, so a good snapshot is never lost to a bad answer.
 */
export async function fetchSnapshots(embeds: readonly FoundEmbed[], run: SnapshotRun): Promise<SnapshotOutcome[]> {
  // In the embeds' order, whichever request ends first.
  const outcomes: SnapshotOutcome[] = new Array(embeds.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < embeds.length) {
      const index = next++;
      outcomes[index] = await snapshot(embeds[index]!, run);
      run.onProgress?.(++done, embeds.length, embeds[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(run.parallel ?? 4, embeds.length) }, worker));
  return outcomes;
}

async function snapshot(embed: FoundEmbed, run: SnapshotRun): Promise<SnapshotOutcome> {
  const file = embedDataFile(run.contentDir, embed.kind, embed.id);
  if (!wanted(file, run)) return { embed, status: "kept" };
  try {
    const request = requestFor(embed, run);
    const { snapshot, thumbnailUrl } = request.read(await getJson(request.url, request.headers, run));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    let thumbnail: string | undefined;
    if (thumbnailUrl) {
      const image = await getImage(thumbnailUrl, run);
      thumbnail = `${path.basename(embed.id)}.${image.extension}`;
      writeFileAtomically(path.join(path.dirname(file), thumbnail), image.bytes);
    }
    const replaced = keptThumbnail(file);
    writeFileAtomically(file, `${JSON.stringify({ ...snapshot, ...(thumbnail ? { thumbnail } : {}) }, null, 2)}\n`);
    // A poster of another type than before: the old file is no longer named by anything.
    if (replaced && replaced !== thumbnail) fs.rmSync(path.join(path.dirname(file), replaced), { force: true });
    return { embed, status: "fetched" };
  } catch (error) {
    if (error instanceof FetchProblem) return { embed, status: "failed", reason: error.message, offline: error.offline };
    return { embed, status: "failed", reason: (error as Error).message, offline: false };
  }
}

/** Whether to fetch: no readable snapshot yet, or a refresh asked for this one. */
function wanted(file: string, run: SnapshotRun): boolean {
  let fetchedAt: unknown;
  try {
    fetchedAt = (JSON.parse(fs.readFileSync(file, "utf8")) as { fetchedAt?: unknown }).fetchedAt;
  } catch {
    return true;
  }
  if (!run.refresh) return false;
  if (run.olderThanMs === undefined) return true;
  const when = typeof fetchedAt === "string" ? Date.parse(fetchedAt) : Number.NaN;
  return Number.isNaN(when) || run.now.getTime() - when > run.olderThanMs;
}

function keptThumbnail(file: string): string | undefined {
  try {
    const { thumbnail } = JSON.parse(fs.readFileSync(file, "utf8")) as { thumbnail?: unknown };
    return typeof thumbnail === "string" && /^[\w.-]+$/.test(thumbnail) ? thumbnail : undefined;
  } catch {
    return undefined;
  }
}
