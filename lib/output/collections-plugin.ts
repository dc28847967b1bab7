import { AuthorError, AuthorErrors } from "../errors.ts";
import type { Post } from "../site/post.ts";
import { prepareAuthors, type SiteAuthors } from "../site/authors.ts";
import { prepareShareImage, type ShareImage } from "../site/share-image.ts";
import { prepareSiteIcons, type SiteIcons } from "../site/site-icons.ts";
import { buildSiteIndex, languageUrls, type CardSummary, type ContentData } from "../site/site-index.ts";
import { hasInterfaceText } from "../source/i18n.ts";
import { siteLanguages } from "../source/post-model.ts";
import type { SiteSettings } from "../source/site-settings.ts";
import type { CollectionApi, CollectionItem, EleventyConfig } from "../types/eleventy.ts";
import { printWarnings } from "./build-warnings.ts";

/** Renders a template partial with Eleventy's own Nunjucks environment (our filters included). */
type PartialRenderer = (name: string, context: Record<string, unknown>) => string;

const feedLength = 20;

export interface CollectionsPluginOptions {
  /** Absolute paths of the content folder and static/: where authors' files and pictures are. */
  contentDir: string;
  staticDir: string;
  settings: () => SiteSettings;
  /** True under the dev server: problems are printed and shown on their pages instead of stopping the build. */
  preview: boolean;
}

/**
 * Two collections: `site`, the index every template looks things up in (see lib/site/site-index.ts), and `feed`, the
 * Eleventy items of the posts the feeds carry (their rendered content is only available on the items).
 */
export function collectionsPlugin(eleventyConfig: EleventyConfig, options: CollectionsPluginOptions): void {
  let renderPartial: PartialRenderer | undefined;
  eleventyConfig.amendLibrary("njk", (environment: { render: PartialRenderer }) => {
    renderPartial = (name, context) => environment.render(name, context);
  });

  // A post's card appears on many pages (home, its list pages, its tags, categories, series, other posts):
  // it is rendered from the partial once per build and heading level, then reused.
  let cards = new WeakMap<Post, Map<string, string>>();
  const postCard = (post: Post, headingLevel = 2, summary: CardSummary = "full"): string => {
    if (!renderPartial) throw new Error("The Nunjucks environment was not set up before the cards");
    const variants = cards.get(post) ?? new Map<string, string>();
    cards.set(post, variants);
    const key = `${headingLevel}:${summary}`;
    let card = variants.get(key);
    if (card === undefined) variants.set(key, (card = renderPartial("partials/post-card.njk", { post, cardHeading: headingLevel, cardSummary: summary })));
    return card;
  };
  // Authors' pictures are encoded before the pages need them (the index is built synchronously).
  let authors: SiteAuthors = { site: undefined, byId: new Map() };
  let shareImage: ShareImage | undefined;
  let icons: SiteIcons | undefined;
  eleventyConfig.on("eleventy.before", async () => {
    cards = new WeakMap();
    const settings = options.settings();
    try {
      authors = await prepareAuthors(options.contentDir, options.staticDir, settings);
      shareImage = await prepareShareImage(options.contentDir, options.staticDir, settings.shareImage, settings.sourceFiles);
      icons = await prepareSiteIcons(options.contentDir, options.staticDir, settings);
    } catch (error) {
      if (!options.preview || !(error instanceof AuthorError)) throw error;
      // The preview keeps serving, without author boxes or share image, until the file is fixed.
      console.error(`[blog] ${error.message}`);
      authors = { site: undefined, byId: new Map() };
      shareImage = undefined;
      icons = undefined;
    }
  });
  eleventyConfig.addFilter("postCard", postCard);

  const toldFallback = new Set<string>();
  eleventyConfig.addCollection("site", (api: CollectionApi) => {
    const index = buildSiteIndex(api.getAll() as CollectionItem<Partial<ContentData>>[], options.settings(), postCard, authors);
    index.shareImage = shareImage;
    index.icons = icons;
    for (const { language } of index.languages) {
      if (hasInterfaceText(language.code) || toldFallback.has(language.code)) continue;
      toldFallback.add(language.code);
      console.log(`[blog] The interface has no text in ${language.name} (${language.code}) yet: its pages show it in English.`);
    }
    printWarnings(index.warnings.map((warning) => warning.message));
    if (index.errors.length > 0) {
      if (!options.preview) throw new AuthorErrors(index.errors);
      // The preview keeps serving: each broken page shows its error until the file is fixed.
      console.error(`[blog] Shown on their pages until fixed:\n${index.errors.map((e) => `  ${e.message}`).join("\n")}`);
    }
    return index;
  });

  // Each language's feed: its newest posts with a page of their own, as Eleventy items (their rendered content is
  // only available on the items), with the language's index for the feed's own URLs and title.
  eleventyConfig.addCollection("feeds", (api: CollectionApi) => {
    const settings = options.settings();
    const items = (api.getAll() as CollectionItem<Partial<ContentData>>[])
      // Published posts with a page of their own, in every list (the preview shows drafts and scheduled posts, not its feeds).
      .filter((item) => item.data.post?.kind === "post" && item.url && !item.data.post.unpublished && item.data.post.build.list === "always")
      .sort((a, b) => b.data.post!.date.getTime() - a.data.post!.date.getTime() || (a.data.post!.url < b.data.post!.url ? -1 : 1));
    const languages = settings.multilingual ? siteLanguages(settings) : [siteLanguages(settings)[0]!];
    return languages.map((language) => ({
      language,
      urls: languageUrls(language),
      home: `${language.prefix}/`,
      // A site without declared languages feeds its default language, as before languages could be declared.
      items: items.filter((item) => (settings.multilingual ? item.data.post!.lang === language.code : item.data.post!.isDefaultLanguage)).slice(0, feedLength),
    }));
  });
}
