/**
 * Loaded first into a build (`node --import`) to fill the disk partway through: after BLOG_TEST_DISK_FULL_AFTER
 * files written into the build's unfinished folder, every further write there fails with ENOSPC, as it does when
 * the disk is full.
 */
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";

let room = Number(process.env.BLOG_TEST_DISK_FULL_AFTER ?? "0");
const full = (file: unknown): boolean => typeof file === "string" && /\.next-\d+[\\/]/.test(file) && room-- <= 0;
const noSpace = (file: string) => Object.assign(new Error(`ENOSPC: no space left on device, write '${file}'`), { code: "ENOSPC", errno: -28, syscall: "write", path: file });

const writeFileSync = fs.writeFileSync;
fs.writeFileSync = function (this: unknown, file: fs.PathOrFileDescriptor, ...rest: unknown[]) {
  if (full(file)) throw noSpace(file as string);
  return (writeFileSync as (...args: unknown[]) => unknown).call(this, file, ...rest);
} as typeof fs.writeFileSync;
const writeFile = fs.promises.writeFile;
fs.promises.writeFile = async function (this: unknown, file: unknown, ...rest: unknown[]) {
  if (full(file)) throw noSpace(file as string);
  return (writeFile as (...args: unknown[]) => Promise<void>).call(this, file, ...rest);
} as typeof fs.promises.writeFile;
syncBuiltinESMExports();
