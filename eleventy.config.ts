import path from "node:path";
import { HtmlBasePlugin } from "@11ty/eleventy";
import { collectionsPlugin } from "./lib/collections-plugin.ts";
import { contentPlugin, inputPath } from "./lib/content-plugin.ts";
import { filtersPlugin } from "./lib/filters-plugin.ts";
import { generatedPagesPlugin } from "./lib/generated-pages-plugin.ts";
import { imagesPlugin } from "./lib/images-plugin.ts";
import { BodyLinks, linkCheckPlugin } from "./lib/link-check-plugin.ts";
import { searchPlugin } from "./lib/search-plugin.ts";
import { securityPlugin } from "./lib/security-plugin.ts";
import { loadSiteSettings, type SiteSettings } from "./lib/site-settings.ts";
import type { EleventyConfig } from "./lib/types/eleventy.ts";

const projectDir = import.meta.dirname;

export default function (eleventyConfig: EleventyConfig) {
  // Any Hugo content folder can be built in place: BLOG_CONTENT=../my-site/content npm run build
  const contentDir = path.resolve(process.env.BLOG_CONTENT ?? path.join(projectDir, "content"));
  // The preview (the dev server, or BLOG_PREVIEW=1) builds drafts, marked, and shows content errors on the page.
  const serving = ["serve", "watch"].includes(process.env.ELEVENTY_RUN_MODE ?? "");
  const preview = serving || process.env.BLOG_PREVIEW === "1";
  // Read once per build (the dev server re-reads them after each change).
  let current: SiteSettings | undefined;
  eleventyConfig.on("eleventy.before", () => {
    current = undefined;
  });
  const settings = () => (current ??= loadSiteSettings(contentDir));

  eleventyConfig.setInputDirectory(inputPath(contentDir));
  eleventyConfig.setIncludesDirectory(path.relative(contentDir, path.join(projectDir, "layouts")));
  eleventyConfig.setDataDirectory("_data");

  const staticDir = path.join(projectDir, "static");
  // Rendered pages and encoded images are cached between builds; BLOG_BUILD_CACHE and BLOG_IMAGE_CACHE move them.
  const cacheDir = (variable: string, name: string) => path.resolve(process.env[variable] ?? path.join(projectDir, ".cache", name));
  const links = new BodyLinks();
  eleventyConfig.addPlugin(contentPlugin, { contentDir, staticDir, settings, preview, cacheDir: cacheDir("BLOG_BUILD_CACHE", "pages"), links });
  eleventyConfig.addPlugin(imagesPlugin, { cacheDir: cacheDir("BLOG_IMAGE_CACHE", "images") });
  eleventyConfig.addPlugin(collectionsPlugin, { settings, preview });
  eleventyConfig.addPlugin(filtersPlugin, { settings });
  eleventyConfig.addPlugin(generatedPagesPlugin);
  eleventyConfig.addPlugin(securityPlugin);
  // Before the search index: a build that fails on a broken link need not index anything.
  eleventyConfig.addPlugin(linkCheckPlugin, { links, settings, preview });
  eleventyConfig.addPlugin(searchPlugin, { background: serving, enabled: process.env.BLOG_SEARCH !== "0", cacheDir: path.join(cacheDir("BLOG_BUILD_CACHE", "pages"), "search") });
  eleventyConfig.addGlobalData("site", settings);
  eleventyConfig.addGlobalData("preview", preview);
  // Links written from the site root ("/posts/x/") get the path prefix of a site served under a sub-path;
  // the feeds use the same transform to make every URL absolute.
  eleventyConfig.addPlugin(HtmlBasePlugin);
  eleventyConfig.addPassthroughCopy({ [path.relative(process.cwd(), staticDir)]: "/" });

  return { pathPrefix: settings().pathPrefix };
}

export const config = {
  templateFormats: ["md", "njk"],
  // Post bodies are Markdown with Hugo shortcodes, never a template language: `{{<` must not reach Nunjucks.
  markdownTemplateEngine: false,
  htmlTemplateEngine: "njk",
};
