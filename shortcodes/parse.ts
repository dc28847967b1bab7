import { AuthorError, AuthorErrors, positionAt } from "../lib/errors.ts";

// Hugo's shortcode syntax, parsed as Hugo does:
//
//   {{< name args >}}  {{% name args %}}     a call (its output is HTML, or Markdown for `{{% %}}`)
//   {{< name >}}inner{{< /name >}}           a paired call; `{{</ name >}}` closes too
//   {{< name />}}                            self-closing
//   {{</* name */>}}                         prints `{{< name >}}` literally, as documentation does
//
// Arguments are all positional or all named (`key=value`). A value is a bare word, a "double quoted" string
// (`\"` escapes a quote, no line breaks) or a `raw backtick` string (may span lines). Bare `true`, `false` and
// numbers are typed. Calls are found everywhere in the body, code included, exactly as Hugo finds them.

export type ArgValue = string | number | boolean;

export interface ShortcodeArgs {
  positional: ArgValue[];
  named: Map<string, ArgValue>;
}

export interface ShortcodeCall {
  type: "call";
  name: string;
  /** "<" for `{{< >}}` (output is HTML), "%" for `{{% %}}` (output is Markdown). */
  delimiter: "<" | "%";
  args: ShortcodeArgs;
  /** Parsed inner content of a paired call; undefined for calls without inner content. */
  inner: ShortcodeNode[] | undefined;
  /** The inner content exactly as written. */
  innerSource: string | undefined;
  /** Character offset of `{{` in the parsed text, and 1-based position in the file. */
  offset: number;
  line: number;
  column: number;
}

export type ShortcodeNode = { type: "text"; text: string } | ShortcodeCall;

export interface ParseOptions {
  file: string;
  /** File line of the text's first line (the body starts after the front matter). */
  firstLine?: number;
  /**
   * Whether a shortcode takes inner content ("optional": when a closing tag follows); undefined for a name nobody
   * registered.
   */
  takesInner: (name: string) => boolean | "optional" | undefined;
  /** Listed in the error for an unknown name. */
  knownNames: readonly string[];
}

type Token =
  | { kind: "text"; text: string; offset: number }
  | { kind: "open"; call: ShortcodeCall; selfClosing: boolean; end: number }
  | { kind: "close"; name: string; delimiter: "<" | "%"; offset: number; end: number };

const namePattern = /[A-Za-z0-9_.\/-]/;

/** Parses a body into text and calls; throws AuthorErrors listing every problem found. */
export function parseShortcodes(text: string, options: ParseOptions): ShortcodeNode[] {
  const errors: AuthorError[] = [];
  const at = (offset: number) => {
    const { line, column } = positionAt(text, offset);
    return { file: options.file, line: line + (options.firstLine ?? 1) - 1, column };
  };
  const fail = (offset: number, problem: string, hint: string) => errors.push(new AuthorError(at(offset), problem, hint));

  const tokens = tokenize(text, at, fail);
  const root: ShortcodeNode[] = [];
  const stack: Array<{ call: ShortcodeCall; children: ShortcodeNode[]; contentStart: number }> = [];
  const current = () => stack.at(-1)?.children ?? root;

  for (const [index, token] of tokens.entries()) {
    if (token.kind === "text") {
      current().push({ type: "text", text: token.text });
      continue;
    }
    if (token.kind === "open") {
      const { call } = token;
      const takesInner = options.takesInner(call.name);
      if (takesInner === undefined) {
        fail(
          call.offset,
          `Unknown shortcode "${call.name}"`,
          `Use one of: ${options.knownNames.join(", ")}; or port it from Hugo's layouts/shortcodes/ as _shortcodes/${call.name}.njk in the content folder; or, to show the call as text, write {{</* ${call.name} */>}}`,
        );
        continue;
      }
      const paired = takesInner === "optional" ? closedLater(tokens, index) : takesInner;
      if (paired && !token.selfClosing) {
        stack.push({ call, children: [], contentStart: token.end });
      } else {
        current().push(call);
      }
      continue;
    }
    // A closing tag.
    const takesInner = options.takesInner(token.name);
    if (takesInner === false) {
      fail(
        token.offset,
        `"${token.name}" takes no inner content, so it has no closing tag`,
        `Remove {{< /${token.name} >}}; write the call alone: {{< ${token.name} … >}}`,
      );
      continue;
    }
    const openIndex = stack.map((entry) => entry.call.name).lastIndexOf(token.name);
    if (openIndex === -1) {
      fail(
        token.offset,
        `Closing tag for "${token.name}" without an opening {{< ${token.name} >}} before it`,
        "Remove the closing tag, or add the opening call before the content it wraps",
      );
      continue;
    }
    // Paired calls opened inside this one and not closed are an error each.
    while (stack.length - 1 > openIndex) unclosed(stack.pop()!.call);
    const entry = stack.pop()!;
    entry.call.inner = mergeText(entry.children);
    entry.call.innerSource = text.slice(entry.contentStart, token.offset);
    current().push(entry.call);
  }
  while (stack.length > 0) unclosed(stack.pop()!.call);

  if (errors.length > 0) throw new AuthorErrors(errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)));
  return mergeText(root);

  function unclosed(call: ShortcodeCall) {
    fail(
      call.offset,
      `The paired shortcode "${call.name}" is never closed`,
      `Close it with {{< /${call.name} >}} after its content, or self-close it: {{< ${call.name} … />}}`,
    );
  }
}

/** Whether an opening tag has its closing tag further on (counting calls of the same name opened in between). */
function closedLater(tokens: Token[], openIndex: number): boolean {
  const open = tokens[openIndex] as Extract<Token, { kind: "open" }>;
  let depth = 0;
  for (const token of tokens.slice(openIndex + 1)) {
    if (token.kind === "open" && token.call.name === open.call.name && !token.selfClosing && closedLater(tokens, tokens.indexOf(token))) depth++;
    if (token.kind === "close" && token.name === open.call.name) {
      if (depth === 0) return true;
      depth--;
    }
  }
  return false;
}

function tokenize(
  text: string,
  at: (offset: number) => { line: number; column: number },
  fail: (offset: number, problem: string, hint: string) => void,
): Token[] {
  const tokens: Token[] = [];
  let textStart = 0;
  let position = 0;
  const pushText = (end: number) => {
    if (end > textStart) tokens.push({ kind: "text", text: text.slice(textStart, end), offset: textStart });
  };

  while (position < text.length) {
    const start = text.indexOf("{{", position);
    if (start === -1) break;
    const delimiter = text[start + 2];
    if (delimiter !== "<" && delimiter !== "%") {
      position = start + 2;
      continue;
    }
    const close = delimiter === "<" ? ">}}" : "%}}";

    // A commented call (documentation of a call) is printed as the call itself.
    let cursor = skipSpace(text, start + 3);
    if (text.startsWith("/*", cursor)) {
      const end = text.indexOf(`*/${close}`, cursor + 2);
      if (end === -1) {
        pushText(start);
        fail(start, "A shortcode comment {{</* … */>}} is never closed", `End it with */${close}`);
        textStart = position = text.length;
        break;
      }
      pushText(start);
      tokens.push({ kind: "text", text: `{{${delimiter}${text.slice(cursor + 2, end)}${close}`, offset: start });
      textStart = position = end + 2 + close.length;
      continue;
    }

    pushText(start);
    const parsed = parseTag(text, start, delimiter, at);
    if ("error" in parsed) {
      fail(parsed.offset, parsed.error, parsed.hint);
      // Skip past this tag (or the rest of the line) and keep looking for other problems.
      const lineEnd = text.indexOf("\n", start);
      position = textStart = parsed.resumeAt ?? (lineEnd === -1 ? text.length : lineEnd);
      continue;
    }
    tokens.push(parsed.token);
    position = textStart = parsed.token.end;
  }
  textStart = Math.min(textStart, text.length);
  pushText(text.length);
  return tokens;
}

type TagToken = Exclude<Token, { kind: "text" }>;
type TagResult = { token: TagToken } | { error: string; hint: string; offset: number; resumeAt?: number };

function parseTag(
  text: string,
  start: number,
  delimiter: "<" | "%",
  at: (offset: number) => { line: number; column: number },
): TagResult {
  const close = delimiter === "<" ? ">}}" : "%}}";
  const other = delimiter === "<" ? "%}}" : ">}}";
  let cursor = skipSpace(text, start + 3);

  if (text[cursor] === "/") {
    cursor = skipSpace(text, cursor + 1);
    const nameStart = cursor;
    while (cursor < text.length && namePattern.test(text[cursor]!)) cursor++;
    const name = text.slice(nameStart, cursor);
    if (!name) return { error: "A closing shortcode tag without a name", hint: `Write {{${delimiter} /name ${close}`, offset: start };
    cursor = skipSpace(text, cursor);
    if (!text.startsWith(close, cursor)) {
      return {
        error: `The closing tag of "${name}" does not end with ${close}`,
        hint: `Write {{${delimiter} /${name} ${close}`,
        offset: start,
      };
    }
    return { token: { kind: "close", name, delimiter, offset: start, end: cursor + close.length } };
  }

  const nameStart = cursor;
  while (cursor < text.length && namePattern.test(text[cursor]!)) cursor++;
  const name = text.slice(nameStart, cursor);
  if (!name) {
    return {
      error: `"{{${delimiter}" starts a shortcode call but no name follows`,
      hint: `Write {{${delimiter} name … ${close}; to show the braces as text, write {{</* … */>}}`,
      offset: start,
    };
  }

  const positional: ArgValue[] = [];
  const named = new Map<string, ArgValue>();
  for (;;) {
    const beforeSpace = cursor;
    cursor = skipSpace(text, cursor);
    if (cursor >= text.length) {
      return {
        error: `The call to "${name}" is never closed with ${close}`,
        hint: `End the call with ${close}`,
        offset: start,
        resumeAt: text.length,
      };
    }
    if (text.startsWith(close, cursor) || text.startsWith(`/${close}`, cursor)) {
      const selfClosing = text[cursor] === "/";
      const end = cursor + (selfClosing ? 1 : 0) + close.length;
      const { line, column } = at(start);
      const call: ShortcodeCall = {
        type: "call",
        name,
        delimiter,
        args: { positional, named },
        inner: undefined,
        innerSource: undefined,
        offset: start,
        line,
        column,
      };
      if (positional.length > 0 && named.size > 0) {
        return {
          error: `The call to "${name}" mixes positional and named arguments`,
          hint: `Use only named arguments (key="value") or only positional ones`,
          offset: start,
          resumeAt: end,
        };
      }
      return { token: { kind: "open", call, selfClosing, end } };
    }
    if (text.startsWith(other, cursor) || text.startsWith(`/${other}`, cursor)) {
      return {
        error: `The call to "${name}" opens with {{${delimiter} but closes with ${other}`,
        hint: `Use the same kind of delimiter on both sides: {{${delimiter} … ${close}`,
        offset: start,
        resumeAt: cursor + other.length + (text[cursor] === "/" ? 1 : 0),
      };
    }
    if (cursor === beforeSpace && (positional.length > 0 || named.size > 0)) {
      return { error: `Arguments of "${name}" must be separated by spaces`, hint: "Add a space between arguments", offset: cursor };
    }

    // key=value
    const keyMatch = /^([A-Za-z_][A-Za-z0-9_-]*)=/.exec(text.slice(cursor, cursor + 200));
    let key: string | undefined;
    if (keyMatch) {
      key = keyMatch[1]!;
      cursor += keyMatch[0].length;
    }
    const value = readValue(text, cursor, close);
    if ("error" in value) return { ...value, resumeAt: undefined };
    cursor = value.end;
    if (key !== undefined) named.set(key, value.value);
    else positional.push(value.value);
  }
}

function readValue(
  text: string,
  start: number,
  close: string,
): { value: ArgValue; end: number } | { error: string; hint: string; offset: number } {
  const first = text[start];
  if (first === '"') {
    let value = "";
    for (let i = start + 1; i < text.length; i++) {
      const character = text[i]!;
      if (character === "\\" && text[i + 1] === '"') {
        value += '"';
        i++;
      } else if (character === "\\" && text[i + 1] === "\\") {
        value += "\\";
        i++;
      } else if (character === '"') {
        return { value, end: i + 1 };
      } else if (character === "\n") {
        break;
      } else {
        value += character;
      }
    }
    return {
      error: "A quoted argument is not terminated on its line",
      hint: 'Close the quote with "; a value spanning lines goes between `backticks`',
      offset: start,
    };
  }
  if (first === "`") {
    const end = text.indexOf("`", start + 1);
    if (end === -1) {
      return { error: "A `raw` argument is never closed", hint: "Close it with a backtick `", offset: start };
    }
    return { value: text.slice(start + 1, end), end: end + 1 };
  }
  let end = start;
  while (end < text.length && !/\s/.test(text[end]!) && !text.startsWith(close, end) && !text.startsWith(`/${close}`, end)) {
    end++;
  }
  const word = text.slice(start, end);
  return { value: typed(word), end };
}

/** Bare words are typed as Hugo types them; quoted values always stay text. */
function typed(word: string): ArgValue {
  if (word === "true") return true;
  if (word === "false") return false;
  if (/^[+-]?(\d+(\.\d+)?|\.\d+)$/.test(word)) return Number(word);
  return word;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

function mergeText(nodes: ShortcodeNode[]): ShortcodeNode[] {
  const merged: ShortcodeNode[] = [];
  for (const node of nodes) {
    const last = merged.at(-1);
    if (node.type === "text" && last?.type === "text") last.text += node.text;
    else merged.push(node);
  }
  return merged;
}
