import fs from "node:fs";
import { AuthorError } from "../errors.ts";
import type { MenuEntry, Menus } from "../source/menus.ts";
import type { SiteLanguage } from "../source/site-languages.ts";

/** A menu entry as pages show it: its link resolved. */
export interface MenuItem {
  name: string;
  url: string;
  /** A link to another site (shown with the external mark, no `aria-current`). */
  external: boolean;
  /** Blowfish's `pre`: an icon name shown before the name. */
  pre: string | undefined;
  identifier: string | undefined;
}

export interface MenuLookup {
  /** The URL of the content page a Hugo `pageRef` names, seen from a language's home. */
  pageUrl(ref: string, fromUrl: string): string | undefined;
  /** URLs the site has besides content pages: home, lists, taxonomies, archive, search. */
  siteUrls: ReadonlySet<string>;
}

/**
 * A language's menus with every `pageRef` resolved to its page's URL: a content path ("posts/first/index.md"), a
 * page's or section's URL ("/posts", "/about/"), or one of the site's own pages ("/tags", "/archive"), under the
 * language's prefix. A `pageRef` to no page is a mistake Hugo passes over (the entry links nowhere): here it is an
 * error, or with `strict: false` a warning and the entry left out.
 */
export function resolveMenus(language: SiteLanguage, lookup: MenuLookup, settingsFiles: readonly string[], found: { errors: AuthorError[]; warnings: AuthorError[] }, lenient: boolean): Record<string, MenuItem[]> {
  const menus: Record<string, MenuItem[]> = {};
  const home = `${language.prefix}/`;
  for (const [name, entries] of Object.entries(language.menus as Menus)) {
    menus[name] = entries.flatMap((entry): MenuItem[] => {
      const url = entry.pageRef !== undefined ? pageRefUrl(entry, language, lookup, home) : entry.url!;
      if (url === undefined) {
        const problem = new AuthorError(
          whereWritten(settingsFiles, entry.pageRef!),
          `The ${name} menu's entry "${entry.name}" has the pageRef "${entry.pageRef}", which is no page of the ${language.name} site`,
          'Give the page\'s path from the content folder ("posts/my-post/index.md") or its URL ("/posts/"), or use "url" for a link elsewhere',
        );
        (lenient ? found.warnings : found.errors).push(problem);
        return [];
      }
      return [{ name: entry.name, url, external: /^[a-z][a-z0-9+.-]*:|^\/\//i.test(url), pre: entry.pre, identifier: entry.identifier }];
    });
  }
  return menus;
}

/** The first of the settings files that holds a text, and its line there. */
function whereWritten(files: readonly string[], text: string): { file: string; line?: number } {
  for (const file of files) {
    const lines = fs.existsSync(file) ? fs.readFileSync(file, "utf8").split("\n") : [];
    const index = lines.findIndex((line) => line.includes(text));
    if (index >= 0) return { file, line: index + 1 };
  }
  return { file: files[0] ?? "" };
}

function pageRefUrl(entry: MenuEntry, language: SiteLanguage, lookup: MenuLookup, home: string): string | undefined {
  const ref = entry.pageRef!.trim();
  if (ref === "" || ref === "/") return home;
  const page = lookup.pageUrl(ref, home);
  if (page) return page;
  // A URL of the site's own pages, with or without the trailing slash and the language's prefix.
  const path = `/${ref.replace(/^\/+|\/+$/g, "")}/`;
  for (const candidate of [`${language.prefix}${path}`, path]) if (lookup.siteUrls.has(candidate)) return candidate;
  return undefined;
}
