import type { MarkdownIt, StateCore, Token } from "markdown-it";
import { html, trustedHtml } from "../../shortcodes/html.ts";
import { icon } from "../../shortcodes/icons.ts";
import { calloutTitle } from "../source/i18n.ts";

/**
 * GitHub's and Obsidian's callouts, which Blowfish renders from a blockquote:
 *
 *   > [!NOTE]                    > [!tip]- Read this first          > [!info] TL;DR
 *   > Text of the note.          > Folded until the reader opens it  > A title of its own.
 *
 * The type is case-insensitive; `+` or `-` after it makes the callout foldable (open or closed: a <details>), and
 * text after the marker is its title. Types GitHub and Obsidian do not know are shown as notes with their name.
 * (markdown-it-github-alerts renders the types, but not the folding; so this is a small rule of our own.)
 */
const families: Record<string, { family: string; icon: string; aliases: string[] }> = {
  note: { family: "note", icon: "circle-info", aliases: ["info", "todo"] },
  tip: { family: "tip", icon: "lightbulb", aliases: ["hint"] },
  important: { family: "important", icon: "circle-exclamation", aliases: [] },
  warning: { family: "warning", icon: "triangle-exclamation", aliases: ["attention"] },
  caution: { family: "caution", icon: "hand", aliases: ["danger", "error"] },
  abstract: { family: "abstract", icon: "clipboard-list", aliases: ["summary", "tldr"] },
  success: { family: "success", icon: "check", aliases: ["check", "done"] },
  question: { family: "question", icon: "circle-question", aliases: ["help", "faq"] },
  failure: { family: "failure", icon: "xmark", aliases: ["fail", "missing"] },
  bug: { family: "bug", icon: "bug", aliases: [] },
  example: { family: "example", icon: "list", aliases: [] },
  quote: { family: "quote", icon: "quote-left", aliases: ["cite"] },
};
const byType = new Map(Object.entries(families).flatMap(([type, entry]) => [[type, entry] as const, ...entry.aliases.map((alias) => [alias, entry] as const)]));

const markerPattern = /^\[!([A-Za-z][\w-]*)\]([+-]?)[ \t]*([^\n]*)(?:\n|$)/;

interface Callout {
  type: string;
  family: string;
  icon: string;
  title: string;
  fold: "" | "+" | "-";
}

export function callouts(md: MarkdownIt): void {
  md.core.ruler.after("inline", "callouts", (state: StateCore) => {
    const open: Array<Token | undefined> = [];
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.type === "blockquote_open") {
        open.push(token);
        const callout = readMarker(tokens, i, (state.env as { lang?: string }).lang ?? "en");
        if (callout) token.meta = { callout };
        else open[open.length - 1] = undefined;
      } else if (token.type === "blockquote_close") {
        const opening = open.pop();
        if (opening?.meta?.callout) token.meta = { callout: opening.meta.callout };
      }
    }
  });

  const renderOpen = md.renderer.rules.blockquote_open ?? ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
  const renderClose = md.renderer.rules.blockquote_close ?? ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
  md.renderer.rules.blockquote_open = (tokens, index, options, env, self) => {
    const callout = tokens[index]!.meta?.callout as Callout | undefined;
    if (!callout) return renderOpen(tokens, index, options, env, self);
    const title = html`<span class="callout-icon">${icon(callout.icon)}</span><span class="callout-title-text">${trustedHtml(md.renderInline(callout.title, env))}</span>`;
    const classes = `callout callout-${callout.family}`;
    if (callout.fold) return html`<details class="${classes}" data-callout="${callout.type}"${callout.fold === "+" ? html` open` : ""}>\n<summary class="callout-title">${title}</summary>\n`.toString();
    return html`<div class="${classes}" data-callout="${callout.type}" role="note">\n<p class="callout-title">${title}</p>\n`.toString();
  };
  md.renderer.rules.blockquote_close = (tokens, index, options, env, self) => {
    const callout = tokens[index]!.meta?.callout as Callout | undefined;
    if (!callout) return renderClose(tokens, index, options, env, self);
    return callout.fold ? "</details>\n" : "</div>\n";
  };
}

/** The callout a blockquote opens with, taking its marker line out of the first paragraph. */
function readMarker(tokens: Token[], openIndex: number, lang: string): Callout | undefined {
  const paragraph = tokens[openIndex + 1];
  const inline = tokens[openIndex + 2];
  if (paragraph?.type !== "paragraph_open" || inline?.type !== "inline") return undefined;
  const match = markerPattern.exec(inline.content);
  if (!match) return undefined;
  const type = match[1]!.toLowerCase();
  const entry = byType.get(type) ?? families.note!;
  const title = match[3]!.trim() || calloutTitle(lang, type);
  // The marker line is the paragraph's first line: drop it, and the paragraph too if nothing else was in it.
  const children = inline.children ?? [];
  const lineEnd = children.findIndex((child) => child.type === "softbreak" || child.type === "hardbreak");
  if (lineEnd === -1) {
    tokens.splice(openIndex + 1, 3);
  } else {
    inline.children = children.slice(lineEnd + 1);
    inline.content = inline.content.slice(match[0].length);
  }
  return { type, family: entry.family, icon: entry.icon, title, fold: match[2] as Callout["fold"] };
}
