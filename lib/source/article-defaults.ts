/**
 * Blowfish's `params.article`: what every post shows unless its own front matter says otherwise, under the names
 * Blowfish gives them, so a Blowfish site's settings carry over as they are. Set in the site settings under
 * `article`; each post's front matter wins over them.
 */
export interface ArticleDefaults {
  showDate: boolean;
  showReadingTime: boolean;
  showWordCount: boolean;
  showTableOfContents: boolean;
  /** The author box under the post (the site's author, or the post's `authors`). */
  showAuthor: boolean;
  /** Home › section › post, above the title. */
  showBreadcrumbs: boolean;
  /** A link to edit the post's source: `editURL`, with the file's content path appended when `editAppendPath`. */
  showEdit: boolean;
  editURL: string | undefined;
  editAppendPath: boolean;
  /** Networks a reader may share the post on, as plain links (no widget scripts); empty for none. */
  sharingLinks: SharingNetwork[];
  /** Posts sharing tags, categories or the series, listed under the post. */
  showRelatedContent: boolean;
  relatedContentLimit: number;
}

/** The networks Blowfish offers share links for, and Weibo for readers in China. */
export const sharingNetworks = ["email", "facebook", "linkedin", "pinterest", "reddit", "twitter", "whatsapp", "telegram", "bluesky", "mastodon", "weibo"] as const;
export type SharingNetwork = (typeof sharingNetworks)[number];

/** Blowfish's defaults for a key its settings leave out (the fallbacks in its templates). */
export const defaultArticle: Readonly<ArticleDefaults> = {
  showDate: true,
  showReadingTime: true,
  showWordCount: false,
  showTableOfContents: false,
  showAuthor: true,
  showBreadcrumbs: false,
  showEdit: false,
  editURL: undefined,
  editAppendPath: true,
  sharingLinks: [],
  showRelatedContent: false,
  relatedContentLimit: 3,
};

type Fail = (key: string, expected: string) => never;

/** `article` of the site settings over Blowfish's defaults; unknown keys are Blowfish's others and pass. */
export function readArticleDefaults(raw: unknown, fail: Fail): ArticleDefaults {
  if (raw === undefined) return { ...defaultArticle };
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return fail("article", 'an object, e.g. { "showAuthor": true }');
  const given = raw as Record<string, unknown>;
  const flag = (key: keyof ArticleDefaults): boolean => {
    const value = given[key] ?? defaultArticle[key];
    return typeof value === "boolean" ? value : fail(`article.${key}`, "true or false");
  };
  const limit = given.relatedContentLimit ?? defaultArticle.relatedContentLimit;
  if (typeof limit !== "number" || !Number.isInteger(limit) || limit < 1) fail("article.relatedContentLimit", "a positive whole number");
  const editURL = given.editURL;
  if (editURL !== undefined && (typeof editURL !== "string" || !/^https?:\/\//i.test(editURL) || !URL.canParse(editURL))) {
    fail("article.editURL", 'an absolute http(s) URL, e.g. "https://github.com/you/blog/edit/main/content/"');
  }
  const sharing = parseSharingLinks(given.sharingLinks ?? defaultArticle.sharingLinks);
  return {
    showDate: flag("showDate"),
    showReadingTime: flag("showReadingTime"),
    showWordCount: flag("showWordCount"),
    showTableOfContents: flag("showTableOfContents"),
    showAuthor: flag("showAuthor"),
    showBreadcrumbs: flag("showBreadcrumbs"),
    showEdit: flag("showEdit"),
    editURL: editURL as string | undefined,
    editAppendPath: flag("editAppendPath"),
    sharingLinks: sharing.ok ? sharing.value : fail("article.sharingLinks", sharing.expected),
    showRelatedContent: flag("showRelatedContent"),
    relatedContentLimit: limit as number,
  };
}

/** `sharingLinks`: a list of network names, or false for none (Blowfish accepts both, here and in front matter). */
export function parseSharingLinks(value: unknown): { ok: true; value: SharingNetwork[] } | { ok: false; expected: string } {
  if (value === false) return { ok: true, value: [] };
  const expected = `false, or a list of networks from: ${sharingNetworks.join(", ")}`;
  if (!Array.isArray(value)) return { ok: false, expected };
  const networks: SharingNetwork[] = [];
  for (const item of value) {
    const lower = typeof item === "string" ? item.toLowerCase() : "";
    // Blowfish's newer names for twitter.
    const name = lower === "x" || lower === "x-twitter" ? "twitter" : lower;
    if (!(sharingNetworks as readonly string[]).includes(name)) return { ok: false, expected: `${expected} (found ${JSON.stringify(item)})` };
    if (!networks.includes(name as SharingNetwork)) networks.push(name as SharingNetwork);
  }
  return { ok: true, value: networks };
}
