import { AuthorError, AuthorErrors, positionAt } from "../lib/errors.ts";

// Hugo's shortcode syntax, parsed as Hugo does:
//
//   {{< name args >}}  {{% name args %}}     a call (its output is HTML, or Markdown for `{{% %}}`)
//   {{< name >}}inner{{< /name >}}           a paired call; `{{</ name >}}` closes too
//   {{< name />}}                            self-closing
//   {{</* name */>}}                         prints `{{< name >}}` literally, as documentation does
//
// Calls are found everywhere in the body, code included, exactly as Hugo finds them. Their arguments are read as
// Hugo's lexer reads them (parser/pageparser/pagelexer_shortcode.go), so a call means here what it means there:
//
//   word 3.14 -ziL-Q_4  a bare word: letters, digits, "_" and "-", then "." too; bare `true`, `false` and numbers
//                       are typed. Any other character (`/`, `:`, `+`, a space other than space, tab or line break)
//                       needs quotes, as does a leading ".".
//   "text" \"text\"     one line, always text. Inside, `\"` is a quote, and a value holding one loses every
//                       backslash (Hugo drops them); otherwise backslashes stay as written, `\\` too. Escaped quotes
//                       around a value read as quotes; the value then ends at `\"` or `"`. `\`` is an error.
//   `raw`               up to the next backtick, line breaks included, no escapes.
//   key=value           a bare word right before "=" names the value; spaces may follow "=". The value is quoted,
//                       raw, or bare up to the next space, whatever it holds (`href=https://example.com/?a=1`).
//
// Arguments are separated by spaces, tabs or line breaks, or by nothing next to a quote or backtick ("a""b" is two).
// They are all positional or all named: Hugo's lexer takes the kind from the first one. A key with a space before
// "=" or in quotes is positional to that lexer yet named to Hugo's parser, so it works only where every key is
// written so. Where Hugo would silently drop something (a backslash outside quotes, a value with no key before "=")
// or read on past the end of the call (`key=value>}}`), the author gets an error instead.

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
// Unicode letters and decimal digits, as Go's unicode.IsLetter and unicode.IsDigit.
const wordStart = /^[\p{L}\p{Nd}_-]$/u;
const wordCharacter = /^[\p{L}\p{Nd}_.-]$/u;
// Between arguments Hugo skips these only; after "=" and in a bare value, any space of Go's unicode.IsSpace counts.
const tagSpace = new Set([" ", "\t", "\r", "\n"]);
const goSpace = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/;

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
type TagError = { error: string; hint: string; offset: number; resumeAt?: number };
type TagResult = { token: TagToken } | TagError;

interface Tag {
  name: string;
  delimiter: "<" | "%";
  close: string;
  other: string;
  start: number;
}

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

  const tag: Tag = { name, delimiter, close, other, start };
  const read = readArguments(text, cursor, tag);
  if ("error" in read) return read;
  const { line, column } = at(start);
  const call: ShortcodeCall = {
    type: "call",
    name,
    delimiter,
    args: read.args,
    inner: undefined,
    innerSource: undefined,
    offset: start,
    line,
    column,
  };
  return { token: { kind: "open", call, selfClosing: read.selfClosing, end: read.end } };
}

/** A word or quoted text read on its own: a positional value, or the key of a value that follows it. */
interface Param {
  kind: "param";
  /** As Hugo hands it on: the word, or the text between the quotes. */
  text: string;
  quoted: boolean;
  offset: number;
  end: number;
}
type Item = Param | { kind: "value"; value: ArgValue };

function readArguments(text: string, from: number, tag: Tag): { args: ShortcodeArgs; selfClosing: boolean; end: number } | TagError {
  const { name, close, other } = tag;
  const items: Item[] = [];
  // Hugo's lexer takes the kind of the call from its first argument (named when "=" follows the word at once) and
  // stops at the first argument of another kind: nothing after that one counts.
  let lexedNamed: boolean | undefined;
  let lexedUpTo: number | undefined;
  // A character that stops a bare word belongs to the argument the author meant, which the hint quotes whole.
  let lastWord: { start: number; end: number } | undefined;

  const lexed = (param: Param, named: boolean) => {
    items.push(param);
    lexedNamed ??= named;
    if (lexedNamed !== named) lexedUpTo ??= items.length;
  };
  // Hugo's parser pairs every argument followed by a value as named, and fails at the first of the other kind.
  const mixing = (complete: Item[]): TagError | undefined => {
    const seen = complete.slice(0, lexedUpTo === undefined ? undefined : lexedUpTo + 1);
    if (pairUp(seen).mixed) return mixingError(tag);
    // Only the lexer sees two kinds, so one of the keys, all with their values, is written as no key should be.
    if (lexedUpTo !== undefined) return mixingError(tag, seen.find((item): item is Param => item.kind === "param" && oddKey(text, item)));
    return undefined;
  };
  // Hugo stops at the first problem, so a mix of kinds before this one is what it reports.
  const failed = (error: TagError): TagError => {
    const mixed = mixing(items.at(-1)?.kind === "param" ? items.slice(0, -1) : items);
    return mixed ? { ...mixed, resumeAt: error.resumeAt } : error;
  };
  const finish = (selfClosing: boolean, end: number) => {
    const mixed = mixing(items);
    if (mixed) return { ...mixed, resumeAt: end };
    return { args: pairUp(items).args, selfClosing, end };
  };

  let cursor = from;
  for (;;) {
    if (text.startsWith(close, cursor)) return finish(false, cursor + close.length);
    if (cursor >= text.length) {
      return failed({ error: `The call to "${name}" is never closed with ${close}`, hint: `End the call with ${close}`, offset: tag.start, resumeAt: text.length });
    }
    const character = text[cursor]!;
    if (tagSpace.has(character)) {
      cursor++;
      continue;
    }
    if (text.startsWith(other, cursor)) return failed(mismatched(tag, cursor));
    if (character === "/") {
      const after = skipTagSpace(text, cursor + 1);
      if (text.startsWith(close, after)) return finish(true, after + close.length);
      if (text.startsWith(other, after)) return failed(mismatched(tag, after));
      return failed(unaccepted(text, cursor, lastWord, tag));
    }
    if (character === "=") {
      const key = items.at(-1);
      if (key?.kind !== "param") {
        return failed({
          error: `"=" in the call to "${name}" has no argument name before it`,
          hint: `Write name="value", the name right before "=": Hugo would drop this value without a word`,
          offset: cursor,
        });
      }
      let valueStart = cursor + 1;
      while (valueStart < text.length && goSpace.test(text[valueStart]!)) valueStart++;
      const value = readNamedValue(text, valueStart, key, tag);
      if ("error" in value) return failed(value);
      items.push({ kind: "value", value: value.value });
      cursor = value.end;
      continue;
    }
    if (character === '"' || character === "`" || (character === "\\" && text[cursor + 1] === '"')) {
      const quoted = character === "`" ? readRaw(text, cursor) : readQuoted(text, cursor, character === "\\", tag);
      if ("error" in quoted) return failed(quoted);
      lexed({ kind: "param", text: quoted.value, quoted: true, offset: cursor, end: quoted.end }, false);
      cursor = quoted.end;
      continue;
    }
    if (character === "\\" && text[cursor + 1] === "`") return failed(escapedBacktick(tag, cursor));
    if (character === "\\") return failed(unaccepted(text, cursor, lastWord, tag));
    const end = wordEnd(text, cursor);
    if (end === cursor) return failed(unaccepted(text, cursor, lastWord, tag));
    lexed({ kind: "param", text: text.slice(cursor, end), quoted: false, offset: cursor, end }, text[end] === "=");
    lastWord = { start: cursor, end };
    cursor = end;
  }
}

/** Hugo's parser: an argument followed by a value is named, any other one positional. */
function pairUp(items: Item[]): { args: ShortcodeArgs; mixed: boolean } {
  const args: ShortcodeArgs = { positional: [], named: new Map() };
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    // A value always follows the argument that names it, which is where it is taken.
    if (item.kind !== "param") continue;
    const next = items[i + 1];
    if (next?.kind === "value") {
      i++;
      if (args.positional.length > 0) return { args, mixed: true };
      args.named.set(item.text, next.value);
    } else {
      if (args.named.size > 0) return { args, mixed: true };
      args.positional.push(item.quoted ? item.text : typed(item.text));
    }
  }
  return { args, mixed: false };
}

/** A key with a space before "=", or in quotes: positional to Hugo's lexer, named to its parser. */
function oddKey(text: string, param: Param): boolean {
  const after = skipTagSpace(text, param.end);
  return text[after] === "=" && (after > param.end || param.quoted);
}

function mixingError(tag: Tag, odd?: Param): TagError {
  const key = odd && odd.text !== "" && wordEnd(odd.text, 0) === odd.text.length ? odd.text : "key";
  return {
    error: `The call to "${tag.name}" mixes positional and named arguments`,
    hint: odd
      ? `Write every key right before "=", unquoted (${key}=…): Hugo reads a key with a space before "=" or in quotes as a positional argument`
      : `Use only named arguments (key="value") or only positional ones`,
    offset: tag.start,
  };
}

/** The value after "=" (and any spaces): quoted, raw, between escaped quotes, or bare up to the next space. */
function readNamedValue(text: string, start: number, key: Param, tag: Tag): { value: ArgValue; end: number } | TagError {
  if (start >= text.length) {
    return { error: `The call to "${tag.name}" is never closed with ${tag.close}`, hint: `End the call with ${tag.close}`, offset: tag.start, resumeAt: text.length };
  }
  const first = text[start];
  if (first === '"') return readQuoted(text, start, false, tag);
  if (first === "`") return readRaw(text, start);
  if (first === "\\") {
    if (text[start + 1] === '"') return readQuoted(text, start, true, tag);
    if (text[start + 1] === "`") return escapedBacktick(tag, start);
    // Hugo would read on to the next quote as if one had opened here.
    return {
      error: `The value of ${shown(key.text)} in the call to "${tag.name}" starts with a backslash but no quote follows it`,
      hint: `Quote the value: write ${written(key)}="…"`,
      offset: start,
    };
  }
  let end = start;
  while (end < text.length && !goSpace.test(text[end]!)) end++;
  const word = text.slice(start, end);
  // Hugo reads a bare value up to the next space even past the end of the call, so the call would swallow what follows.
  const swallowed = word.indexOf(tag.close);
  if (swallowed !== -1) {
    const value = word.slice(0, swallowed);
    const keyWritten = written(key);
    if (value === "" || value === "/") {
      return { error: `The argument ${shown(key.text)} of "${tag.name}" has no value after "="`, hint: `Write ${keyWritten}="" for an empty value`, offset: start };
    }
    // `x/>}}` may be the value "x/" or a self-closing call after "x": the author says which.
    const hint = value.endsWith("/")
      ? `Quote the value: ${keyWritten}="${value}" ${tag.close}, or ${keyWritten}="${value.slice(0, -1)}" /${tag.close} to self-close the call`
      : `Put a space before ${tag.close}, or quote the value: ${keyWritten}="${value}"`;
    return {
      error: `The unquoted value of ${shown(key.text)} runs into ${tag.close}, and Hugo reads an unquoted value up to the next space`,
      hint,
      offset: start,
    };
  }
  return { value: typed(word), end };
}

/**
 * A "quoted" string at `start`, or with `escaped` one between escaped quotes, \"like this\" (ending at \" or ").
 * Inside, \" is a quote; Hugo then drops every backslash of the value, and otherwise keeps them all.
 */
function readQuoted(text: string, start: number, escaped: boolean, tag: Tag): { value: string; end: number } | TagError {
  const open = start + (escaped ? 2 : 1);
  let escapedQuote = false;
  for (let i = open; i < text.length; i++) {
    const character = text[i];
    if (character === "\\" && text[i + 1] === '"') {
      if (escaped) return { value: text.slice(open, i), end: i + 2 };
      escapedQuote = true;
      i++;
    } else if (character === "\\" && text[i + 1] === "`") {
      return {
        error: `A backslash before a backtick in a quoted argument of "${tag.name}"`,
        hint: 'Remove the backslash: inside "double quotes" a backtick needs no escaping',
        offset: i,
      };
    } else if (character === '"') {
      const value = text.slice(open, i);
      return { value: escapedQuote ? value.replace(/\\/g, "") : value, end: i + 1 };
    } else if (character === "\n") {
      break;
    }
  }
  return {
    error: "A quoted argument is not terminated on its line",
    hint: 'Close the quote with "; a value spanning lines goes between `backticks`',
    offset: start,
  };
}

function readRaw(text: string, start: number): { value: string; end: number } | TagError {
  const end = text.indexOf("`", start + 1);
  if (end === -1) return { error: "A `raw` argument is never closed", hint: "Close it with a backtick `", offset: start };
  return { value: text.slice(start + 1, end), end: end + 1 };
}

function escapedBacktick(tag: Tag, offset: number): TagError {
  return {
    error: `A backslash before a backtick in the call to "${tag.name}"`,
    hint: "Remove the backslash: a `raw` argument needs no escaping",
    offset,
  };
}

function mismatched(tag: Tag, offset: number): TagError {
  return {
    error: `The call to "${tag.name}" opens with {{${tag.delimiter} but closes with ${tag.other}`,
    hint: `Use the same kind of delimiter on both sides: {{${tag.delimiter} … ${tag.close}`,
    offset: tag.start,
    resumeAt: offset + tag.other.length,
  };
}

/** A character Hugo accepts in no unquoted argument, at `offset`; `lastWord` is the bare word it may end. */
function unaccepted(text: string, offset: number, lastWord: { start: number; end: number } | undefined, tag: Tag): TagError {
  const character = String.fromCodePoint(text.codePointAt(offset)!);
  if (goSpace.test(character)) {
    return {
      error: `The call to "${tag.name}" has ${codePoint(character)}, a space Hugo does not accept between arguments`,
      hint: "Replace it with an ordinary space",
      offset,
    };
  }
  const start = lastWord?.end === offset ? lastWord.start : offset;
  let end = offset;
  while (end < text.length && !goSpace.test(text[end]!) && !text.startsWith(tag.close, end) && !text.startsWith(`/${tag.close}`, end)) end++;
  const argument = text.slice(start, end);
  const quotedArgument = argument.includes('"') && !argument.includes("`") ? `\`${argument}\`` : `"${argument}"`;
  const what = character === "." && offset === start ? '"." first' : describe(character);

  if (argument === "/") {
    return {
      error: `A "/" in the call to "${tag.name}" that does not end it`,
      hint: `A "/" self-closes a call only right before ${tag.close} ({{${tag.delimiter} ${tag.name} … /${tag.close}); quote an argument that holds one`,
      offset,
    };
  }
  if (character === "\\") {
    return {
      error: `A backslash outside quotes in the call to "${tag.name}", which Hugo would drop without a word`,
      hint: `Remove it, or quote the argument: write ${quotedArgument}`,
      offset,
    };
  }
  const equals = argument.indexOf("=");
  if (equals > offset - start) {
    return {
      error: `The argument name "${argument.slice(0, equals)}" in the call to "${tag.name}" has ${what}, which Hugo does not accept in a name`,
      hint: 'Name arguments with letters, digits, "_", "-" and "." only, and no "." first',
      offset,
    };
  }
  return {
    error: `The argument "${argument}" of "${tag.name}" has ${what}, which Hugo accepts only in a quoted argument`,
    hint:
      what === '"." first'
        ? `Parameters starting with "." must be quoted: write ${quotedArgument}`
        : `Parameters with characters other than letters, digits, "_", "-" or "." must be quoted: write ${quotedArgument}`,
    offset,
  };
}

/** A key or argument in a problem sentence, on one line. */
function shown(text: string): string {
  return JSON.stringify(text);
}

/** A key as the author wrote it, for a hint to write it again. */
function written(param: Param): string {
  return param.quoted ? JSON.stringify(param.text) : param.text;
}

function describe(character: string): string {
  const code = character.codePointAt(0)!;
  if (code < 0x20 || code === 0x7f) return codePoint(character);
  return code < 0x80 ? `"${character}"` : `"${character}" (${codePoint(character)})`;
}

function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Where a bare word starting at `start` ends: a letter, digit, "_" or "-", then "." too (Hugo's rule). */
function wordEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length) {
    const character = String.fromCodePoint(text.codePointAt(i)!);
    if (!(i === start ? wordStart : wordCharacter).test(character)) break;
    i += character.length;
  }
  return i;
}

/** Bare words are typed as Hugo types them; quoted values always stay text. */
function typed(word: string): ArgValue {
  if (word === "true") return true;
  if (word === "false") return false;
  if (/^[+-]?(\d+(\.\d+)?|\.\d+)$/.test(word)) return Number(word);
  return word;
}

function skipTagSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && tagSpace.has(text[i]!)) i++;
  return i;
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
