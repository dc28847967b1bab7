import type { Post } from "./post.ts";

/** Blowfish's taxonomies: `authors` lists the posts of each author named in front matter `authors`. */
export const taxonomyNames = ["tags", "categories", "series", "authors"] as const;
/** One of the four above, or a site's own (Hugo's `taxonomies`: "topics"). */
export type TaxonomyName = string;

export interface Term {
  /** The term as the first post to use it wrote it: Unicode kept (人工智能, Stable Diffusion). */
  name: string;
  slug: string;
  url: string;
  /** Newest first for tags and categories; reading order (`series_order`) for a series. */
  posts: Post[];
}

/** Terms of one taxonomy, keyed by `termKey(name)`; "AI" and "ai" are one term, as in Hugo. */
export type Taxonomy = Record<string, Term>;

export function termKey(name: string): string {
  return name.normalize("NFC").trim().toLowerCase();
}

/**
 * A readable, stable URL segment for a term, as Hugo's urlize makes it: lower case, spaces become hyphens,
 * letters and digits of any script are kept (人工智能 stays 人工智能).
 */
export function slugifyTerm(name: string): string {
  const slug = termKey(name)
    .replace(/\s+/g, "-")
    .replace(/[^\p{L}\p{M}\p{N}_+.-]/gu, "")
    .replace(/-{2,}/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "");
  return slug === "" ? "term" : slug;
}

/** The post's terms in a taxonomy (a series is one term). */
export function termsOf(post: Post, taxonomy: TaxonomyName): string[] {
  if (taxonomy === "series") return post.series ? [post.series] : [];
  if (taxonomy === "tags" || taxonomy === "categories" || taxonomy === "authors") return post[taxonomy];
  return post.terms?.[taxonomy] ?? [];
}

/** How a taxonomy's terms are shown: an author by the name in its profile, under the URL of its id. */
export type TermNames = (key: string) => string | undefined;

/**
 * Groups posts by term. Two different terms whose slugs coincide ("C" and "C#") get distinct URLs: the first
 * in alphabetical order keeps the plain slug, the others a numbered one, so neither page overwrites the other.
 */
export function buildTaxonomy(taxonomy: TaxonomyName, posts: Post[], order: (a: Post, b: Post) => number, prefix = "", names?: TermNames): Taxonomy {
  const terms: Taxonomy = Object.create(null);
  const spellings = new Map<string, Map<string, { count: number; since: number }>>();
  for (const post of posts) {
    for (const name of termsOf(post, taxonomy)) {
      const key = termKey(name);
      const term = (terms[key] ??= { name, slug: "", url: "", posts: [] });
      if (term.posts.at(-1) !== post) term.posts.push(post);
      const forKey = spellings.get(key) ?? new Map();
      const seen = forKey.get(name) ?? { count: 0, since: Infinity };
      forKey.set(name, { count: seen.count + 1, since: Math.min(seen.since, post.date.getTime()) });
      spellings.set(key, forKey);
    }
  }
  // "Stable Diffusion" and "stable diffusion" are one term; it is shown as most posts write it (the oldest wins a tie).
  for (const [key, forKey] of spellings) {
    const [best] = [...forKey].sort(([, a], [, b]) => b.count - a.count || a.since - b.since);
    terms[key]!.name = best![0];
  }
  const bySlug = new Map<string, Term[]>();
  for (const term of Object.values(terms)) {
    const slug = slugifyTerm(term.name);
    bySlug.set(slug, [...(bySlug.get(slug) ?? []), term]);
    term.posts.sort(order);
  }
  const taken = new Set(bySlug.keys());
  for (const [slug, group] of bySlug) {
    group.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    let suffix = 2;
    group.forEach((term, i) => {
      if (i === 0) {
        term.slug = slug;
      } else {
        while (taken.has(`${slug}-${suffix}`)) suffix++;
        term.slug = `${slug}-${suffix}`;
        taken.add(term.slug);
      }
      term.url = `${prefix}/${taxonomy}/${term.slug}/`;
    });
  }
  if (names) for (const [key, term] of Object.entries(terms)) term.name = names(key) ?? term.name;
  return terms;
}
