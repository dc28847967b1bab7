import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { parse as parseToml, TomlError } from "smol-toml";
import { AuthorError, jsonErrorPlace } from "../errors.ts";

/*
 * How Hugo finds and merges a site's configuration, as read in its source (gohugoio/hugo:
 * config/allconfig/load.go `loadConfigMain` and `loadConfig`, config/configLoader.go `LoadConfigFromDir` and
 * `RenameKeys`, config/defaultConfigProvider.go `Set`, common/maps/params.go `SetParams`/`PrepareParams`) and in
 * its docs ("Configure Hugo" → configuration file / configuration directory; the pull request that added the
 * directory, gohugoio/hugo#5501). In our words:
 *
 * - Root file: Hugo tries the base names "hugo" then "config", each with the extensions toml, yaml, yml, json in
 *   that order, and reads only the first file that exists.
 * - Directory: `config/_default/` then `config/<environment>/`. Each folder is walked recursively (sub-folders
 *   such as `config/_default/menus/` count, they only group files) in lexical order, depth first, and every file
 *   whose extension is toml, yaml, yml or json (any case) is read. A file's name without its extension is its key:
 *   `hugo` and `config` (exactly so spelled) hold root keys; otherwise the part after the last dot, if any, is a
 *   language. Without a language the file becomes the root key of its name (`params.toml` → `params`). With one,
 *   `menu.<lang>`/`menus.<lang>` → `languages.<lang>.menus`, `params.<lang>` → `languages.<lang>.params`, and ANY
 *   other name, `languages.<lang>` and `config.<lang>` included, puts the file's keys directly into
 *   `languages.<lang>` (so `markup.en.toml` does not become `languages.en.markup`: Hugo drops that name).
 * - Precedence: the root file is read first, then the directory's files in the order above, each merged over what
 *   came before; the later file wins. So the config directory overrides the root file, and `<environment>/`
 *   overrides `_default/`. Merging (Hugo's `Set`) is recursive for maps; a scalar or an array replaces what was
 *   there, and a map replaces a scalar.
 * - Keys are case-insensitive: Hugo lower-cases map keys at every map depth. It does not reach into maps inside
 *   arrays (menu entries); their fields are matched case-insensitively when decoded later, so we lower-case those
 *   too, as our callers expect every key lower-cased.
 * - `menu` is the pre-0.53 spelling of `menus`, renamed at the root and at `languages.<lang>.menu`, in each file
 *   before merging. When one file has both, Hugo's result depends on Go's map order; we merge them, `menus` last.
 * - Every format's empty file is an empty map; a file whose top level is not a map is an error. TOML dates are kept
 *   as the parser gives them (Date objects).
 * - Not done here: Hugo's environment variables (HUGO_PARAMS_…), command-line flags, theme/module configuration
 *   and its `_merge` strategies (they govern merging a theme's configuration in, not the site's own files).
 */

export interface HugoConfig {
  /** The merged configuration. Every key lower-cased at every depth (Hugo's keys are case-insensitive), values as parsed. */
  values: Record<string, unknown>;
  /** Files read, absolute paths, in merge order. */
  files: string[];
  /** Lower-cased dotted key path ("params.article.showauthor", "languages.zh-cn.menus.main") → the key as the author spelled it ("params.article.showAuthor"), for messages. Record every path that appears in any file. */
  spelling: Map<string, string>;
  /** Lower-cased dotted path of each leaf or array value → the absolute file that set it last (for messages naming where a bad value is). */
  sourceOf: Map<string, string>;
}

const extensions = ["toml", "yaml", "yml", "json"];
/** gray-matter's YAML engine (js-yaml's safe loader); its typings do not declare `engines`. */
const yaml = (matter as unknown as { engines: { yaml: { parse(text: string): unknown } } }).engines.yaml;
const rootFileNames = ["hugo", "config"];

type Format = "toml" | "yaml" | "json";
type Table = Record<string, unknown>;

interface ConfigFile {
  file: string;
  /** Where the file's keys go, as spelled in its name: [] for the root, ["params"], ["languages", "zh-CN", "menus"]. */
  prefix: string[];
}

/** Undefined when the folder holds no Hugo configuration at all. */
export function readHugoConfig(siteRoot: string, environment: string): HugoConfig | undefined {
  const located = locate(siteRoot, environment);
  if (located.length === 0) return undefined;

  const values: Table = {};
  const spelling = new Map<string, string>();
  const sourceOf = new Map<string, string>();
  for (const { file, prefix } of located) {
    const data = readFile(file);
    let wrapped: Table = data;
    for (const key of [...prefix].reverse()) wrapped = { [key]: wrapped };
    mergeInto(values, wrapped, [], [], { file, spelling, sourceOf });
  }

  const leaves = new Set<string>();
  collectLeaves(values, [], leaves);
  for (const key of [...sourceOf.keys()]) if (!leaves.has(key)) sourceOf.delete(key);

  return { values, files: located.map((entry) => entry.file), spelling, sourceOf };
}

/** The files readHugoConfig would read (existing ones only), for cache fingerprints and the dev server's watch list. */
export function hugoConfigFiles(siteRoot: string, environment: string): string[] {
  return locate(siteRoot, environment).map((entry) => entry.file);
}

function locate(siteRoot: string, environment: string): ConfigFile[] {
  const root = path.resolve(siteRoot);
  const found: ConfigFile[] = [];

  search: for (const name of rootFileNames) {
    for (const extension of extensions) {
      const file = path.join(root, `${name}.${extension}`);
      if (isFile(file)) {
        found.push({ file, prefix: [] });
        break search;
      }
    }
  }

  const configDir = path.join(root, "config");
  const folders = [...new Set(["_default", environment])].map((folder) => path.join(configDir, folder));
  for (const folder of folders) {
    for (const file of walk(folder)) found.push({ file, prefix: prefixOf(file) });
  }
  return found;
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Config files under a folder, as Go's afero.Walk visits them: names in byte order, sub-folders where they sort. */
function walk(folder: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) files.push(...walk(full));
    else if (formatOf(full) !== undefined && isFile(full)) files.push(full);
  }
  return files;
}

function formatOf(file: string): Format | undefined {
  const extension = path.extname(file).slice(1).toLowerCase();
  if (extension === "toml" || extension === "json") return extension;
  if (extension === "yaml" || extension === "yml") return "yaml";
  return undefined;
}

function prefixOf(file: string): string[] {
  const name = path.basename(file, path.extname(file));
  if (rootFileNames.includes(name)) return [];
  const dot = name.lastIndexOf(".");
  if (dot <= 0) return [name];
  const key = name.slice(0, dot);
  const language = name.slice(dot + 1);
  if (key === "menu" || key === "menus") return ["languages", language, "menus"];
  if (key === "params") return ["languages", language, "params"];
  return ["languages", language];
}

function readFile(file: string): Table {
  const format = formatOf(file) ?? "toml";
  let text = fs.readFileSync(file, "utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === "") return {};

  let data: unknown;
  try {
    data = format === "toml" ? parseToml(text) : format === "yaml" ? yaml.parse(text) : JSON.parse(text);
  } catch (error) {
    throw syntaxError(file, format, text, error);
  }
  if (data === null || data === undefined) return {};
  if (!isTable(data)) {
    throw new AuthorError(
      { file, line: 1, column: 1 },
      "The Hugo configuration is not a set of keys and values",
      format === "json"
        ? 'Make the file one JSON object: { "title": "My blog" }'
        : format === "yaml"
          ? "Write one key: value per line at the top level, e.g. title: My blog"
          : 'Write one key = "value" per line at the top level, e.g. title = "My blog"',
    );
  }
  return data;
}

function syntaxError(file: string, format: Format, text: string, error: unknown): AuthorError {
  const message = error instanceof Error ? error.message : String(error);
  let where: { line?: number; column?: number } = { line: 1 };
  let detail = message.split("\n")[0] ?? message;
  if (format === "toml" && error instanceof TomlError) {
    where = { line: error.line, column: error.column };
    detail = detail.replace(/^Invalid TOML document:\s*/, "");
  } else if (format === "yaml") {
    const { mark, reason } = error as { mark?: { line?: number; column?: number }; reason?: string };
    if (typeof mark?.line === "number") where = { line: mark.line + 1, column: (mark.column ?? 0) + 1 };
    if (reason) detail = reason;
  } else if (format === "json") {
    where = jsonErrorPlace(text, error);
    detail = detail.replace(/\s*(in JSON\s*)?at position \d+.*$/, "");
  }
  const hints: Record<Format, string> = {
    toml: 'Check the line: TOML writes key = "value", text in quotes, tables as [name] on a line of their own, and each key once per table',
    yaml: "Check the line and the ones above it: YAML writes key: value, nests by indenting with spaces (never tabs) by the same amount, and needs quotes around text holding \": \" or starting with a special character",
    json: "Check the line: JSON needs double quotes around every key and text value, a comma between entries and none after the last",
  };
  return new AuthorError({ file, ...where }, `The Hugo configuration does not parse: ${stripStop(detail)}`, hints[format]);
}

function stripStop(text: string): string {
  return text.trim().replace(/\.$/, "");
}

function isTable(value: unknown): value is Table {
  if (value === null || typeof value !== "object" || Array.isArray(value) || value instanceof Date) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

interface MergeState {
  file: string;
  spelling: Map<string, string>;
  sourceOf: Map<string, string>;
}

/** The key a map holds `key` under: lower case, and `menu` renamed `menus` at the root and in a language. */
function normalKey(parent: readonly string[], key: string): string {
  const lower = key.toLowerCase();
  const isMenusPlace = parent.length === 0 || (parent.length === 2 && parent[0] === "languages");
  return lower === "menu" && isMenusPlace ? "menus" : lower;
}

/**
 * Merges `source` over `target` (Hugo's `Set`): maps recursively, anything else replaced. Records each key's
 * spelling and each leaf's file on the way. `menu` goes before `menus` so the newer spelling wins in one file.
 */
function mergeInto(target: Table, source: Table, at: string[], spelled: string[], state: MergeState): void {
  const keys = Object.keys(source);
  const oldMenu = (key: string) => key.toLowerCase() === "menu" && normalKey(at, key) === "menus";
  for (const key of [...keys.filter(oldMenu), ...keys.filter((key) => !oldMenu(key))]) {
    const name = normalKey(at, key);
    const keyPath = [...at, name];
    const spelledPath = [...spelled, key];
    state.spelling.set(keyPath.join("."), spelledPath.join("."));
    const value = source[key];
    if (isTable(value)) {
      const existing = Object.prototype.hasOwnProperty.call(target, name) ? target[name] : undefined;
      const child: Table = isTable(existing) ? existing : {};
      setKey(target, name, child);
      mergeInto(child, value, keyPath, spelledPath, state);
    } else {
      setKey(target, name, normalValue(value, keyPath, spelledPath, state));
      state.sourceOf.set(keyPath.join("."), state.file);
    }
  }
}

/** A leaf as parsed; an array's maps get lower-cased keys too (their spelling recorded under the item's index). */
function normalValue(value: unknown, at: string[], spelled: string[], state: MergeState): unknown {
  if (Array.isArray(value)) return value.map((item, index) => normalValue(item, [...at, String(index)], [...spelled, String(index)], state));
  if (!isTable(value)) return value;
  const copy: Table = {};
  for (const [key, item] of Object.entries(value)) {
    const name = key.toLowerCase();
    state.spelling.set([...at, name].join("."), [...spelled, key].join("."));
    setKey(copy, name, normalValue(item, [...at, name], [...spelled, key], state));
  }
  return copy;
}

/** Sets an own property even for a key such as "__proto__", which plain assignment would not store. */
function setKey(target: Table, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function collectLeaves(table: Table, at: string[], leaves: Set<string>): void {
  for (const [key, value] of Object.entries(table)) {
    const keyPath = [...at, key];
    if (isTable(value)) collectLeaves(value, keyPath, leaves);
    else leaves.add(keyPath.join("."));
  }
}
