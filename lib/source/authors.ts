import fs from "node:fs";
import path from "node:path";
import { AuthorError, jsonErrorPlace } from "../errors.ts";

/**
 * Who writes the posts, as Blowfish has it: the site's `author` in the settings, and for a site of several authors
 * one file per author, `<content>/_data/authors/<id>.json`, named by the ids posts list in `authors`. Each has a
 * name, and may have a bio, a headline, a picture (a file of the content folder or of static/) and links
 * (`[{ "github": "https://…" }]`, Blowfish's form, or `{ "github": "https://…" }`).
 */
export interface AuthorProfile {
  /** The id posts use in `authors`; "" for the site's author. */
  id: string;
  name: string;
  headline: string | undefined;
  bio: string | undefined;
  url: string | undefined;
  /** Absolute path of the picture's file. */
  image: string | undefined;
  links: Array<{ network: string; url: string }>;
  /** The author's file (none for the site's author, who is in the settings). */
  file?: string;
}

export const authorsFolder = "_data/authors";

type Fail = (key: string, expected: string) => never;

/**
 * An author's profile from its settings or file. `fail` says which key is wrong and how; `findImage` turns the
 * picture's path into its file, or undefined when there is none.
 */
export function readAuthorProfile(id: string, raw: unknown, fail: Fail, findImage: (written: string) => string | undefined): AuthorProfile {
  const value = typeof raw === "string" ? { name: raw } : raw;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return fail("", 'a name, or an object { "name": "…", "bio": "…", "image": "…", "links": [{ "github": "https://…" }] }');
  const given = value as Record<string, unknown>;
  const text = (key: string, required = false): string | undefined => {
    const found = given[key];
    if (found === undefined && !required) return undefined;
    return typeof found === "string" && (!required || found.trim() !== "") ? found : fail(key, required ? "a non-empty text" : "a text");
  };
  const url = text("url");
  if (url !== undefined && !isLinkUrl(url)) fail("url", 'an absolute http(s) URL, e.g. "https://example.com/"');
  const imagePath = text("image");
  let image: string | undefined;
  if (imagePath !== undefined && imagePath !== "") {
    if (/^[a-z][a-z0-9+.-]*:/i.test(imagePath)) fail("image", "a picture in the content folder or static/ (a remote one would make every reader's browser fetch it from elsewhere): download it and give its path");
    image = findImage(imagePath) ?? fail("image", `the path of a picture that exists; "${imagePath}" is in neither the content folder nor static/`);
  }
  return {
    id,
    name: text("name", true)!,
    headline: text("headline"),
    bio: text("bio"),
    url,
    image,
    links: readLinks(given.links ?? given.social, (expected) => fail(given.links !== undefined ? "links" : "social", expected)),
  };
}

function readLinks(raw: unknown, fail: (expected: string) => never): AuthorProfile["links"] {
  if (raw === undefined) return [];
  const expected = 'a list like [{ "github": "https://github.com/you" }, { "email": "mailto:you@example.com" }]';
  const entries = Array.isArray(raw)
    ? raw.flatMap((item) => (typeof item === "object" && item !== null && !Array.isArray(item) ? Object.entries(item) : [["", item]]))
    : typeof raw === "object" && raw !== null
      ? Object.entries(raw)
      : fail(expected);
  return entries.map(([network, url]) => {
    if (!network || typeof url !== "string" || !isLinkUrl(url)) return fail(`${expected}; found ${JSON.stringify(network ? { [network]: url } : url)}`);
    return { network: network.toLowerCase(), url };
  });
}

function isLinkUrl(url: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(url) && URL.canParse(url);
}

/**
 * A picture's path as written, looked up in the content folder, then in the Hugo site's `assets/` (where Blowfish
 * keeps authors' pictures) and `static/` beside it, then in the generator's static/.
 */
export function imageFinder(contentDir: string, staticDir: string): (written: string) => string | undefined {
  const siteRoot = path.dirname(contentDir);
  return (written) => {
    const relative = written.replace(/^\/+/, "");
    for (const root of [contentDir, path.join(siteRoot, "assets"), path.join(siteRoot, "static"), staticDir]) {
      const file = path.join(root, relative);
      if (path.relative(root, file).startsWith("..")) continue;
      if (fs.statSync(file, { throwIfNoEntry: false })?.isFile()) return file;
    }
    return undefined;
  };
}

const cache = new Map<string, { stamp: string; authors: Map<string, AuthorProfile> }>();

/**
 * Every `_data/authors/<id>.json` of the content folder and `data/authors/<id>.json` of the Hugo site around it
 * (where Blowfish keeps them), by id (lower case; the content folder's wins); read again when one changes.
 */
export function loadAuthors(contentDir: string, staticDir: string): Map<string, AuthorProfile> {
  const folders = [path.join(contentDir, authorsFolder), path.join(path.dirname(contentDir), "data", "authors")];
  const byId = new Map<string, string>();
  for (const folder of folders) {
    const names = fs.existsSync(folder) ? fs.readdirSync(folder).filter((name) => name.endsWith(".json")).sort() : [];
    for (const name of names) {
      const id = name.slice(0, -".json".length).toLowerCase();
      if (!byId.has(id)) byId.set(id, path.join(folder, name));
    }
  }
  const files = [...byId].sort(([a], [b]) => (a < b ? -1 : 1));
  const stamp = files.map(([, file]) => `${file}:${fs.statSync(file).mtimeMs}`).join("|");
  const cached = cache.get(contentDir);
  if (cached && cached.stamp === stamp) return cached.authors;

  const authors = new Map<string, AuthorProfile>();
  const findImage = imageFinder(contentDir, staticDir);
  for (const [id, file] of files) {
    const name = path.basename(file);
    let raw: unknown;
    const text = fs.readFileSync(file, "utf8");
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw new AuthorError({ file, ...jsonErrorPlace(text, error) }, `The author's file is not valid JSON: ${(error as Error).message}`, "Fix the JSON syntax (quotes, commas) in this file");
    }
    const fail: Fail = (key, expected) => {
      throw new AuthorError({ file }, key ? `The author's "${key}" must be ${expected}` : `The author's file must hold ${expected}`, `Change ${key ? `"${key}"` : "it"} in this file (${name})`);
    };
    authors.set(id, { ...readAuthorProfile(id, raw, fail, findImage), file });
  }
  cache.set(contentDir, { stamp, authors });
  return authors;
}
