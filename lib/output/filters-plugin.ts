import { dateToRfc3339 } from "@11ty/eleventy-plugin-rss";
import { icon } from "../../shortcodes/icons.ts";
import type { AuthorCard } from "../site/authors.ts";
import { isoDate } from "../site/dates.ts";
import type { Post } from "../site/post.ts";
import { networkName, shareLinks } from "../site/share-links.ts";
import type { LanguageIndex, SiteIndex } from "../site/site-index.ts";
import { termKey, termsOf, type Term } from "../site/taxonomies.ts";
import { translate, type MessageKey } from "../source/i18n.ts";
import type { SiteSettings } from "../source/site-settings.ts";
import type { EleventyConfig } from "../types/eleventy.ts";

export interface FiltersPluginOptions {
  settings: () => SiteSettings;
}

/** Filters the layouts use: dates and interface text in the page's language, absolute URLs, structured data. */
export function filtersPlugin(eleventyConfig: EleventyConfig, options: FiltersPluginOptions): void {
  const { settings } = options;
  eleventyConfig.addFilter("isoDate", (date: Date) => isoDate(date, settings().timeZone));
  eleventyConfig.addFilter("dateToRfc3339", dateToRfc3339);
  // The language site of a page (its lists, taxonomies, feeds): a translation of a site that declares no languages
  // belongs to the default one.
  eleventyConfig.addFilter("languageIndex", (site: SiteIndex, lang: string) => site.byLanguage[lang] ?? site.languages[0]);
  eleventyConfig.addFilter("t", (key: MessageKey, lang: string, vars?: Record<string, string | number>) => translate(lang, key, vars));
  eleventyConfig.addFilter("termKey", termKey);
  eleventyConfig.addFilter("postTerms", postTerms);
  eleventyConfig.addFilter("absoluteUrl", (url: string) => absoluteUrl(url, settings()));
  eleventyConfig.addFilter("newestDate", (items: Array<{ data: { post: Post } }>) =>
    items.reduce((newest, item) => {
      const date = item.data.post.lastmod ?? item.data.post.date;
      return date > newest ? date : newest;
    }, new Date(0)),
  );
  eleventyConfig.addFilter("blogPostingJsonLd", (post: Post, authors?: AuthorCard[]) => blogPostingJsonLd(post, settings(), authors));
  eleventyConfig.addFilter("networkName", networkName);
  eleventyConfig.addFilter("shareLinks", (post: Post) => shareLinks(post.sharingLinks, absoluteUrl(post.url, settings()), post.title, post.lang));
  // An icon by a network's or Font Awesome's name (an author's links, share links); a plain link icon otherwise.
  eleventyConfig.addFilter("icon", (name: string) => (icon(name === "email" ? "envelope" : name) ?? icon("link"))!.toString());
}

/**
 * The terms a post's header lists, by taxonomy: categories, tags, then the site's own taxonomies (series and
 * authors have boxes of their own); only the taxonomies the site has.
 */
export function postTerms(post: Post, index: LanguageIndex): Array<{ title: string; terms: Term[] }> {
  const rank = (name: string) => (name === "categories" ? 0 : name === "tags" ? 1 : 2);
  return index.taxonomyIndexes
    .filter(({ taxonomy }) => taxonomy !== "series" && taxonomy !== "authors")
    .sort((a, b) => rank(a.taxonomy) - rank(b.taxonomy))
    .map(({ taxonomy, title }) => ({ title, terms: termsOf(post, taxonomy).flatMap((name) => index.taxonomies[taxonomy]?.[termKey(name)] ?? []) }))
    .filter((group) => group.terms.length > 0);
}

/** A site-relative URL ("/posts/x/") as an absolute one, under the site's base URL and path prefix. */
export function absoluteUrl(url: string, settings: SiteSettings): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  return new URL(url.replace(/^\//, ""), settings.baseURL).href;
}

/**
 * schema.org BlogPosting for a post, safe to place inside a <script> element. `people` is the post's byline (the
 * site's author when it names none): a post whose named authors are unknown credits nobody rather than the site's.
 */
export function blogPostingJsonLd(post: Post, settings: SiteSettings, people: AuthorCard[] = []): string {
  const person = ({ name, url }: { name: string; url?: string | undefined }) => ({ "@type": "Person", name, url });
  const url = absoluteUrl(post.url, settings);
  const data = {
    "@context": "https://schema.org",
    "@type": "BlogPosting",
    headline: post.title,
    description: post.summary,
    url,
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    datePublished: isoDate(post.date, settings.timeZone),
    dateModified: isoDate(post.lastmod ?? post.date, settings.timeZone),
    inLanguage: post.lang,
    wordCount: post.wordCount,
    keywords: (post.keywords.length > 0 ? post.keywords : [...post.categories, ...post.tags]).join(", ") || undefined,
    image: post.featureImage ? absoluteUrl(post.featureImage.social?.url ?? post.featureImage.url, settings) : undefined,
    author: people.length > 1 ? people.map(person) : people.length === 1 ? person(people[0]!) : undefined,
    publisher: { "@type": "Organization", name: settings.title, url: settings.baseURL },
    isPartOf: post.series ? { "@type": "CreativeWorkSeries", name: post.series } : undefined,
  };
  // "<" never appears raw, so the text cannot close the <script> element it sits in.
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
