import fs from "node:fs";
import path from "node:path";
import { HtmlValidate } from "html-validate";
import { parseHTML } from "linkedom";

// Standards compliance only (the WHATWG content model, attributes, ARIA, unique ids); the formatting rules of the
// other presets are matters of taste, not validity.
const validator = new HtmlValidate({ extends: ["html-validate:standard"] });

/**
 * Every validity error in every HTML file of a built site, as `file:line:column rule: message`; and, in the same
 * pass over the pages, what `check` finds wrong with each (parsed with a real parser), as `file: problem`.
 */
export function invalidHtml(outputDir: string, check?: (page: Document, url: string) => string[]): string[] {
  const problems: string[] = [];
  let pages = 0;
  for (const entry of fs.readdirSync(outputDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
    const file = path.join(entry.parentPath, entry.name);
    const html = fs.readFileSync(file, "utf8");
    pages++;
    if (check) {
      const url = `/${path.relative(outputDir, file).split(path.sep).join("/")}`.replace(/index\.html$/, "");
      for (const problem of check(parseHTML(html).document, url)) problems.push(`${path.relative(outputDir, file)}: ${problem}`);
    }
    const report = validator.validateStringSync(html, file);
    for (const message of report.results.flatMap((result) => result.messages)) {
      problems.push(`${path.relative(outputDir, file)}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
    }
  }
  // A site with no pages has nothing wrong with its pages, and that is wrong.
  if (pages === 0) problems.push(`${outputDir} holds no HTML page`);
  return problems;
}
