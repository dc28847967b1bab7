import fs from "node:fs";
import path from "node:path";
import { trustedHtml, type SafeHtml } from "./html.ts";

const iconDir = path.join(import.meta.dirname, "icons");

/** The inline SVG icons shipped in shortcodes/icons/, by file name. Drawn for this project. */
export const icons: ReadonlyMap<string, SafeHtml> = new Map(
  fs
    .readdirSync(iconDir)
    .filter((file) => file.endsWith(".svg"))
    .sort()
    .map((file) => [path.basename(file, ".svg"), trustedHtml(fs.readFileSync(path.join(iconDir, file), "utf8").trim())]),
);

/** Names Blowfish authors also write for the same pictures. */
export const iconAliases: ReadonlyMap<string, string> = new Map([
  ["x", "x-twitter"],
  ["info", "circle-info"],
  ["warning", "triangle-exclamation"],
]);
