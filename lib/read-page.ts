import fs from "node:fs";
import path from "node:path";
import { processBodyEmbeds } from "./body-embeds.ts";
import { processBodyImages } from "./body-images.ts";
import { policyNeeds, type PolicyNeeds } from "./content-policy.ts";
import { AuthorError, AuthorErrors } from "./errors.ts";
import { readFrontMatter } from "./front-matter.ts";
import { imageFacts, keepsOriginal, responsiveImage, socialImage, type PublishedFile, type ResponsiveImage } from "./images.ts";
import { describeSource, readPageMeta, type PageMeta, type SourceInfo } from "./post-model.ts";
import { renderBody, type RenderedBody } from "./render-body.ts";
import type { SiteSettings } from "./site-settings.ts";

/** Everything read from one content file: checked front matter, rendered body, resolved summary. */
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
}

export type ReadResult = { ok: true; page: PageRecord } | { ok: false; errors: AuthorError[]; source: SourceInfo };

const featureNames = [/feature/i, /cover/i, /thumbnail/i];
const imageExtension = /\.(avif|gif|jpe?g|png|svg|webp)$/i;

/**
 * Reads one content file. Results are kept while the file is unchanged, so the dev server's rebuilds only
 * re-read what the author touched.
 */
export function readPage(absolutePath: string, context: ReadContext): Promise<ReadResult> {
  const stat = fs.statSync(absolutePath);
  const key = `${stat.mtimeMs}:${stat.size}:${JSON.stringify(context.settings)}`;
  const cached = memo.get(absolutePath);
  if (cached && cached.key === key) return cached.result;

  const source = describeSource(path.relative(context.contentDir, absolutePath), context.settings);
  const result = read(absolutePath, source, context, stat.mtime).then(
    (page): ReadResult => ({ ok: true, page }),
    (error: unknown): ReadResult => {
      if (error instanceof AuthorError) return { ok: false, errors: [error], source };
      if (error instanceof AuthorErrors) return { ok: false, errors: [...error.errors], source };
      throw error;
    },
  );
  memo.set(absolutePath, { key, result });
  return result;
}

const memo = new Map<string, { key: string; result: Promise<ReadResult> }>();

async function read(file: string, source: SourceInfo, context: ReadContext, mtime: Date): Promise<PageRecord> {
  const { settings } = context;
  const frontMatter = readFrontMatter(file, fs.readFileSync(file, "utf8"));
  const meta = readPageMeta(file, source, frontMatter, settings, mtime);
  const body = renderBody(frontMatter.body, {
    file,
    firstLine: frontMatter.bodyLine,
    lang: meta.source.lang,
    url: meta.url,
    summaryLength: settings.summaryLength,
  });
  const summary = body.hasMoreMarker ? body.autoSummary : (meta.summary ?? body.autoSummary);
  const images: PublishedFile[] = [];
  const feature = await findFeatureImage(file, context, meta, images);
  const embeds = processBodyEmbeds(body.html, meta.source.lang);
  const bodyImages = await processBodyImages(embeds.html, {
    file,
    source: frontMatter.body,
    firstLine: frontMatter.bodyLine,
    bundleDir: path.dirname(file),
    contentDir: context.contentDir,
    staticDir: context.staticDir,
    pageUrl: meta.url,
    missingImages: settings.missingImages,
    hasFeatureImage: feature !== undefined,
  });
  images.push(...bodyImages.files, ...movedBundleFiles(file, meta));
  return {
    meta,
    body: {
      ...body,
      html: bodyImages.html,
      scripts: [...new Set([...body.scripts, ...embeds.scripts])],
      errors: [...body.errors, ...bodyImages.errors],
    },
    summary,
    featureImage: feature,
    files: images,
    warnings: bodyImages.warnings,
    policy: policyNeeds(bodyImages.html),
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
