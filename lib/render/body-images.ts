import fs from "node:fs";
import path from "node:path";
import { Parser } from "htmlparser2";
import { AuthorError, displayPath, positionAt, urlWrittenAt } from "../errors.ts";
import { imageFacts, keepsOriginal, pictureHtml, plainImgHtml, responsiveImage, type PublishedFile } from "./images.ts";

export interface BodyImageContext {
  /** The content file, for messages. */
  file: string;
  /** The body as written, to find the line of each image for messages. */
  source: string;
  firstLine: number;
  /** Folders a path is looked up in. */
  bundleDir: string;
  contentDir: string;
  staticDir: string;
  pageUrl: string;
  /** A missing image is an error (the default) or, while migrating a site, only a warning (tolerance.ts). */
  tolerateMissing: boolean;
  /** With a feature image above it, no image of the text is the first thing a reader sees. */
  hasFeatureImage: boolean;
}

export interface BodyImages {
  html: string;
  files: PublishedFile[];
  errors: AuthorError[];
  warnings: AuthorError[];
}

/** The width an image of the text takes: the text column on wide screens, the screen less its margins below. */
const contentSizes = "(min-width: 44rem) 41.5rem, calc(100vw - 2.5rem)";

/** Attributes the <picture> sets itself; every other attribute the author wrote is kept. */
const managed = new Set(["src", "srcset", "sizes", "alt"]);

interface ImgTag {
  start: number;
  end: number;
  attributes: Record<string, string>;
}

/**
 * Every local <img> of a rendered body — from Markdown, raw HTML or a shortcode alike — becomes a responsive
 * <picture> with its size. Remote images are left alone (nothing is fetched at build time).
 */
export async function processBodyImages(body: string, context: BodyImageContext): Promise<BodyImages> {
  const result: BodyImages = { html: body, files: [], errors: [], warnings: [] };
  if (!body.includes("<img")) return result;

  const tags = findImgTags(body);
  const firstHeading = body.search(/<h[1-6][\s>]/);
  const searchFrom = new Map<string, number>();
  const replacements = await Promise.all(
    tags.map(async (tag, index) => {
      const src = tag.attributes.src ?? "";
      if (src === "" || /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(src)) return undefined;
      const where = locate(src, context, searchFrom);
      const { file, lookedFor } = resolve(src, context);
      if (!file) {
        const problem = new AuthorError(
          where,
          `The image "${src}" does not exist (looked for ${lookedFor.map(displayPath).join(" and ")})`,
          "Check the file name (letter case counts) and put the image in the post's folder, or fix the path",
        );
        (context.tolerateMissing ? result.warnings : result.errors).push(problem);
        return undefined;
      }
      const alt = tag.attributes.alt;
      const fromMarkdown = context.source.slice(Math.max(0, where.offset - 4), where.offset).includes("](");
      if (alt === undefined || (alt.trim() === "" && fromMarkdown)) {
        result.warnings.push(
          new AuthorError(where, `The image "${src}" has no alt text`, "Describe what it shows, e.g. ![A lighthouse at dawn](lighthouse.jpg)"),
        );
      }
      const attributes = Object.fromEntries(Object.entries(tag.attributes).filter(([name]) => !managed.has(name)));
      const eager = index === 0 && !context.hasFeatureImage && (firstHeading === -1 || tag.start < firstHeading);
      const facts = await imageFacts(file);
      if (keepsOriginal(facts)) {
        // SVG and animations are served as written, with their size so the page does not jump.
        return plainImgHtml(publicUrl(file, context) ?? src, alt ?? "", { width: facts.width, height: facts.height, ...attributes }, eager).toString();
      }
      const { image, files } = await responsiveImage(file, "content");
      result.files.push(...files);
      // Width and height the author wrote are the display size; they win over the file's own.
      const ownSize = attributes.width && attributes.height;
      const picture = pictureHtml(ownSize ? { ...image, width: Number(attributes.width), height: Number(attributes.height) } : image, {
        alt: alt ?? "",
        sizes: contentSizes,
        eager,
        attributes: Object.fromEntries(Object.entries(attributes).filter(([name]) => name !== "width" && name !== "height")),
      });
      return picture.toString();
    }),
  );

  let out = body;
  for (let i = tags.length - 1; i >= 0; i--) {
    const replacement = replacements[i];
    if (replacement !== undefined) out = out.slice(0, tags[i]!.start) + replacement + out.slice(tags[i]!.end + 1);
  }
  result.html = out;
  return result;
}

function findImgTags(body: string): ImgTag[] {
  const tags: ImgTag[] = [];
  let pictureDepth = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "picture") pictureDepth++;
        // An <img> already inside a <picture> was laid out by its author.
        if (name === "img" && pictureDepth === 0) tags.push({ start: parser.startIndex, end: parser.endIndex, attributes });
      },
      onclosetag(name) {
        if (name === "picture") pictureDepth = Math.max(0, pictureDepth - 1);
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.write(body);
  parser.end();
  return tags;
}

/** Bundle-relative paths, site paths into the content folder (Hugo's URLs of bundle files) or static/. */
function resolve(src: string, context: BodyImageContext): { file: string | undefined; lookedFor: string[] } {
  let target = src.split(/[?#]/)[0]!;
  try {
    target = decodeURI(target);
  } catch {
    // Keep it as written.
  }
  const candidates = target.startsWith("/")
    ? [
        target.startsWith(context.pageUrl) ? path.join(context.bundleDir, target.slice(context.pageUrl.length)) : undefined,
        path.join(context.contentDir, target),
        path.join(context.staticDir, target),
      ].filter((candidate): candidate is string => candidate !== undefined)
    : [path.join(context.bundleDir, target)];
  const file = candidates.find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile());
  return { file, lookedFor: [...new Set(candidates)] };
}

/** The URL a file of the content or static folder is copied to, so the link holds wherever the page lives. */
function publicUrl(file: string, context: BodyImageContext): string | undefined {
  for (const root of [context.contentDir, context.staticDir]) {
    const relative = path.relative(root, file);
    if (!relative.startsWith("..") && !path.isAbsolute(relative)) return encodeURI(`/${relative.split(path.sep).join("/")}`);
  }
  return undefined;
}

/** Where an image is written in the source: the next occurrence of its path, as written or as rendered. */
function locate(src: string, context: BodyImageContext, searchFrom: Map<string, number>): { file: string; line: number; column: number; offset: number } {
  const offset = urlWrittenAt(context.source, src, searchFrom.get(src) ?? 0);
  if (offset === -1) return { file: context.file, line: context.firstLine, column: 1, offset: 0 };
  searchFrom.set(src, offset + 1);
  const position = positionAt(context.source, offset);
  return { file: context.file, line: position.line + context.firstLine - 1, column: position.column, offset };
}
