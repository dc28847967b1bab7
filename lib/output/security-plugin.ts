import { contentSecurityPolicy, type PolicyNeeds } from "../render/content-policy.ts";
import type { EleventyConfig } from "../types/eleventy.ts";
import { addGeneratedPage } from "./generated-pages-plugin.ts";
import { themeScript } from "./theme.ts";

/**
 * The pages run under a strict Content-Security-Policy. The build writes it, with other security headers, to
 * `_headers` (the format Netlify and Cloudflare Pages read; see README for other hosts).
 */
export function securityPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addGlobalData("themeScript", themeScript);
  eleventyConfig.addFilter("contentSecurityPolicy", (needs: PolicyNeeds) => contentSecurityPolicy(needs, [themeScript]));
  addGeneratedPage(eleventyConfig, "headers", { layout: "headers.njk", permalink: "/_headers" }, { alwaysRefresh: true });
}
