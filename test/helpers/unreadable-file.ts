/**
 * Loaded first into a build (`node --import`) to make one file unreadable, as a file without read permission
 * is for anyone but root: tests run as root, whom permissions do not stop. BLOG_TEST_UNREADABLE names the file.
 */
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";

const unreadable = process.env.BLOG_TEST_UNREADABLE;
const readFileSync = fs.readFileSync;
fs.readFileSync = function (this: unknown, file: fs.PathOrFileDescriptor, ...rest: unknown[]) {
  if (unreadable && typeof file === "string" && file === unreadable) {
    throw Object.assign(new Error(`EACCES: permission denied, open '${file}'`), { code: "EACCES", errno: -13, syscall: "open", path: file });
  }
  return (readFileSync as (...args: unknown[]) => unknown).call(this, file, ...rest);
} as typeof fs.readFileSync;
syncBuiltinESMExports();
