import path from "node:path";
import type { Post } from "../site/post.ts";

/**
 * The dev server's incremental rebuilds: which pages an edit can show on. Every build records what other pages
 * show of each content file (title, date, summary, tags, series…); before a rebuild the edited files are read
 * again and compared. When a post's listing did not change (its text did), only its own page is rendered again,
 * not every list and post that links to it. Anything else (a layout, a setting, a new file) rebuilds all.
 */
class ListingTracker {
  readonly #listings = new Map<string, string>();
  readonly #changed = new Set<string>();
  #contentDir = "";

  setContentDir(contentDir: string): void {
    this.#contentDir = contentDir;
  }

  isContentFile(file: string): boolean {
    return path.resolve(file).startsWith(this.#contentDir + path.sep) && /\.(md|markdown)$/i.test(file);
  }

  /** What the last build made of a file. */
  record(file: string, post: Post, writesPage: boolean): void {
    this.#listings.set(path.resolve(file), listingOf(post, writesPage));
  }

  /** Starts the decisions for the next incremental rebuild. */
  beginRebuild(): void {
    this.#changed.clear();
  }

  /** Compares an edited file as it is now with the last build; returns whether its listing changed. */
  compare(file: string, post: Post | undefined, writesPage: boolean): boolean {
    const absolute = path.resolve(file);
    const changed = !post || listingOf(post, writesPage) !== this.#listings.get(absolute);
    if (changed) this.#changed.add(absolute);
    return changed;
  }

  markChanged(file: string): void {
    this.#changed.add(path.resolve(file));
  }

  /** Whether pages other than the file's own must be rendered again after this file changed. */
  affectsOtherPages(changedFile: string): boolean {
    return !this.isContentFile(changedFile) || this.#changed.has(path.resolve(changedFile));
  }
}

function listingOf(post: Post, writesPage: boolean): string {
  const { headings: _headings, wordCount, ...listed } = post;
  // Cards show the word count only where the post asks for it (`showWordCount`).
  return JSON.stringify({ ...listed, writesPage, ...(post.showWordCount ? { wordCount } : {}) });
}

export const listings = new ListingTracker();
