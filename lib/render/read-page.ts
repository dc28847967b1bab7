import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BuildCache } from "../cache/build-cache.ts";
import { AuthorError } from "../errors.ts";
import { describeSource, type PageMeta, type SourceInfo } from "../source/post-model.ts";
import type { SiteSettings } from "../source/site-settings.ts";
import { tolerates } from "../source/tolerance.ts";
import { processBodyDiagrams } from "./body-diagrams.ts";
import { processBodyImages } from "./body-images.ts";
import { policyNeeds, type PolicyNeeds } from "./content-policy.ts";
import { imageFacts, keepsOriginal, responsiveImage, socialImage, type PublishedFile, type ResponsiveImage } from "./images.ts";
import { assetFiles } from "./page-assets.ts";
import { decodeSourceResult, encodeSourceResult, readSource, type SourceRecord, type SourceResult } from "./read-source.ts";
import type { RenderedBody } from "./render-body.ts";
import type { SourcePool } from "./source-pool.ts";

/** Everything read from one content file: its source record, finished with its images. */
export interface PageRecord {
  meta: PageMeta;
  body: RenderedBody;
  /** Plain-text summary, resolved as Hugo does: `<!--more-->`, then front matter, then leading paragraphs. */
  summary: string;
  featureImage: FeatureImage | undefined;
  /** Files to publish with the page: its encoded images, and its bundle's files under its URL when a `slug` moved it. */
  files: PublishedFile[];
  /** Problems that do not stop the build (an image without alt text; missing images, when allowed). */
  warnings: AuthorError[];
  /** What the body needs from the Content-Security-Policy. */
  policy: PolicyNeeds;
  /** Embeds without a snapshot from `npm run embeds` (`kind/id`). */
  missingSnapshots: string[];
}

export interface FeatureImage {
  /** The original file's URL. */
  url: string;
  /** Known for local images; remote ones are never fetched at build time. */
  width: number | undefined;
  height: number | undefined;
  /** Responsive variants for the post header and cards; absent for SVG, animations and remote images. */
  responsive: ResponsiveImage | undefined;
  /** The 1200×630 crop link previews show. */
  social: { url: string; width: number; height: number } | undefined;
}

export interface ReadContext {
  contentDir: string;
  /** The project's static/ folder: site paths may point into it. */
  staticDir: string;
  settings: SiteSettings;
  /** Rendered sources kept between builds. */
  cache?: BuildCache;
  /** Worker threads that render sources beside the main thread (large sites). */
  pool?: SourcePool;
  /** Digest of the site's own shortcodes and embed data (content-code.ts): they change how a body renders. */
  contentCode?: string;
}

export type ReadResult = { ok: true; page: PageRecord } | { ok: false; errors: AuthorError[]; warnings: AuthorError[]; source: SourceInfo };

const featureNames = [/feature/i, /cover/i, /thumbnail/i];
const imageExtension = /\.(avif|gif|jpe?g|png|svg|webp)$/i;

/**
 * Reads one content file: its source from the build cache or freshly rendered (in a worker when there is a pool),
 * then its images. Results are kept in memory while the file is unchanged, so the dev server's rebuilds only
 * re-read what the author touched.
 */
export function readPage(absolutePath: string, context: ReadContext): Promise<ReadResult> {
  const stat = fs.statSync(absolutePath);
  const key = `${stat.mtimeMs}:${stat.size}:${settingsFingerprint(context.settings)}:${context.contentCode ?? ""}`;
  const cached = memo.get(absolutePath);
  if (cached && cached.key === key) return cached.result;

  const result = loadSource(absolutePath, context, stat).then(
    (source): Promise<ReadResult> | ReadResult =>
      source.ok
        ? finishPage(absolutePath, source.record, context).then((page): ReadResult => ({ ok: true, page }))
        : { ok: false, errors: source.errors, warnings: source.warnings ?? [], source: describeSource(path.relative(context.contentDir, absolutePath), context.settings) },
  );
  memo.set(absolutePath, { key, result });
  return result;
}

const memo = new Map<string, { key: string; result: Promise<ReadResult> }>();

const fingerprints = new WeakMap<SiteSettings, string>();
function settingsFingerprint(settings: SiteSettings): string {
  let fingerprint = fingerprints.get(settings);
  if (fingerprint === undefined) fingerprints.set(settings, (fingerprint = JSON.stringify(settings)));
  return fingerprint;
}

async function loadSource(file: string, context: ReadContext, stat: fs.Stats): Promise<SourceResult> {
  const { cache, pool } = context;
  let content: Buffer;
  try {
    content = fs.readFileSync(file);
  } catch {
    // Reading it again reports why it cannot be read, as an author error with the file's name.
    return readSource(file, context, stat.mtime);
  }
  const cacheKey = cache?.key(path.relative(context.contentDir, file), content, { settings: context.settings, contentCode: context.contentCode });
  if (cache && cacheKey) {
    const hit = cache.get(cacheKey, stat.mtimeMs);
    if (hit) return decodeSourceResult(hit);
  }
  // Workers write what they rendered to the cache themselves, off the main thread.
  if (pool) return pool.read(file, context, stat.mtime, cacheKey && cache ? { dir: cache.dir, key: cacheKey } : undefined);
  const result = readSource(file, context, stat.mtime);
  if (cache && cacheKey) {
    try {
      cache.set(cacheKey, encodeSourceResult(result), result.ok && result.record.datedByFile, stat.mtimeMs);
    } catch {
      // The cache only saves time: a write that fails costs the next build some rendering, nothing else.
    }
  }
  return result;
}

/** What needs the file system and image tools: the feature image, the body's images, files to publish. */
async function finishPage(file: string, record: SourceRecord, context: ReadContext): Promise<PageRecord> {
  const { meta, body } = record;
  const images: PublishedFile[] = [];
  const feature = await findFeatureImage(file, context, meta, images);
  const diagrams = await processBodyDiagrams(body.html, {
    file,
    source: record.bodySource,
    firstLine: record.bodyLine,
    lang: meta.source.lang,
    cacheDir: path.join(context.cache?.dir ?? path.join(os.tmpdir(), "blog-diagrams"), "diagrams"),
  });
  const bodyImages = await processBodyImages(diagrams.html, {
    file,
    source: record.bodySource,
    firstLine: record.bodyLine,
    bundleDir: path.dirname(file),
    contentDir: context.contentDir,
    staticDir: context.staticDir,
    pageUrl: meta.url,
    tolerateMissing: tolerates(context.settings, "missingImage"),
    hasFeatureImage: feature !== undefined,
  });
  const scripts = [...new Set([...body.scripts, ...diagrams.scripts])];
  images.push(...bodyImages.files, ...movedBundleFiles(file, meta), ...assetFiles([...scripts, ...body.styles]));
  return {
    meta,
    body: { ...body, html: bodyImages.html, scripts, errors: [...body.errors, ...diagrams.errors, ...bodyImages.errors] },
    summary: record.summary,
    featureImage: feature,
    files: images,
    warnings: [...record.warnings, ...bodyImages.warnings],
    policy: policyNeeds(bodyImages.html),
    missingSnapshots: record.missingSnapshots ?? [],
  };
}

/**
 * Hugo serves a bundle's files under the page's URL. When `slug` gives the page another URL than its folder, the
 * files are published there too (they are also copied under the folder's path, as links to either may exist).
 */
function movedBundleFiles(file: string, meta: PageMeta): PublishedFile[] {
  const folderUrl = `/${meta.source.bundleDir}/`;
  if (!/^index\./.test(path.basename(file)) || meta.url === folderUrl || meta.source.kind === "section") return [];
  const bundleDir = path.dirname(file);
  return fs
    .readdirSync(bundleDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !/\.(md|markdown)$/i.test(entry.name))
    .map((entry) => {
      const absolute = path.join(entry.parentPath, entry.name);
      return { url: meta.url + path.relative(bundleDir, absolute).split(path.sep).join("/"), file: absolute };
    });
}

/** Front matter `featureimage`, else the first bundle image named like feature, cover or thumbnail. */
async function findFeatureImage(file: string, context: ReadContext, meta: PageMeta, images: PublishedFile[]): Promise<FeatureImage | undefined> {
  const bundleDir = path.join(context.contentDir, meta.source.bundleDir);
  const bundleUrl = `/${meta.source.bundleDir}/`.replace(/\/+/g, "/");
  let name = meta.featureImage;
  if (name && /^(https?:)?\/\//i.test(name)) {
    return { url: name, width: undefined, height: undefined, responsive: undefined, social: undefined };
  }
  if (!name && /^index\./.test(path.basename(file))) {
    const names = fs.readdirSync(bundleDir).filter((entry) => imageExtension.test(entry)).sort();
    name = featureNames.map((pattern) => names.find((entry) => pattern.test(entry))).find(Boolean);
  }
  if (!name) return undefined;
  const local = name.startsWith("/") ? [path.join(context.contentDir, name), path.join(context.staticDir, name)].find((f) => fs.existsSync(f)) : path.join(bundleDir, name);
  if (!local || !fs.existsSync(local)) {
    throw new AuthorError(
      { file, line: 1 },
      `The feature image "${name}" does not exist (looked for ${path.relative(context.contentDir, local ?? path.join(context.contentDir, name))})`,
      "Put the image in the page bundle or correct `featureimage` in the front matter",
    );
  }
  const facts = await imageFacts(local);
  const url = name.startsWith("/") ? name : bundleUrl + name;
  if (keepsOriginal(facts)) return { url, width: facts.width, height: facts.height, responsive: undefined, social: undefined };
  const [variants, social] = await Promise.all([responsiveImage(local, "feature"), socialImage(local)]);
  images.push(...variants.files, ...social.files);
  return { url, width: facts.width, height: facts.height, responsive: variants.image, social };
}
