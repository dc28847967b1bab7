import matter from "gray-matter";
import { parse as parseToml, TomlError } from "smol-toml";
import { AuthorError } from "../errors.ts";

export type FrontMatterFormat = "yaml" | "toml" | "json" | "none";

export interface FrontMatter {
  format: FrontMatterFormat;
  /** Keys lower-cased, as Hugo treats front matter keys case-insensitively. */
  data: Map<string, unknown>;
  /** 1-based line of each key in the file, for error messages. */
  keyLines: Map<string, number>;
  /** Each top-level key's value as written on its line (YAML and TOML), before parsing: "2022-10-25". */
  writtenValues: Map<string, string>;
  body: string;
  /** 1-based line of the file where the body starts. */
  bodyLine: number;
}

const tomlEngine = { parse: (text: string) => parseToml(text) as object };

/**
 * Splits a content file into front matter and body. Hugo accepts YAML between `---`, TOML between `+++` and a
 * JSON object; gray-matter takes one delimiter per call, so the first line picks the options.
 */
export function readFrontMatter(file: string, text: string): FrontMatter {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = source.slice(0, source.indexOf("\n") === -1 ? source.length : source.indexOf("\n")).trimEnd();

  if (firstLine.startsWith("{")) return readJson(file, source);
  const delimiter = firstLine === "+++" ? "+++" : firstLine.startsWith("---") ? "---" : undefined;
  if (!delimiter) {
    return { format: "none", data: new Map(), keyLines: new Map(), writtenValues: new Map(), body: source, bodyLine: 1 };
  }

  const closing = findClosingLine(source, delimiter);
  if (closing === undefined) {
    throw new AuthorError(
      { file, line: 1, column: 1 },
      `The front matter opened with "${delimiter}" on line 1 is never closed`,
      `Add a line containing only "${delimiter}" after the last front matter key`,
    );
  }

  const format: FrontMatterFormat =
    delimiter === "+++" ? "toml" : firstLine === "---toml" ? "toml" : firstLine === "---json" ? "json" : "yaml";
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(source, {
      delimiters: delimiter,
      language: delimiter === "+++" ? "toml" : "yaml",
      engines: { toml: tomlEngine },
    });
  } catch (error) {
    throw syntaxError(file, format, error);
  }

  const data = parsed.data as Record<string, unknown>;
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new AuthorError(
      { file, line: 2, column: 1 },
      "The front matter is not a set of keys and values",
      'Write one "key: value" per line, for example: title: "My post"',
    );
  }
  return {
    format,
    data: lowerCaseKeys(data),
    ...findKeyLines(source, 1, closing.line, format),
    body: source.slice(closing.end),
    bodyLine: closing.line + 1,
  };
}

/** Hugo's JSON front matter: the file opens with a JSON object and the body follows its closing brace. */
function readJson(file: string, source: string): FrontMatter {
  const close = /^\}[ \t]*$/m.exec(source);
  if (!close) {
    throw new AuthorError(
      { file, line: 1, column: 1 },
      "The JSON front matter opened with \"{\" on line 1 is never closed",
      'End the JSON object with a line containing only "}"',
    );
  }
  const end = close.index + close[0].length;
  const closingLine = source.slice(0, close.index).split("\n").length;
  let data: unknown;
  try {
    data = JSON.parse(source.slice(0, end));
  } catch (error) {
    throw new AuthorError(
      { file, line: 1, column: 1 },
      `The JSON front matter does not parse: ${(error as Error).message}`,
      "Check for a missing comma or quote between the braces",
    );
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new AuthorError({ file, line: 1, column: 1 }, "The JSON front matter is not an object", 'Write it as { "title": "…" }');
  }
  const bodyStart = source.indexOf("\n", end);
  return {
    format: "json",
    data: lowerCaseKeys(data as Record<string, unknown>),
    ...findKeyLines(source, 0, closingLine, "json"),
    body: bodyStart === -1 ? "" : source.slice(bodyStart + 1),
    bodyLine: closingLine + 1,
  };
}

function findClosingLine(source: string, delimiter: string): { line: number; end: number } | undefined {
  let offset = source.indexOf("\n") + 1;
  let line = 2;
  while (offset > 0 && offset <= source.length) {
    const next = source.indexOf("\n", offset);
    const text = source.slice(offset, next === -1 ? source.length : next).trimEnd();
    if (text === delimiter) return { line, end: next === -1 ? source.length : next + 1 };
    if (next === -1) return undefined;
    offset = next + 1;
    line++;
  }
  return undefined;
}

function syntaxError(file: string, format: FrontMatterFormat, error: unknown): AuthorError {
  if (error instanceof TomlError) {
    return new AuthorError(
      { file, line: error.line, column: error.column },
      `The TOML front matter does not parse: ${error.message.split("\n")[0]}`,
      'Check the line for a missing quote, bracket or "=" (TOML writes key = "value")',
    );
  }
  const yaml = error as { name?: string; reason?: string; mark?: { line: number; column: number } };
  if (yaml.name === "YAMLException" && yaml.mark) {
    return new AuthorError(
      { file, line: yaml.mark.line + 1, column: yaml.mark.column + 1 },
      `The ${format === "json" ? "JSON" : "YAML"} front matter does not parse: ${yaml.reason ?? "syntax error"}`,
      "Check this line and the one before it: a value with a colon needs quotes, lists need closing brackets, and nested keys need consistent indentation",
    );
  }
  return new AuthorError(
    { file, line: 1, column: 1 },
    `The front matter does not parse: ${(error as Error).message}`,
    "Check the block between the delimiters",
  );
}

function lowerCaseKeys(data: Record<string, unknown>): Map<string, unknown> {
  const map = new Map<string, unknown>();
  for (const [key, value] of Object.entries(data)) map.set(key.toLowerCase(), value);
  return map;
}

const keyPatterns: Record<FrontMatterFormat, RegExp> = {
  yaml: /^([A-Za-z_][\w-]*)\s*:/,
  toml: /^([A-Za-z_][\w-]*)\s*=/,
  json: /^\s*"([^"]+)"\s*:/,
  none: /$^/,
};

function findKeyLines(source: string, firstLine: number, lastLine: number, format: FrontMatterFormat): { keyLines: Map<string, number>; writtenValues: Map<string, string> } {
  const lines = source.split("\n", lastLine);
  const keyLines = new Map<string, number>();
  const writtenValues = new Map<string, string>();
  const pattern = keyPatterns[format];
  for (let i = firstLine; i < lastLine - 1 && i < lines.length; i++) {
    const line = lines[i] ?? "";
    const match = pattern.exec(line);
    const key = match?.[1]?.toLowerCase();
    if (!key || keyLines.has(key)) continue;
    keyLines.set(key, i + 1);
    writtenValues.set(key, line.slice(match![0].length).trim());
  }
  return { keyLines, writtenValues };
}
