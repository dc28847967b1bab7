import type { Post } from "./post.ts";
import { termKey, termsOf, type Taxonomy, type TaxonomyName } from "./taxonomies.ts";

/**
 * What each shared term counts for, as Blowfish configures Hugo's related content: a shared tag or category
 * most, the same series half as much, a shared author a little. Posts are related when they share anything.
 * A site's own `related` (Hugo's: `indices` with weights, `threshold`, `includeNewer`) replaces it.
 */
export const defaultRelated: RelatedRules = { weights: { tags: 100, categories: 100, series: 50, authors: 20 }, threshold: 0, includeNewer: true };

export interface RelatedRules {
  /** What one shared term of each taxonomy counts for; a taxonomy left out counts for nothing. */
  weights: Partial<Record<TaxonomyName, number>>;
  /** The least score, as a percentage of the heaviest weight, a post needs to be related (Hugo's 0–100). */
  threshold: number;
  /** Newer posts may be related (Hugo's `includeNewer`), else only older ones. */
  includeNewer: boolean;
}

/**
 * The posts related to each post that shows them (`showRelatedContent`), at most `limit`: by score, then the
 * closest in date, then the newer, then by URL, so every build lists the same posts in the same order. Found
 * through the taxonomies' lists, so the cost grows with the posts that share terms, not with every pair.
 */
export function relatedPosts(
  /** The posts that may show related posts; the related ones are those the taxonomies list. */
  posts: Post[],
  taxonomies: Record<TaxonomyName, Taxonomy>,
  limit: number,
  rules: RelatedRules = defaultRelated,
): Record<string, Post[]> {
  const weights = rules.weights;
  const heaviest = Math.max(0, ...Object.values(weights).map((weight) => weight ?? 0));
  const least = (rules.threshold / 100) * heaviest;
  const related: Record<string, Post[]> = Object.create(null);
  for (const post of posts) {
    if (!post.showRelatedContent) continue;
    const scores = new Map<Post, number>();
    for (const taxonomy of Object.keys(weights) as TaxonomyName[]) {
      for (const name of termsOf(post, taxonomy)) {
        for (const other of taxonomies[taxonomy]?.[termKey(name)]?.posts ?? []) {
          if (other === post || other.href === "" || (!rules.includeNewer && other.date > post.date)) continue;
          scores.set(other, (scores.get(other) ?? 0) + (weights[taxonomy] ?? 0));
        }
      }
    }
    const distance = (other: Post) => Math.abs(other.date.getTime() - post.date.getTime());
    related[post.url] = [...scores]
      .filter(([, score]) => score > 0 && score >= least)
      .sort(([a, scoreA], [b, scoreB]) => scoreB - scoreA || distance(a) - distance(b) || b.date.getTime() - a.date.getTime() || a.url.localeCompare(b.url))
      .slice(0, limit)
      .map(([other]) => other);
  }
  return related;
}
