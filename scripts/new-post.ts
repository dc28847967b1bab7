/**
 * `npm run new -- <slug> ["Title"]`: creates content/posts/<slug>/index.md, a page bundle with its front matter
 * filled in (title, today's date in the site's time zone, draft: true). `--lang zh-cn` creates the translation
 * `index.zh-cn.md` beside an existing post instead. Never overwrites anything.
 */
import fs from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { buildEnvironment } from "../lib/environment.ts";
import { siteLanguages } from "../lib/source/post-model.ts";
import { findLanguage } from "../lib/source/site-languages.ts";
import { loadSiteSettings } from "../lib/source/site-settings.ts";

export function newPost(contentDir: string, slug: string, title?: string, lang?: string): string {
  if (!/^[^\s/\\?#%"<>]+$/.test(slug) || slug.startsWith(".")) {
    throw new Error(`"${slug}" cannot be a folder name in a URL. Use letters, digits and hyphens, e.g. 2024-my-first-post`);
  }
  const settings = loadSiteSettings(contentDir);
  const bundle = path.join(contentDir, "posts", slug);
  const language = lang === undefined ? undefined : findLanguage(siteLanguages(settings), lang);
  if (lang !== undefined && !language && settings.multilingual) {
    throw new Error(`The site has no language "${lang}"; its languages are ${settings.languages.map((l) => l.key).join(", ")}`);
  }
  // A translation goes beside the post it translates; a new post gets a folder of its own.
  const file = path.join(bundle, lang === undefined || language?.isDefault ? "index.md" : `index.${language?.key ?? lang.toLowerCase()}.md`);
  if (lang !== undefined && !language?.isDefault && !fs.existsSync(bundle)) {
    throw new Error(`${path.relative(process.cwd(), bundle)} does not exist: create the post first (npm run new -- ${slug}), then its translation`);
  }
  if (lang === undefined ? fs.existsSync(bundle) : fs.existsSync(file)) {
    throw new Error(`${path.relative(process.cwd(), lang === undefined ? bundle : file)} already exists; choose another slug`);
  }
  const today = DateTime.now().setZone((language ?? siteLanguages(settings)[0]!).timeZone).toISODate();
  const heading = title ?? slug.replace(/^\d+[-_]?/, "").replace(/[-_]+/g, " ").replace(/^./, (c) => c.toUpperCase());
  fs.mkdirSync(bundle, { recursive: true });
  fs.writeFileSync(
    file,
    [
      "---",
      `title: ${JSON.stringify(heading || slug)}`,
      'summary: ""',
      "categories: []",
      "tags: []",
      `date: ${today}`,
      "draft: true",
      "---",
      "",
      "Write the post here. Put its images in this folder and link them as ![description](image.jpg).",
      "",
    ].join("\n"),
  );
  return file;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const langArg = process.argv.indexOf("--lang");
  const lang = langArg === -1 ? undefined : process.argv[langArg + 1];
  const [slug, title] = process.argv.slice(2).filter((_, i, all) => all[i] !== "--lang" && all[i - 1] !== "--lang");
  if (!slug || (langArg !== -1 && !lang)) {
    console.error('Usage: npm run new -- <slug> ["Title"] [--lang <code>]');
    process.exitCode = 1;
  } else {
    try {
      const file = newPost(buildEnvironment().contentDir, slug, title, lang);
      console.log(`Created ${path.relative(process.cwd(), file)} (a draft: npm start shows it; set draft: false to publish).`);
    } catch (error) {
      console.error((error as Error).message);
      process.exitCode = 1;
    }
  }
}
