import fs from "node:fs";
import path from "node:path";

/** Where `npm run embeds` keeps what it learned of an embed: `<content>/_data/embeds/<kind>/<id>.json`. */
export function embedDataFile(contentDir: string, kind: string, id: string): string {
  return path.join(contentDir, "_data", "embeds", kind, `${id}.json`);
}

/** The data kept for an embed (a repository's description and stars…), or undefined when there is none. */
export function readEmbedData(contentDir: string, kind: string, id: string): Readonly<Record<string, unknown>> | undefined {
  // Ids come from shortcode parameters already checked, but a path must never leave the embeds folder.
  if (!/^[\w.-]+$/.test(kind) || id.split("/").some((part) => part === "" || part === "." || part === "..")) return undefined;
  try {
    const data: unknown = JSON.parse(fs.readFileSync(embedDataFile(contentDir, kind, id), "utf8"));
    return data && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
