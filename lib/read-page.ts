import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { AuthorError, AuthorErrors } from "./errors.ts";
import { readFrontMatter } from "./front-matter.ts";
import { describeSource, readPageMeta, type PageMeta, type SourceInfo } from "./post-model.ts";
import { renderBody, type RenderedBody } from "./render-body.ts";
import type { SiteSettings } from "./site-settings.ts";

/** Everything read from one content file: checked front matter, rendered body, resolved summary. */
export interface PageRecord {
  meta: PageMeta;
  body: RenderedBody;
  /** Plain-text summary, resolved as Hugo does: `<!--more-->`, then front matter, then leading paragraphs. */
  summary: string;
  /** The feature image, if the post has one. */
  featureImage: FeatureImage | undefined;
}

export interface FeatureImage {
  url: string;
  /** Known for local images; remote ones are never fetched at build time. */
  width: number | undefined;
  height: number | undefined;
}

export type ReadResult = { ok: true; page: PageRecord } | { ok: false; errors: AuthorError[]; source: SourceInfo };

const featureNames = [/feature/i, /cover/i, /thumbnail/i];
const imageExtension = /\.(avif|gif|jpe?g|png|svg|webp)$/i;

/**
 * Reads one content file. Results are kept while the file is unchanged, so the dev server's rebuilds only
 * re-read what the author touched.
 */
export function readPage(absolutePath: string, contentDir: string, settings: SiteSettings): Promise<ReadResult> {
  const stat = fs.statSync(absolutePath);
  const key = `${stat.mtimeMs}:${stat.size}:${JSON.stringify(settings)}`;
  const cached = memo.get(absolutePath);
  if (cached && cached.key === key) return cached.result;

  const source = describeSource(path.relative(contentDir, absolutePath), settings);
  const result = read(absolutePath, contentDir, source, settings, stat.mtime).then(
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

async function read(file: string, contentDir: string, source: SourceInfo, settings: SiteSettings, mtime: Date): Promise<PageRecord> {
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
  return { meta, body, summary, featureImage: await findFeatureImage(file, contentDir, meta) };
}

/** Front matter `featureimage`, else the first bundle image named like feature, cover or thumbnail. */
async function findFeatureImage(file: string, contentDir: string, meta: PageMeta): Promise<FeatureImage | undefined> {
  const bundleDir = path.join(contentDir, meta.source.bundleDir);
  const bundleUrl = `/${meta.source.bundleDir}/`.replace(/\/+/g, "/");
  let name = meta.featureImage;
  if (name && /^(https?:)?\/\//i.test(name)) return { url: name, width: undefined, height: undefined };
  if (!name && /^index\./.test(path.basename(file))) {
    const names = fs.readdirSync(bundleDir).filter((entry) => imageExtension.test(entry)).sort();
    name = featureNames.map((pattern) => names.find((entry) => pattern.test(entry))).find(Boolean);
  }
  if (!name) return undefined;
  const local = name.startsWith("/") ? path.join(contentDir, name) : path.join(bundleDir, name);
  if (!fs.existsSync(local)) {
    throw new AuthorError(
      { file, line: 1 },
      `The feature image "${name}" does not exist (looked for ${path.relative(contentDir, local)})`,
      "Put the image in the page bundle or correct `featureimage` in the front matter",
    );
  }
  const { width, height } = await sharp(local).metadata();
  return { url: name.startsWith("/") ? name : bundleUrl + name, width, height };
}
