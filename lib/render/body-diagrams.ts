import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { html } from "../../shortcodes/html.ts";
import { writeFileAtomically } from "../cache/atomic-file.ts";
import { AuthorError, positionAt } from "../errors.ts";
import { translate } from "../source/i18n.ts";
import { diagramScript } from "./page-assets.ts";

/**
 * Mermaid diagrams (`{{< mermaid >}}` and ```mermaid blocks), drawn at build time. Each is first checked with
 * Mermaid's own parser, so a diagram Mermaid would reject stops the build at its line (the drawing library accepts
 * some broken input silently). Flowcharts, sequence, class, state, ER and XY diagrams are drawn as inline SVG by
 * beautiful-mermaid, coloured by the site's theme; any other type Mermaid knows (pie, gantt, mindmap…) is drawn in
 * the reader's browser by Mermaid itself, loaded from this site on that page only, with the source shown until
 * then and without JavaScript. Results are kept by the diagram's hash: a rebuild draws nothing again.
 */
export interface DiagramContext {
  file: string;
  /** The body as written and the line it starts on, to place messages. */
  source: string;
  firstLine: number;
  lang: string;
  cacheDir: string;
}

export interface BodyDiagrams {
  html: string;
  errors: AuthorError[];
  /** Scripts the page now needs (Mermaid, for the diagrams drawn in the browser). */
  scripts: string[];
}

const marker = /<figure class="diagram" data-mermaid="([A-Za-z0-9+/=]*)"><\/figure>/g;
// Drawn again when either tool changes.
const toolVersion = ["mermaid", "beautiful-mermaid"]
  .map((name) => JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "../../node_modules", name, "package.json"), "utf8")).version)
  .join("+");

export async function processBodyDiagrams(body: string, context: DiagramContext): Promise<BodyDiagrams> {
  const result: BodyDiagrams = { html: body, errors: [], scripts: [] };
  if (!body.includes('<figure class="diagram" data-mermaid=')) return result;
  const sources = [...body.matchAll(marker)].map((match) => Buffer.from(match[1]!, "base64").toString("utf8"));
  const drawn = await Promise.all(sources.map((source) => draw(source, context.cacheDir)));
  let index = 0;
  const seen = new Map<string, number>();
  result.html = body.replace(marker, () => {
    const source = sources[index]!;
    const diagram = drawn[index++]!;
    if ("error" in diagram) {
      const message = diagram.error.split("\n").filter((line) => !/^[\s.^-]*$/.test(line)).join(" ");
      const problem = new AuthorError(locate(source, context), `The diagram does not parse: ${message}`, "Fix the diagram; Mermaid's syntax: https://mermaid.js.org/intro/syntax-reference.html");
      result.errors.push(problem);
      return html`<div class="build-error" role="alert"><pre>${problem.message}</pre></div>`.toString();
    }
    const label = translate(context.lang, "diagram");
    const sourceBox = html`<details class="diagram-source"><summary>${translate(context.lang, "diagramSource")}</summary><pre><code>${source}</code></pre></details>`;
    if ("browser" in diagram) {
      result.scripts.push(diagramScript);
      return html`<figure class="diagram diagram-in-browser" data-label="${label}"><pre class="mermaid">${source}</pre></figure>`.toString();
    }
    // Ids made unique on the page: the same diagram twice gets a second set.
    const count = (seen.get(diagram.key) ?? 0) + 1;
    seen.set(diagram.key, count);
    const prefix = `diagram-${diagram.key.slice(0, 8)}${count > 1 ? `-${count}` : ""}-`;
    const svg = diagram.svg.replace(/(\sid="|url\(#|href="#)([^"')]+)/g, `$1${prefix}$2`).replace("<svg ", html`<svg role="img" aria-label="${label}" `.toString());
    return `<figure class="diagram">${svg}${sourceBox}</figure>`;
  });
  result.scripts = [...new Set(result.scripts)];
  return result;
}

type Drawn = { key: string; svg: string } | { key: string; browser: true } | { error: string };

async function draw(source: string, cacheDir: string): Promise<Drawn> {
  const key = crypto.createHash("sha256").update(toolVersion).update("\0").update(source).digest("hex");
  const svgFile = path.join(cacheDir, `${key}.svg`);
  const browserFile = path.join(cacheDir, `${key}.browser`);
  if (fs.existsSync(svgFile)) return { key, svg: fs.readFileSync(svgFile, "utf8") };
  if (fs.existsSync(browserFile)) return { key, browser: true };
  const checked = await checkDiagram(source);
  if ("error" in checked) return checked;
  fs.mkdirSync(cacheDir, { recursive: true });
  let svg: string;
  // Loaded by the first diagram: most sites have none, and it is a fifth of a small site's start-up.
  const { renderMermaidSVG } = await import("beautiful-mermaid");
  try {
    svg = themable(renderMermaidSVG(source));
  } catch {
    // A type the drawing library does not know: Mermaid draws it in the browser.
    writeFileAtomically(browserFile, checked.type);
    return { key, browser: true };
  }
  writeFileAtomically(svgFile, svg);
  return { key, svg };
}

/**
 * The drawing without what would break the page's rules: its own stylesheet (which imports a web font from
 * Google) and its inline colours. site.css gives it the theme's colours, light or dark, and the system's fonts.
 */
function themable(svg: string): string {
  return svg
    .replace(/<style>[\s\S]*?<\/style>\s*/g, "")
    .replace(/^<svg([^>]*?) style="[^"]*"/, "<svg$1");
}

/** Where a diagram is written: the line of its first line of source. */
function locate(source: string, context: DiagramContext): { file: string; line: number; column: number } {
  const firstLine = source.split("\n")[0]!.trim();
  const offset = firstLine ? context.source.indexOf(firstLine) : -1;
  if (offset === -1) return { file: context.file, line: context.firstLine, column: 1 };
  const position = positionAt(context.source, offset);
  return { file: context.file, line: position.line + context.firstLine - 1, column: position.column };
}

let checker: { worker: Worker; pending: Map<number, (result: { type: string } | { error: string }) => void>; next: number } | undefined;

/** Mermaid's parser, in its worker thread (started on the first diagram of a build that has one to check). */
function checkDiagram(source: string): Promise<{ type: string } | { error: string }> {
  if (!checker) {
    const worker = new Worker(new URL("./diagram-worker.mjs", import.meta.url), { execArgv: [] });
    const pending = new Map<number, (result: { type: string } | { error: string }) => void>();
    worker.on("message", (reply: { id: number } & ({ type: string } | { error: string })) => {
      pending.get(reply.id)?.(reply);
      pending.delete(reply.id);
      if (pending.size === 0) worker.unref();
    });
    worker.on("error", (error) => {
      for (const settle of pending.values()) settle({ error: `Mermaid's parser stopped: ${error.message}` });
      pending.clear();
      checker = undefined;
    });
    checker = { worker, pending, next: 0 };
  }
  const current = checker;
  const id = current.next++;
  current.worker.ref();
  return new Promise((resolve) => {
    current.pending.set(id, resolve);
    current.worker.postMessage({ id, source });
  });
}
