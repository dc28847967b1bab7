import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { temporaryDir } from "../temporary-dir.ts";
import { typescriptNodeArgs } from "../../lib/typescript-worker.ts";

export const projectDir = path.join(import.meta.dirname, "..", "..");

export interface Run {
  seconds: number;
  /** Peak resident memory of the process, in MiB (from /usr/bin/time when available). */
  peakMiB: number | undefined;
  output: string;
}

/**
 * Runs a command to completion and measures its wall time and peak memory. Output goes to a file, not a pipe:
 * a failing Eleventy build piped into another process can spin forever (TOOLCHAIN.md).
 */
export async function timeCommand(command: string, args: string[], env: Record<string, string> = {}, cwd = projectDir): Promise<Run> {
  const log = path.join(temporaryDir("bench-log-"), "out.txt");
  const timeFile = `${log}.time`;
  const useTime = fs.existsSync("/usr/bin/time");
  const [program, programArgs] = useTime ? ["/usr/bin/time", ["-f", "%M", "-o", timeFile, command, ...args]] : [command, args];
  const fd = fs.openSync(log, "w");
  const started = performance.now();
  const code = await new Promise<number>((resolve) => {
    const child = spawn(program, programArgs, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", fd, fd] });
    child.on("close", (exitCode) => resolve(exitCode ?? 1));
  });
  const seconds = (performance.now() - started) / 1000;
  fs.closeSync(fd);
  const output = fs.readFileSync(log, "utf8");
  if (code !== 0) throw new Error(`${command} ${args.join(" ")} failed (exit ${code}):\n${output.slice(-3000)}`);
  const peakKiB = useTime ? Number(fs.readFileSync(timeFile, "utf8").trim().split("\n").at(-1)) : Number.NaN;
  return { seconds, peakMiB: Number.isFinite(peakKiB) ? peakKiB / 1024 : undefined, output };
}

/** Our production build of a content folder, as `npm run build` runs it (by this Node.js or another's binary). */
export function buildOurs(contentDir: string, outputDir: string, env: Record<string, string> = {}, node = process.execPath): Promise<Run> {
  return timeCommand(node, [...typescriptNodeArgs, path.join(projectDir, "scripts/build.ts"), `--output=${outputDir}`, "--quiet"], {
    BLOG_CONTENT: contentDir,
    ...env,
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function table(rows: Array<Record<string, string | number>>): string {
  const columns = Object.keys(rows[0] ?? {});
  const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => String(row[column]).length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join("  ");
  return [line(columns), line(widths.map((w) => "-".repeat(w))), ...rows.map((row) => line(columns.map((c) => String(row[c]))))].join("\n");
}
