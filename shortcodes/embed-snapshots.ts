/**
 * What `npm run embeds` keeps of an embed, one JSON file per embed in `<content>/_data/embeds/<kind>/<id>.json`
 * (README, "Embeds"). The fetcher (lib/embeds/) writes these shapes and the cards read them back through the
 * readers below, which accept only what they can show: a file edited by hand, or written by an older version, is
 * read as far as it is valid and never trusted as HTML.
 */

/** Every snapshot: where the embed lives and when it was fetched (ISO 8601). */
export interface SnapshotBase {
  url: string;
  fetchedAt: string;
}

/** A run of a post's text; `href` makes it a link. Line breaks are "\n" in `text`. */
export interface TextRun {
  text: string;
  href?: string;
}

/** A post on X, from X's oEmbed: its text as runs of plain text and links, its author and its date. */
export interface TweetSnapshot extends SnapshotBase {
  kind: "tweet";
  author: { name: string; handle: string };
  /** The day it was posted, `YYYY-MM-DD`, when X's answer gave one that reads as a date. */
  date?: string;
  /** The language X gives the text, for `lang`. */
  lang?: string;
  paragraphs: TextRun[][];
}

/** A YouTube or Vimeo video, from the service's oEmbed: its title, channel and poster frame. */
export interface VideoSnapshot extends SnapshotBase {
  kind: "youtube" | "vimeo";
  title: string;
  author?: { name: string; url?: string };
  /** The poster's file name beside the snapshot (downloaded by the fetcher); the build makes it responsive. */
  thumbnail?: string;
}

/** A repository (GitHub's REST API, GitLab's projects API): the facts its card shows. */
export interface RepositorySnapshot extends SnapshotBase {
  kind: "github" | "gitlab";
  /** `owner/name` (GitLab's `path_with_namespace`). */
  path: string;
  description?: string;
  language?: string;
  stars?: number;
  forks?: number;
  license?: string;
  archived?: boolean;
}

/** A gist (GitHub's REST API): its description and files. */
export interface GistSnapshot extends SnapshotBase {
  kind: "gist";
  owner: string;
  description?: string;
  files: string[];
}

export type EmbedSnapshot = TweetSnapshot | VideoSnapshot | RepositorySnapshot | GistSnapshot;
export type SnapshotKind = EmbedSnapshot["kind"];

/** The kinds `npm run embeds` can fetch without an account (Instagram's oEmbed needs one). */
export const snapshotKinds: readonly SnapshotKind[] = ["tweet", "youtube", "vimeo", "github", "gitlab", "gist"];

type Data = Readonly<Record<string, unknown>> | undefined;

const text = (value: unknown): string | undefined => (typeof value === "string" && value.trim() !== "" ? value : undefined);
const count = (value: unknown): number | undefined => (typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : undefined);
const webAddress = (value: unknown): string | undefined => (typeof value === "string" && /^https?:\/\//i.test(value) ? value : undefined);

export function readTweetSnapshot(data: Data): TweetSnapshot | undefined {
  const author = data?.author as Data;
  const name = text(author?.name);
  const handle = text(author?.handle);
  if (!data || !name || !handle || !Array.isArray(data.paragraphs)) return undefined;
  const paragraphs = data.paragraphs
    .filter((runs): runs is unknown[] => Array.isArray(runs))
    .map((runs) =>
      runs.flatMap((run): TextRun[] => {
        const { text: runText, href } = (run ?? {}) as { text?: unknown; href?: unknown };
        if (typeof runText !== "string" || runText === "") return [];
        const link = webAddress(href);
        return [link ? { text: runText, href: link } : { text: runText }];
      }),
    )
    .filter((runs) => runs.length > 0);
  if (paragraphs.length === 0) return undefined;
  const date = typeof data.date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(data.date) ? data.date : undefined;
  const lang = typeof data.lang === "string" && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(data.lang) ? data.lang : undefined;
  return { kind: "tweet", url: String(data.url ?? ""), fetchedAt: String(data.fetchedAt ?? ""), author: { name, handle }, date, lang, paragraphs };
}

/** `thumbnail` here is the poster's site path, set by the build only when its file exists. */
export function readVideoSnapshot(data: Data, kind: "youtube" | "vimeo"): VideoSnapshot | undefined {
  const title = text(data?.title);
  if (!data || !title) return undefined;
  const author = data.author as Data;
  const authorName = text(author?.name);
  return {
    kind,
    url: String(data.url ?? ""),
    fetchedAt: String(data.fetchedAt ?? ""),
    title,
    author: authorName ? { name: authorName, url: webAddress(author?.url) } : undefined,
    thumbnail: typeof data.thumbnail === "string" && data.thumbnail.startsWith("/") ? data.thumbnail : undefined,
  };
}

export function readRepositoryFacts(data: Data): Omit<RepositorySnapshot, "kind" | "url" | "fetchedAt" | "path"> & { path?: string } {
  return {
    path: text(data?.path),
    description: text(data?.description),
    language: text(data?.language),
    stars: count(data?.stars),
    forks: count(data?.forks),
    license: text(data?.license),
    archived: data?.archived === true,
  };
}

export function readGistSnapshot(data: Data): Pick<GistSnapshot, "description" | "files"> | undefined {
  if (!data) return undefined;
  const files = Array.isArray(data.files) ? data.files.filter((file): file is string => typeof file === "string" && file !== "") : [];
  return { description: text(data.description), files };
}
