/**
 * `npm run build`: a production build into `_site/`. The site is built into a folder of its own next to it and
 * swapped in only when it is complete, so a failed or stopped build leaves the previous output untouched and a
 * successful one never keeps pages of deleted posts. One build at a time per output folder and cache: a second
 * one waits (README, "Reliability").
 *
 *   npm run build                         the bundled content/ folder
 *   BLOG_CONTENT=../site/content npm run build   any Hugo content folder
 *   npm run build -- --output=dist        another output folder
 *   npm run build -- --no-search          without the search index (faster; the search page finds nothing)
 *   npm run build -- --no-wait            fail at once if another build is using the output folder or the cache
 *   npm run build -- --verbose            list every file written
 *   npm run build -- --debug              print the stack of an unexpected error
 */
import fs from "node:fs";
import path from "node:path";
import { removeStaleTemporaries } from "../lib/cache/atomic-file.ts";
import { acquireLock, describeHolder, LockBusyError } from "../lib/cache/build-lock.ts";
import { FolderCache } from "../lib/cache/folder-cache.ts";
import { siteFingerprint } from "../lib/cache/site-cache.ts";
import { buildEnvironment, projectDir } from "../lib/environment.ts";
import { buildCounts, onBuildProgress, resetBuildCounts } from "../lib/build-progress.ts";
import { AuthorError, explainFailure } from "../lib/errors.ts";
import { buildSummary, progressLine, type WrittenFile } from "../lib/output/build-summary.ts";
import { deferWarnings, formatWarnings, takeWarnings } from "../lib/output/build-warnings.ts";
import { OutputFolders } from "../lib/output/output-folders.ts";
import { publicationSchedule } from "../lib/output/publication-schedule.ts";
import { missingFromSite } from "../lib/output/site-completeness.ts";
import { loadSiteSettings } from "../lib/source/site-settings.ts";
import { siteRootInputs } from "../lib/source/site-root.ts";

export interface BuildOptions {
  /** Nothing but problems: no progress, no summary (tests, benchmarks). */
  quiet?: boolean;
  /** Every file written, as Eleventy lists them. */
  verbose?: boolean;
  /** Wait for another build using the same output folder or cache (the default), or fail at once. */
  wait?: boolean;
  /** Told what the build is doing besides building: waiting for a lock, clearing leftovers, refusing a cache. */
  note?: (message: string) => void;
}

/** Builds the site into `outputDir`; returns how many files were restored from the cache instead (0 when built). */
export async function buildSite(outputDir: string, options: BuildOptions = {}): Promise<number> {
  const note = options.note ?? ((message: string) => console.log(`[blog] ${message}`));
  const environment = buildEnvironment();
  if (!fs.existsSync(environment.contentDir)) {
    throw new AuthorError({ file: environment.contentDir }, "The content folder does not exist", "Set BLOG_CONTENT to the folder that holds your posts (a Hugo site's content/), or unset it to build content/");
  }
  const folders = new OutputFolders(outputDir);
  const locks: Array<() => void> = [];
  try {
    for (const lock of [`${folders.target}.lock`, path.join(environment.pageCacheDir, "build.lock")]) {
      locks.push(
        await acquireLock(lock, {
          purpose: "npm run build",
          wait: options.wait ?? true,
          onWait: (holder) => note(`Waiting for ${describeHolder(holder)} to finish with ${path.relative(process.cwd(), lock) || lock}…`),
        }),
      );
    }
    stopping.folders = folders;
    for (const message of folders.recover()) note(message);
    removeStaleTemporaries(environment.pageCacheDir);
    removeStaleTemporaries(environment.imageCacheDir);
    return await buildInto(folders, environment, { quiet: options.quiet ?? false, verbose: options.verbose ?? false }, note);
  } catch (error) {
    folders.discard();
    // Eleventy rejects on the first error while its copying of static files goes on: that copying fails too once
    // the folder is gone, and says nothing the build has not said; what it left is removed at exit.
    process.on("unhandledRejection", () => {});
    process.once("exit", () => {
      try {
        fs.rmSync(folders.next, { recursive: true, force: true });
      } catch {
        // The next build clears what is left (output-folders.ts).
      }
    });
    throw error;
  } finally {
    stopping.folders = undefined;
    for (const release of locks.reverse()) release();
  }
}

async function buildInto(folders: OutputFolders, environment: ReturnType<typeof buildEnvironment>, say: { quiet: boolean; verbose: boolean }, note: (message: string) => void): Promise<number> {
  const { contentDir, search, preview } = environment;
  const cache = new FolderCache(environment.siteCacheDir);
  const fingerprint = siteFingerprint(contentDir, projectDir, { search, preview, hugoEnvironment: environment.hugoEnvironment, searchShardSize: String(environment.searchShardSize ?? "") }, siteRootInputs(environment.siteRoot, environment.hugoEnvironment));
  const refused = (reason: string) => note(`The kept copy of the last build is not whole (${reason}): building the site again.`);
  let kept: ReturnType<FolderCache["restore"]> = false;
  try {
    kept = cache.restore(fingerprint, folders.next, refused, {
      now: environment.now(),
      outdated: (moment) => note(`A scheduled or expiring page changes the site at ${moment.toISOString()}: building the site again.`),
    });
  } catch (error) {
    // A kept file gone between the check and its link (a cache deleted by hand meanwhile).
    refused((error as Error).message);
    folders.discard();
  }
  if (kept) {
    const missing = missingFromSite(folders.next, loadSiteSettings(contentDir, environment.hugoEnvironment), { search });
    if (missing.length === 0) {
      for (const warnings of kept.notes) console.warn(warnings);
      folders.publish();
      return kept.files;
    }
    note(`The kept copy of the last build lacks ${describeMissing(missing)}: building the site again.`);
    folders.discard();
  }

  // Loaded only when there is something to build.
  const started = performance.now();
  const { default: Eleventy } = await import("@11ty/eleventy");
  // Eleventy lists every file it writes: thousands of lines for a large site, so only under --verbose.
  const eleventy = new Eleventy(undefined, folders.next, { configPath: path.join(projectDir, "eleventy.config.ts"), quietMode: say.quiet || !say.verbose });
  // Failures are explained once, by this script (explainFailure), not also by Eleventy with its stack; its closing
  // "Wrote N files" gives way to the summary below.
  eleventy.errorHandler.once = () => {};
  if (!say.verbose) eleventy.disableLogger();
  deferWarnings();
  resetBuildCounts();
  const progress = say.quiet ? undefined : startProgress(folders.target, environment.contentDir);
  let templates: Array<{ inputPath: string; outputPath: string | false }>;
  try {
    [, templates] = (await eleventy.write()) as unknown as [unknown, typeof templates];
  } finally {
    progress?.stop();
  }
  const built = performance.now();
  const warnings = takeWarnings();
  const writtenFiles = templates.filter((template): template is WrittenFile => typeof template.outputPath === "string");
  const written = writtenFiles.map((template) => template.outputPath);
  const missing = missingFromSite(folders.next, loadSiteSettings(contentDir, environment.hugoEnvironment), { search, written });
  if (missing.length > 0) {
    throw new Error(`The build finished without ${describeMissing(missing)}; nothing was published. Run the build again; if this repeats, report it`);
  }
  const listed = warnings.length > 0 ? [formatWarnings(warnings)] : [];
  for (const text of listed) console.warn(text);
  // Said again by a build that puts this one back, which it does only until the next scheduled change.
  const schedule = preview ? undefined : publicationSchedule.summary(loadSiteSettings(contentDir, environment.hugoEnvironment).timeZone);
  cache.store(fingerprint, folders.next, schedule ? [...listed, schedule] : listed, publicationSchedule.validity());
  folders.publish();
  if (!say.quiet) {
    const searchMs = buildCounts.searchMs;
    const phases: Array<[string, number]> = [["building", built - started - searchMs], ...(search ? [["search", searchMs] as [string, number]] : []), ["checking and publishing", performance.now() - built]];
    console.log(buildSummary({ output: folders.target, written: writtenFiles.map((file) => ({ ...file, outputPath: path.join(folders.target, path.relative(folders.next, file.outputPath)) })), counts: buildCounts, phases, warnings: warnings.length }));
  }
  return 0;
}

/**
 * What the build is doing, while it does it: on a terminal, one line rewritten as pages are written; elsewhere (CI
 * logs), one plain line at the start. Stopped before anything else is printed.
 */
function startProgress(output: string, contentDir: string): { stop: () => void } {
  if (!process.stderr.isTTY) {
    console.log(`Building ${path.relative(process.cwd(), contentDir) || "."} into ${path.relative(process.cwd(), output) || "."}…`);
    return { stop: () => {} };
  }
  let shown = 0;
  onBuildProgress(() => {
    if (performance.now() - shown < 100) return;
    shown = performance.now();
    process.stderr.write(`\r\x1b[K${progressLine(buildCounts)}`);
  });
  // A message printed meanwhile (a notice, a warning) takes the line; the next update writes it again below.
  const streams = [process.stdout, process.stderr];
  const writes = streams.map((stream) => stream.write.bind(stream));
  streams.forEach((stream, i) => {
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      if (!(typeof chunk === "string" && chunk.startsWith("\r\x1b[K"))) writes[1]!("\r\x1b[K");
      return (writes[i] as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
  });
  return {
    stop: () => {
      onBuildProgress(undefined);
      streams.forEach((stream, i) => (stream.write = writes[i] as typeof stream.write));
      process.stderr.write("\r\x1b[K");
    },
  };
}

function describeMissing(missing: string[]): string {
  const shown = missing.slice(0, 5).join(", ");
  return missing.length > 5 ? `${missing.length} files (${shown}…)` : shown;
}

/** What an interrupted build must clear before it exits. */
const stopping: { folders: OutputFolders | undefined } = { folders: undefined };

if (import.meta.url === `file://${process.argv[1]}`) {
  const outputArg = process.argv.find((arg) => arg.startsWith("--output="));
  const output = outputArg ? outputArg.slice("--output=".length) : "_site";
  const debug = process.argv.includes("--debug");
  if (process.argv.includes("--no-search")) process.env.BLOG_SEARCH = "0";
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      const folders = stopping.folders;
      folders?.discard();
      // A write already handed to the thread pool (a `mkdir -p` under the folder) can make it again after the
      // rename: hold the main thread so nothing new starts, let those land, and clear what they made.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 150);
      folders?.discard();
      console.error(`\nThe build was stopped (${signal}); ${output} was left as it was.`);
      // The locks are released by their exit handlers; worker threads and child processes end with this one.
      process.exit(128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const)[signal]);
    });
  }
  try {
    const restored = await buildSite(output, { quiet: process.argv.includes("--quiet"), verbose: process.argv.includes("--verbose"), wait: !process.argv.includes("--no-wait") });
    if (restored > 0) console.log(`Nothing changed since the last build: ${restored} files restored from the build cache into ${output}.`);
  } catch (error) {
    const warnings = takeWarnings();
    if (warnings.length > 0) console.warn(formatWarnings(warnings));
    if (error instanceof LockBusyError) console.error(`${error.message}. Wait for it to finish, or build without --no-wait to wait for it.`);
    else console.error(explainFailure(error, { debug }));
    console.error(`\nThe build failed; ${output} was left as it was.`);
    process.exitCode = 1;
  }
}
