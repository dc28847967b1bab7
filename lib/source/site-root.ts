import fs from "node:fs";
import path from "node:path";
import { hugoConfigFiles } from "./hugo-config.ts";

/**
 * What a Hugo site keeps beside its content folder and a build reads: the configuration files of the environment,
 * `data/` (authors), `static/` (published at the root) and `assets/` (Blowfish's pictures). Existing ones only;
 * the dev server watches them and the kept build is put back only while none of them changed.
 */
export function siteRootInputs(siteRoot: string, hugoEnvironment: string): string[] {
  const folders = ["data", "static", "assets"].map((name) => path.join(siteRoot, name)).filter((folder) => fs.existsSync(folder));
  return [...hugoConfigFiles(siteRoot, hugoEnvironment), ...folders];
}
