import { Parser } from "htmlparser2";
import type { EmbedSnapshot, TextRun, TweetSnapshot } from "../../shortcodes/embed-snapshots.ts";
import type { FoundEmbed } from "./find-embeds.ts";

/**
 * The public endpoints each kind of embed is read from, without an account. Each base URL can be replaced through
 * the environment (README, "Embeds"): the tests point them at a local server.
 */
export const endpointVariables = {
  tweet: ["BLOG_EMBEDS_X_URL", "https://publish.twitter.com"],
  youtube: ["BLOG_EMBEDS_YOUTUBE_URL", "https://www.youtube.com"],
  vimeo: ["BLOG_EMBEDS_VIMEO_URL", "https://vimeo.com"],
  github: ["BLOG_EMBEDS_GITHUB_URL", "https://api.github.com"],
  gist: ["BLOG_EMBEDS_GITHUB_URL", "https://api.github.com"],
  gitlab: ["BLOG_EMBEDS_GITLAB_URL", "https://gitlab.com"],
} as const;

export interface ServiceOptions {
  env: Readonly<Record<string, string | undefined>>;
  /** How long one request may take. */
  timeoutMs: number;
}

/** A snapshot to write, and the poster to download beside it. */
export interface Fetched {
  snapshot: EmbedSnapshot;
  thumbnailUrl?: string;
}

/** A request that did not give a snapshot: why, in words; `offline` when no answer came at all. */
export class FetchProblem extends Error {
  readonly offline: boolean;
  constructor(message: string, offline = false) {
    super(message);
    this.offline = offline;
  }
}

function base(kind: keyof typeof endpointVariables, env: ServiceOptions["env"]): string {
  const [variable, fallback] = endpointVariables[kind];
  return (env[variable] || fallback).replace(/\/+$/, "");
}

/** The request for an embed, and how its answer becomes a snapshot. */
export function requestFor(embed: FoundEmbed, options: ServiceOptions): { url: string; headers: Record<string, string>; read: (body: unknown) => Fetched } {
  const fetchedAt = new Date().toISOString();
  const json = { Accept: "application/json" };
  switch (embed.kind) {
    case "tweet": {
      const post = `https://twitter.com/${embed.user}/status/${embed.id}`;
      return {
        url: `${base("tweet", options.env)}/oembed?${new URLSearchParams({ url: post, omit_script: "1", dnt: "true" })}`,
        headers: json,
        read: (body) => ({ snapshot: tweetSnapshot(body, `https://x.com/${embed.user}/status/${embed.id}`, fetchedAt) }),
      };
    }
    case "youtube": {
      const watch = `https://www.youtube.com/watch?v=${embed.id}`;
      return {
        url: `${base("youtube", options.env)}/oembed?${new URLSearchParams({ url: watch, format: "json" })}`,
        headers: json,
        read: (body) => videoSnapshot(body, "youtube", watch, embed.id, fetchedAt),
      };
    }
    case "vimeo": {
      const page = `https://vimeo.com/${embed.id}`;
      return {
        url: `${base("vimeo", options.env)}/api/oembed.json?${new URLSearchParams({ url: page })}`,
        headers: json,
        read: (body) => videoSnapshot(body, "vimeo", page, embed.id, fetchedAt),
      };
    }
    case "github":
    case "gist": {
      const token = options.env.GITHUB_TOKEN;
      const headers = { Accept: "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28", ...(token ? { Authorization: `Bearer ${token}` } : {}) };
      if (embed.kind === "gist") {
        return { url: `${base("gist", options.env)}/gists/${embed.id}`, headers, read: (body) => ({ snapshot: gistSnapshot(body, fetchedAt) }) };
      }
      return { url: `${base("github", options.env)}/repos/${embed.id}`, headers, read: (body) => ({ snapshot: githubSnapshot(body, fetchedAt) }) };
    }
    case "gitlab": {
      // gitlab.com can be pointed elsewhere (tests); a self-hosted server is asked directly.
      const server = !embed.server || /^https:\/\/gitlab\.com\/?$/.test(embed.server) ? base("gitlab", options.env) : embed.server.replace(/\/+$/, "");
      return { url: `${server}/api/v4/projects/${embed.id}`, headers: json, read: (body) => ({ snapshot: gitlabSnapshot(body, fetchedAt) }) };
    }
  }
}

/** Asks `url` for JSON, within the time allowed, turning every way it can fail into a FetchProblem. */
export async function getJson(url: string, headers: Record<string, string>, options: ServiceOptions): Promise<unknown> {
  const response = await request(url, headers, options);
  try {
    return await response.json();
  } catch {
    throw new FetchProblem(`${new URL(url).host} answered with something that is not JSON`);
  }
}

/** Downloads a poster; only images are accepted. */
export async function getImage(url: string, options: ServiceOptions): Promise<{ bytes: Uint8Array; extension: string }> {
  const response = await request(url, { Accept: "image/*" }, options);
  const type = response.headers.get("content-type")?.split(";")[0]?.trim() ?? "";
  const extension = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" }[type];
  if (!extension) throw new FetchProblem(`the poster at ${url} is not a JPEG, PNG or WebP image (${type || "no type"})`);
  return { bytes: new Uint8Array(await response.arrayBuffer()), extension };
}

async function request(url: string, headers: Record<string, string>, options: ServiceOptions): Promise<Response> {
  const host = new URL(url).host;
  let response: Response;
  try {
    response = await fetch(url, { headers: { "User-Agent": "blog-embeds (static site generator)", ...headers }, signal: AbortSignal.timeout(options.timeoutMs), redirect: "follow" });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    if (cause === "TimeoutError") throw new FetchProblem(`${host} did not answer within ${Math.round(options.timeoutMs / 1000)} s`);
    throw new FetchProblem(`could not reach ${host} (${cause})`, true);
  }
  if (response.ok) return response;
  const limited = response.status === 429 || (response.status === 403 && response.headers.get("x-ratelimit-remaining") === "0");
  if (limited) {
    const reset = Number(response.headers.get("x-ratelimit-reset"));
    const retry = Number(response.headers.get("retry-after"));
    const when = Number.isFinite(reset) && reset > 0 ? ` until ${new Date(reset * 1000).toISOString()}` : Number.isFinite(retry) && retry > 0 ? ` for ${retry} s` : "";
    throw new FetchProblem(`${host} limits how often it may be asked${when}: run it again later${"X-GitHub-Api-Version" in headers ? ", or set GITHUB_TOKEN" : ""}`);
  }
  if (response.status === 404) throw new FetchProblem(`${host} does not know it (404): deleted, private, or the id is mistyped`);
  if (response.status === 401 || response.status === 403) throw new FetchProblem(`${host} does not show it without an account (${response.status}): it is private or protected`);
  throw new FetchProblem(`${host} answered ${response.status} ${response.statusText}`.trim());
}

function field(body: unknown, name: string): unknown {
  return body && typeof body === "object" ? (body as Record<string, unknown>)[name] : undefined;
}

function requiredText(body: unknown, name: string, what: string): string {
  const value = field(body, name);
  if (typeof value !== "string" || value.trim() === "") throw new FetchProblem(`the answer for ${what} has no ${name}`);
  return value;
}

function optionalText(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

function videoSnapshot(body: unknown, kind: "youtube" | "vimeo", url: string, id: string, fetchedAt: string): Fetched {
  const title = requiredText(body, "title", `${kind} ${id}`);
  const authorName = optionalText(field(body, "author_name"));
  const thumbnailUrl = optionalText(field(body, "thumbnail_url"));
  return {
    snapshot: { kind, url, fetchedAt, title, ...(authorName ? { author: { name: authorName, url: optionalText(field(body, "author_url")) } } : {}) },
    thumbnailUrl,
  };
}

function githubSnapshot(body: unknown, fetchedAt: string): EmbedSnapshot {
  const path = requiredText(body, "full_name", "the repository");
  const license = field(body, "license");
  return {
    kind: "github",
    url: optionalText(field(body, "html_url")) ?? `https://github.com/${path}`,
    fetchedAt,
    path,
    description: optionalText(field(body, "description")),
    language: optionalText(field(body, "language")),
    stars: numberOf(field(body, "stargazers_count")),
    forks: numberOf(field(body, "forks_count")),
    license: optionalText(field(license, "spdx_id")) === "NOASSERTION" ? optionalText(field(license, "name")) : (optionalText(field(license, "spdx_id")) ?? optionalText(field(license, "name"))),
    archived: field(body, "archived") === true,
  };
}

function gitlabSnapshot(body: unknown, fetchedAt: string): EmbedSnapshot {
  const path = requiredText(body, "path_with_namespace", "the project");
  return {
    kind: "gitlab",
    url: optionalText(field(body, "web_url")) ?? "",
    fetchedAt,
    path,
    description: optionalText(field(body, "description")),
    stars: numberOf(field(body, "star_count")),
    forks: numberOf(field(body, "forks_count")),
    archived: field(body, "archived") === true,
  };
}

function gistSnapshot(body: unknown, fetchedAt: string): EmbedSnapshot {
  const files = field(body, "files");
  return {
    kind: "gist",
    url: requiredText(body, "html_url", "the gist"),
    fetchedAt,
    owner: optionalText(field(field(body, "owner"), "login")) ?? "",
    description: optionalText(field(body, "description")),
    files: files && typeof files === "object" ? Object.keys(files) : [],
  };
}

function numberOf(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/**
 * X's oEmbed answers with the post as HTML (a blockquote holding the text in <p>, then "— Name (@handle)" and a
 * link with the date). Only the text, its links and its line breaks are kept, as data: the build escapes them.
 */
export function tweetSnapshot(body: unknown, url: string, fetchedAt: string): TweetSnapshot {
  const markup = requiredText(body, "html", "the post");
  const paragraphs: TextRun[][] = [];
  let lang: string | undefined;
  let inParagraph = false;
  let link: string | undefined;
  let lastLinkText = "";
  let outsideLinkText = "";
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "p") {
          inParagraph = true;
          lang ??= attributes.lang;
          paragraphs.push([]);
        } else if (name === "a") {
          link = attributes.href;
          lastLinkText = "";
        } else if (name === "br" && inParagraph) {
          append("\n");
        }
      },
      ontext(text) {
        if (inParagraph) append(text);
        else if (link !== undefined) lastLinkText += text;
        else outsideLinkText += text;
      },
      onclosetag(name) {
        if (name === "p") inParagraph = false;
        if (name === "a") link = undefined;
      },
    },
    { decodeEntities: true },
  );
  function append(text: string) {
    const runs = paragraphs.at(-1)!;
    const href = link && /^https?:\/\//i.test(link) ? link : undefined;
    const last = runs.at(-1);
    if (last && last.href === href) last.text += text;
    else runs.push(href ? { text, href } : { text });
  }
  parser.write(markup);
  parser.end();
  const kept = paragraphs.map((runs) => runs.filter((run) => run.text !== "")).filter((runs) => runs.some((run) => run.text.trim() !== ""));
  if (kept.length === 0) throw new FetchProblem("the answer for the post holds no text");
  const handle = /\/([A-Za-z0-9_]{1,15})\/?$/.exec(optionalText(field(body, "author_url")) ?? "")?.[1] ?? /\(@([A-Za-z0-9_]{1,15})\)/.exec(outsideLinkText)?.[1];
  const name = optionalText(field(body, "author_name")) ?? handle;
  if (!handle || !name) throw new FetchProblem("the answer for the post names no author");
  const day = new Date(lastLinkText.trim());
  const date = Number.isNaN(day.getTime()) ? undefined : `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, "0")}-${String(day.getDate()).padStart(2, "0")}`;
  return { kind: "tweet", url, fetchedAt, author: { name, handle }, ...(date ? { date } : {}), ...(lang && lang !== "und" ? { lang } : {}), paragraphs: kept };
}
