import fs from "node:fs";
import path from "node:path";
import { AuthorError, AuthorErrors, displayPath } from "../errors.ts";

/**
 * The files of a content folder, data and hidden folders aside: Markdown (what Eleventy will ask about) and the
 * resources published as they are (images and other files of page bundles).
 */
export function contentFiles(contentDir: string): { markdown: string[]; resources: string[] } {
  const markdown: string[] = [];
  const resources: string[] = [];
  const loops: AuthorError[] = [];
  for (const entry of fs.readdirSync(contentDir, { recursive: true, withFileTypes: true })) {
    if (entry.isSymbolicLink()) {
      const loop = symlinkLoop(path.join(entry.parentPath, entry.name));
      if (loop) loops.push(loop);
      continue;
    }
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const parts = path.relative(contentDir, file).split(path.sep);
    if (parts.some((part) => part.startsWith(".") || part === "_data" || part === "_shortcodes" || part === "node_modules")) continue;
    if (/\.(md|markdown)$/i.test(entry.name)) markdown.push(file);
    else if (!/\.(njk|html|11ty\.js)$/i.test(entry.name)) resources.push(file);
  }
  if (loops.length > 0) throw new AuthorErrors(loops);
  return { markdown, resources };
}

/**
 * A link to a folder that contains the link (itself, its parent, the content root…): followed, it would list the
 * same posts again under ever longer paths, and Eleventy follows it once, publishing a copy of each.
 */
function symlinkLoop(link: string): AuthorError | undefined {
  const fix = "Remove the link, or point it at a folder outside the one that holds it";
  let target: string;
  try {
    target = fs.realpathSync(link);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOOP") return new AuthorError({ file: link }, "This symbolic link leads back to itself", fix);
    // A link to nothing is a missing file, reported where it is used.
    return undefined;
  }
  const linkFolder = fs.realpathSync(path.dirname(link));
  const inside = path.relative(target, linkFolder);
  if (fs.statSync(target).isDirectory() && !inside.startsWith("..") && !path.isAbsolute(inside)) {
    return new AuthorError({ file: link }, `This symbolic link leads to ${displayPath(target)}, a folder that contains the link: a loop`, fix);
  }
  return undefined;
}
