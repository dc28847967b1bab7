import type { MarkdownIt, StateCore, Token } from "markdown-it";

/**
 * A `{{< >}}` call's output is HTML, so it must not pass through Markdown: the call is replaced by a
 * placeholder, the Markdown is rendered, and the output is spliced in where the placeholder landed. Placeholders
 * are made of private-use characters only, so no Markdown rule, highlighter or escaper changes them.
 *
 * "Now" placeholders are filled as soon as the body is rendered; "site" placeholders belong to shortcodes that
 * need the other pages (`article`) and are filled when every page has been read.
 */
export type PlaceholderKind = "now" | "site";

const opener: Record<PlaceholderKind, string> = { now: "\uE000", site: "\uE002" };
const closer = "\uE001";
const digitBase = 0xe100;

export function placeholder(kind: PlaceholderKind, index: number): string {
  const digits = [...String(index)].map((digit) => String.fromCharCode(digitBase + Number(digit))).join("");
  return `${opener[kind]}${digits}${closer}`;
}

const anyPlaceholder = /[\uE000\uE002][\uE100-\uE109]+\uE001/g;
const patterns: Record<PlaceholderKind, RegExp> = {
  now: /\uE000([\uE100-\uE109]+)\uE001/g,
  site: /\uE002([\uE100-\uE109]+)\uE001/g,
};

function decode(digits: string): number {
  return Number([...digits].map((character) => character.charCodeAt(0) - digitBase).join(""));
}

/**
 * A placeholder where Markdown put it into a link's address (`[text]({{< relref "x" >}})`): percent-encoded, as
 * Markdown encodes every address.
 */
const encodedPatterns: Record<PlaceholderKind, RegExp> = {
  now: /%EE%80%80((?:%EE%84%8[0-9])+)%EE%80%81/g,
  site: /%EE%80%82((?:%EE%84%8[0-9])+)%EE%80%81/g,
};

/** Replaces the placeholders of one kind with their outputs. */
export function fillPlaceholders(html: string, kind: PlaceholderKind, output: (index: number) => string): string {
  const filled = html.replace(patterns[kind], (_whole, digits: string) => output(decode(digits)));
  if (!filled.includes("%EE%80%8")) return filled;
  return filled.replace(encodedPatterns[kind], (_whole, encoded: string) => output(decode(decodeURIComponent(encoded))));
}

export function stripPlaceholders(text: string): string {
  return text.replace(anyPlaceholder, "");
}

const standaloneLine = /^\s*[\uE000\uE002][\uE100-\uE109]+\uE001\s*$/;

/**
 * Hugo's rule for a call on a line of its own: its output replaces the line, without a wrapping `<p>`. A
 * paragraph holding such a line is split around it, so block output (a figure, a callout) never ends up inside
 * a `<p>`. A call in the middle of a sentence stays inline.
 */
export function standaloneShortcodes(md: MarkdownIt): void {
  md.core.ruler.push("standalone_shortcodes", (state: StateCore) => {
    const tokens = state.tokens;
    if (!tokens.some((token) => token.type === "inline" && token.content.includes(closer))) return;
    const result: Token[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const open = tokens[i]!;
      const inline = tokens[i + 1];
      const close = tokens[i + 2];
      if (open.type !== "paragraph_open" || inline?.type !== "inline" || close?.type !== "paragraph_close" || !inline.content.includes(closer)) {
        result.push(open);
        continue;
      }
      const lines = splitLines(inline.children ?? []);
      if (!lines.some(isStandalone)) {
        result.push(open, inline, close);
        i += 2;
        continue;
      }
      let pending: Token[][] = [];
      const flush = () => {
        if (pending.length === 0) return;
        const paragraph = new state.Token("paragraph_open", "p", 1);
        Object.assign(paragraph, { level: open.level, hidden: open.hidden, block: true, map: open.map });
        const body = new state.Token("inline", "", 0);
        body.level = inline.level;
        body.children = pending.flatMap((line, index) => (index === 0 ? line : [softbreak(state), ...line]));
        body.content = pending.map((line) => line.map((token) => token.content).join("")).join("\n");
        const end = new state.Token("paragraph_close", "p", -1);
        Object.assign(end, { level: close.level, hidden: close.hidden, block: true });
        result.push(paragraph, body, end);
        pending = [];
      };
      for (const line of lines) {
        if (isStandalone(line)) {
          flush();
          const block = new state.Token("html_block", "", 0);
          block.content = `${line[0]!.content.trim()}\n`;
          block.block = true;
          block.level = open.level;
          result.push(block);
        } else {
          pending.push(line);
        }
      }
      flush();
      i += 2;
    }
    state.tokens = result;
  });
}

function splitLines(children: Token[]): Token[][] {
  const lines: Token[][] = [[]];
  for (const child of children) {
    if (child.type === "softbreak") lines.push([]);
    else lines.at(-1)!.push(child);
  }
  return lines.filter((line) => line.length > 0);
}

function isStandalone(line: Token[]): boolean {
  return line.length === 1 && line[0]!.type === "text" && standaloneLine.test(line[0]!.content);
}

function softbreak(state: StateCore): Token {
  return new state.Token("softbreak", "br", 0);
}
