import type { MarkdownIt, StateBlock, StateCore, StateInline, Token } from "markdown-it";
import { createRequire } from "node:module";
import type Temml from "temml";
import { html } from "../../shortcodes/html.ts";

// Loaded by the first formula: most pages have none.
let loadedTemml: typeof Temml | undefined;
const temml = (): typeof Temml => (loadedTemml ??= createRequire(import.meta.url)("temml") as typeof Temml);

/**
 * Math in posts, rendered at build time to MathML (Temml): a page that opts in (front matter `math`, the site
 * setting `math`, or a `{{< katex >}}` call, as in Blowfish) gets `$$…$$` and `\[…\]` displays and `\(…\)` in a
 * line; `$…$` in a line only with `math: dollars`, so "$5 and $10" in a migrated post stays text. Browsers draw
 * MathML themselves: the page needs only a small stylesheet (math-assets) and no script.
 */
export type MathMode = false | "math" | "dollars";

/** A TeX formula that does not parse, where it is in the body. */
export interface MathProblem {
  tex: string;
  /** 0-based line in the Markdown source the body rendered from. */
  line: number;
  message: string;
}

/** What the math rules read from markdown-it's env: whether the page opted in, and where to put problems. */
export type MathEnv = {
  /** The page's language (callouts name their type in it). */
  lang?: string;
  math?: MathMode;
  mathProblems?: MathProblem[];
};

export function mathPlugin(md: MarkdownIt): void {
  md.block.ruler.before("fence", "math_block", mathBlock, { alt: ["paragraph", "reference", "blockquote", "list"] });
  md.inline.ruler.before("escape", "math_inline", mathInline);
  md.core.ruler.after("inline", "math_lines", mathLines);
  md.renderer.rules.math_block = (tokens, index, _options, env) => `<div class="math-display">${render(tokens[index]!, true, (env ?? {}) as MathEnv)}</div>\n`;
  // A display written inside a paragraph stays inside it: a <math> element may sit in a line, a <div> may not.
  md.renderer.rules.math_inline = (tokens, index, _options, env) => render(tokens[index]!, tokens[index]!.meta?.display === true, (env ?? {}) as MathEnv);
}

const blockDelimiters: Array<[open: string, close: string]> = [
  ["$$", "$$"],
  ["\\[", "\\]"],
];

function mathBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (!(state.env as MathEnv).math || state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const lineText = (line: number) => state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]).trimEnd();
  const first = lineText(startLine);
  const delimiter = blockDelimiters.find(([open]) => first.startsWith(open));
  if (!delimiter) return false;
  const [open, close] = delimiter;
  const rest = first.slice(open.length);
  let content: string;
  let last = startLine;
  if (rest.trim() !== "" && rest.endsWith(close)) {
    content = rest.slice(0, -close.length);
  } else {
    const lines = [rest];
    for (last = startLine + 1; last < endLine; last++) {
      const text = lineText(last);
      if (text.endsWith(close)) {
        lines.push(text.slice(0, -close.length));
        break;
      }
      lines.push(text);
    }
    // Never closed: not math, but text.
    if (last >= endLine) return false;
    content = lines.join("\n");
  }
  if (silent) return true;
  const token = state.push("math_block", "math", 0);
  token.block = true;
  token.content = content.trim();
  token.markup = open;
  token.map = [startLine, last + 1];
  state.line = last + 1;
  return true;
}

function mathInline(state: StateInline, silent: boolean): boolean {
  const mode = (state.env as MathEnv).math;
  if (!mode) return false;
  const { src, pos } = state;
  let open: string;
  let close: string;
  if (src.startsWith("\\(", pos)) [open, close] = ["\\(", "\\)"];
  else if (src.startsWith("\\[", pos)) [open, close] = ["\\[", "\\]"];
  else if (src.startsWith("$$", pos)) [open, close] = ["$$", "$$"];
  else if (mode === "dollars" && src[pos] === "$") [open, close] = ["$", "$"];
  else return false;
  let end = src.indexOf(close, pos + open.length);
  if (open === "$") {
    // Pandoc's rule, and a price is no formula: `$` opens before a non-space that is not a digit ($5 and $10),
    // and closes after a non-space, not before a digit.
    if (/[\s\d]/.test(src[pos + 1] ?? " ")) return false;
    while (end !== -1 && (/\s/.test(src[end - 1]!) || /\d/.test(src[end + 1] ?? "") || src[end - 1] === "\\")) end = src.indexOf("$", end + 1);
  }
  if (end === -1 || end === pos + open.length) return false;
  if (!silent) {
    const token = state.push("math_inline", "math", 0);
    token.content = src.slice(pos + open.length, end);
    token.markup = open;
    token.meta = { display: open === "$$" || open === "\\[" };
  }
  state.pos = end + close.length;
  return true;
}

/** Gives each formula in a line the source line it is on, for messages. */
function mathLines(state: StateCore): void {
  for (const token of state.tokens) {
    if (token.type !== "inline" || !token.map) continue;
    let from = 0;
    for (const child of token.children ?? []) {
      if (child.type !== "math_inline") continue;
      const at = token.content.indexOf(child.content, from);
      from = Math.max(from, at);
      child.meta = { ...child.meta, line: token.map[0] + (at === -1 ? 0 : token.content.slice(0, at).split("\n").length - 1) };
    }
  }
}

function render(token: Token, display: boolean, env: MathEnv): string {
  try {
    return temml().renderToString(token.content, { displayMode: display, throwOnError: true, annotate: true });
  } catch (error) {
    // Between single dollars, text that is not TeX was most likely not meant as math: it stays text.
    if (token.markup === "$") return html`$${token.content}$`.toString();
    const line = token.map?.[0] ?? (token.meta?.line as number | undefined) ?? 0;
    env.mathProblems?.push({ tex: token.content, line, message: (error as Error).message.replace(/^Temml parse error:\s*/i, "") });
    return html`<code class="math-error">${token.markup}${token.content}${token.markup === "\\(" ? "\\)" : token.markup === "\\[" ? "\\]" : token.markup}</code>`.toString();
  }
}
