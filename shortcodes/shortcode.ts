import { trustedHtml, type SafeHtml } from "./html.ts";
import type { ArgValue, ShortcodeArgs } from "./parse.ts";

/**
 * Problems that Hugo or Blowfish let through, which a site being migrated (`strict: false`) may let through too:
 * the build decides, with the problem's name (lib/source/tolerance.ts lists them all).
 */
/**
 * Problems a site may let through. `datedTarget` (a link to a page scheduled or expired) is always let through: a
 * clock, not an edit, caused it, and failing would stop the scheduled build that publishes everything else on time.
 */
export type ShortcodeProblem = "missingTarget" | "datedTarget" | "unknownIcon" | "unknownColour";

/** A wrong parameter value; the pipeline adds the file, line and column of the call. */
export class ParamError extends Error {
  readonly hint: string;
  /**
   * Set for a problem the site may let through: then the call renders with `recovered` parameters (thrown by
   * `readParams`), or as nothing (thrown by `render`), as Blowfish would show it.
   */
  readonly tolerable: { problem: ShortcodeProblem; recovered?: unknown } | undefined;
  constructor(problem: string, hint: string, tolerable?: { problem: ShortcodeProblem; recovered?: unknown }) {
    super(problem);
    this.name = "ParamError";
    this.hint = hint;
    this.tolerable = tolerable;
  }
}

/**
 * This file and the registry are all a shortcode knows of the build: what it is given to render with and what it
 * may ask of the site. The build's own modules (lib/) implement these interfaces; shortcodes never import them.
 */

/** A post of the site as a shortcode sees it; the site's full post model stays behind `SiteLookup`. */
export interface LinkedPost {
  /** Its own page, e.g. "/posts/slug/". */
  url: string;
  /** Where a link to it leads: its page, or its `externalUrl`. */
  href: string;
  title: string;
}

/** What a shortcode may look up about the rest of the site (only for shortcodes with `usesSite`). */
export interface SiteLookup {
  findPost(url: string): LinkedPost | undefined;
  /**
   * The page a Hugo `ref` names: a content path (`posts/x.md`, `posts/x/index.md`, `/posts/x`), a page URL or a
   * bundle's name, looked up from the calling page's folder for a relative path.
   */
  findRef(ref: string, fromUrl: string): LinkedPost | undefined;
  /** Why a page at this URL is not in this build (a draft, not yet due, expired), if that is why. */
  whyMissing(url: string): { problem: string; hint: string; dated: boolean } | undefined;
  /** Existing URLs closest to a mistyped one, best first. */
  nearestUrls(url: string): string[];
  /** A site path as an absolute URL under the site's base URL. */
  absoluteUrl(path: string): string;
  /** The post card shared with list pages (layouts/partials/post-card.njk). */
  card(post: LinkedPost, options: { showSummary: boolean | undefined; compactSummary: boolean }): SafeHtml;
}

/** Interface text a shortcode may ask for; the site's translations give it in the page's language. */
export type ShortcodeText =
  | "youtubeDefaultTitle"
  | "youtubePlay"
  | "youtubeNotice"
  | "vimeoDefaultTitle"
  | "vimeoPlay"
  | "vimeoNotice"
  | "tweetBy"
  | "tweetOpen"
  | "gistBy"
  | "gistOpen"
  | "instagramOpen"
  | "repositoryOn"
  | "details"
  | "diagram"
  | "diagramSource";

export interface HighlightOptions {
  /** Numbered lines, starting at `lineNumberStart` (default 1). */
  lineNumbers: boolean;
  lineNumberStart: number;
  /** Lines marked, counted from 1 in the block. */
  highlightLines: ReadonlySet<number>;
}

export interface RenderContext {
  /** The calling page: its language, URL and front matter (keys lower-cased, as Hugo reads them). */
  page: { lang: string; url: string; params: Readonly<Record<string, unknown>> };
  /** Interface text in the page's language, e.g. `translate("youtubePlay", { title })`. */
  translate(key: ShortcodeText, vars?: Record<string, string | number>): string;
  /**
   * A parameter's Markdown (a caption): emphasis, code and links as in the post's text, raw HTML shown as written;
   * `inline` leaves out the paragraph around one line.
   */
  markdown(source: string, options?: { inline?: boolean }): SafeHtml;
  /** Code highlighted the way fenced code is. */
  highlight(code: string, language: string | undefined, options: HighlightOptions): SafeHtml;
  /** What `npm run embeds` kept of an embed (a repository's description and stars…); undefined when nothing. */
  embedData(kind: string, id: string): Readonly<Record<string, unknown>> | undefined;
  /** Inner content of a paired call, rendered as Markdown (nested shortcodes expanded). */
  inner: { source: string; html: SafeHtml } | undefined;
  /** Present for shortcodes declared with `usesSite`. */
  site: SiteLookup | undefined;
}

/**
 * One Hugo shortcode. `readParams` validates the call's arguments into typed parameters (throwing ParamError);
 * `render` is a pure function of those parameters and a read-only context, returning escaped HTML.
 */
export interface Shortcode<Params = unknown> {
  name: string;
  /**
   * Whether it wraps content: {{< name >}}…{{< /name >}}. "optional" (shortcodes of the site's own): paired when a
   * closing tag follows, else a call on its own.
   */
  takesInner: boolean | "optional";
  /** True when the output depends on other pages: rendered once every page has been read. */
  usesSite?: boolean;
  /** Scripts (under static/) a page needs when it uses this shortcode. */
  scripts?: readonly string[];
  readParams(args: ShortcodeArgs): Params;
  render(params: Params, context: RenderContext): SafeHtml;
}

/** Reads arguments by name (case-insensitively, as Blowfish documents `cardColor`) or by position. */
export class Params {
  readonly #args: ShortcodeArgs;
  readonly #shortcode: string;
  readonly #lowerNamed: Map<string, ArgValue>;

  constructor(shortcode: string, args: ShortcodeArgs, accepted: { named: readonly string[]; positional: number }) {
    this.#shortcode = shortcode;
    this.#args = args;
    this.#lowerNamed = new Map([...args.named].map(([key, value]) => [key.toLowerCase(), value]));
    const allowed = new Set(accepted.named.map((name) => name.toLowerCase()));
    for (const key of args.named.keys()) {
      if (!allowed.has(key.toLowerCase())) {
        throw new ParamError(
          `"${shortcode}" has no parameter "${key}"`,
          `Its parameters are: ${accepted.named.join(", ")}`,
        );
      }
    }
    if (args.positional.length > accepted.positional) {
      throw new ParamError(
        `"${shortcode}" takes ${accepted.positional === 0 ? "no positional arguments" : `at most ${accepted.positional} positional argument${accepted.positional === 1 ? "" : "s"}`}, found ${args.positional.length}`,
        `Use named parameters: ${accepted.named.map((name) => `${name}="…"`).join(" ")}`,
      );
    }
  }

  get(name: string, position?: number): ArgValue | undefined {
    return this.#lowerNamed.get(name.toLowerCase()) ?? (position === undefined ? undefined : this.#args.positional[position]);
  }

  string(name: string, position?: number): string | undefined {
    const value = this.get(name, position);
    return value === undefined ? undefined : String(value);
  }

  required(name: string, position?: number): string {
    const value = this.string(name, position);
    if (value === undefined || value === "") {
      throw new ParamError(
        `"${this.#shortcode}" needs the parameter "${name}"`,
        position === undefined ? `Add ${name}="…" to the call` : `Add it: {{< ${this.#shortcode} ${name}="…" >}} or {{< ${this.#shortcode} … >}}`,
      );
    }
    return value;
  }

  boolean(name: string): boolean | undefined {
    const value = this.get(name);
    if (value === undefined) return undefined;
    // Hugo takes 1 and 0 too.
    if (value === true || value === "true" || value === 1 || value === "1") return true;
    if (value === false || value === "false" || value === 0 || value === "0") return false;
    throw new ParamError(`"${this.#shortcode}" parameter "${name}" must be true or false, not "${value}"`, `Write ${name}=true or ${name}=false`);
  }

  /** A whole number of seconds or similar, given bare (start=30) or quoted (start="30"). */
  wholeNumber(name: string): number | undefined {
    const value = this.get(name);
    if (value === undefined) return undefined;
    const number = typeof value === "number" ? value : /^\d+$/.test(String(value)) ? Number(value) : Number.NaN;
    if (!Number.isInteger(number) || number < 0) {
      throw new ParamError(`"${this.#shortcode}" parameter "${name}" must be a whole number, not "${value}"`, `Write ${name}=30`);
    }
    return number;
  }
}

/**
 * A paired call's inner content for inline use (a button's label, a badge): Hugo's `markdownify` leaves out the
 * paragraph around a single line, and so does this.
 */
export function inlineInner(inner: RenderContext["inner"]): SafeHtml {
  const text = inner?.html.toString().trim() ?? "";
  const single = /^<p>([\s\S]*)<\/p>$/.exec(text);
  return trustedHtml(single && !single[1]!.includes("<p>") ? single[1]! : text);
}

/**
 * A link target an author may give (`href`, `link`): a web or mail address, or a path of the site. Schemes that run
 * code (`javascript:`, `data:`) are refused: a parameter must never become a script.
 */
export function checkedHref(value: string, shortcode: string, parameter: string): string {
  const href = value.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)?.[1]?.toLowerCase();
  if (scheme && !["http", "https", "mailto", "tel"].includes(scheme)) {
    throw new ParamError(`"${shortcode}" parameter "${parameter}" cannot be a "${scheme}:" address`, "Give a web address (https://…), a mail address (mailto:…) or a path of the site (/posts/…)");
  }
  return href;
}

/** Whether a link leaves the site (another host): it then opens without giving the other site a hold on this page. */
export function isExternal(href: string): boolean {
  return /^(https?:)?\/\//i.test(href);
}
