import fs from "node:fs";
import path from "node:path";

/** Where `npm run embeds` keeps what it learned of an embed: `<content>/_data/embeds/<kind>/<id>.json`. */
export function embedDataFile(contentDir: string, kind: string, id: string): string {
  return path.join(contentDir, "_data", "embeds", kind, `${id}.json`);
}

/**
 * The data kept for an embed (a repository's description and stars, a video's title…), or undefined when there is
 * none. A poster file named by the snapshot becomes its site path when the file is there beside it, for the image
 * pipeline to find; a missing one is dropped, so the card shows without it rather than failing the build.
 */
export function readEmbedData(contentDir: string, kind: string, id: string): Readonly<Record<string, unknown>> | undefined {
  // Ids come from shortcode parameters already checked, but a path must never leave the embeds folder.
  if (!/^[\w.-]+$/.test(kind) || id.split("/").some((part) => part === "" || part === "." || part === "..")) return undefined;
  const file = embedDataFile(contentDir, kind, id);
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) return undefined;
  const { thumbnail, ...rest } = data as Record<string, unknown>;
  if (typeof thumbnail !== "string" || !/^[\w.-]+$/.test(thumbnail)) return rest;
  const poster = path.join(path.dirname(file), thumbnail);
  if (!fs.statSync(poster, { throwIfNoEntry: false })?.isFile()) return rest;
  return { ...rest, thumbnail: `/${path.relative(contentDir, poster).split(path.sep).join("/")}` };
}
