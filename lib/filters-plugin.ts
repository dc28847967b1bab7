import { isoDate, readableDate } from "./dates.ts";
import { translate, type MessageKey } from "./i18n.ts";
import { termKey } from "./taxonomies.ts";
import type { SiteSettings } from "./site-settings.ts";
import type { EleventyConfig } from "./types/eleventy.ts";

export interface FiltersPluginOptions {
  settings: () => SiteSettings;
}

/** Filters the layouts use to present dates and interface text in the page's language. */
export function filtersPlugin(eleventyConfig: EleventyConfig, options: FiltersPluginOptions): void {
  eleventyConfig.addFilter("readableDate", (date: Date, lang: string) => readableDate(date, lang, options.settings().timeZone));
  eleventyConfig.addFilter("isoDate", (date: Date) => isoDate(date, options.settings().timeZone));
  eleventyConfig.addFilter("termKey", termKey);
  eleventyConfig.addFilter("t", (key: MessageKey, lang: string, vars?: Record<string, string | number>) => translate(lang, key, vars));
}
