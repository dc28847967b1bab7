import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Image from "@11ty/eleventy-img";
import sharp from "sharp";
import { html, type SafeHtml } from "../../shortcodes/html.ts";
import { countBuild } from "../build-progress.ts";
import { produceFileAtomically, writeFileAtomically } from "../cache/atomic-file.ts";

/**
 * Responsive images for the pages, made with @11ty/eleventy-img. Encoded files go to a cache folder outside the
 * output (keyed by the source's content and the encoding options, in the file name), so a build with unchanged
 * images encodes nothing; each build then links the files its pages use into the output under /img/.
 */

export const imageUrlPath = "/img/";

/** Formats and widths: AVIF first for the browsers that take it, WebP for the rest (and as the <img> fallback). */
const formats = ["avif", "webp"];
const contentWidths = [480, 800, 1280];
const featureWidths = [400, 800, 1200, 1600];
/** An author's picture is shown 5rem wide: once and twice that for sharp screens. */
const avatarWidths = [80, 160];
const encoderOptions = {
  // Measured on this machine kind (1800×1200 photo at 1280 px): AVIF effort 2 takes ~1.3 s and 6.6 KB, effort 1
  // 0.09 s and 7.7 KB, WebP 0.08 s and 14.8 KB. Effort 1 keeps most of AVIF's gain at WebP's speed.
  sharpAvifOptions: { quality: 55, effort: 1 },
  sharpWebpOptions: { quality: 78 },
};

export interface ImageSource {
  type: string;
  srcset: string;
}

/** A processed image: its sources, and the fallback the <img> shows. */
export interface ResponsiveImage {
  sources: ImageSource[];
  src: string;
  width: number;
  height: number;
}

/** A file of the cache that a page uses, and the URL it is served at. */
export interface PublishedFile {
  url: string;
  file: string;
}

export interface ImageFacts {
  width: number;
  height: number;
  format: string;
  animated: boolean;
}

let cacheDir = path.join(import.meta.dirname, "..", "..", ".cache", "images");
Image.concurrency = Math.max(1, os.availableParallelism());

/** Where encoded images are kept between builds (the images plugin sets it from its options). */
export function setImageCacheDir(dir: string): void {
  cacheDir = dir;
}

const factsMemo = new Map<string, Promise<ImageFacts>>();

/** Size, format and whether the file is animated, read once per file version. */
export function imageFacts(file: string): Promise<ImageFacts> {
  const stat = fs.statSync(file);
  const key = `${file}:${stat.mtimeMs}:${stat.size}`;
  let facts = factsMemo.get(key);
  if (!facts) {
    facts = sharp(file, { animated: true })
      .metadata()
      .then((meta) => ({
        width: meta.width ?? 0,
        height: meta.pageHeight ?? meta.height ?? 0,
        format: meta.format ?? "",
        animated: (meta.pages ?? 1) > 1,
      }));
    factsMemo.set(key, facts);
  }
  return facts;
}

/** Vector and animated images are served as they are (re-encoding would lose what makes them what they are). */
export function keepsOriginal(facts: ImageFacts): boolean {
  return facts.format === "svg" || facts.animated;
}

/** One encoding per image version and purpose in this process, however many pages use it at once. */
const encodings = new Map<string, Promise<unknown>>();

function once<T>(file: string, purpose: string, make: () => Promise<T>): Promise<T> {
  const stat = fs.statSync(file);
  const key = `${purpose}:${file}:${stat.mtimeMs}:${stat.size}`;
  let encoding = encodings.get(key) as Promise<T> | undefined;
  if (!encoding) {
    encoding = make();
    encodings.set(key, encoding);
    // A failed encoding is tried again by the next page that asks, not remembered.
    encoding.catch(() => encodings.delete(key));
  }
  return encoding;
}

type EncodedVariant = { url: string; width: number; height: number; outputPath: string; srcset: string; sourceType: string; buffer?: Buffer };

/**
 * Encodes (or finds in the cache) the responsive variants of a local image. `purpose` picks the widths:
 * images in a post's text, feature images (post header and cards), or authors' pictures.
 */
export function responsiveImage(file: string, purpose: "content" | "feature" | "avatar"): Promise<{ image: ResponsiveImage; files: PublishedFile[] }> {
  return once(file, purpose, async () => {
    // eleventy-img would write each file in place, where another build reading the cache could meet half of it:
    // it only encodes here (reading the variants the cache has), and new files are written whole (atomic-file.ts).
    const metadata = (await Image(file, {
      widths: { content: contentWidths, feature: featureWidths, avatar: avatarWidths }[purpose],
      formats,
      outputDir: cacheDir,
      urlPath: imageUrlPath,
      dryRun: true,
      ...encoderOptions,
    })) as Record<string, EncodedVariant[]>;
    const files: PublishedFile[] = [];
    const sources: ImageSource[] = [];
    for (const format of formats) {
      const variants = metadata[format] ?? [];
      if (variants.length === 0) continue;
      sources.push({ type: variants[0]!.sourceType, srcset: variants.map((variant) => variant.srcset).join(", ") });
      for (const variant of variants) {
        const encoded = variant.buffer !== undefined && !fs.existsSync(variant.outputPath);
        if (encoded) {
          fs.mkdirSync(cacheDir, { recursive: true });
          writeFileAtomically(variant.outputPath, variant.buffer!);
        }
        countBuild(encoded ? { imagesEncoded: 1 } : { imagesFromCache: 1 });
        // eleventy-img keeps its results for the whole process: without the bytes, they cost little.
        delete variant.buffer;
        files.push({ url: variant.url, file: variant.outputPath });
      }
    }
    const fallback = (metadata.webp ?? metadata[formats.at(-1)!])!.at(-1)!;
    return { image: { sources, src: fallback.url, width: fallback.width, height: fallback.height }, files };
  });
}

/** The 1200×630 JPEG that link previews (Open Graph, Twitter cards) show, cropped around what matters. */
export function socialImage(file: string): Promise<{ url: string; width: number; height: number; files: PublishedFile[] }> {
  return once(file, "social", async () => {
    const width = 1200;
    const height = 630;
    const hash = Image.getHash(file, { ...encoderOptions, sharpJpegOptions: { quality: 80 }, crop: `${width}x${height}` });
    const name = `${hash}-social-${width}x${height}.jpg`;
    const output = path.join(cacheDir, name);
    if (!fs.existsSync(output)) {
      fs.mkdirSync(cacheDir, { recursive: true });
      await produceFileAtomically(output, (temporary) =>
        sharp(file).resize(width, height, { fit: "cover", position: sharp.strategy.attention }).jpeg({ quality: 80, mozjpeg: true }).toFile(temporary),
      );
    }
    const url = `${imageUrlPath}${name}`;
    return { url, width, height, files: [{ url, file: output }] };
  });
}

/** The sizes of the site's icons: favicon.ico holds the first three; the rest are home-screen icons. */
const icoSizes = [16, 32, 48];
const touchIconSize = 180;
export const manifestIconSizes = [192, 512];

/**
 * The site's icons from one picture, by the file each is served as: `favicon.ico` (16, 32 and 48 pixels, PNGs in an
 * ICO container), `apple-touch-icon.png` (180, on white: iOS fills transparency with black) and the web manifest's
 * `icon-192.png`, `icon-512.png`. Kept in the image cache under the source's content hash.
 */
export function siteIconFiles(file: string): Promise<Map<string, string>> {
  return once(file, "icons", async () => {
    const hash = Image.getHash(file, { icons: 1 });
    const made = new Map<string, string>();
    const png = (size: number, background?: string) => {
      const image = sharp(file, { density: 300 }).resize(size, size, { fit: "contain", background: { r: 0, g: 0, b: 0, alpha: 0 } });
      return (background ? image.flatten({ background }) : image).png({ compressionLevel: 9 }).toBuffer();
    };
    const keep = async (name: string, bytes: () => Promise<Buffer>) => {
      const output = path.join(cacheDir, `${hash}-${name}`);
      if (!fs.existsSync(output)) {
        fs.mkdirSync(cacheDir, { recursive: true });
        writeFileAtomically(output, await bytes());
      }
      made.set(name, output);
    };
    await keep("favicon.ico", async () => icoContainer(await Promise.all(icoSizes.map((size) => png(size)))));
    await keep("apple-touch-icon.png", () => png(touchIconSize, "#ffffff"));
    for (const size of manifestIconSizes) await keep(`icon-${size}.png`, () => png(size));
    return made;
  });
}

/** A small generated file (the web manifest) kept in the image cache under its content's hash, to publish like an image. */
export function cachedFile(name: string, contents: string): string {
  const output = path.join(cacheDir, `${createHash("sha256").update(contents).digest("hex").slice(0, 16)}-${name}`);
  if (!fs.existsSync(output)) {
    fs.mkdirSync(cacheDir, { recursive: true });
    writeFileAtomically(output, contents);
  }
  return output;
}

/** PNG images (square, up to 256 pixels) in one ICO file: a header, one 16-byte entry each, then the images. */
function icoContainer(images: Buffer[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach((image, i) => {
    const size = image.readUInt32BE(16);
    const entry = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, entry);
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(image.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += image.length;
  });
  return Buffer.concat([header, ...images]);
}

export interface PictureOptions {
  alt: string;
  sizes: string;
  /** Above the fold: loaded at once with high priority instead of lazily. */
  eager?: boolean;
  /** Other attributes of the <img> the author wrote (class, style, title…), kept as they were. */
  attributes?: Record<string, string>;
}

/** ` name="value"` for each attribute, escaped. */
export function attributeList(attributes: Record<string, string | number>): SafeHtml {
  return html`${Object.entries(attributes).map(([name, value]) => html` ${name}="${String(value)}"`)}`;
}

function loadingAttributes(eager: boolean | undefined): SafeHtml {
  return eager ? html` fetchpriority="high"` : html` loading="lazy" decoding="async"`;
}

/** The <picture> element for a processed image. */
export function pictureHtml(image: ResponsiveImage, options: PictureOptions): SafeHtml {
  return html`<picture>${image.sources.map(
    (source) => html`<source type="${source.type}" srcset="${source.srcset}" sizes="${options.sizes}">`,
  )}<img src="${image.src}" alt="${options.alt}" width="${image.width}" height="${image.height}"${loadingAttributes(options.eager)}${attributeList(options.attributes ?? {})}></picture>`;
}

/** An image served as it is (SVG, animation, remote), with whatever attributes are known. */
export function plainImgHtml(src: string, alt: string, attributes: Record<string, string | number>, eager?: boolean): SafeHtml {
  return html`<img src="${src}" alt="${alt}"${attributeList(attributes)}${loadingAttributes(eager)}>`;
}

/** Files the pages of the current build use, by URL: linked into the output when the build ends. */
const published = new Map<string, string>();

export function publish(files: readonly PublishedFile[]): void {
  for (const { url, file } of files) published.set(url, file);
}

/** Hands over the files to publish and starts the next build with none. */
export function takePublished(): Map<string, string> {
  const files = new Map(published);
  published.clear();
  return files;
}
