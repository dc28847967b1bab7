/**
 * `npm run embeds`: fetches once what the posts' embeds show (a post's text, a video's title and poster, a
 * repository's facts) into `<content>/_data/embeds/`, for the author to commit; the build then shows it without
 * the network. Options: `--refresh` fetches every snapshot again, `--older-than 30d` only those older than that.
 */
import path from "node:path";
import { buildEnvironment } from "../lib/environment.ts";
import { fetchSnapshots, type SnapshotOutcome } from "../lib/embeds/fetch-snapshots.ts";
import { findEmbeds } from "../lib/embeds/find-embeds.ts";

/** `30d`, `12h`, `2w` as milliseconds; undefined for anything else. */
export function readAge(text: string): number | undefined {
  const match = /^(\d+)\s*([hdw])$/.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * { h: 3_600_000, d: 86_400_000, w: 604_800_000 }[match[2] as "h" | "d" | "w"];
}

export function summarise(outcomes: readonly SnapshotOutcome[], unfetchable: number, snapshotsDir: string): { text: string; exitCode: number } {
  const count = (status: SnapshotOutcome["status"]) => outcomes.filter((outcome) => outcome.status === status).length;
  const failed = outcomes.filter((outcome): outcome is Extract<SnapshotOutcome, { status: "failed" }> => outcome.status === "failed");
  if (failed.length > 0 && failed.every((outcome) => outcome.offline) && count("fetched") === 0) {
    return { text: `Offline: ${failed[0]!.reason}; nothing was changed.`, exitCode: 1 };
  }
  const lines = [`Embeds: ${outcomes.length} found; ${count("fetched")} fetched, ${count("kept")} kept, ${failed.length} failed.`];
  for (const outcome of failed) lines.push(`  ${outcome.embed.kind} ${outcome.embed.id} (${outcome.embed.where}): ${outcome.reason}. Its snapshot, if any, was kept.`);
  if (unfetchable > 0) lines.push(`  ${unfetchable} Instagram embed${unfetchable === 1 ? "" : "s"} left as ${unfetchable === 1 ? "it is" : "they are"}: Instagram shares a post's data only with an account's token.`);
  if (count("fetched") > 0) lines.push(`Snapshots are in ${snapshotsDir}/: commit them with the posts.`);
  return { text: lines.join("\n"), exitCode: failed.length > 0 ? 1 : 0 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const olderThanAt = args.indexOf("--older-than");
  const olderThanMs = olderThanAt === -1 ? undefined : readAge(args[olderThanAt + 1] ?? "");
  if (olderThanAt !== -1 && olderThanMs === undefined) {
    console.error(`--older-than takes an age such as 30d, 12h or 2w, not "${args[olderThanAt + 1] ?? ""}".`);
    process.exit(2);
  }
  const { contentDir } = buildEnvironment();
  const { embeds, unfetchable } = findEmbeds(contentDir);
  const showProgress = process.stderr.isTTY;
  const outcomes = await fetchSnapshots(embeds, {
    contentDir,
    refresh: args.includes("--refresh") || olderThanMs !== undefined,
    olderThanMs,
    now: new Date(),
    env: process.env,
    timeoutMs: Number(process.env.BLOG_EMBEDS_TIMEOUT_MS) || 15_000,
    onProgress: showProgress ? (done, total, embed) => process.stderr.write(`\r\x1b[K[${done}/${total}] ${embed.kind} ${embed.id}`) : undefined,
  });
  if (showProgress && embeds.length > 0) process.stderr.write("\r\x1b[K");
  const { text, exitCode } = summarise(outcomes, unfetchable.length, path.relative(process.cwd(), path.join(contentDir, "_data", "embeds")) || ".");
  (exitCode === 0 ? console.log : console.error)(text);
  process.exitCode = exitCode;
}
