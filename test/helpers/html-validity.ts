import fs from "node:fs";
import path from "node:path";
import { HtmlValidate } from "html-validate";

// Standards compliance only (the WHATWG content model, attributes, ARIA, unique ids); the formatting rules of the
// other presets are matters of taste, not validity.
const validator = new HtmlValidate({ extends: ["html-validate:standard"] });

/** Every validity error in every HTML file of a built site, as `file:line:column rule: message`. */
export function invalidHtml(outputDir: string): string[] {
  const problems: string[] = [];
  for (const entry of fs.readdirSync(outputDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
    const file = path.join(entry.parentPath, entry.name);
    const report = validator.validateStringSync(fs.readFileSync(file, "utf8"), file);
    for (const message of report.results.flatMap((result) => result.messages)) {
      problems.push(`${path.relative(outputDir, file)}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
    }
  }
  return problems;
}
