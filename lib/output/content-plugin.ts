import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { BuildCache } from "../cache/build-cache.ts";
import { publish, type PublishedFile } from "../render/images.ts";
import { readPage, type ReadContext } from "../render/read-page.ts";
import { fillSiteCalls } from "../render/render-body.ts";
import { overriddenShortcodes, siteShortcodeFolder } from "../render/site-shortcodes.ts";
import { SourcePool } from "../render/source-pool.ts";
import { toPost } from "../site/post.ts";
import type { ContentData, SiteIndex } from "../site/site-index.ts";
import { contentCodeDigest } from "../source/content-code.ts";
import { contentFiles } from "../source/content-files.ts";
import { describeSource, languageOf, type SourceInfo } from "../source/post-model.ts";
import { publicationChanges, whyUnpublished, type Unpublished } from "../source/publication.ts";
import type { SiteSettings } from "../source/site-settings.ts";
import type { EleventyConfig } from "../types/eleventy.ts";
import { DevRefresh } from "./dev-refresh.ts";
import { listings } from "./incremental.ts";
import type { BodyLinks } from "./link-check-plugin.ts";
import type { PublicationSchedule } from "./publication-schedule.ts";

export interface ContentPluginOptions {
  /** Absolute path of the content folder. */
  contentDir: string;
  /** Absolute path of the project's static/ folder. */
  staticDir: string;
  settings: () => SiteSettings;
  /** True under the dev server: drafts are built (and marked) and errors are shown on their pages. */
  preview: boolean;
  /** True under the dev server: a post whose text alone changed is shown at once, before Eleventy's rebuild. */
  devRefresh: boolean;
  /** Where rendered pages are kept between builds. */
  cacheDir: string;
  /** Told the links of every body rendered, for the link check once the site is written. */
  links: BodyLinks;
  /** The build's clock: whether scheduled and expiring pages are published. */
  now: () => Date;
  /** Told each page's publication dates: the build's summary of what it left out, and when to build again. */
  schedule: PublicationSchedule;
}

/** From this many content files on, Markdown is rendered in worker threads beside Eleventy's own work. */
const poolThreshold = 200;

/**
 * Markdown content files, read our way instead of Eleventy's: Hugo front matter (YAML, TOML or JSON, checked
 * against one schema), Hugo's URL rules, and a body rendered once without ever passing through Nunjucks.
 * Eleventy's own `tags` and `permalink` meanings never see the author's front matter.
 */
export function contentPlugin(eleventyConfig: EleventyConfig, options: ContentPluginOptions): void {
  const { contentDir, staticDir, preview } = options;
  const cache = new BuildCache(options.cacheDir);
  listings.setContentDir(contentDir);
  let pool: SourcePool | undefined;
  let contentCode = contentCodeDigest(contentDir);
  // The site's own shortcodes are templates of ours, not pages; an edit to one renders the posts again.
  // Eleventy matches ignores against paths relative to where it runs, "../" included for a folder outside it.
  eleventyConfig.ignores.add(`${path.relative(process.cwd(), contentDir) || "."}/${siteShortcodeFolder}/**`);
  eleventyConfig.addWatchTarget(path.join(contentDir, siteShortcodeFolder));
  // Eleventy's data files (`index.json`, `posts.11tydata.js` beside a page) mean nothing to a Hugo site, whose bundles
  // may hold JSON files of their own; not looking for them also spares five lookups per page.
  eleventyConfig.setDataFileSuffixes([]);
  const toldOverrides = new Set<string>();
  // By page, so that a rebuild of one page in the dev server counts the others still.
  const snapshotsMissing = new Map<string, string[]>();
  let toldSnapshots: string | undefined;
  const context = (): ReadContext => ({ contentDir, staticDir, settings: options.settings(), cache, pool, contentCode });
  let bundles = new Map<string, PublishedFile[]>();
  // Read once per build: every page asks about the folders above it.
  let sections = new Map<string, string[]>();
  const sectionFiles = (folder: string) => sections.get(folder) ?? sections.set(folder, sectionFilesIn(folder)).get(folder)!;
  const dataOf = (file: string) => contentData(file, context(), preview, options.now(), { bundleFiles: (bundleDir) => bundles.get(bundleDir) ?? [], sectionFiles });
  const devRefresh = options.devRefresh ? new DevRefresh(eleventyConfig, path.join(os.tmpdir(), `blog-dev-refresh-${process.pid}`)) : undefined;

  // Before an incremental rebuild: which changed files changed what other pages show of them?
  eleventyConfig.on("eleventy.beforeWatch", async (changed: string[]) => {
    listings.beginRebuild();
    sections = new Map();
    contentCode = contentCodeDigest(contentDir);
    for (const changedFile of changed) {
      const file = path.resolve(changedFile);
      if (!listings.isContentFile(file) || !fs.existsSync(file)) {
        listings.markChanged(file);
        continue;
      }
      const data = await dataOf(file);
      if (listings.compare(file, data.post, data.permalink !== false)) continue;
      if (devRefresh && !data.contentErrors?.length && options.settings().pathPrefix === "/") {
        // Only the page itself changed: show it now; the incremental rebuild that follows writes the same page.
        const result = await readPage(file, context());
        if (result.ok) {
          const html = result.page.body.html;
          devRefresh.refresh(file, data, (last) => bodyWithSiteCalls(html, last.collections?.site?.siteCallOutputs[last.page?.inputPath ?? ""]));
        }
      }
    }
  });

  // Every content file is read as soon as a build starts (in workers, for a large site), so the pages are ready
  // by the time Eleventy asks for their data.
  eleventyConfig.on("eleventy.before", () => {
    contentCode = contentCodeDigest(contentDir);
    for (const name of overriddenShortcodes(contentDir).filter((name) => !toldOverrides.has(name))) {
      toldOverrides.add(name);
      console.log(`[blog] ${siteShortcodeFolder}/${name}.njk replaces the built-in shortcode "${name}".`);
    }
    const { markdown: files, resources } = contentFiles(contentDir);
    // Page bundles: the images and files beside a post are served from the same folder as in Hugo, once a page
    // of the bundle is published that publishes them (not a draft's, nor `publishResources: false`). Files
    // outside any page bundle are published as they are.
    bundles = bundleResources(contentDir, files, resources);
    sections = new Map();
    publish(bundles.get("") ?? []);
    // The dev server keeps its workers for the edits to come.
    if (!pool && files.length >= poolThreshold) pool = new SourcePool({ closeWhenIdle: !options.devRefresh });
    const now = context();
    for (const file of files) readPage(file, now).catch(() => undefined);
  });

  // A production build says what it left out for its dates, and when to build again; any build, once, how many
  // embeds show less than they could.
  eleventyConfig.on("eleventy.after", () => {
    const summary = preview ? undefined : options.schedule.summary(options.settings().timeZone);
    if (summary) console.log(summary);
    const notice = missingSnapshotsNotice(snapshotsMissing, path.relative(process.cwd(), contentDir) || ".");
    // The dev server says it again only when it changes.
    if (notice && notice !== toldSnapshots) console.log(notice);
    toldSnapshots = notice;
  });

  // Eleventy 3.1 forgets to hand its extension map to an engine that overrides a built-in one (ours replaces
  // "md"), which breaks incremental builds; give the engine the map it would otherwise have got.
  eleventyConfig.on("eleventy.extensionmap", async (map: { engineManager: { getEngine(name: string, map: unknown): Promise<{ extensionMap: unknown; engineManager: unknown }> } }) => {
    const engine = await map.engineManager.getEngine("md", map);
    try {
      void engine.extensionMap;
    } catch {
      engine.extensionMap = map;
      engine.engineManager = map.engineManager;
    }
  });

  eleventyConfig.addExtension("md", {
    read: false,
    isIncrementalMatch(this: { inputPath: string }, changedFile: string) {
      return path.resolve(this.inputPath) === path.resolve(changedFile) || listings.affectsOtherPages(changedFile);
    },
    getData: async (inputPath: string) => {
      const file = path.resolve(inputPath);
      const data = await dataOf(file);
      if (data.post) listings.record(file, data.post, data.permalink !== false);
      snapshotsMissing.set(file, data.missingSnapshots ?? []);
      const left = data.post?.unpublished && data.permalink === false ? data.post : undefined;
      options.links.noteUnpublished(file, left && { url: left.url, reason: left.unpublished!, publishDate: left.publishDate });
      // The preview notes them too: its marks ("Scheduled for …") change with the clock, so a kept preview expires.
      if (data.post) options.schedule.note(file, { unpublished: data.post.unpublished, changes: data.publicationChanges as ReturnType<typeof publicationChanges> });
      return data;
    },
    compile: (_unread: string, inputPath: string) => async (data: { collections: { site: SiteIndex }; page: { url?: string | false } }) => {
      const file = path.resolve(inputPath);
      const result = await readPage(file, context());
      devRefresh?.remember(file, data);
      if (!result.ok) return "";
      const html = bodyWithSiteCalls(result.page.body.html, data.collections.site.siteCallOutputs[inputPath]);
      if (data.page.url) options.links.record(file, data.page.url, html);
      return html;
    },
  });
}

async function contentData(
  file: string,
  context: ReadContext,
  preview: boolean,
  now: Date,
  folders: {
    /** The files of a page bundle, by its content-relative folder. */
    bundleFiles: (bundleDir: string) => PublishedFile[];
    /** The `_index` files of a folder. */
    sectionFiles: (folder: string) => string[];
  },
): Promise<ContentData & Record<string, unknown>> {
  const result = await readPage(file, context);
  if (!result.ok) {
    const shown = preview && result.errors.length > 0;
    return {
      contentErrors: result.errors,
      contentWarnings: result.warnings,
      lang: result.source.lang,
      title: result.source.fileSlug,
      layout: shown ? "error.njk" : false,
      // Only the dev server renders the page, to show the error where the author is looking; a file left out on
      // purpose has no page.
      permalink: shown ? fallbackUrl(result.source.relativePath, result.source.kind) : false,
    };
  }

  const { meta, body, summary, featureImage, files, warnings, policy, missingSnapshots } = result.page;
  // A draft, a page not yet due or one expired: left out of a production build, shown and marked by the preview.
  // Hugo builds nothing under a section it leaves out either.
  const unpublished = whyUnpublished(meta, context.settings, now) ?? (await sectionLeftOut(meta.source, context, now, folders.sectionFiles));
  const hidden = unpublished !== undefined && !preview;
  const writesPage = meta.source.kind !== "section" && !meta.externalUrl && !hidden && meta.build.render === "always";
  if (!hidden) {
    publish(files);
    const resources = folders.bundleFiles(meta.source.bundleDir);
    // Hugo publishes the files of a bundle that keeps them (`publishResources: false`) only when the page uses them.
    publish(meta.build.publishResources ? resources : resources.filter((resource) => usedBy(body.html, resource.url, meta.source.bundleDir)));
  }
  // Frozen, Eleventy's data cascade shares the object instead of deep-copying it into every page's data.
  const post = Object.freeze(
    toPost(meta, languageOf(context.settings, meta.source.lang), {
      summary,
      featureImage,
      wordCount: body.wordCount,
      readingMinutes: body.readingMinutes,
      headings: body.headings,
      unpublished,
      hasPage: writesPage,
    }),
  );
  return {
    post,
    lang: meta.source.lang,
    title: meta.title,
    summary,
    description: meta.description ?? summary,
    date: meta.date,
    // A page that is not written (external, section, unpublished, `render: never`) needs no layout rendered either.
    layout: !writesPage ? false : meta.source.kind === "post" ? "post.njk" : "page.njk",
    permalink: writesPage ? meta.url : false,
    leftOut: hidden,
    publicationChanges: publicationChanges(meta, context.settings, now),
    contentErrors: body.errors,
    contentWarnings: warnings,
    siteCalls: body.siteCalls,
    scripts: body.scripts,
    styles: body.styles,
    sectionHtml: meta.source.kind === "section" ? body.html : undefined,
    policy,
    missingSnapshots: hidden ? [] : missingSnapshots,
  };
}

/**
 * Why a section above the page (an `_index` file of its language in a folder it sits in: the home page's, `posts/`…)
 * is left out of this build, if one is.
 */
async function sectionLeftOut(source: SourceInfo, context: ReadContext, now: Date, sectionFiles: (folder: string) => string[]): Promise<Unpublished | undefined> {
  const folders = source.relativePath.split("/").slice(0, -1);
  // A section's own file is not above itself, nor a leaf bundle's folder a section.
  const own = source.kind === "section" || /^index\./.test(path.basename(source.relativePath));
  for (let i = 0; i <= folders.length - (own ? 1 : 0); i++) {
    const folder = path.join(context.contentDir, ...folders.slice(0, i));
    for (const name of sectionFiles(folder)) {
      const relative = path.relative(context.contentDir, path.join(folder, name));
      if (describeSource(relative, context.settings).lang !== source.lang) continue;
      const section = await readPage(path.join(folder, name), context);
      const reason = section.ok ? whyUnpublished(section.page.meta, context.settings, now) : undefined;
      if (reason) return reason;
    }
  }
  return undefined;
}

/** The `_index` files of a folder (one per language). */
function sectionFilesIn(folder: string): string[] {
  try {
    return fs.readdirSync(folder).filter((name) => /^_index(\.[A-Za-z0-9-]+)?\.(md|markdown)$/.test(name));
  } catch {
    return [];
  }
}

/**
 * The resources of each leaf bundle (a folder with an `index` page, its subfolders included), keyed by the bundle's
 * content-relative folder; "" holds the files of no leaf bundle.
 */
function bundleResources(contentDir: string, markdown: string[], resources: string[]): Map<string, PublishedFile[]> {
  const leafBundles = new Set(markdown.filter((file) => /^index\./i.test(path.basename(file))).map((file) => path.relative(contentDir, path.dirname(file)).split(path.sep).join("/")));
  const byBundle = new Map<string, PublishedFile[]>();
  for (const file of resources) {
    const relative = path.relative(contentDir, file).split(path.sep).join("/");
    const folders = relative.split("/").slice(0, -1);
    let bundle = "";
    for (let depth = 1; depth <= folders.length; depth++) {
      const folder = folders.slice(0, depth).join("/");
      if (leafBundles.has(folder)) {
        bundle = folder;
        break;
      }
    }
    byBundle.set(bundle, [...(byBundle.get(bundle) ?? []), { url: `/${relative}`, file }]);
  }
  return byBundle;
}

/** Whether a page's body refers to a file of its bundle, by its site path or its path in the bundle. */
function usedBy(html: string, url: string, bundleDir: string): boolean {
  const inBundle = url.slice(bundleDir.length + 2);
  return [url, inBundle, encodeURI(url), encodeURI(inBundle)].some((reference) => html.includes(`"${reference}"`) || html.includes(`"./${reference}"`));
}

function bodyWithSiteCalls(html: string, outputs: string[] | undefined): string {
  return outputs ? fillSiteCalls(html, outputs) : html;
}

/** The URL a file would have from its place alone, used when its front matter cannot be read. */
function fallbackUrl(relativePath: string, kind: string): string {
  const folders = relativePath.split("/").slice(0, -1);
  const stem = path.basename(relativePath).replace(/\..*$/, "");
  const parts = stem === "index" || kind === "section" ? folders : [...folders, stem];
  return `/${parts.join("/")}/`.replace(/\/+/g, "/");
}

/** One line on the embeds whose cards lack what `npm run embeds` would keep, by kind, and the command. */
function missingSnapshotsNotice(byPage: ReadonlyMap<string, readonly string[]>, contentFolder: string): string | undefined {
  const embeds = new Set([...byPage.values()].flat());
  if (embeds.size === 0) return undefined;
  const kinds = new Map<string, number>();
  for (const embed of embeds) kinds.set(embed.split("/")[0]!, (kinds.get(embed.split("/")[0]!) ?? 0) + 1);
  const counted = [...kinds].sort(([a], [b]) => a.localeCompare(b)).map(([kind, count]) => `${kind} ${count}`).join(", ");
  return `[blog] ${embeds.size} embed${embeds.size === 1 ? " has" : "s have"} no snapshot (${counted}), so ${embeds.size === 1 ? "its card shows" : "their cards show"} only a link: \`npm run embeds\` fetches them once, then commit ${path.join(contentFolder, "_data", "embeds")}/.`;
}
