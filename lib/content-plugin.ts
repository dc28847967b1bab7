import path from "node:path";
import type { SiteIndex } from "./site-index.ts";
import type { PolicyNeeds } from "./content-policy.ts";
import type { AuthorError } from "./errors.ts";
import { toPost, type Post } from "./post-model.ts";
import { publish } from "./images.ts";
import { readPage, type ReadContext } from "./read-page.ts";
import { fillSiteCalls, type SiteShortcodeCall } from "./render-body.ts";
import { loadSiteSettings } from "./site-settings.ts";
import type { EleventyConfig } from "./types/eleventy.ts";

/** The data every content page carries into the Eleventy data cascade. */
export interface ContentData {
  post?: Post;
  /** Set when the file could not be read: the site builder reports them, the dev server shows them on the page. */
  contentErrors?: AuthorError[];
  /** Problems that do not stop the build, printed once per build. */
  contentWarnings?: AuthorError[];
  /** Shortcode calls that need the other pages, rendered by the site builder. */
  siteCalls?: SiteShortcodeCall[];
  /** Scripts the page's shortcodes need. */
  scripts?: string[];
  /** The rendered text of a section's `_index.md`, shown on its list page. */
  sectionHtml?: string;
  /** What the body needs from the Content-Security-Policy. */
  policy?: PolicyNeeds;
  lang: string;
  title: string;
}

export interface ContentPluginOptions {
  /** Absolute path of the content folder. */
  contentDir: string;
  /** Absolute path of the project's static/ folder. */
  staticDir: string;
  /** True under the dev server: drafts are built (and marked) and errors are shown on their pages. */
  preview: boolean;
}

/**
 * Markdown content files, read our way instead of Eleventy's: Hugo front matter (YAML, TOML or JSON, checked
 * against one schema), Hugo's URL rules, and a body rendered once without ever passing through Nunjucks.
 * Eleventy's own `tags` and `permalink` meanings never see the author's front matter.
 */
export function contentPlugin(eleventyConfig: EleventyConfig, options: ContentPluginOptions): void {
  const { contentDir, staticDir, preview } = options;
  const context = () => ({ contentDir, staticDir, settings: loadSiteSettings(contentDir) });

  // Page bundles: the images and files beside a post are served from the same folder as in Hugo.
  const contentGlob = path.relative(process.cwd(), contentDir) || ".";
  eleventyConfig.addPassthroughCopy(`${contentGlob}/**/*.{${bundleResourceExtensions.join(",")}}`);

  eleventyConfig.addExtension("md", {
    read: false,
    getData: (inputPath: string) => contentData(path.resolve(inputPath), context(), preview),
    compile: (_unread: string, inputPath: string) => async (data: { collections: { site: SiteIndex } }) => {
      const result = await readPage(path.resolve(inputPath), context());
      if (!result.ok) return "";
      const outputs = data.collections.site.siteCallOutputs[inputPath];
      return outputs ? fillSiteCalls(result.page.body.html, outputs) : result.page.body.html;
    },
  });
}

async function contentData(file: string, context: ReadContext, preview: boolean): Promise<ContentData & Record<string, unknown>> {
  const result = await readPage(file, context);
  if (!result.ok) {
    return {
      contentErrors: result.errors,
      lang: result.source.lang,
      title: result.source.fileSlug,
      layout: "error.njk",
      // Only the dev server renders the page, to show the error where the author is looking.
      permalink: preview ? fallbackUrl(result.source.relativePath, result.source.kind) : false,
    };
  }

  const { meta, body, summary, featureImage, files, warnings, policy } = result.page;
  publish(files);
  const post = toPost(meta, {
    summary,
    featureImage,
    wordCount: body.wordCount,
    readingMinutes: body.readingMinutes,
    headings: body.headings,
  });
  const hiddenDraft = meta.draft && !preview;
  const writesPage = meta.source.kind !== "section" && !meta.externalUrl && !hiddenDraft;
  return {
    post,
    lang: meta.source.lang,
    title: meta.title,
    summary,
    description: meta.description ?? summary,
    date: meta.date,
    // A page that is not written (external, section, hidden draft) needs no layout rendered either.
    layout: !writesPage ? false : meta.source.kind === "post" ? "post.njk" : "page.njk",
    permalink: writesPage ? meta.url : false,
    eleventyExcludeFromCollections: hiddenDraft,
    contentErrors: body.errors,
    contentWarnings: warnings,
    siteCalls: body.siteCalls,
    scripts: body.scripts,
    sectionHtml: meta.source.kind === "section" ? body.html : undefined,
    policy,
  };
}

const bundleResourceExtensions = ["avif", "gif", "jpg", "jpeg", "png", "svg", "webp", "pdf", "mp3", "mp4", "webm", "zip"];

/** The URL a file would have from its place alone, used when its front matter cannot be read. */
function fallbackUrl(relativePath: string, kind: string): string {
  const folders = relativePath.split("/").slice(0, -1);
  const stem = path.basename(relativePath).replace(/\..*$/, "");
  const parts = stem === "index" || kind === "section" ? folders : [...folders, stem];
  return `/${parts.join("/")}/`.replace(/\/+/g, "/");
}
