import path from "node:path";
import { HtmlBasePlugin } from "@11ty/eleventy";
import { buildEnvironment } from "./lib/environment.ts";
import { collectionsPlugin } from "./lib/output/collections-plugin.ts";
import { contentPlugin } from "./lib/output/content-plugin.ts";
import { filtersPlugin } from "./lib/output/filters-plugin.ts";
import { generatedPagesPlugin } from "./lib/output/generated-pages-plugin.ts";
import { imagesPlugin } from "./lib/output/images-plugin.ts";
import { BodyLinks, linkCheckPlugin } from "./lib/output/link-check-plugin.ts";
import { publicationSchedule } from "./lib/output/publication-schedule.ts";
import { buildProgressPlugin } from "./lib/output/build-progress-plugin.ts";
import { searchPlugin } from "./lib/output/search-plugin.ts";
import { securityPlugin } from "./lib/output/security-plugin.ts";
import { siteRootInputs } from "./lib/source/site-root.ts";
import { siteSettingsPerBuild } from "./lib/source/site-settings.ts";
import type { EleventyConfig } from "./lib/types/eleventy.ts";

// The build, in the order a post travels through it (README, "Architecture"); lib/environment.ts reads the environment.
export default function (eleventyConfig: EleventyConfig) {
  const { contentDir, staticDir, preview, eleventy, ...build } = buildEnvironment();
  const settings = siteSettingsPerBuild(eleventyConfig, contentDir, build.hugoEnvironment);
  const links = new BodyLinks();
  eleventyConfig.setInputDirectory(eleventy.input);
  eleventyConfig.setIncludesDirectory(eleventy.includes);
  // The content folder's _data/ (settings, authors, embed snapshots) is read and checked by our code, which names
  // the file and line of a mistake; Eleventy reading it too would fail first, and its dev server would not recover.
  eleventyConfig.setDataDirectory(".eleventy-data-unused");
  eleventyConfig.addWatchTarget(path.join(contentDir, "_data"));
  // A Hugo site's configuration and data beside the content folder are watched too (hugo-config.ts).
  for (const target of siteRootInputs(build.siteRoot, build.hugoEnvironment)) eleventyConfig.addWatchTarget(target);
  if (eleventy.output) eleventyConfig.setOutputDirectory(eleventy.output);
  eleventyConfig.addPlugin(contentPlugin, { contentDir, staticDir, settings, preview, devRefresh: build.devServer, cacheDir: build.pageCacheDir, links, now: build.now, schedule: publicationSchedule });
  eleventyConfig.addPlugin(imagesPlugin, { cacheDir: build.imageCacheDir });
  eleventyConfig.addPlugin(collectionsPlugin, { contentDir, staticDir, settings, preview });
  eleventyConfig.addPlugin(filtersPlugin, { settings });
  eleventyConfig.addPlugin(generatedPagesPlugin);
  eleventyConfig.addPlugin(securityPlugin);
  // Before the search index: a build that fails on a broken link need not index anything.
  eleventyConfig.addPlugin(linkCheckPlugin, { links, settings, preview });
  eleventyConfig.addPlugin(buildProgressPlugin);
  eleventyConfig.addPlugin(searchPlugin, { background: build.watching, enabled: build.search, cacheDir: build.searchCacheDir, postsPerShard: build.searchShardSize });
  eleventyConfig.addGlobalData("site", settings).addGlobalData("preview", preview);
  // Site-root links ("/posts/x/") get the path prefix of a site served under a sub-path; feeds get absolute URLs.
  eleventyConfig.addPlugin(HtmlBasePlugin);
  eleventyConfig.addPassthroughCopy({ [eleventy.static]: "/" });
  // A Hugo site's own static/ is published at the root, as Hugo does.
  if (build.siteStaticDir) eleventyConfig.addPassthroughCopy({ [build.siteStaticDir]: "/" });
  return { pathPrefix: settings().pathPrefix };
}

// Post bodies are Markdown with Hugo shortcodes, never a template language: `{{<` must not reach Nunjucks.
export const config = { templateFormats: ["md", "njk"], markdownTemplateEngine: false, htmlTemplateEngine: "njk" };
