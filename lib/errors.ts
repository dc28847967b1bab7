import path from "node:path";

/**
 * An error in something the author wrote. Its message always has the one shape the whole project uses,
 * `<file>:<line>:<col>: <what is wrong>. <how to fix it>`, so editors and terminals can jump to it.
 */
export class AuthorError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly problem: string;
  readonly hint: string;

  constructor(where: { file: string; line?: number; column?: number }, problem: string, hint: string) {
    const file = displayPath(where.file);
    const position = [file, where.line, where.line === undefined ? undefined : where.column]
      .filter((part) => part !== undefined)
      .join(":");
    super(`${position}: ${stripStop(problem)}. ${hint}`);
    this.name = "AuthorError";
    this.file = file;
    this.line = where.line;
    this.column = where.column;
    this.problem = problem;
    this.hint = hint;
  }
}

/** Several author errors reported together: the build lists every problem, not only the first. */
export class AuthorErrors extends Error {
  readonly errors: readonly AuthorError[];

  constructor(errors: readonly AuthorError[]) {
    const count = errors.length === 1 ? "1 problem" : `${errors.length} problems`;
    super(`${count} in the content:\n${errors.map((e) => `  ${e.message}`).join("\n")}`);
    this.name = "AuthorErrors";
    this.errors = errors;
  }

  /** Read by Eleventy's error printer: for an author's mistake the stack of our code is noise. */
  readonly skipOriginalStack = true;
}

/** Paths in messages are relative to where the command runs, so they are short and clickable. */
export function displayPath(file: string): string {
  const absolute = path.resolve(file);
  const relative = path.relative(process.cwd(), absolute);
  return relative.startsWith("..") ? absolute : relative;
}

function stripStop(text: string): string {
  return text.endsWith(".") ? text.slice(0, -1) : text;
}

/** 1-based line and column of a character offset in a text. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Where in `text` JSON.parse stopped, from its message ("… at position 15", "Unexpected end"); else line 1. */
export function jsonErrorPlace(text: string, error: unknown): { line: number; column?: number } {
  const message = error instanceof Error ? error.message : "";
  const offset = /at position (\d+)/.exec(message)?.[1];
  if (offset !== undefined) return positionAt(text, Number(offset));
  return /end of JSON input/.test(message) ? positionAt(text, text.trimEnd().length) : { line: 1 };
}

/**
 * Where a URL the body uses (a link or an image) is next written in its source, from `from` on: as written or as
 * rendered (Markdown percent-encodes what it renders), and whole — `/posts/b/#detail` is not found inside
 * `/posts/b/#details`. -1 when it is not there.
 */
export function urlWrittenAt(source: string, url: string, from = 0): number {
  let decoded = url;
  try {
    decoded = decodeURI(url);
  } catch {
    // Search for it as written only.
  }
  const offsets = [...new Set([url, decoded])].map((needle) => wholeAt(source, needle, from)).filter((offset) => offset >= 0);
  return offsets.length > 0 ? Math.min(...offsets) : -1;
}

function wholeAt(text: string, needle: string, from: number): number {
  for (let offset = text.indexOf(needle, from); offset !== -1; offset = text.indexOf(needle, offset + 1)) {
    const next = text[offset + needle.length];
    if (next === undefined || /[\s)"'<>\]]/.test(next)) return offset;
  }
  return -1;
}

/**
 * What went wrong, for a person: an author's mistakes as they are (every one of them), anything else as the chain
 * of messages from the outermost to the cause (Eleventy wraps errors in its own), with the stack only on request.
 */
export function explainFailure(error: unknown, options: { debug: boolean }): string {
  const chain: unknown[] = [];
  for (let link: unknown = error; link !== undefined && link !== null && chain.length < 10; link = causeOf(link)) chain.push(link);
  const authored = chain.find((link) => link instanceof AuthorErrors || link instanceof AuthorError) as Error | undefined;
  if (authored && !options.debug) return authored.message;
  const messages = [...new Set(chain.map((link) => (link instanceof Error ? link.message : String(link))).filter(Boolean))];
  const deepest = chain.at(-1);
  const diskFull = chain.some((link) => ["ENOSPC", "EDQUOT"].includes((link as NodeJS.ErrnoException)?.code ?? ""));
  const text = messages.join("\n  because: ") + (diskFull ? "\nThe disk is full: free some space and build again (this build's unfinished files were removed)." : "");
  if (options.debug) return `${text}\n${deepest instanceof Error ? deepest.stack : ""}`;
  return `${text}\n(npm run build -- --debug shows where it happened)`;
}

function causeOf(error: unknown): unknown {
  if (typeof error !== "object" || error === null) return undefined;
  const { originalError, cause } = error as { originalError?: unknown; cause?: unknown };
  return originalError ?? cause;
}

/** Edit distance between two strings (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The candidates closest to a value, best first: what a hint suggests for a mistyped name. */
export function nearest(value: string, candidates: Iterable<string>, count = 3): string[] {
  return [...candidates]
    .map((candidate) => ({ candidate, distance: editDistance(value, candidate) }))
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, count)
    .map((entry) => entry.candidate);
}
