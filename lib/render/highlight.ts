import { createRequire } from "node:module";
import type { HLJSApi } from "highlight.js";
import { html, trustedHtml, type SafeHtml } from "../../shortcodes/html.ts";
import type { HighlightOptions } from "../../shortcodes/shortcode.ts";

/**
 * Build-time syntax highlighting for fenced code and the `highlight` shortcode. Only the language the author
 * names is used: guessing one (highlight.js auto-detection) costs more than the rest of a page's rendering and is
 * often wrong. The block is focusable so keyboard readers can scroll wide code.
 */
export function highlightCode(code: string, info: string): string {
  return `${highlightBlock(code, info.trim().split(/\s+/)[0], undefined)}\n`;
}

// Loaded at the first block with a language: it is a fifth of a small site's start-up, and many pages have no code.
let loaded: HLJSApi | undefined;
const hljs = (): HLJSApi => (loaded ??= createRequire(import.meta.url)("highlight.js/lib/common") as HLJSApi);

/** A highlighted block, with numbered or marked lines when asked (Hugo's `linenos`, `hl_lines`). */
export function highlightBlock(code: string, languageName: string | undefined, options: HighlightOptions | undefined): SafeHtml {
  const language = languageName?.toLowerCase() ?? "";
  const known = language !== "" && hljs().getLanguage(language) !== undefined;
  let body: SafeHtml | string = known ? trustedHtml(hljs().highlight(code, { language, ignoreIllegals: true }).value) : code;
  if (options && (options.lineNumbers || options.highlightLines.size > 0)) {
    const lines = splitLines(known ? body.toString() : html`${code}`.toString());
    body = trustedHtml(
      lines
        .map((line, i) => {
          const number = options.lineNumbers ? html`<span class="line-number" aria-hidden="true">${options.lineNumberStart + i}</span>` : "";
          return html`<span class="line${options.highlightLines.has(i + 1) ? " line-marked" : ""}">${number}${trustedHtml(line)}</span>`;
        })
        .join("\n"),
    );
  }
  const element = language
    ? html`<code class="language-${language}" data-lang="${language}">${body}</code>`
    : html`<code>${body}</code>`;
  return html`<pre class="code-block" tabindex="0">${element}</pre>`;
}

/**
 * Highlighted HTML cut into lines, each closing the spans still open at its end and reopening them on the next
 * line (a comment or string that spans lines), so every line is well-formed on its own.
 */
function splitLines(highlighted: string): string[] {
  const lines: string[] = [];
  const open: string[] = [];
  let current = "";
  for (const part of highlighted.replace(/\n$/, "").split(/(<span[^>]*>|<\/span>|\n)/)) {
    if (part === "\n") {
      lines.push(current + "</span>".repeat(open.length));
      current = open.join("");
    } else {
      if (part.startsWith("<span")) open.push(part);
      else if (part === "</span>") open.pop();
      current += part;
    }
  }
  lines.push(current + "</span>".repeat(open.length));
  return lines;
}
