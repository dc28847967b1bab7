import type { SafeHtml } from "./html.ts";
import type { ArgValue, ShortcodeArgs } from "./parse.ts";

/**
 * Problems that Hugo or Blowfish let through, which a site being migrated (`strict: false`) may let through too:
 * the build decides, with the problem's name (lib/source/tolerance.ts lists them all).
 */
export type ShortcodeProblem = "missingArticle" | "unknownIcon";

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
  /** Existing URLs closest to a mistyped one, best first. */
  nearestUrls(url: string): string[];
  /** The post card shared with list pages (layouts/partials/post-card.njk). */
  card(post: LinkedPost): SafeHtml;
}

/** Interface text a shortcode may ask for; the site's translations give it in the page's language. */
export type ShortcodeText = "youtubeDefaultTitle" | "youtubePlay" | "youtubeNotice" | "tweetBy" | "tweetOpen";

export interface RenderContext {
  page: { lang: string; url: string };
  /** Interface text in the page's language, e.g. `translate("youtubePlay", { title })`. */
  translate(key: ShortcodeText, vars?: Record<string, string | number>): string;
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
  /** Whether it wraps content: {{< name >}}…{{< /name >}}. */
  takesInner: boolean;
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
    if (value === true || value === "true") return true;
    if (value === false || value === "false") return false;
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
