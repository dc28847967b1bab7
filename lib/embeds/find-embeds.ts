import path from "node:path";
import { shortcodes } from "../../shortcodes/index.ts";
import { parseShortcodes, type ShortcodeNode } from "../../shortcodes/parse.ts";
import type { SnapshotKind } from "../../shortcodes/embed-snapshots.ts";
import { pastedVideo } from "../render/body-embeds.ts";
import { overriddenShortcodes, shortcodesFor } from "../render/site-shortcodes.ts";
import { contentFiles } from "../source/content-files.ts";
import { readContentText } from "../source/content-text.ts";
import { readFrontMatter } from "../source/front-matter.ts";

/** An embed in a post that `npm run embeds` can keep a snapshot of, and where it was first seen. */
export interface FoundEmbed {
  kind: SnapshotKind;
  /** The snapshot's name under `_data/embeds/<kind>/`: a video or post id, `owner/name`, a project id. */
  id: string;
  /** What the request needs besides the id: the X user, a GitLab server, a gist's owner. */
  user?: string;
  server?: string;
  /** `posts/x/index.md:12`, for the summary. */
  where: string;
}

/**
 * Every embed of the content folder, once each: the `tweet`/`x`, `youtube`, `vimeo`, `github`, `gitlab` and `gist`
 * calls (read by the shortcodes' own parameter rules, so an id the build would refuse is not fetched) and YouTube or
 * Vimeo players pasted as iframes. A file that does not read or parse is skipped: the build reports it. Instagram
 * calls are listed apart: Instagram gives nothing without an account.
 */
export function findEmbeds(contentDir: string): { embeds: FoundEmbed[]; unfetchable: Array<{ kind: "instagram"; id: string; where: string }> } {
  const found = new Map<string, FoundEmbed>();
  const unfetchable = new Map<string, { kind: "instagram"; id: string; where: string }>();
  const overridden = new Set(overriddenShortcodes(contentDir));
  for (const file of contentFiles(contentDir).markdown) {
    const where = (line: number) => `${path.relative(contentDir, file).split(path.sep).join("/")}:${line}`;
    let body: string;
    let firstLine: number;
    try {
      const frontMatter = readFrontMatter(file, readContentText(file, true).text);
      body = frontMatter.body;
      firstLine = frontMatter.bodyLine;
    } catch {
      continue;
    }
    const add = (embed: FoundEmbed) => {
      const key = `${embed.kind}/${embed.id}`;
      if (!found.has(key)) found.set(key, embed);
    };
    const registry = shortcodesFor({ contentDir, staticDir: undefined, file });
    let nodes: ShortcodeNode[] = [];
    try {
      nodes = parseShortcodes(body, { file, firstLine, takesInner: (name) => registry.get(name)?.takesInner, knownNames: [...registry.keys()] });
    } catch {
      // Calls the build will refuse; the pasted iframes below are still found.
    }
    for (const call of calls(nodes)) {
      if (overridden.has(call.name)) continue;
      const id = call.name === "instagram" ? call.args.positional[0] ?? call.args.named.get("id") : undefined;
      if (id !== undefined) unfetchable.set(String(id), { kind: "instagram", id: String(id), where: where(call.line) });
      const embed = embedOf(call.name, call.args);
      if (embed) add({ ...embed, where: where(call.line) });
    }
    for (const match of body.matchAll(/<iframe\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']/gi)) {
      let url: URL;
      try {
        url = new URL(match[1]!.replaceAll("&amp;", "&"), "https://placeholder.invalid");
      } catch {
        continue;
      }
      const video = pastedVideo(url);
      if (video) add({ ...video, where: where(firstLine + body.slice(0, match.index).split("\n").length - 1) });
    }
  }
  return { embeds: [...found.values()], unfetchable: [...unfetchable.values()] };
}

function* calls(nodes: readonly ShortcodeNode[]): Generator<Extract<ShortcodeNode, { type: "call" }>> {
  for (const node of nodes) {
    if (node.type !== "call") continue;
    yield node;
    if (node.inner) yield* calls(node.inner);
  }
}

/** The embed a built-in call shows, by the shortcode's own reading of its parameters; undefined if it refuses them. */
function embedOf(name: string, args: Parameters<NonNullable<ReturnType<typeof shortcodes.get>>["readParams"]>[0]): Omit<FoundEmbed, "where"> | undefined {
  const shortcode = shortcodes.get(name);
  let params: Record<string, unknown>;
  try {
    params = shortcode?.readParams(args) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  switch (name) {
    case "tweet":
    case "x":
      return { kind: "tweet", id: String(params.id), user: String(params.user) };
    case "youtube":
      return { kind: "youtube", id: String(params.id) };
    case "vimeo":
      return { kind: "vimeo", id: String(params.id) };
    case "github":
      return { kind: "github", id: `${String(params.owner)}/${String(params.name)}` };
    case "gitlab":
      return { kind: "gitlab", id: String(params.projectId), server: String(params.baseUrl) };
    case "gist":
      return { kind: "gist", id: String(params.id), user: String(params.user) };
    default:
      return undefined;
  }
}
