import hljs from "highlight.js/lib/common";
import { html, trustedHtml } from "../../shortcodes/html.ts";

/**
 * Build-time syntax highlighting for fenced code. Only the language the author names is used: guessing one
 * (highlight.js auto-detection) costs more than the rest of a page's rendering and is often wrong.
 * The block is focusable so keyboard readers can scroll wide code.
 */
export function highlightCode(code: string, info: string): string {
  const language = info.trim().split(/\s+/)[0]?.toLowerCase() ?? "";
  const known = language !== "" && hljs.getLanguage(language) !== undefined;
  const body = known ? trustedHtml(hljs.highlight(code, { language, ignoreIllegals: true }).value) : code;
  const code_ = language
    ? html`<code class="language-${language}" data-lang="${language}">${body}</code>`
    : html`<code>${body}</code>`;
  return `${html`<pre class="code-block" tabindex="0">${code_}</pre>`}\n`;
}
