import fs from "node:fs";
import path from "node:path";
import { AuthorError, AuthorErrors, nearest, positionAt, urlWrittenAt } from "../errors.ts";
import type { Unpublished } from "../source/publication.ts";
import type { SiteSettings } from "../source/site-settings.ts";
import { tolerates } from "../source/tolerance.ts";
import type { EleventyConfig } from "../types/eleventy.ts";
import { printWarnings } from "./build-warnings.ts";

interface UnpublishedPage {
  url: string;
  reason: Unpublished;
  publishDate: Date | undefined;
}

/** The links one content file's body makes, as its page was written. */
interface BodyLinkRecord {
  url: string;
  hrefs: string[];
}

/**
 * The links the author wrote in each page's body, recorded as the pages are rendered (the content plugin calls
 * `record`). Only bodies are checked: the links of the layouts are the generator's, and tested.
 */
export class BodyLinks {
  readonly #pages = new Map<string, BodyLinkRecord>();
  /** Pages this build leaves out (drafts, not yet due, expired), by source file: a link to one deserves its own message. */
  readonly #unpublished = new Map<string, UnpublishedPage>();

  record(inputPath: string, url: string, html: string): void {
    this.#pages.set(path.resolve(inputPath), { url, hrefs: linksIn(html) });
  }

  /** Tells whether a content file is left out of this build (so its URL has no page), and why. */
  noteUnpublished(inputPath: string, page: UnpublishedPage | undefined): void {
    if (page) this.#unpublished.set(path.resolve(inputPath), page);
    else this.#unpublished.delete(path.resolve(inputPath));
  }

  /**
   * Every recorded link that leads to no page, file or anchor of the site built into `outputDir`; those to a page
   * scheduled or expired apart (`dated`), since time, not an edit, broke them.
   */
  check(outputDir: string): { problems: AuthorError[]; dated: AuthorError[] } {
    const site = new BuiltSite(outputDir);
    const unpublished = new Map([...this.#unpublished.values()].map((page) => [page.url, page]));
    const problems: AuthorError[] = [];
    const dated: AuthorError[] = [];
    for (const [file, { url, hrefs }] of this.#pages) {
      // A file deleted since (under the dev server) has no page any more.
      if (!fs.existsSync(file)) continue;
      const located = new Locator(file);
      for (const href of hrefs) {
        const target = resolveLink(href, url);
        const wrong = target && whatIsWrong(target, site, unpublished);
        if (wrong) (wrong.dated ? dated : problems).push(new AuthorError(located.find(href), `The link "${decode(href)}" ${wrong.problem}`, wrong.hint));
      }
    }
    return { problems, dated };
  }
}

function whatIsWrong(target: { path: string; fragment: string }, site: BuiltSite, unpublished: Map<string, UnpublishedPage>): { problem: string; hint: string; dated?: boolean } | undefined {
  const file = site.fileOf(target.path);
  const left = file ? undefined : unpublished.get(target.path);
  if (left?.reason === "draft") {
    return { problem: "goes to a draft, which is not published", hint: "Publish it (`draft: false` in its front matter) or link elsewhere until it is" };
  }
  if (left?.reason === "future") {
    return {
      problem: `goes to a page scheduled for ${left.publishDate?.toISOString()}, which is not published yet`,
      hint: "Publish the linking post after it (its own publishDate), link to it once it is out, or set buildFuture",
      dated: true,
    };
  }
  if (left?.reason === "expired") {
    return { problem: "goes to a page whose expiryDate has passed, which is not published any more", hint: "Remove the link, or its expiryDate, or set buildExpired", dated: true };
  }
  if (!file) {
    const suggestions = nearest(target.path, site.pageUrls());
    return {
      problem: "goes to no page or file of this site",
      hint: suggestions.length > 0 ? `Did you mean ${suggestions.join(" or ")}?` : "Fix the link, or publish the page it goes to",
    };
  }
  // "#top" is the top of any page, with or without such an id.
  if (!target.fragment || target.fragment === "top" || !file.endsWith(".html") || site.idsOf(file).has(target.fragment)) return undefined;
  const suggestions = nearest(target.fragment, site.headingIdsOf(file)).map((id) => `#${id}`);
  return {
    problem: `goes to ${target.path}, which has no #${target.fragment}`,
    hint: suggestions.length > 0 ? `Did you mean ${suggestions.join(" or ")}?` : "Link to one of the page's headings",
  };
}

export interface LinkCheckPluginOptions {
  links: BodyLinks;
  settings: () => SiteSettings;
  /** The preview only warns: a link being written is often broken for a moment. */
  preview: boolean;
}

/**
 * Once every page is written, each link a post's body makes to the site itself must lead somewhere: a page, a
 * file, and the anchor it names. A broken one stops the build (or only warns, see `brokenLinks`), with the file
 * and line of the link and the nearest URLs or headings that exist.
 */
export function linkCheckPlugin(eleventyConfig: EleventyConfig, options: LinkCheckPluginOptions): void {
  // Not async: a throw here stops the build before the listeners after this one (the search index) start.
  eleventyConfig.on("eleventy.after", ({ directories }: { directories: { output: string } }) => {
    const { problems, dated } = options.links.check(directories.output);
    // A scheduled build must not fail on a link the clock broke: said, and the rest of the site published on time.
    if (dated.length > 0) printWarnings(dated.map((problem) => problem.message));
    if (problems.length === 0) return;
    if (options.preview || tolerates(options.settings(), "brokenLink")) printWarnings(problems.map((problem) => problem.message));
    else throw new AuthorErrors(problems);
  });
}

/** `href`s of the `<a>` elements of some HTML, entity-decoded. Code blocks show `&lt;a`, so they never match. */
export function linksIn(html: string): string[] {
  const hrefs: string[] = [];
  for (const match of html.matchAll(/<a\s[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>=`]+))/gi)) {
    hrefs.push((match[1] ?? match[2] ?? match[3] ?? "").replaceAll("&amp;", "&").replaceAll("&quot;", '"').replaceAll("&#39;", "'"));
  }
  return hrefs;
}

/** A link into the site, as a decoded path and fragment; undefined for links elsewhere (or to no place at all). */
export function resolveLink(href: string, pageUrl: string): { path: string; fragment: string } | undefined {
  if (href === "" || /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(href)) return undefined;
  const origin = "http://site.invalid";
  const url = new URL(href, origin + pageUrl);
  if (url.origin !== origin) return undefined;
  return { path: decode(url.pathname), fragment: decode(url.hash.slice(1)) };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** What a built site has, looked up once per path. */
class BuiltSite {
  readonly #outputDir: string;
  readonly #files = new Map<string, string | undefined>();
  readonly #anchors = new Map<string, { ids: Set<string>; headings: Set<string> }>();
  #pageUrls: string[] | undefined;

  constructor(outputDir: string) {
    this.#outputDir = outputDir;
  }

  /** The file a site path is served from: itself, or the index.html of a folder (with or without a final `/`). */
  fileOf(sitePath: string): string | undefined {
    if (!this.#files.has(sitePath)) {
      const file = path.join(this.#outputDir, ...sitePath.split("/"));
      const candidates = sitePath.endsWith("/") ? [path.join(file, "index.html")] : [file, path.join(file, "index.html")];
      this.#files.set(
        sitePath,
        candidates.find((candidate) => fs.statSync(candidate, { throwIfNoEntry: false })?.isFile()),
      );
    }
    return this.#files.get(sitePath);
  }

  /** The places a link into a page can name: ids, and old-style `<a name>` anchors. */
  idsOf(file: string): Set<string> {
    return this.#anchorsOf(file).ids;
  }

  /** The ids of a page's headings: what a mistyped anchor most likely meant. */
  headingIdsOf(file: string): Set<string> {
    return this.#anchorsOf(file).headings;
  }

  #anchorsOf(file: string): { ids: Set<string>; headings: Set<string> } {
    let anchors = this.#anchors.get(file);
    if (!anchors) {
      anchors = { ids: new Set(), headings: new Set() };
      for (const match of fs.readFileSync(file, "utf8").matchAll(/<([a-z][a-z0-9]*)\s[^>]*?\b(id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>=`]+))/gi)) {
        const [, tag = "", attribute = "", ...values] = match;
        const value = values.find((v) => v !== undefined) ?? "";
        if (attribute.toLowerCase() === "name" && tag.toLowerCase() !== "a") continue;
        anchors.ids.add(value);
        if (/^h[1-6]$/i.test(tag)) anchors.headings.add(value);
      }
      this.#anchors.set(file, anchors);
    }
    return anchors;
  }

  /** Every page's URL, for suggestions. */
  pageUrls(): string[] {
    this.#pageUrls ??= fs
      .readdirSync(this.#outputDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name === "index.html")
      .map((entry) => `/${path.relative(this.#outputDir, entry.parentPath).split(path.sep).join("/")}/`.replace(/^\/\/$/, "/"));
    return this.#pageUrls;
  }
}

/** Finds where in its source file a link was written, occurrence after occurrence. */
class Locator {
  readonly #file: string;
  #text: string | undefined;
  readonly #searchFrom = new Map<string, number>();

  constructor(file: string) {
    this.#file = file;
  }

  find(href: string): { file: string; line?: number; column?: number } {
    const text = (this.#text ??= fs.readFileSync(this.#file, "utf8"));
    const from = this.#searchFrom.get(href) ?? 0;
    const offset = urlWrittenAt(text, href, from);
    if (offset === -1) return { file: this.#file };
    this.#searchFrom.set(href, offset + 1);
    return { file: this.#file, ...positionAt(text, offset) };
  }
}
