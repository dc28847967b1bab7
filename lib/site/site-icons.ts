import fs from "node:fs";
import path from "node:path";
import { AuthorError } from "../errors.ts";
import { cachedFile, manifestIconSizes, publish, siteIconFiles } from "../render/images.ts";
import { imageFinder } from "../source/authors.ts";
import { siteLanguages } from "../source/post-model.ts";
import type { SiteSettings } from "../source/site-settings.ts";

/** The site's icons as the pages link them; each path is under the site's root. */
export interface SiteIcons {
  ico: string;
  /** Only when the source is an SVG: browsers that take it show it sharp at any size. */
  svg: string | undefined;
  appleTouch: string;
  manifest: string;
}

/**
 * Makes the site's icons from one picture: the setting `icon`, else `favicon.svg` or `favicon.png` in the site's
 * `static/` or `assets/`, else the generator's own (static/default-favicon.svg), so no browser asks for a
 * /favicon.ico that is not there. A file the site serves itself under one of those names (its static/) stays its own.
 */
export async function prepareSiteIcons(contentDir: string, staticDir: string, settings: SiteSettings): Promise<SiteIcons> {
  const find = imageFinder(contentDir, staticDir);
  const where = { file: settings.sourceFiles[0] ?? contentDir };
  const siteStatic = path.join(path.dirname(contentDir), "static");
  const ownFile = (name: string) => fs.existsSync(path.join(siteStatic, name));
  const conventional = ["favicon.svg", "favicon.png"].map((name) => [path.join(siteStatic, name), path.join(path.dirname(contentDir), "assets", name)]).flat();
  const source = settings.icon === undefined ? (conventional.find((file) => fs.existsSync(file)) ?? path.join(staticDir, "default-favicon.svg")) : find(settings.icon);
  if (!source) throw new AuthorError(where, `The icon "${settings.icon}" is in neither the content folder nor the site's assets/ or static/`, 'Put the picture there, or correct "icon"');
  let made: Map<string, string>;
  try {
    made = await siteIconFiles(source);
  } catch (error) {
    throw new AuthorError(where, `The icon "${path.basename(source)}" could not be read as an image (${(error as Error).message})`, "Save it again as SVG or PNG, square, at least 512 pixels wide");
  }
  const files = [...made].filter(([name]) => !ownFile(name)).map(([name, file]) => ({ url: `/${name}`, file }));
  // An SVG is also linked as it is, sharp at any size; the site's own favicon.svg, when it has one, is that one.
  const svg = ownFile("favicon.svg") || source.endsWith(".svg") ? "/favicon.svg" : undefined;
  if (source.endsWith(".svg") && !ownFile("favicon.svg")) files.push({ url: "/favicon.svg", file: source });
  const language = siteLanguages(settings).find((candidate) => candidate.isDefault) ?? siteLanguages(settings)[0];
  const title = language?.title ?? settings.title;
  if (!ownFile("site.webmanifest")) {
    // Relative icon paths: the manifest's own URL resolves them, under any path prefix.
    const manifest = {
      name: title,
      short_name: title,
      lang: language?.code ?? settings.language,
      start_url: "./",
      display: "standalone",
      background_color: "#ffffff",
      icons: manifestIconSizes.map((size) => ({ src: `icon-${size}.png`, sizes: `${size}x${size}`, type: "image/png" })),
    };
    files.push({ url: "/site.webmanifest", file: cachedFile("site.webmanifest", `${JSON.stringify(manifest, null, 2)}\n`) });
  }
  publish(files);
  return { ico: "/favicon.ico", svg, appleTouch: "/apple-touch-icon.png", manifest: "/site.webmanifest" };
}
