import { DateTime } from "luxon";
import { trustedHtml } from "../../shortcodes/html.ts";
import { shortcodes } from "../../shortcodes/index.ts";
import type { SiteLookup } from "../../shortcodes/shortcode.ts";
import { AuthorError, displayPath, nearest } from "../errors.ts";
import { mergeNeeds, type PolicyNeeds } from "../render/content-policy.ts";
import { errorBox, renderContext, reportParamError, type SiteShortcodeCall } from "../render/render-body.ts";
import { translate } from "../source/i18n.ts";
import type { SiteSettings } from "../source/site-settings.ts";
import { tolerates } from "../source/tolerance.ts";
import type { CollectionItem } from "../types/eleventy.ts";
import type { AuthorCard, SiteAuthors } from "./authors.ts";
import type { Post } from "./post.ts";
import { resolveMenus, type MenuItem } from "./menus.ts";
import type { SiteIcons } from "./site-icons.ts";
import type { ShareImage } from "./share-image.ts";
import { defaultRelated, relatedPosts, type RelatedRules } from "./related-posts.ts";
import { buildTaxonomy, taxonomyNames, termKey, type Taxonomy, type TaxonomyName, type Term } from "./taxonomies.ts";
import { siteLanguages } from "../source/post-model.ts";
import type { SiteLanguage } from "../source/site-languages.ts";

/** The data every content page carries into the Eleventy data cascade (the content plugin makes it): the index's input. */
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
  /** Stylesheets the page's content needs besides the site's (math). */
  styles?: string[];
  /** The rendered text of a section's `_index.md`, shown on its list page. */
  sectionHtml?: string;
  /** What the body needs from the Content-Security-Policy. */
  policy?: PolicyNeeds;
  /** Left out of this build (a draft, not yet due, expired, or under such a section): no part of the site. */
  leftOut?: boolean;
  /** Embeds on the page without a snapshot from `npm run embeds` (`kind/id`). */
  missingSnapshots?: string[];
  lang: string;
  title: string;
}

/** One page of a paginated list of posts: the post list, a section, or a taxonomy term. */
export interface ListPage {
  /** The list's language (`lang` of its pages). */
  lang: string;
  url: string;
  title: string;
  /** Heading shown before the title, e.g. "标签" on a tag page. */
  label: string | undefined;
  description: string;
  /** The section's own text (its `_index.md`), on the first page only. */
  introHtml: string | undefined;
  posts: Post[];
  pageNumber: number;
  totalPages: number;
  /** URL of every page of this list, for numbered pagination (shared by all its pages). */
  pageUrls: string[];
  /** Newest date among the list's posts, for the sitemap. */
  lastmod: Date | undefined;
  /** On an author's page: who the author is. */
  author: AuthorCard | undefined;
}

export interface TaxonomyIndex {
  lang: string;
  taxonomy: TaxonomyName;
  url: string;
  title: string;
  /** Every term, alphabetically, each with its posts. */
  terms: Term[];
}

export interface Neighbours {
  /** By date, among posts with a page of their own. */
  newer: Post | undefined;
  older: Post | undefined;
  /** Within the post's series, in reading order. */
  previousPart: Post | undefined;
  nextPart: Post | undefined;
}

export interface Section {
  url: string;
  /** Its content folder, e.g. "posts/2022": the posts under it are its posts, whatever their URLs. */
  folder: string;
  lang: string;
  title: string;
  summary: string;
  html: string;
}

export interface Alias {
  /** The old URL that redirects. */
  url: string;
  target: Post;
}

/** One language of the site as a whole site: its posts, lists, taxonomies, archive, feeds and sitemap. */
export interface LanguageIndex {
  language: SiteLanguage;
  /** Its home page: "/" for the default language at the root, else "/zh-cn/". */
  home: string;
  /** Its posts shown in lists, in Hugo's order: by weight (the weighted first), then newest first. */
  posts: Post[];
  /** The home page's own text (`_index.md`, `_index.zh-cn.md`). */
  intro: Section | undefined;
  tags: Taxonomy;
  categories: Taxonomy;
  series: Taxonomy;
  authors: Taxonomy;
  /** Every taxonomy of the site by its plural name, its own ("topics") among them. */
  taxonomies: Record<string, Taxonomy>;
  taxonomyIndexes: TaxonomyIndex[];
  listPages: ListPage[];
  archive: Array<{ year: string; posts: Post[] }>;
  /** Where its generated pages are. */
  urls: { archive: string; search: string; notFound: string; atom: string; json: string; rss: string; sitemap: string };
  /** Hugo's RSS feeds: its home's, then each list's (posts, sections, terms). */
  rssFeeds: RssFeed[];
  /** The RSS feed of each page of its home and lists, by the page's URL. */
  rssFeedOf: Record<string, RssFeed>;
  sitemap: Array<{ url: string; lastmod: Date | undefined }>;
  /** Related posts of its posts that show them. */
  related: Record<string, Post[]>;
  breadcrumbs: Record<string, Array<{ title: string; url: string }>>;
  /** Its menus (`main`, `footer`…), each entry's link resolved. */
  menus: Record<string, MenuItem[]>;
}

/**
 * One of Hugo's RSS 2.0 feeds, at `<list>/index.xml`: a list's posts with a link, newest first by date (Hugo's RSS
 * order, not weight), at most `rssLimit` of them. Dates are RFC 822 in the language's time zone, as Hugo writes them.
 */
export interface RssFeed {
  /** Where the feed is: "/posts/index.xml". */
  url: string;
  /** The list page it is the feed of: "/posts/". */
  link: string;
  title: string;
  description: string;
  lang: string;
  items: Post[];
  /** Each item's pubDate, in the order of `items`. */
  pubDates: string[];
  /** The newest item's date (not the build's), so a build of the same content writes the same feed. */
  lastBuildDate: string | undefined;
}

/**
 * Everything templates look up about the site, built once per build from all pages: each lookup afterwards is a
 * property access, so no template re-sorts or re-scans the posts, and nothing grows with the square of the posts.
 */
export interface SiteIndex {
  /** The site's picture for link previews of pages without a feature image (set once it is encoded). */
  shareImage?: ShareImage | undefined;
  /** The site's icons, linked from every page's head. */
  icons?: SiteIcons | undefined;
  /** Languages were declared: each language is a whole site, linked to the others. */
  multilingual: boolean;
  /** Each language's site, the default first (one for a site that declares no languages). */
  languages: LanguageIndex[];
  /** The same, by the language's `lang` code ("zh-CN"). */
  byLanguage: Record<string, LanguageIndex>;
  /** Every page by its site-relative URL. */
  byUrl: Record<string, Post>;
  /** Every page of every paginated list, of every language. */
  listPages: ListPage[];
  taxonomyIndexes: TaxonomyIndex[];
  neighbours: Record<string, Neighbours>;
  /** Other-language versions of a post, by URL. */
  translations: Record<string, Post[]>;
  /** Who wrote each post: its `authors`, else the site's author (the box shows them when `showAuthor`). */
  bylines: Record<string, AuthorCard[]>;
  /** Posts sharing tags, categories, series or authors, for the posts that show them (`showRelatedContent`). */
  related: Record<string, Post[]>;
  /** The way from the home page down to each post that shows it (`showBreadcrumbs`), the post itself last. */
  breadcrumbs: Record<string, Array<{ title: string; url: string }>>;
  /** The same page in the other languages, for every page that has one (multilingual sites): hreflang, switcher. */
  alternates: Record<string, Array<{ lang: string; url: string }>>;
  /** Section texts (`_index.md`) by URL; "/" is the home page's. */
  sections: Record<string, Section>;
  aliases: Alias[];
  /** The root's redirect to the default language's home, when that language lives under its code too. */
  rootRedirects: Array<{ url: string; target: { url: string; lang: string; title: string } }>;
  /** One sitemap per language (one in all for a site of one language), and the index of them when there are several. */
  sitemaps: Array<{ url: string; lang: string; entries: LanguageIndex["sitemap"] }>;
  sitemapIndexes: Array<{ url: string; sitemaps: string[] }>;
  /** Every language's RSS feeds, and the feed of each home and list page by its URL. */
  rssFeeds: RssFeed[];
  rssFeedOf: Record<string, RssFeed>;
  /** Output of the shortcode calls that needed the other pages, by input path, in call order. */
  siteCallOutputs: Record<string, string[]>;
  /** What the content of every page needs from the Content-Security-Policy. */
  contentPolicy: PolicyNeeds;
  /** Problems found in the content; only the preview builds with any. */
  errors: AuthorError[];
  /** Problems that do not stop the build. */
  warnings: AuthorError[];
}

export function buildSiteIndex(
  unordered: CollectionItem<Partial<ContentData>>[],
  settings: SiteSettings,
  /** The card of a post (layouts/partials/post-card.njk) with its title at a heading level. */
  postCard: (post: Post, headingLevel: number, summary: CardSummary) => string,
  authors: SiteAuthors = { site: undefined, byId: new Map() },
): SiteIndex {
  // Eleventy lists items in the order their data became ready, which varies from build to build; the output must not.
  const sorted = [...unordered].sort((a, b) => (a.inputPath < b.inputPath ? -1 : a.inputPath > b.inputPath ? 1 : 0));
  // Pages this build leaves out (drafts, not yet due, expired) are no part of the site: known only to say so when
  // something links to one.
  const unpublished: Record<string, Post> = Object.create(null);
  for (const item of sorted) {
    const page = item.data.post;
    if (page && item.data.leftOut) unpublished[page.url] = page;
  }
  const items = sorted.filter((item) => !item.data.leftOut);
  const errors: AuthorError[] = [];
  const warnings: AuthorError[] = [];
  const pages: Post[] = [];
  const sections: Record<string, Section> = Object.create(null);
  const byUrl: Record<string, Post> = Object.create(null);
  const fileOfUrl = new Map<string, string>();
  for (const item of items) {
    errors.push(...(item.data.contentErrors ?? []));
    warnings.push(...(item.data.contentWarnings ?? []));
    const page = item.data.post;
    if (!page) continue;
    if (page.kind === "section") {
      sections[page.url] = { url: page.url, folder: page.bundleDir, lang: page.lang, title: page.title, summary: page.summary, html: item.data.sectionHtml ?? "" };
      continue;
    }
    pages.push(page);
    const existing = byUrl[page.url];
    // Only pages that are written can collide: one without a page (external, `render: never`/`link`) keeps its URL
    // for lookups unless a written page has it.
    if (existing && !(existing.hasPage && page.hasPage)) {
      if (page.hasPage) {
        byUrl[page.url] = page;
        fileOfUrl.set(page.url, item.inputPath);
      }
    } else if (existing) {
      errors.push(
        new AuthorError(
          { file: item.inputPath, line: 1 },
          `This page has the URL ${page.url}, which ${displayPath(fileOfUrl.get(page.url) ?? existing.sourcePath)} already has`,
          "Give one of them a different `slug` in its front matter, or move it to another folder",
        ),
      );
    } else {
      byUrl[page.url] = page;
      if (page.hasPage) fileOfUrl.set(page.url, item.inputPath);
    }
  }

  const allPosts = pages.filter((page) => page.kind === "post").sort(newestFirst);
  // Translations share a path but for the language (`x/index.md`, `x/index.zh-cn.md`; `x.md`, `x.zh-cn.md`), or,
  // anywhere, a `translationKey` (Hugo's two ways).
  const translations: Record<string, Post[]> = Object.create(null);
  const byKey = new Map<string, Post[]>();
  for (const post of allPosts) {
    const key = post.translationKey !== undefined ? `key:${post.translationKey}` : `path:${withoutLanguage(post.sourcePath)}`;
    byKey.set(key, [...(byKey.get(key) ?? []), post]);
  }
  for (const group of byKey.values()) {
    if (group.length < 2) continue;
    for (const post of group) {
      const others = group.filter((other) => other.lang !== post.lang);
      if (others.length > 0) translations[post.url] = others;
    }
  }

  const declared = siteLanguages(settings);
  const languages = (settings.multilingual ? declared : [declared[0]!]).map((language) => {
    // Without declared languages a translation of a post is not listed: the default language's post is.
    const posts = settings.multilingual
      ? allPosts.filter((post) => post.lang === language.code)
      : allPosts.filter((post) => post.isDefaultLanguage || !translations[post.url]?.some((other) => other.isDefaultLanguage));
    const sitemapPages = settings.multilingual ? pages.filter((page) => page.lang === language.code) : pages;
    return buildLanguage(language, posts, sitemapPages, sections, authors, settings.article.relatedContentLimit, settings);
  });
  const byLanguage: Record<string, LanguageIndex> = Object.create(null);
  for (const index of languages) byLanguage[index.language.code] = index;
  const generated = generatedPages(languages, settings.sitemapFile);
  for (const [url, file] of fileOfUrl) {
    const taken = generated.get(url);
    if (taken) errors.push(new AuthorError({ file, line: 1 }, `This page has the URL ${url}, which is ${taken}`, "Give it another `url` (or `slug`) in its front matter"));
  }

  const aliases = collectAliases(items, byUrl, generated, errors);

  const refs = refIndex(pages);
  // Each language's menus, their pageRefs resolved to its pages (the settings' files named for a missing one).
  const siteUrls = new Set(generated.keys());
  const settingsFiles = settings.sourceFiles;
  for (const index of languages) {
    const { language } = index;
    const pageUrl = (ref: string): string | undefined => {
      const key = ref.trim().replace(/^\.?\/+|\/+$/g, "").toLowerCase();
      const found = refs.get(key) ?? refs.get(`name:${key}`);
      const page = found?.find((post) => post.lang === language.code) ?? (found?.length === 1 ? found[0] : undefined) ?? byUrl[`${language.prefix}/${key}/`] ?? byUrl[`/${key}/`];
      return page?.hasPage ? page.url : undefined;
    };
    index.menus = resolveMenus(language, { pageUrl, siteUrls }, settingsFiles, { errors, warnings }, !settings.strict);
  }
  const site: SiteLookup = {
    findPost: (url) => byUrl[url],
    whyMissing: (url) => {
      const page = unpublished[url];
      if (!page) return undefined;
      if (page.unpublished === "future") return { problem: `is scheduled for ${page.publishDate?.toISOString()}, so this build does not publish it`, hint: "Publish this post after it, or set buildFuture", dated: true };
      if (page.unpublished === "expired") return { problem: "has passed its expiryDate, so this build does not publish it", hint: "Remove the link or the expiryDate, or set buildExpired", dated: true };
      return { problem: "is a draft, which this build does not publish", hint: "Publish it (`draft: false` in its front matter), or link elsewhere until it is", dated: false };
    },
    findRef: (ref, fromUrl) => findRef(refs, byUrl, ref, fromUrl),
    nearestUrls: (url) => nearest(url, Object.keys(byUrl)),
    absoluteUrl: (path) => new URL(path.replace(/^\//, ""), settings.baseURL).href,
    // Within a post the card's title sits under the post's own section headings.
    // The shortcode hands back a post it was given by findPost: one of this index's own.
    card: (post: Post, { showSummary, compactSummary }) =>
      trustedHtml(postCard(post, 3, showSummary === false ? "none" : compactSummary ? "compact" : "full")),
  };
  const siteCallOutputs = renderSiteCalls(items, site, settings, { errors, warnings });
  const bylines = bylinesOf(items, languages, authors, settings, { errors, warnings });

  return {
    multilingual: settings.multilingual,
    languages,
    byLanguage,
    byUrl,
    listPages: languages.flatMap((index) => index.listPages),
    taxonomyIndexes: languages.flatMap((index) => index.taxonomyIndexes),
    neighbours: Object.assign(Object.create(null), ...languages.map((index) => neighboursIn(index))),
    translations,
    bylines,
    related: Object.assign(Object.create(null), ...languages.map((index) => index.related)),
    breadcrumbs: Object.assign(Object.create(null), ...languages.map((index) => index.breadcrumbs)),
    alternates: settings.multilingual ? alternatesOf(languages, translations) : Object.create(null),
    sections,
    aliases,
    rootRedirects: languages[0]!.home === "/" ? [] : [{ url: "/", target: { url: languages[0]!.home, lang: languages[0]!.language.code, title: languages[0]!.language.title } }],
    sitemaps: settings.multilingual
      ? languages.map((index) => ({ url: index.urls.sitemap, lang: index.language.code, entries: index.sitemap }))
      : [{ url: `/${settings.sitemapFile}`, lang: languages[0]!.language.code, entries: languages[0]!.sitemap }],
    sitemapIndexes: settings.multilingual ? [{ url: `/${settings.sitemapFile}`, sitemaps: languages.map((index) => index.urls.sitemap) }] : [],
    rssFeeds: languages.flatMap((index) => index.rssFeeds),
    rssFeedOf: Object.assign(Object.create(null), ...languages.map((index) => index.rssFeedOf)),
    siteCallOutputs,
    contentPolicy: mergeNeeds(items.map((item) => (item.url ? item.data.policy : undefined))),
    errors,
    warnings,
  };
}

/** One language's site: its lists, taxonomies and archive, at URLs under its prefix. */
function buildLanguage(
  language: SiteLanguage,
  allPosts: Post[],
  sitemapPages: Post[],
  sections: Record<string, Section>,
  authors: SiteAuthors,
  relatedLimit: number,
  settings: Pick<SiteSettings, "rssLimit" | "sitemapFile" | "related" | "taxonomies" | "mainSections">,
): LanguageIndex {
  const { prefix, code: lang } = language;
  const home = `${prefix}/`;
  const rssFeeds: RssFeed[] = [];
  const rssFeedOf: Record<string, RssFeed> = Object.create(null);
  const addFeed = (link: string, title: string, description: string, list: readonly Post[], pageUrls: readonly string[]) => {
    const feed = rssFeed(language, link, title, description, list, settings.rssLimit);
    rssFeeds.push(feed);
    for (const url of pageUrls) rssFeedOf[url] = feed;
  };
  // Hugo's `build.list`: "always" is in every list, "local" only in its section's, "never" in none.
  const posts = allPosts.filter((post) => post.build.list === "always").sort(hugoOrder);
  const sectionPosts = allPosts.filter((post) => post.build.list !== "never").sort(hugoOrder);
  // The site's taxonomies (Hugo's `taxonomies`): the four built in unless left out, and any of its own.
  const declared = [...new Set(Object.values(settings.taxonomies ?? { tag: "tags", category: "categories", series: "series", author: "authors" }))];
  const taxonomies: Record<string, Taxonomy> = { tags: {}, categories: {}, series: {}, authors: {} };
  for (const name of declared) {
    taxonomies[name] =
      name === "series"
        ? buildTaxonomy(name, posts, bySeriesOrder, prefix)
        : buildTaxonomy(name, posts, hugoOrder, prefix, name === "authors" ? (id) => authors.byId.get(id)?.name : undefined);
  }
  const collator = new Intl.Collator(lang);
  // A site whose posts name no authors has no authors' pages.
  const taxonomyIndexes = declared
    .filter((taxonomy) => taxonomy !== "authors" || Object.keys(taxonomies.authors!).length > 0)
    .map((taxonomy) => ({
      lang,
      taxonomy,
      url: `${prefix}/${taxonomy}/`,
      title: taxonomyTitle(lang, taxonomy),
      terms: Object.values(taxonomies[taxonomy]!).sort((a, b) => collator.compare(a.name, b.name)),
    }));

  const listPages: ListPage[] = [];
  const paginate = (base: Omit<ListPage, "posts" | "pageNumber" | "totalPages" | "pageUrls" | "url" | "lastmod" | "lang" | "author">, url: string, list: Post[], author?: AuthorCard) => {
    const size = language.postsPerPage;
    const totalPages = Math.max(1, Math.ceil(list.length / size));
    const pageUrls = Array.from({ length: totalPages }, (_, i) => (i === 0 ? url : `${url}page/${i + 1}/`));
    const lastmod = lastChanged(list);
    addFeed(url, base.title, base.description, list, pageUrls);
    for (let i = 0; i < totalPages; i++) {
      // Frozen, so each paginated page shares it rather than getting a deep copy (see lib/output/content-plugin.ts).
      listPages.push(Object.freeze({
        lang,
        ...base,
        introHtml: i === 0 ? base.introHtml : undefined,
        url: pageUrls[i]!,
        posts: list.slice(i * size, (i + 1) * size),
        pageNumber: i + 1,
        totalPages,
        pageUrls,
        lastmod,
        author,
      }));
    }
  };

  // The home's feed holds the posts its list shows (Hugo's: the site's regular pages).
  addFeed(home, language.title, language.description, posts, [home]);
  // Each main section (Blowfish's `mainSections`; `posts` unless set) lists its posts, and each section within it.
  for (const main of settings.mainSections ?? ["posts"]) {
    const mainUrl = `${prefix}/${main}/`;
    const mainSection = sections[mainUrl];
    paginate(
      {
        title: mainSection?.title ?? (main === "posts" ? translate(lang, "posts") : main.charAt(0).toUpperCase() + main.slice(1)),
        label: undefined,
        description: mainSection?.summary || language.description,
        introHtml: mainSection?.html,
      },
      mainUrl,
      sectionPosts.filter((post) => post.sourcePath.startsWith(`${main}/`)),
    );
    for (const section of Object.values(sections)) {
      if (section.url === mainUrl || !section.url.startsWith(mainUrl)) continue;
      const inSection = sectionPosts.filter((post) => post.sourcePath.startsWith(`${section.folder}/`));
      paginate({ title: section.title, label: undefined, description: section.summary, introHtml: section.html }, section.url, inSection);
    }
  }
  for (const taxonomy of declared) {
    for (const [key, term] of Object.entries(taxonomies[taxonomy]!)) {
      const author = taxonomy === "authors" ? authors.byId.get(key) : undefined;
      paginate(
        {
          title: term.name,
          label: taxonomyTitle(lang, taxonomy),
          description: author?.bio ?? translate(lang, "termDescription", { taxonomy: taxonomyTitle(lang, taxonomy), term: term.name, count: term.posts.length }),
          introHtml: undefined,
        },
        term.url,
        term.posts,
        author && { ...author, page: term.url },
      );
    }
  }

  const archive: LanguageIndex["archive"] = [];
  for (const post of [...posts].sort(newestFirst)) {
    const year = String(DateTime.fromJSDate(post.date, { zone: language.timeZone }).year);
    if (archive.at(-1)?.year !== year) archive.push({ year, posts: [] });
    archive.at(-1)!.posts.push(post);
  }

  const urls = languageUrls(language, settings.sitemapFile);
  const sitemap: LanguageIndex["sitemap"] = [
    { url: home, lastmod: lastChanged(posts) },
    // The pages written and listed (Hugo leaves `list: never` and `local` pages out of its sitemap too).
    ...sitemapPages.filter((page) => page.hasPage && !page.unpublished && page.build.list === "always").map((page) => ({ url: page.url, lastmod: page.lastmod ?? page.date })),
    ...listPages.filter((list) => list.pageNumber === 1).map((list) => ({ url: list.url, lastmod: list.lastmod })),
    ...taxonomyIndexes.map((index) => ({ url: index.url, lastmod: undefined })),
    { url: urls.archive, lastmod: undefined },
  ];
  const withPages = allPosts.filter((post) => post.hasPage);
  const related = relatedPosts(withPages, taxonomies, relatedLimit, relatedRules(settings));
  const breadcrumbs = breadcrumbsOf(withPages, language, home, listPages, sections);
  const { tags, categories, series, authors: byAuthor } = taxonomies as Record<"tags" | "categories" | "series" | "authors", Taxonomy>;
  return { language, home, posts, intro: sections[home], tags, categories, series, authors: byAuthor, taxonomies, taxonomyIndexes, listPages, archive, urls, rssFeeds, rssFeedOf, sitemap, related, breadcrumbs, menus: {} };
}

/**
 * A list's RSS feed as Hugo's built-in template makes it: titled "<list> on <site>" (the site's title alone for its
 * home), its posts with a link (a page or an `externalUrl`; published only, as the preview lists drafts), newest
 * first, at most `limit` of them (-1: all).
 */
function rssFeed(language: SiteLanguage, link: string, listTitle: string, description: string, list: readonly Post[], limit: number): RssFeed {
  const site = language.title;
  const ownTitle = listTitle === site ? "" : listTitle;
  const linked = list.filter((post) => post.href !== "" && !post.unpublished).sort(newestFirst);
  const items = limit >= 1 ? linked.slice(0, limit) : linked;
  const pubDates = items.map((post) => rfc822(post.date, language.timeZone));
  return Object.freeze({
    url: `${link}index.xml`,
    link,
    title: ownTitle ? `${ownTitle} on ${site}` : site,
    description: description || (ownTitle ? `Recent content in ${ownTitle} on ${site}` : `Recent content on ${site}`),
    lang: language.code,
    items,
    pubDates,
    lastBuildDate: pubDates[0],
  });
}

/** RSS's date format (RFC 822/1123, a numeric zone), as Hugo writes it: "Mon, 02 Jan 2006 15:04:05 -0700". */
function rfc822(date: Date, timeZone: string): string {
  return DateTime.fromJSDate(date, { zone: timeZone }).setLocale("en-US").toFormat("ccc, dd LLL yyyy HH:mm:ss ZZZ");
}

/** The URLs of the site's own pages, each with what it is: a post or alias there would take one's place. */
function generatedPages(languages: LanguageIndex[], sitemapFile: string): Map<string, string> {
  const generated = new Map<string, string>([[`/${sitemapFile}`, "the site's sitemap"]]);
  for (const index of languages) {
    const { urls } = index;
    generated.set(index.home, "the home page");
    for (const list of index.listPages) generated.set(list.url, `the list "${list.title}"`);
    for (const feed of index.rssFeeds) generated.set(feed.url, `the RSS feed of ${feed.link}`);
    for (const taxonomy of index.taxonomyIndexes) generated.set(taxonomy.url, `the page of all ${taxonomy.taxonomy}`);
    for (const [url, name] of [[urls.archive, "archive"], [urls.search, "search page"], [urls.notFound, "404 page"], [urls.atom, "feed"], [urls.json, "feed"], [urls.sitemap, "sitemap"]] as const) {
      generated.set(url, `the site's ${name}`);
    }
  }
  return generated;
}

/** A taxonomy's name in the interface: the four built in are translated, a site's own is shown capitalised. */
function taxonomyTitle(lang: string, taxonomy: string): string {
  const translated = translate(lang, taxonomy as Parameters<typeof translate>[1]);
  return translated === taxonomy ? taxonomy.charAt(0).toUpperCase() + taxonomy.slice(1) : translated;
}

/** Hugo's `related` of the settings as scoring rules: its indices that are taxonomies here, with their weights. */
function relatedRules(settings: Pick<SiteSettings, "related">): RelatedRules {
  if (!settings.related) return defaultRelated;
  const weights: RelatedRules["weights"] = {};
  for (const { name, weight } of settings.related.indices) {
    // An index names a taxonomy by its plural ("tags"), as Hugo's do.
    weights[name] = weight;
  }
  return { weights, threshold: settings.related.threshold, includeNewer: settings.related.includeNewer };
}

/** Where a language's generated pages are. */
export function languageUrls(language: SiteLanguage, sitemapFile = "sitemap.xml"): LanguageIndex["urls"] {
  const { prefix } = language;
  return {
    archive: `${prefix}/archive/`,
    search: `${prefix}/search/`,
    // Hosts serve /404.html for a missing page: the default language's is there wherever its pages are.
    notFound: language.isDefault ? "/404.html" : `${prefix}/404.html`,
    atom: `${prefix}/feed.xml`,
    json: `${prefix}/feed.json`,
    // Hugo's RSS feed of the language's home.
    rss: `${prefix}/index.xml`,
    sitemap: language.isDefault && prefix === "" ? `/${sitemapFile.replace(/\.xml$/, "")}-${language.key}.xml` : `${prefix}/${sitemapFile}`,
  };
}

/**
 * The authors each post shows (when it shows them): those its `authors` names, else the site's author. A name with
 * no `_data/authors/<id>.json` is a mistake Blowfish passes over in silence: it shows no box for that author.
 */
function bylinesOf(
  items: CollectionItem<Partial<ContentData>>[],
  languages: LanguageIndex[],
  authors: SiteAuthors,
  settings: SiteSettings,
  found: { errors: AuthorError[]; warnings: AuthorError[] },
): Record<string, AuthorCard[]> {
  const bylines: Record<string, AuthorCard[]> = Object.create(null);
  const indexOf = new Map(languages.map((index) => [index.language.code, index]));
  for (const item of items) {
    const post = item.data.post;
    if (!post || post.kind !== "post") continue;
    const index = indexOf.get(post.lang) ?? languages[0]!;
    const cards: AuthorCard[] = [];
    for (const id of post.authors) {
      const author = authors.byId.get(id);
      if (!author) {
        const known = [...authors.byId.keys()];
        const problem = new AuthorError(
          { file: item.inputPath, line: 1 },
          `The author "${id}" in \`authors\` has no file _data/authors/${id}.json`,
          known.length > 0 ? `Use one of: ${known.join(", ")}; or add the file with the author's "name" (and "bio", "image", "links")` : `Add _data/authors/${id}.json to the content folder with the author's "name" (and "bio", "image", "links")`,
        );
        (tolerates(settings, "unknownAuthor") ? found.warnings : found.errors).push(problem);
        continue;
      }
      cards.push({ ...author, page: index.authors[id]?.url });
    }
    if (post.authors.length === 0 && authors.site) cards.push(authors.site);
    if (cards.length > 0) bylines[post.url] = cards;
  }
  return bylines;
}

/** Home › the post's sections (those with a list page) › the post, for the posts that show breadcrumbs. */
function breadcrumbsOf(posts: Post[], language: SiteLanguage, home: string, listPages: ListPage[], sections: Record<string, Section>): LanguageIndex["breadcrumbs"] {
  const trails: LanguageIndex["breadcrumbs"] = Object.create(null);
  const lists = new Map(listPages.filter((list) => list.pageNumber === 1).map((list) => [list.url, list]));
  const sectionOf = new Map(Object.values(sections).filter((section) => section.lang === language.code).map((section) => [section.folder, section]));
  for (const post of posts) {
    if (!post.showBreadcrumbs) continue;
    const trail = [{ title: translate(language.code, "home"), url: home }];
    const folders = post.bundleDir.split("/");
    // The bundle's own folder is the post, not a section.
    const depth = post.sourcePath.split("/").at(-1)!.startsWith("index.") ? folders.length - 1 : folders.length;
    for (let i = 1; i <= depth; i++) {
      const folder = folders.slice(0, i).join("/");
      const section = sectionOf.get(folder);
      const url = section?.url ?? `${language.prefix}/${folder}/`;
      const list = lists.get(url);
      if (list) trail.push({ title: list.title, url });
    }
    trail.push({ title: post.linkTitle, url: post.url });
    trails[post.url] = trail;
  }
  return trails;
}

/** Newer and older posts of a language, and the parts of their series before and after them. */
function neighboursIn(index: LanguageIndex): Record<string, Neighbours> {
  const withPages = index.posts.filter((post) => post.hasPage).sort(newestFirst);
  const neighbours: Record<string, Neighbours> = Object.create(null);
  withPages.forEach((post, i) => {
    const parts = post.series ? (index.series[termKey(post.series)]?.posts ?? []) : [];
    const part = parts.indexOf(post);
    neighbours[post.url] = {
      newer: withPages[i - 1],
      older: withPages[i + 1],
      previousPart: part > 0 ? parts[part - 1] : undefined,
      nextPart: part >= 0 ? parts[part + 1] : undefined,
    };
  });
  return neighbours;
}

/**
 * The same page in the other languages: a post's translations (one bundle), and for the generated pages the page
 * at the same path under the other language's prefix (its home, lists, a term both languages use, archive).
 */
function alternatesOf(languages: LanguageIndex[], translations: Record<string, Post[]>): SiteIndex["alternates"] {
  const alternates: SiteIndex["alternates"] = Object.create(null);
  for (const [url, others] of Object.entries(translations)) alternates[url] = others.map((other) => ({ lang: other.lang, url: other.url }));
  const byPath = new Map<string, Array<{ lang: string; url: string }>>();
  for (const index of languages) {
    const generated = [index.home, ...index.listPages.map((list) => list.url), ...index.taxonomyIndexes.map((taxonomy) => taxonomy.url), index.urls.archive, index.urls.search];
    for (const url of generated) {
      const path = url.slice(index.language.prefix.length) || "/";
      byPath.set(path, [...(byPath.get(path) ?? []), { lang: index.language.code, url }]);
    }
  }
  for (const group of byPath.values()) {
    if (group.length < 2) continue;
    for (const entry of group) alternates[entry.url] = group.filter((other) => other !== entry);
  }
  return alternates;
}

/** Renders the shortcode calls that needed every page (`article`), now that every page is known. */
function renderSiteCalls(
  items: CollectionItem<Partial<ContentData>>[],
  site: SiteLookup,
  settings: SiteSettings,
  found: { errors: AuthorError[]; warnings: AuthorError[] },
): Record<string, string[]> {
  const outputs: Record<string, string[]> = Object.create(null);
  for (const item of items) {
    const calls = item.data.siteCalls;
    const page = item.data.post;
    if (!calls?.length || !page) continue;
    outputs[item.inputPath] = calls.map((call) => {
      try {
        return shortcodes.get(call.name)!.render(call.params, renderContext({ page: { lang: page.lang, url: page.url }, site })).toString();
      } catch (error) {
        const { problem, tolerated } = reportParamError(error, call.name, call, (kind) => tolerates(settings, kind), found);
        // Let through, the call shows nothing, as in Blowfish.
        return tolerated ? "" : errorBox(problem).toString();
      }
    });
  }
  return outputs;
}

/** Hugo's `aliases`: old URLs that redirect to the page. Relative ones are relative to the page's folder. */
function collectAliases(items: CollectionItem<Partial<ContentData>>[], byUrl: Record<string, Post>, generated: Map<string, string>, errors: AuthorError[]): Alias[] {
  const aliases: Alias[] = [];
  const seen = new Map<string, Post>();
  for (const item of items) {
    const target = item.data.post;
    if (!target || !target.hasPage || byUrl[target.url] !== target) continue;
    for (const alias of target.aliases) {
      const resolved = new URL(alias, `https://site.invalid${target.url}../`).pathname;
      const url = /\.html?$/.test(resolved) || resolved.endsWith("/") ? resolved : `${resolved}/`;
      const taken = (byUrl[url]?.hasPage ? byUrl[url] : undefined) ?? seen.get(url);
      const own = generated.get(decodeURI(url)) ?? generated.get(url);
      if (taken || own) {
        errors.push(
          new AuthorError(
            { file: item.inputPath, line: 1 },
            `The alias ${alias} is the URL of ${own ?? (taken === target ? "this page itself" : `another page (${taken!.url})`)}`,
            "Remove it from `aliases`: an alias must be an old URL that no page has now",
          ),
        );
        continue;
      }
      seen.set(url, target);
      aliases.push({ url: decodeURI(url), target });
    }
  }
  return aliases;
}

/** How much of a post's summary a card shows: all of it (lists), three lines (`compactSummary`), or none. */
export type CardSummary = "full" | "compact" | "none";

/** When the newest of these posts last changed (lists are in weight order, so not simply the first). */
function lastChanged(posts: readonly Post[]): Date | undefined {
  return posts.reduce<Date | undefined>((newest, post) => {
    const date = post.lastmod ?? post.date;
    return !newest || date > newest ? date : newest;
  }, undefined);
}

/** A content path without its language and extension: "posts/x/index.zh-cn.md" → "posts/x/index". */
function withoutLanguage(sourcePath: string): string {
  return sourcePath.replace(/(\.[a-z]{2,3}(-[a-z0-9]{2,8})*)?\.(md|markdown)$/i, "");
}

/**
 * The names a Hugo `ref` may give a page: its content path with and without the extension (`posts/x/index.md`,
 * `posts/x/index`, `posts/x.md`), its bundle folder (`posts/x`) and, when unique, the bundle's or file's own
 * name (`x`). A translation is found under the same names, in its own language.
 */
function refIndex(pages: Post[]): Map<string, Post[]> {
  const index = new Map<string, Post[]>();
  const add = (key: string, post: Post) => index.set(key, [...(index.get(key) ?? []), post]);
  for (const post of pages) {
    const withoutExtension = withoutLanguage(post.sourcePath);
    const keys = new Set([post.sourcePath, withoutExtension, withoutExtension.replace(/\/(_?index)$/, "")]);
    for (const key of keys) add(key.toLowerCase(), post);
    add(`name:${withoutExtension.replace(/\/(_?index)$/, "").split("/").at(-1)!.toLowerCase()}`, post);
  }
  return index;
}

function findRef(refs: Map<string, Post[]>, byUrl: Record<string, Post>, ref: string, fromUrl: string): Post | undefined {
  const from = byUrl[fromUrl];
  const path = ref.trim().replace(/^\.\//, "").toLowerCase();
  const inLanguage = (found: Post[] | undefined) => found && (found.find((post) => post.lang === from?.lang) ?? (found.length === 1 ? found[0] : undefined));
  if (path.startsWith("/")) {
    const rooted = path.replace(/^\/+|\/+$/g, "");
    return inLanguage(refs.get(rooted)) ?? byUrl[`/${rooted}/`] ?? byUrl[path];
  }
  // Relative to the calling page's folder first, as Hugo looks it up; then from the content root; then by name.
  const folder = from?.bundleDir ?? "";
  const relative = `${folder}/${path}`.replace(/^\/+/, "").replace(/\/+$/, "");
  return inLanguage(refs.get(relative)) ?? inLanguage(refs.get(path.replace(/\/+$/, ""))) ?? inLanguage(refs.get(`name:${path.replace(/\/+$/, "")}`));
}

/** Hugo's default order: by weight, the weighted first (lowest first), then newest first, then by link title. */
export function hugoOrder(a: Post, b: Post): number {
  const weight = (post: Post) => (post.weight === 0 ? Number.POSITIVE_INFINITY : post.weight);
  return weight(a) - weight(b) || newestFirst(a, b);
}

export function newestFirst(a: Post, b: Post): number {
  return b.date.getTime() - a.date.getTime() || a.url.localeCompare(b.url);
}

function bySeriesOrder(a: Post, b: Post): number {
  const order = (a.seriesOrder ?? Number.MAX_SAFE_INTEGER) - (b.seriesOrder ?? Number.MAX_SAFE_INTEGER);
  return order || a.date.getTime() - b.date.getTime() || a.url.localeCompare(b.url);
}
