/**
 * `npm run build`: a production build into `_site/`. The site is built into a fresh folder next to it and
 * swapped in only when everything succeeded, so a failed build leaves the previous output untouched and a
 * successful one never keeps pages of deleted posts.
 *
 *   npm run build                         the bundled content/ folder
 *   BLOG_CONTENT=../site/content npm run build   any Hugo content folder
 *   npm run build -- --output=dist        another output folder
 *   npm run build -- --no-search          without the search index (faster; the search page finds nothing)
 */
import fs from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";

const projectDir = path.join(import.meta.dirname, "..");

export async function buildSite(outputDir: string, options: { quiet?: boolean } = {}): Promise<void> {
  const target = path.resolve(outputDir);
  const next = `${target}.next`;
  const previous = `${target}.previous`;
  fs.rmSync(next, { recursive: true, force: true });
  try {
    const eleventy = new Eleventy(undefined, next, {
      configPath: path.join(projectDir, "eleventy.config.ts"),
      quietMode: options.quiet ?? false,
    });
    await eleventy.write();
  } catch (error) {
    fs.rmSync(next, { recursive: true, force: true });
    throw error;
  }
  fs.rmSync(previous, { recursive: true, force: true });
  if (fs.existsSync(target)) fs.renameSync(target, previous);
  fs.renameSync(next, target);
  fs.rmSync(previous, { recursive: true, force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outputArg = process.argv.find((arg) => arg.startsWith("--output="));
  const output = outputArg ? outputArg.slice("--output=".length) : "_site";
  const quiet = process.argv.includes("--quiet");
  if (process.argv.includes("--no-search")) process.env.BLOG_SEARCH = "0";
  try {
    await buildSite(output, { quiet });
  } catch {
    // Eleventy has already printed what went wrong.
    console.error(`\nThe build failed; ${output} was left as it was.`);
    process.exitCode = 1;
  }
}
