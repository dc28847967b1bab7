import crypto from "node:crypto";
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseHTML } from "linkedom";
import { temporaryDir } from "../../scripts/temporary-dir.ts";
import { typescriptNodeArgs } from "../../lib/typescript-worker.ts";

export const projectDir = path.join(import.meta.dirname, "..", "..");
export const bundledContent = path.join(projectDir, "content");
export const fixturesDir = path.join(projectDir, "test", "fixtures");

/**
 * One image cache per test process: builds within a test file reuse encoded images, and test files running in
 * parallel never write the same cache file at once.
 */
export const testImageCache = temporaryDir("blog-image-cache-");
export const testBuildCache = temporaryDir("blog-build-cache-");

export interface BuildResult {
  exitCode: number;
  /** Everything the build printed, stdout and stderr together. */
  log: string;
  outputDir: string;
}

/**
 * Runs `npm run build`'s script on a content folder, as an author would, in a child process. `preload` is a module
 * run first in that process (a fault to inject).
 */
export function buildSite(
  contentDir: string,
  options: { env?: Record<string, string>; outputDir?: string; args?: string[]; preload?: string; quiet?: boolean } = {},
): Promise<BuildResult> {
  const outputDir = options.outputDir ?? temporaryDir("blog-build-");
  const preload = options.preload ? ["--import", options.preload] : [];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...typescriptNodeArgs, ...preload, path.join(projectDir, "scripts", "build.ts"), `--output=${outputDir}`, ...(options.quiet === false ? [] : ["--quiet"]), ...(options.args ?? [])],
      {
        cwd: projectDir,
        env: { ...process.env, BLOG_CONTENT: contentDir, BLOG_IMAGE_CACHE: testImageCache, BLOG_BUILD_CACHE: testBuildCache, ...options.env },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const exitCode = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ exitCode, log: `${stdout}${stderr}`, outputDir });
      },
    );
  });
}

/** The output file a site-relative URL is served from. */
export function outputFile(outputDir: string, url: string): string {
  const decoded = decodeURI(url.split(/[?#]/)[0] ?? url);
  return path.join(outputDir, decoded.endsWith("/") ? `${decoded}index.html` : decoded);
}

/** Parses a built page with a real HTML parser. */
export function loadPage(outputDir: string, url: string): Document {
  const html = fs.readFileSync(outputFile(outputDir, url), "utf8");
  return parseHTML(html).document;
}

export function pageExists(outputDir: string, url: string): boolean {
  return fs.existsSync(outputFile(outputDir, url));
}

/** A throwaway copy of a fixture folder, for tests that change files. */
export function copyFixture(name: string): string {
  const target = temporaryDir(`blog-fixture-${name}-`);
  fs.cpSync(path.join(fixturesDir, name), target, { recursive: true });
  return target;
}

export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [relative, text] of Object.entries(files)) {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
}

export function makeContent(files: Record<string, string>): string {
  const root = temporaryDir("blog-content-");
  writeFiles(root, files);
  return root;
}

export function text(node: Element | null | undefined): string {
  return (node?.textContent ?? "").replace(/\s+/g, " ").trim();
}

/** Every file under `dir` by relative path, with a hash of its bytes: compares whole trees, catches any change. */
export function fileHashes(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file), crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex"));
  }
  return files;
}
