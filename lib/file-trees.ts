import fs from "node:fs";
import path from "node:path";

/**
 * Copies a folder as hard links (a plain copy where a link cannot be made): no file is read or written. The two
 * folders then share their files, so whoever keeps one must notice if the other is rewritten in place.
 */
export function linkTree(from: string, to: string): number {
  return eachFile(from, to, (source, target) => {
    try {
      fs.linkSync(source, target);
    } catch {
      fs.copyFileSync(source, target);
    }
  });
}

/** Copies a folder, as copy-on-write clones where the file system can. */
export function copyTree(from: string, to: string): number {
  return eachFile(from, to, (source, target) => fs.copyFileSync(source, target, fs.constants.COPYFILE_FICLONE));
}

function eachFile(from: string, to: string, copy: (source: string, target: string) => void): number {
  let count = 0;
  for (const entry of fs.readdirSync(from, { recursive: true, withFileTypes: true })) {
    const source = path.join(entry.parentPath, entry.name);
    const target = path.join(to, path.relative(from, source));
    if (entry.isDirectory()) {
      fs.mkdirSync(target, { recursive: true });
    } else if (entry.isFile()) {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      copy(source, target);
      count++;
    }
  }
  return count;
}
