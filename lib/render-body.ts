import type { Token } from "markdown-it";
import { markdown } from "./markdown.ts";
import { countWords, hasCjk, isCjkLanguage, readingMinutes } from "./reading-time.ts";

export interface Heading {
  level: number;
  id: string;
  text: string;
}

/** A post body rendered once, with everything lists, feeds and the page itself need from it. */
export interface RenderedBody {
  html: string;
  /** Plain text of the leading paragraphs, or of everything before `<!--more-->`. */
  autoSummary: string;
  /** Whether the author marked the summary with `<!--more-->`. */
  hasMoreMarker: boolean;
  wordCount: number;
  readingMinutes: number;
  headings: Heading[];
}

const moreMarker = /<!--\s*more\s*-->/i;

export function renderBody(body: string, options: { lang: string; summaryLength: number }): RenderedBody {
  const env = {};
  const tokens = markdown.parse(body, env);
  const html = markdown.renderer.render(tokens, markdown.options, env);

  const text = plainText(tokens);
  const cjk = isCjkLanguage(options.lang) || hasCjk(text);
  const wordCount = countWords(text);
  const { summary, hasMoreMarker } = summarise(tokens, options.summaryLength);
  return {
    html,
    autoSummary: summary,
    hasMoreMarker,
    wordCount,
    readingMinutes: readingMinutes(wordCount, cjk),
    headings: collectHeadings(tokens),
  };
}

/** The text a reader reads: inline text and code, not markup, not raw HTML. */
function inlineText(token: Token): string {
  let text = "";
  for (const child of token.children ?? []) {
    if (child.type === "text" || child.type === "code_inline") text += child.content;
    else if (child.type === "softbreak" || child.type === "hardbreak") text += " ";
  }
  return text;
}

function plainText(tokens: Token[]): string {
  const parts: string[] = [];
  for (const token of tokens) {
    if (token.type === "inline") parts.push(inlineText(token));
    else if (token.type === "fence" || token.type === "code_block") parts.push(token.content);
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
