import { Parser } from "htmlparser2";
import { embedPlaceholder } from "../../shortcodes/embed-placeholder.ts";
import { readVideoSnapshot } from "../../shortcodes/embed-snapshots.ts";
import type { RenderContext } from "../../shortcodes/shortcode.ts";
import { html } from "../../shortcodes/html.ts";
import { socialCard } from "../../shortcodes/social-card.ts";
import { translate } from "../source/i18n.ts";

export interface BodyEmbeds {
  html: string;
  /** Scripts the page now needs (the click-to-load script, when an iframe became a placeholder). */
  scripts: string[];
}

interface Element {
  name: string;
  attributes: Record<string, string>;
  start: number;
  end: number;
  /** Text of each <p> inside, for the Instagram caption. */
  paragraphs: string[];
}

const remote = /^(?:https?:)?\/\//i;

/**
 * Third-party embeds pasted as raw HTML, made private and accessible: an <iframe> from another site becomes the
 * same click-to-load placeholder as `youtube` (YouTube addresses switch to youtube-nocookie.com); Instagram's
 * embed blockquote becomes a plain card with its caption and link; scripts from other sites are dropped (they
 * would track readers, and only turn those blockquotes into iframes).
 */
export function processBodyEmbeds(body: string, lang: string, embedData: RenderContext["embedData"] = () => undefined): BodyEmbeds {
  if (!/<iframe|instagram-media|<script/i.test(body)) return { html: body, scripts: [] };
  const targets = findTargets(body);
  const scripts = new Set<string>();
  let out = body;
  for (const element of targets.reverse()) {
    const replacement = replace(element, lang, embedData);
    if (replacement === undefined) continue;
    if (element.name === "iframe") scripts.add("/js/embeds.js");
    out = out.slice(0, element.start) + replacement + out.slice(element.end + 1);
  }
  return { html: out, scripts: [...scripts] };
}

function replace(element: Element, lang: string, embedData: RenderContext["embedData"]): string | undefined {
  const src = element.attributes.src ?? "";
  if (element.name === "script") return remote.test(src) ? "" : undefined;
  if (element.name === "iframe") {
    if (!remote.test(src)) return undefined;
    const url = new URL(src, "https://placeholder.invalid");
    const youtube = /^(?:www\.)?youtube\.com$/.test(url.hostname) && url.pathname.startsWith("/embed/");
    if (youtube) url.hostname = "www.youtube-nocookie.com";
    const host = url.hostname;
    const video = pastedVideo(url);
    const kept = video && readVideoSnapshot(embedData(video.kind, video.id), video.kind);
    const title = element.attributes.title || kept?.title || host;
    const height = Number.parseInt(element.attributes.height ?? "", 10);
    return embedPlaceholder({
      poster: kept?.thumbnail,
      byline: kept?.author?.name,
      kind: youtube ? "video" : "frame",
      playerUrl: url.toString(),
      fallbackUrl: url.toString(),
      title,
      label: translate(lang, "embedLoad", { host }),
      notice: translate(lang, "embedNotice", { host }),
      height: Number.isFinite(height) && height > 0 ? height : undefined,
      allow: element.attributes.allow,
    }).toString();
  }
  // An Instagram embed blockquote.
  const permalink = element.attributes["data-instgrm-permalink"] ?? "";
  if (!/^https:\/\/(www\.)?instagram\.com\//.test(permalink)) return undefined;
  const caption = element.paragraphs.map((text) => text.replace(/\s+/g, " ").trim()).filter(Boolean).at(-1) ?? "Instagram";
  return socialCard({ kind: "instagram", cite: permalink, quoteClass: "instagram-media", quote: caption, caption: html`<a href="${permalink}">${translate(lang, "instagramOpen")}</a>` }).toString();
}

/** A YouTube or Vimeo player pasted as an iframe: which video it plays, to find what `npm run embeds` kept of it. */
export function pastedVideo(url: URL): { kind: "youtube" | "vimeo"; id: string } | undefined {
  const youtube = /^(?:www\.)?youtube(?:-nocookie)?\.com$/.test(url.hostname) ? /^\/embed\/([A-Za-z0-9_-]{11})$/.exec(url.pathname) : null;
  if (youtube) return { kind: "youtube", id: youtube[1]! };
  const vimeo = url.hostname === "player.vimeo.com" ? /^\/video\/(\d{1,12})$/.exec(url.pathname) : null;
  return vimeo ? { kind: "vimeo", id: vimeo[1]! } : undefined;
}

/** The outermost iframes, scripts and Instagram blockquotes, with their character ranges. */
function findTargets(body: string): Element[] {
  const found: Element[] = [];
  const stack: Element[] = [];
  let inTarget = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const isTarget = name === "iframe" || name === "script" || (name === "blockquote" && /\binstagram-media\b/.test(attributes.class ?? ""));
        const element: Element & { target?: boolean } = { name, attributes, start: parser.startIndex, end: -1, paragraphs: [] };
        if (isTarget && inTarget === 0) element.target = true;
        if (isTarget) inTarget++;
        if (name === "p") stack.findLast((open) => (open as { target?: boolean }).target)?.paragraphs.push("");
        stack.push(element);
      },
      ontext(text) {
        const target = stack.findLast((open) => (open as { target?: boolean }).target);
        if (target && target.paragraphs.length > 0 && stack.some((open) => open.name === "p")) {
          target.paragraphs[target.paragraphs.length - 1] += text;
        }
      },
      onclosetag(name) {
        const element = stack.pop() as (Element & { target?: boolean }) | undefined;
        if (!element) return;
        const isTarget = name === "iframe" || name === "script" || element.name === "blockquote" && /\binstagram-media\b/.test(element.attributes.class ?? "");
        if (isTarget) inTarget--;
        if (element.target) {
          element.end = parser.endIndex;
          found.push(element);
        }
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.write(body);
  parser.end();
  return found.sort((a, b) => a.start - b.start);
}
