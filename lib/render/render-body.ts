import type { Token } from "markdown-it";
import { html, trustedHtml, type SafeHtml } from "../../shortcodes/html.ts";
import { shortcodes } from "../../shortcodes/index.ts";
import { parseShortcodes, type ShortcodeCall, type ShortcodeNode } from "../../shortcodes/parse.ts";
import { ParamError, type RenderContext, type Shortcode, type ShortcodeProblem, type SiteLookup } from "../../shortcodes/shortcode.ts";
import { AuthorError, positionAt } from "../errors.ts";
import { translate } from "../source/i18n.ts";
import { highlightBlock } from "./highlight.ts";
import { fragmentEnv, markdown, parameterMarkdown, uniqueFragmentIds } from "./markdown.ts";
import { mathStylesheet } from "./page-assets.ts";
import type { MathEnv, MathMode } from "./math.ts";
import { countWords, hasCjk, isCjkLanguage, readingMinutes } from "./reading-time.ts";
import { fillPlaceholders, placeholder, stripPlaceholders } from "./shortcode-placeholders.ts";

export interface Heading {
  level: number;
  id: string;
  text: string;
}

/** A shortcode call whose output needs the other pages; rendered once every page has been read. */
export interface SiteShortcodeCall {
  name: string;
  params: unknown;
  file: string;
  line: number;
  column: number;
}

/** A post body rendered once, with everything lists, feeds and the page itself need from it. */
export interface RenderedBody {
  /** Calls with bad parameters; each is shown in place of its output, and the production build stops. */
  errors: AuthorError[];
  /** Calls with problems the site lets through (`strict: false`). */
  warnings: AuthorError[];
  /** The HTML, still holding "site" placeholders for the calls in `siteCalls`. */
  html: string;
  siteCalls: SiteShortcodeCall[];
  /** Scripts the body's shortcodes need on the page. */
  scripts: string[];
  /** Stylesheets it needs besides the site's own (math). */
  styles: string[];
  /** Plain text of the leading paragraphs, or of everything before `<!--more-->`. */
  autoSummary: string;
  /** Whether the author marked the summary with `<!--more-->`. */
  hasMoreMarker: boolean;
  wordCount: number;
  readingMinutes: number;
  headings: Heading[];
}

export interface RenderOptions {
  file: string;
  /** File line on which the body starts. */
  firstLine: number;
  lang: string;
  url: string;
  summaryLength: number;
  /** The shortcodes a body may call; the registry unless a test brings its own. */
  shortcodes?: ReadonlyMap<string, Shortcode>;
  /** Which shortcode problems the site lets through; none when left out. */
  tolerates?: Tolerance;
  /** The page's front matter, keys lower-cased (for `param`). */
  params?: Readonly<Record<string, unknown>>;
  /** What `npm run embeds` kept of an embed. */
  embedData?: RenderContext["embedData"];
  /** Math asked for by the front matter or the site (a `katex` call asks too). */
  math?: MathMode;
}

/** Whether a body calls a shortcode, at any depth. */
function callsShortcode(nodes: ShortcodeNode[], name: string): boolean {
  return nodes.some((node) => node.type === "call" && (node.name === name || callsShortcode(node.inner ?? [], name)));
}

const moreMarker = /<!--\s*more\s*-->/i;

/**
 * A body's way through the build, Hugo's algorithm: shortcode calls are parsed out, `{{% %}}` output goes back
 * into the Markdown, `{{< >}}` output is spliced into the rendered HTML. Syntax errors throw AuthorErrors
 * (the body cannot be read); bad parameters are returned in `errors`, so every problem is reported at once.
 */
export function renderBody(body: string, options: RenderOptions): RenderedBody {
  const registry = options.shortcodes ?? shortcodes;
  const nodes = parseShortcodes(body, {
    file: options.file,
    firstLine: options.firstLine,
    takesInner: (name) => registry.get(name)?.takesInner,
    knownNames: [...registry.keys()].sort(),
  });
  // Blowfish renders math on a page that calls `katex` anywhere in it; the front matter or the site may ask too.
  const env: MathEnv = { lang: options.lang, math: options.math || (callsShortcode(nodes, "katex") ? "math" : false), mathProblems: [] };
  const expansion = new Expansion(options, env);
  const source = expansion.toMarkdown(nodes);
  const tokens = markdown.parse(source, env);
  const headings = collectHeadings(tokens);
  const html = uniqueFragmentIds(
    expansion.fill(markdown.renderer.render(tokens, markdown.options, env)),
    headings.map((heading) => heading.id),
  );

  const text = plainText(tokens);
  const cjk = isCjkLanguage(options.lang) || hasCjk(text);
  const wordCount = countWords(text);
  const { summary, hasMoreMarker } = summarise(tokens, options.summaryLength);
  // A formula that does not parse is an error even in a lenient build: its meaning is lost, not only its looks.
  for (const problem of env.mathProblems ?? []) {
    const written = body.indexOf(problem.tex);
    const place = written === -1 ? { line: problem.line + 1, column: 1 } : positionAt(body, written);
    expansion.errors.push(
      new AuthorError(
        { file: options.file, line: place.line + options.firstLine - 1, column: place.column },
        `The formula "${problem.tex.length > 60 ? `${problem.tex.slice(0, 60)}…` : problem.tex}" does not parse: ${problem.message}`,
        "Fix the TeX (a brace or a command); Temml's supported functions: https://temml.org/docs/en/supported",
      ),
    );
  }
  return {
    errors: expansion.errors,
    warnings: expansion.warnings,
    html,
    siteCalls: expansion.siteCalls,
    scripts: [...expansion.scripts],
    styles: html.includes("<math") ? [mathStylesheet] : [],
    autoSummary: summary,
    hasMoreMarker,
    wordCount,
    readingMinutes: readingMinutes(wordCount, cjk),
    headings,
  };
}

class Expansion {
  readonly outputs: string[] = [];
  readonly siteCalls: SiteShortcodeCall[] = [];
  readonly scripts = new Set<string>();
  readonly errors: AuthorError[] = [];
  readonly warnings: AuthorError[] = [];
  readonly #options: RenderOptions;
  readonly #env: MathEnv;

  constructor(options: RenderOptions, env: MathEnv) {
    this.#options = options;
    this.#env = env;
  }

  toMarkdown(nodes: ShortcodeNode[]): string {
    return nodes.map((node) => (node.type === "text" ? node.text : this.#call(node))).join("");
  }

  /** Replaces the placeholders of calls rendered already. */
  fill(html: string): string {
    return fillPlaceholders(html, "now", (index) => this.outputs[index] ?? "");
  }

  #call(call: ShortcodeCall): string {
    const shortcode = (this.#options.shortcodes ?? shortcodes).get(call.name)!;
    let params: unknown;
    try {
      params = shortcode.readParams(call.args);
    } catch (error) {
      const { problem, tolerated } = this.#report(error, call);
      // Let through, the call shows as Blowfish shows it: with the parameters the shortcode recovered.
      const recovered = tolerated ? (error as ParamError).tolerable?.recovered : undefined;
      if (recovered === undefined) return this.#failed(problem, tolerated);
      params = recovered;
    }
    for (const script of shortcode.scripts ?? []) this.scripts.add(script);
    if (shortcode.usesSite) {
      this.siteCalls.push({ name: call.name, params, file: this.#options.file, line: call.line, column: call.column });
      return placeholder("site", this.siteCalls.length - 1);
    }
    let output: string;
    try {
      const inner = call.inner ? { source: call.innerSource ?? "", html: this.#renderInner(call.inner) } : undefined;
      const page = { lang: this.#options.lang, url: this.#options.url, params: this.#options.params };
      output = shortcode.render(params, renderContext({ page, inner, embedData: this.#options.embedData })).toString();
    } catch (error) {
      const { problem, tolerated } = this.#report(error, call);
      return this.#failed(problem, tolerated);
    }
    // `{{% %}}` output is Markdown and is rendered with the rest of the body.
    if (call.delimiter === "%") return output;
    this.outputs.push(output);
    return placeholder("now", this.outputs.length - 1);
  }

  #report(error: unknown, call: ShortcodeCall): { problem: AuthorError; tolerated: boolean } {
    return reportParamError(error, call.name, { file: this.#options.file, line: call.line, column: call.column }, this.#options.tolerates, this);
  }

  /** A call that could not be rendered: nothing when the problem is let through, else the error in place (preview). */
  #failed(problem: AuthorError, tolerated: boolean): string {
    this.outputs.push(tolerated ? "" : errorBox(problem).toString());
    return placeholder("now", this.outputs.length - 1);
  }

  /** Inner content is Markdown too, with its own shortcode calls expanded. */
  #renderInner(nodes: ShortcodeNode[]): SafeHtml {
    return trustedHtml(this.fill(markdown.render(this.toMarkdown(nodes), fragmentEnv(this.#env))).trim());
  }
}

/** What a shortcode renders with: its page, the build's services in the page's language, its inner content, the site. */
export function renderContext(options: {
  page: { lang: string; url: string; params?: Readonly<Record<string, unknown>> };
  inner?: RenderContext["inner"];
  site?: SiteLookup;
  embedData?: RenderContext["embedData"];
}): RenderContext {
  const { page } = options;
  return {
    page: { ...page, params: page.params ?? {} },
    translate: (key, vars) => translate(page.lang, key, vars),
    markdown: (source, { inline = false } = {}) => trustedHtml((inline ? parameterMarkdown.renderInline(source) : parameterMarkdown.render(source)).trim()),
    highlight: (code, language, highlightOptions) => highlightBlock(code, language, highlightOptions),
    embedData: options.embedData ?? (() => undefined),
    inner: options.inner,
    site: options.site,
  };
}

/** Whether the site lets a shortcode's problem through as a warning (`strict: false`, lib/source/tolerance.ts). */
export type Tolerance = (problem: Exclude<ShortcodeProblem, "datedTarget">) => boolean;

/**
 * A call's bad parameter, placed at the call: a warning when the site lets the problem through, else an error.
 * Anything but a ParamError is a fault of the generator, and is thrown on.
 */
export function reportParamError(
  error: unknown,
  name: string,
  where: { file: string; line: number; column: number },
  tolerates: Tolerance | undefined,
  found: { errors: AuthorError[]; warnings: AuthorError[] },
): { problem: AuthorError; tolerated: boolean } {
  if (!(error instanceof ParamError)) throw error;
  const problem = new AuthorError(where, `{{< ${name} >}}: ${error.message}`, error.hint);
  const problemName = error.tolerable?.problem;
  const tolerated = problemName === "datedTarget" || (problemName !== undefined && (tolerates?.(problemName) ?? false));
  (tolerated ? found.warnings : found.errors).push(problem);
  return { problem, tolerated };
}

/** What the preview shows where a call could not be rendered. */
export function errorBox(problem: AuthorError): SafeHtml {
  return html`<div class="build-error" role="alert"><pre>${problem.message}</pre></div>`;
}

/** Fills the placeholders of calls that needed the site, once they are rendered. */
export function fillSiteCalls(html: string, outputs: readonly string[]): string {
  return fillPlaceholders(html, "site", (index) => outputs[index] ?? "");
}

/** The text a reader reads: inline text and code, not markup, not raw HTML. */
function inlineText(token: Token): string {
  let text = "";
  for (const child of token.children ?? []) {
    if (child.type === "text" || child.type === "code_inline" || child.type === "math_inline") text += child.content;
    else if (child.type === "softbreak" || child.type === "hardbreak") text += " ";
  }
  return stripPlaceholders(text);
}

function plainText(tokens: Token[]): string {
  const parts: string[] = [];
  for (const token of tokens) {
    if (token.type === "inline") parts.push(inlineText(token));
    else if (token.type === "fence" || token.type === "code_block") parts.push(stripPlaceholders(token.content));
  }
  return parts.join("\n");
}

/**
 * Hugo's summary rules: everything before `<!--more-->` when the author put one; otherwise whole leading
 * paragraphs until at least `length` words (a CJK character counts as a word).
 */
function summarise(tokens: Token[], length: number): { summary: string; hasMoreMarker: boolean } {
  const markerIndex = tokens.findIndex(
    (token) =>
      (token.type === "html_block" && moreMarker.test(token.content)) ||
      (token.type === "inline" && (token.children ?? []).some((c) => c.type === "html_inline" && moreMarker.test(c.content))),
  );
  const paragraphs: string[] = [];
  let words = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (markerIndex !== -1 && i >= markerIndex) {
      if (token.type === "inline" && i === markerIndex) {
        const children = token.children ?? [];
        const cut = children.findIndex((c) => c.type === "html_inline" && moreMarker.test(c.content));
        const partial = inlineText({ ...token, children: children.slice(0, cut) } as Token).trim();
        if (partial) paragraphs.push(partial);
      }
      break;
    }
    if (token.type !== "inline" || tokens[i - 1]?.type !== "paragraph_open") continue;
    // Paragraphs inside lists, quotes and tables are not the opening prose of a post.
    if (token.level !== 1) continue;
    const text = inlineText(token).replace(/\s+/g, " ").trim();
    if (!text) continue;
    paragraphs.push(text);
    words += countWords(text);
    if (markerIndex === -1 && words >= length) break;
  }
  return { summary: paragraphs.join(" "), hasMoreMarker: markerIndex !== -1 };
}

function collectHeadings(tokens: Token[]): Heading[] {
  const headings: Heading[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type !== "heading_open") continue;
    const id = token.attrGet("id");
    const inline = tokens[i + 1];
    if (!id || !inline) continue;
    headings.push({ level: Number(token.tag.slice(1)), id: String(id), text: inlineText(inline).trim() });
  }
  return headings;
}
