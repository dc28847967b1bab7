import markdownIt from "markdown-it";
import type { MarkdownIt } from "markdown-it";
import cjkFriendly from "markdown-it-cjk-friendly";
import footnote from "markdown-it-footnote";
import anchor from "markdown-it-anchor";
import { cjkUnderscoreEmphasis } from "./cjk-underscore-emphasis.ts";
import { diagramMarker } from "../../shortcodes/mermaid.ts";
import { callouts } from "./callouts.ts";
import { highlightCode } from "./highlight.ts";
import { mathPlugin, type MathEnv } from "./math.ts";
import { standaloneShortcodes } from "./shortcode-placeholders.ts";

/**
 * Hugo's heading ids (its default "github" style): lower case, spaces become hyphens, anything that is not a
 * letter, digit, `_` or `-` is dropped. Chinese headings keep their characters, so `#我们在哪里` works.
 */
export function headingId(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/\s/gu, "-")
    .replace(/[^\p{L}\p{M}\p{N}_-]/gu, "");
}

/**
 * Ids the page layouts give their own elements (the skip link's target, the labels of the table of contents and
 * the series box): a heading called "Main" must not take one.
 */
const layoutIds = new Set(["main", "toc-title", "series-box-title"]);

/** Marks the heading ids of a shortcode's inner content until the whole body is known; see uniqueFragmentIds. */
const fragmentIdMark = "\uE000";

/**
 * markdown-it env of a fragment rendered apart from the body it goes into (a shortcode's inner content): it takes
 * the body's math mode and problem lists along.
 */
export const fragmentEnv = (body: MathEnv = {}): MathEnv & { fragment: true } => ({ ...body, fragment: true });

function headingIdFor(title: string, state: { env?: { fragment?: boolean } }): string {
  const id = headingId(title);
  if (state.env?.fragment) return fragmentIdMark + id;
  return layoutIds.has(id) ? `${id}-1` : id;
}

/**
 * A shortcode's inner content is rendered on its own, before the body around it, so its headings cannot see the
 * body's ids. Once the body is assembled, they get ids of their own: the body's headings keep theirs (the table of
 * contents and links from elsewhere point at them), a clashing fragment heading takes the next free `-n`.
 */
export function uniqueFragmentIds(html: string, bodyIds: Iterable<string>): string {
  const used = new Set([...layoutIds, ...bodyIds]);
  return html.replace(new RegExp(` id="${fragmentIdMark}([^"]*)"`, "g"), (_, id: string) => {
    let unique = id;
    for (let n = 1; used.has(unique); n++) unique = `${id}-${n}`;
    used.add(unique);
    return ` id="${unique}"`;
  });
}

/**
 * `</br>` is a common typo for `<br>`; browsers read it as a line break but it is not valid HTML, so raw HTML
 * written that way is emitted as `<br>`.
 */
function repairEndBreakTags(md: MarkdownIt): void {
  md.core.ruler.push("repair_end_br", (state) => {
    const fix = (text: string) => text.replace(/<\/br\s*>/gi, "<br>");
    for (const token of state.tokens) {
      if (token.type === "html_block") token.content = fix(token.content);
      for (const child of token.children ?? []) {
        if (child.type === "html_inline") child.content = fix(child.content);
      }
    }
  });
}

/** A ```mermaid block is a diagram, drawn as `{{< mermaid >}}` draws it (the way Hugo sites with a render hook write it). */
function mermaidFences(md: MarkdownIt): void {
  const fence = md.renderer.rules.fence!;
  md.renderer.rules.fence = (tokens, index, options, env, self) => {
    const token = tokens[index]!;
    if (token.info.trim().split(/\s+/)[0]?.toLowerCase() !== "mermaid") return fence(tokens, index, options, env, self);
    return `${diagramMarker(token.content.replace(/\s+$/, ""))}\n`;
  };
}

function createMarkdown(): MarkdownIt {
  const md = markdownIt({
    html: true,
    linkify: true,
    // Typographic replacements turn straight quotes into curly ones, which breaks Chinese quotation marks.
    typographer: false,
    highlight: highlightCode,
  });
  md.linkify.set({ fuzzyLink: false });
  md.use(cjkFriendly);
  md.use(cjkUnderscoreEmphasis);
  md.use(footnote);
  md.use(anchor, { slugifyWithState: headingIdFor, tabIndex: false });
  md.use(repairEndBreakTags);
  md.use(standaloneShortcodes);
  md.use(mathPlugin);
  md.use(mermaidFences);
  md.use(callouts);
  return md;
}

/** The one markdown-it instance: post bodies, shortcode inner content and summaries all render through it. */
export const markdown: MarkdownIt = createMarkdown();

/**
 * Markdown in a shortcode's parameter (a figure's caption, a summary's title): the same emphasis and links, but raw
 * HTML is shown as written. A parameter is text, and a shortcode escapes every one.
 */
export const parameterMarkdown: MarkdownIt = markdownIt({ html: false, linkify: true, typographer: false }).use(cjkFriendly).use(cjkUnderscoreEmphasis);
