/**
 * `npm run build`: a production build into `_site/`. The site is built into a fresh folder next to it and
 * swapped in only when everything succeeded, so a failed build leaves the previous output untouched and a
 * successful one never keeps pages of deleted posts.
 *
 *   npm run build                         the bundled content/ folder
 *   BLOG_CONTENT=../site/content npm run build   any Hugo content folder
 *   npm run build -- --output=dist        another output folder
 *   npm run build -- --no-search          without the search index (faster; the search page finds nothing)
 */
import fs from "node:fs";
import path from "node:path";
import { removeInBackground } from "../lib/cache/file-trees.ts";
import { FolderCache } from "../lib/cache/folder-cache.ts";
import { siteFingerprint } from "../lib/cache/site-cache.ts";
import { buildEnvironment, projectDir } from "../lib/environment.ts";
import { takePrintedWarnings } from "../lib/output/build-warnings.ts";

/** Builds the site into `outputDir`; returns how many files were restored from the cache instead (0 when built). */
export async function buildSite(outputDir: string, options: { quiet?: boolean } = {}): Promise<number> {
  const target = path.resolve(outputDir);
  const next = `${target}.next`;
  const previous = `${target}.previous`;
  const { contentDir, siteCacheDir, search, preview } = buildEnvironment();
  const cache = new FolderCache(siteCacheDir);
  const fingerprint = siteFingerprint(contentDir, projectDir, { search, preview });
  fs.rmSync(next, { recursive: true, force: true });

  const kept = cache.restore(fingerprint, next);
  if (kept) {
    for (const warnings of kept.notes) console.warn(warnings);
  } else {
    try {
      // Loaded only when there is something to build.
      const { default: Eleventy } = await import("@11ty/eleventy");
      const eleventy = new Eleventy(undefined, next, {
        configPath: path.join(projectDir, "eleventy.config.ts"),
        quietMode: options.quiet ?? false,
      });
      await eleventy.write();
    } catch (error) {
      fs.rmSync(next, { recursive: true, force: true });
      // Eleventy rejects on the first error while its copying of static files may still be under way and write
      // into the folder again; once the process ends, nothing can.
      process.once("exit", () => fs.rmSync(next, { recursive: true, force: true }));
      throw error;
    }
    cache.store(fingerprint, next, takePrintedWarnings());
  }
  if (fs.existsSync(target)) fs.renameSync(target, previous);
  fs.renameSync(next, target);
  removeInBackground(previous);
  return kept ? kept.files : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outputArg = process.argv.find((arg) => arg.startsWith("--output="));
  const output = outputArg ? outputArg.slice("--output=".length) : "_site";
  const quiet = process.argv.includes("--quiet");
  if (process.argv.includes("--no-search")) process.env.BLOG_SEARCH = "0";
  try {
    const restored = await buildSite(output, { quiet });
    if (restored > 0) console.log(`Nothing changed since the last build: ${restored} files restored from the build cache into ${output}.`);
  } catch {
    // Eleventy has already printed what went wrong.
    console.error(`\nThe build failed; ${output} was left as it was.`);
    process.exitCode = 1;
  }
}
