import { shortcodes } from "../shortcodes/index.ts";
import { trustedHtml } from "../shortcodes/html.ts";
import { ParamError, type SiteLookup } from "../shortcodes/shortcode.ts";
import { AuthorError, AuthorErrors, displayPath } from "./errors.ts";
import { nearest } from "./nearest.ts";
import { errorBox } from "./render-body.ts";
import type { ContentData } from "./content-plugin.ts";
import type { Post } from "./post-model.ts";
import { buildTaxonomy, type Taxonomy } from "./taxonomies.ts";
import type { CollectionApi, CollectionItem, EleventyConfig } from "./types/eleventy.ts";

/**
 * Everything templates look up about the site, built once per build from all pages: each lookup afterwards is a
 * property access, so no template re-sorts or re-scans the posts.
 */
export interface SiteIndex {
  /** Published posts, newest first (external ones included: lists link out to them). */
  posts: Post[];
  /** Every page by its site-relative URL. */
  byUrl: Record<string, Post>;
  /** Terms by `termKey(name)`; a series term lists its parts in reading order. */
  tags: Taxonomy;
  categories: Taxonomy;
  series: Taxonomy;
  /** Output of the shortcode calls that needed the other pages, by input path, in call order. */
  siteCallOutputs: Record<string, string[]>;
  /** Problems found in the content; only the preview builds with any. */
  errors: AuthorError[];
}

/** Renders a template partial with Eleventy's own Nunjucks environment (our filters included). */
type PartialRenderer = (name: string, context: Record<string, unknown>) => string;

export interface CollectionsPluginOptions {
  /** True under the dev server: problems are printed and shown on their pages instead of stopping the build. */
  preview: boolean;
}

export function collectionsPlugin(eleventyConfig: EleventyConfig, options: CollectionsPluginOptions): void {
  let renderPartial: PartialRenderer | undefined;
  eleventyConfig.amendLibrary("njk", (environment: { render: PartialRenderer }) => {
    renderPartial = (name, context) => environment.render(name, context);
  });

  eleventyConfig.addCollection("site", (api: CollectionApi) => {
    if (!renderPartial) throw new Error("The Nunjucks environment was not set up before the collections");
    const index = buildSiteIndex(api.getAll() as CollectionItem<Partial<ContentData>>[], renderPartial);
    if (index.errors.length > 0) {
      if (!options.preview) throw new AuthorErrors(index.errors);
      // The preview keeps serving: each broken page shows its error until the file is fixed.
      console.error(`[blog] Shown on their pages until fixed:\n${index.errors.map((e) => `  ${e.message}`).join("\n")}`);
    }
    return index;
  });
}

export function buildSiteIndex(
  items: CollectionItem<Partial<ContentData>>[],
  renderPartial: PartialRenderer,
): SiteIndex {
  const errors: AuthorError[] = [];
  const pages: Post[] = [];
  const byUrl: Record<string, Post> = Object.create(null);
  const fileOfUrl = new Map<string, string>();
  for (const item of items) {
    errors.push(...(item.data.contentErrors ?? []));
    const page = item.data.post;
    if (!page) continue;
    pages.push(page);
    if (page.kind === "section") continue;
    const existing = byUrl[page.url];
    if (existing) {
      errors.push(
        new AuthorError(
          { file: item.inputPath, line: 1 },
          `This page has the URL ${page.url}, which ${displayPath(fileOfUrl.get(page.url) ?? existing.sourcePath)} already has`,
          "Give one of them a different `slug` in its front matter, or move it to another folder",
        ),
      );
    } else {
      byUrl[page.url] = page;
      fileOfUrl.set(page.url, item.inputPath);
    }
  }

  const posts = pages.filter((page) => page.kind === "post").sort(newestFirst);

  const site: SiteLookup = {
    findPost: (url) => byUrl[url],
    nearestUrls: (url) => nearest(url, Object.keys(byUrl)),
    card: (post, lang) => trustedHtml(renderPartial("partials/post-card.njk", { post, lang })),
  };
  const siteCallOutputs: Record<string, string[]> = Object.create(null);
  for (const item of items) {
    const calls = item.data.siteCalls;
    const page = item.data.post;
    if (!calls?.length || !page) continue;
    siteCallOutputs[item.inputPath] = calls.map((call) => {
      try {
        return shortcodes.get(call.name)!.render(call.params, { page: { lang: page.lang, url: page.url }, inner: undefined, site }).toString();
      } catch (error) {
        if (!(error instanceof ParamError)) throw error;
        const problem = new AuthorError(call, `{{< ${call.name} >}}: ${error.message}`, error.hint);
        errors.push(problem);
        return errorBox(problem).toString();
      }
    });
  }

  return {
    posts,
    byUrl,
    tags: buildTaxonomy("tags", posts, newestFirst),
    categories: buildTaxonomy("categories", posts, newestFirst),
    series: buildTaxonomy("series", posts, bySeriesOrder),
    siteCallOutputs,
    errors,
  };
}

function newestFirst(a: Post, b: Post): number {
  return b.date.getTime() - a.date.getTime() || a.url.localeCompare(b.url);
}

function bySeriesOrder(a: Post, b: Post): number {
  const order = (a.seriesOrder ?? Number.MAX_SAFE_INTEGER) - (b.seriesOrder ?? Number.MAX_SAFE_INTEGER);
  return order || a.date.getTime() - b.date.getTime() || a.url.localeCompare(b.url);
}
