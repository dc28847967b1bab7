/**
 * `npm run new -- <slug> ["Title"]`: creates content/posts/<slug>/index.md, a page bundle with its front matter
 * filled in (title, today's date in the site's time zone, draft: true). Never overwrites an existing post.
 */
import fs from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { buildEnvironment } from "../lib/environment.ts";
import { loadSiteSettings } from "../lib/source/site-settings.ts";

export function newPost(contentDir: string, slug: string, title?: string): string {
  if (!/^[^\s/\\?#%"<>]+$/.test(slug) || slug.startsWith(".")) {
    throw new Error(`"${slug}" cannot be a folder name in a URL. Use letters, digits and hyphens, e.g. 2024-my-first-post`);
  }
  const settings = loadSiteSettings(contentDir);
  const bundle = path.join(contentDir, "posts", slug);
  if (fs.existsSync(bundle)) throw new Error(`${path.relative(process.cwd(), bundle)} already exists; choose another slug`);
  const today = DateTime.now().setZone(settings.timeZone).toISODate();
  const heading = title ?? slug.replace(/^\d+[-_]?/, "").replace(/[-_]+/g, " ").replace(/^./, (c) => c.toUpperCase());
  const file = path.join(bundle, "index.md");
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
  const [slug, title] = process.argv.slice(2);
  if (!slug) {
    console.error('Usage: npm run new -- <slug> ["Title"]');
    process.exitCode = 1;
  } else {
    try {
      const file = newPost(buildEnvironment().contentDir, slug, title);
      console.log(`Created ${path.relative(process.cwd(), file)} (a draft: npm start shows it; set draft: false to publish).`);
    } catch (error) {
      console.error((error as Error).message);
      process.exitCode = 1;
    }
  }
}
