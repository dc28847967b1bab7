import fs from "node:fs";
import path from "node:path";

/**
 * Everything a build takes from its environment, read in this one place: the folders, whether it previews,
 * whether it indexes search, where the caches live. Only the entry points (eleventy.config.ts, scripts/) read it;
 * the plugins are given what they need as options.
 */
export interface BuildEnvironment {
  /** The folder of posts and settings: BLOG_CONTENT (any Hugo content folder, built in place), else content/. */
  contentDir: string;
  staticDir: string;
  /**
   * Folders as Eleventy wants them given (see `eleventyPath`). `output` is set for the dev server only, when no
   * `--output` was given: it never shares `_site` with `npm run build`, which replaces that folder whole.
   */
  eleventy: { input: string; includes: string; static: string; output: string | undefined };
  /** The dev server (`npm start`): pages it saves are shown at once, before Eleventy's rebuild. */
  devServer: boolean;
  /** A process that stays and rebuilds (the dev server, `--watch`): search indexes in the background. */
  watching: boolean;
  /**
   * The Hugo site around the content folder (its parent): its configuration, `data/` and `static/` are read when
   * it has them. `siteStaticDir` is its `static/`, published at the site's root, unless that is the generator's own.
   */
  siteRoot: string;
  siteStaticDir: string | undefined;
  /** Hugo's environment, which picks `config/<environment>/`: HUGO_ENVIRONMENT, else "development" for the dev server and "production" for builds. */
  hugoEnvironment: string;
  /** Drafts are built, marked, and content errors shown on their pages: the dev server, or BLOG_PREVIEW=1. */
  preview: boolean;
  /** False for `npm run build -- --no-search` (BLOG_SEARCH=0). */
  search: boolean;
  /** Posts per search shard (BLOG_SEARCH_SHARD_SIZE, for tests); undefined: the plugin's default. */
  searchShardSize: number | undefined;
  /** Rendered pages: BLOG_BUILD_CACHE, else .cache/pages; the last built site and the search shards inside it. */
  pageCacheDir: string;
  siteCacheDir: string;
  searchCacheDir: string;
  /** Encoded images: BLOG_IMAGE_CACHE, else .cache/images. */
  imageCacheDir: string;
  /**
   * The build's clock, which decides whether scheduled and expiring posts are published: BLOG_NOW (a date and
   * time, e.g. 2031-01-01T09:00:00+08:00) for a build as of another moment, else the real time.
   */
  now: () => Date;
}

export const projectDir = path.join(import.meta.dirname, "..");

export function buildEnvironment(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv): BuildEnvironment {
  const contentDir = path.resolve(env.BLOG_CONTENT ?? path.join(projectDir, "content"));
  const layoutsDir = path.join(projectDir, "layouts");
  const staticDir = path.join(projectDir, "static");
  const runMode = env.ELEVENTY_RUN_MODE ?? "";
  const watching = runMode === "serve" || runMode === "watch";
  const pageCacheDir = path.resolve(env.BLOG_BUILD_CACHE ?? path.join(projectDir, ".cache", "pages"));
  const siteRoot = path.dirname(contentDir);
  const siteStatic = path.join(siteRoot, "static");
  return {
    contentDir,
    staticDir,
    siteRoot,
    siteStaticDir: siteStatic !== staticDir && fs.existsSync(siteStatic) ? siteStatic : undefined,
    hugoEnvironment: env.HUGO_ENVIRONMENT || (runMode === "serve" ? "development" : "production"),
    eleventy: {
      input: eleventyPath(contentDir),
      // Eleventy reads the includes folder relative to the input folder.
      includes: path.relative(contentDir, layoutsDir),
      static: path.relative(process.cwd(), staticDir),
      output: runMode === "serve" && !argv.some((arg) => arg.startsWith("--output")) ? "_site.dev" : undefined,
    },
    devServer: runMode === "serve",
    watching,
    preview: watching || env.BLOG_PREVIEW === "1",
    search: env.BLOG_SEARCH !== "0",
    searchShardSize: Number(env.BLOG_SEARCH_SHARD_SIZE) > 0 ? Number(env.BLOG_SEARCH_SHARD_SIZE) : undefined,
    pageCacheDir,
    siteCacheDir: path.join(pageCacheDir, "site"),
    searchCacheDir: path.join(pageCacheDir, "search"),
    imageCacheDir: path.resolve(env.BLOG_IMAGE_CACHE ?? path.join(projectDir, ".cache", "images")),
    now: clock(env.BLOG_NOW),
  };
}

function clock(fixed: string | undefined): () => Date {
  if (fixed === undefined || fixed === "") return () => new Date();
  const moment = new Date(fixed);
  if (Number.isNaN(moment.getTime())) {
    throw new Error(`BLOG_NOW is "${fixed}", which is not a date and time: set it like 2031-01-01T09:00:00+08:00, or unset it to build as of now`);
  }
  return () => new Date(moment);
}

/**
 * A folder as Eleventy should be given it: relative inside the working directory, absolute outside it (Eleventy's
 * file watcher drops the leading "../" of relative paths, so the dev server would not see edits there).
 */
function eleventyPath(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  if (relative === "") return ".";
  return relative.startsWith("..") ? dir : relative;
}
