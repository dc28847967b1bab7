import path from "node:path";
import { AuthorError, AuthorErrors } from "../errors.ts";
import { readContentText } from "../source/content-text.ts";
import { readFrontMatter } from "../source/front-matter.ts";
import { describeSource, languageOf, readPageMeta, type PageMeta } from "../source/post-model.ts";
import type { SiteSettings } from "../source/site-settings.ts";
import { tolerates } from "../source/tolerance.ts";
import { processBodyEmbeds } from "./body-embeds.ts";
import { readEmbedData } from "../source/embed-data.ts";
import { snapshotKinds } from "../../shortcodes/embed-snapshots.ts";
import type { MathMode } from "./math.ts";
import { renderBody, type RenderedBody } from "./render-body.ts";
import { shortcodesFor } from "./site-shortcodes.ts";

/**
 * What one content file becomes before its images are processed: checked front matter, the body rendered (Markdown,
 * shortcodes, embeds) and measured. Pure work on the file's text, so it can run in a worker thread and be kept in
 * the build cache; all of it is plain data.
 */
export interface SourceRecord {
  meta: PageMeta;
  body: RenderedBody;
  /** Plain-text summary, resolved as Hugo does: `<!--more-->`, then front matter, then leading paragraphs. */
  summary: string;
  /** The body as written and the file line it starts on, to place image messages. */
  bodySource: string;
  bodyLine: number;
  /** The file's modification time was used as its date (no `date` in the front matter). */
  datedByFile: boolean;
  /** Problems the site lets through (`strict: false`): its bytes, its shortcodes. */
  warnings: AuthorError[];
  /** Embeds `npm run embeds` could fetch a snapshot of and has not (`kind/id`): their cards show less. */
  missingSnapshots: string[];
}

/** Read, or not: for errors, or left out on purpose with a warning (a language the site does not declare). */
export type SourceResult = { ok: true; record: SourceRecord } | { ok: false; errors: AuthorError[]; warnings?: AuthorError[] };

export interface SourceContext {
  contentDir: string;
  /** The project's static/ folder, where the site's shortcodes may read files too. */
  staticDir?: string;
  settings: SiteSettings;
}

export function readSource(file: string, context: SourceContext, mtime: Date): SourceResult {
  const { settings } = context;
  try {
    const source = describeSource(path.relative(context.contentDir, file), settings);
    // Hugo's `disableLanguages`: that language's files are left out, as if they were not there.
    if (source.undeclaredLanguage && settings.disableLanguages?.includes(source.undeclaredLanguage.toLowerCase())) return { ok: false, errors: [], warnings: [] };
    if (source.undeclaredLanguage) {
      const problem = new AuthorError(
        { file },
        `The file is in the language "${source.undeclaredLanguage}", which the site's languages do not include (${settings.languages.map((language) => language.key).join(", ")})`,
        `Add "${source.undeclaredLanguage}" to "languages" in _data/site.json, or rename the file`,
      );
      if (!tolerates(settings, "undeclaredLanguage")) throw problem;
      return { ok: false, errors: [], warnings: [problem] };
    }
    const { text, warnings } = readContentText(file, tolerates(settings, "invalidUtf8"));
    const missingSnapshots = new Set<string>();
    const embedData = (kind: string, id: string) => {
      const data = readEmbedData(context.contentDir, kind, id);
      if (!data && (snapshotKinds as readonly string[]).includes(kind)) missingSnapshots.add(`${kind}/${id}`);
      return data;
    };
    const frontMatter = readFrontMatter(file, text);
    const meta = readPageMeta(file, source, frontMatter, settings, mtime);
    const rendered = renderBody(frontMatter.body, {
      file,
      firstLine: frontMatter.bodyLine,
      lang: meta.source.lang,
      url: meta.url,
      summaryLength: languageOf(settings, meta.source.lang).summaryLength,
      tolerates: (problem) => tolerates(settings, problem),
      shortcodes: shortcodesFor({ contentDir: context.contentDir, staticDir: context.staticDir, file }),
      params: Object.fromEntries(frontMatter.data),
      math: mathMode(meta.math ?? settings.math),
      embedData,
    });
    const embeds = processBodyEmbeds(rendered.html, meta.source.lang, embedData);
    return {
      ok: true,
      record: {
        meta,
        body: { ...rendered, html: embeds.html, scripts: [...new Set([...rendered.scripts, ...embeds.scripts])] },
        summary: rendered.hasMoreMarker ? rendered.autoSummary : (meta.summary ?? rendered.autoSummary),
        bodySource: frontMatter.body,
        bodyLine: frontMatter.bodyLine,
        datedByFile: !frontMatter.data.has("date"),
        warnings: [...warnings, ...rendered.warnings, ...unsupportedKeys(file, frontMatter)],
        missingSnapshots: [...missingSnapshots],
      },
    };
  } catch (error) {
    if (error instanceof AuthorError) return { ok: false, errors: [error] };
    if (error instanceof AuthorErrors) return { ok: false, errors: [...error.errors] };
    throw error;
  }
}

/**
 * Source results as text, for the build cache and for worker threads: dates and author errors are written so that
 * they come back as what they were.
 */
export function encodeSourceResult(result: SourceResult): string {
  return JSON.stringify(result, function (this: Record<string, unknown>, key, value) {
    const original = this[key];
    if (original instanceof Date) return { $date: original.getTime() };
    if (original instanceof AuthorError) {
      return { $authorError: { file: path.resolve(original.file), line: original.line, column: original.column, problem: original.problem, hint: original.hint } };
    }
    return value;
  });
}

export function decodeSourceResult(text: string): SourceResult {
  return JSON.parse(text, (_key, value) => {
    if (value && typeof value === "object") {
      if ("$date" in value) return new Date(value.$date);
      if ("$authorError" in value) {
        const { file, line, column, problem, hint } = value.$authorError;
        return new AuthorError({ file, line: line ?? undefined, column: column ?? undefined }, problem, hint);
      }
    }
    return value;
  });
}

/** Hugo keys this generator does not apply yet, said once per build rather than ignored in silence. */
function unsupportedKeys(file: string, frontMatter: ReturnType<typeof readFrontMatter>): AuthorError[] {
  if (!frontMatter.data.has("cascade")) return [];
  return [
    new AuthorError(
      { file, line: frontMatter.keyLines.get("cascade") },
      "`cascade` is not applied: the pages under this one do not get its values",
      "Set those values in each page's front matter, or site-wide under `article` in the settings",
    ),
  ];
}

function mathMode(setting: boolean | "dollars"): MathMode {
  return setting === "dollars" ? "dollars" : setting ? "math" : false;
}
