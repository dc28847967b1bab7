import path from "node:path";
import { goLayoutToLuxon } from "./go-date-layout.ts";
import type { HugoConfig } from "./hugo-config.ts";

/**
 * A Hugo site's configuration (hugo-config.ts reads and merges it) turned into the settings of `_data/site.json`,
 * key by key, so a Hugo + Blowfish site builds with its own title, languages, menus and theme options. What has no
 * meaning here is named, grouped, so the author sees what did not carry over instead of losing it in silence.
 */
export interface HugoSettings {
  /** The settings, in `_data/site.json`'s shape (that file wins over them, key by key). */
  settings: Record<string, unknown>;
  /** Where each setting came from, by its path in `settings` ("languages.zh-cn.dateFormat"): the file and Hugo's key. */
  origins: Map<string, { file: string; key: string }>;
  /** Hugo keys read, as the author spelled them. */
  used: string[];
  /** Hugo keys with no meaning here, by what they are for ("analytics", "comments"…). */
  ignored: Map<string, string[]>;
}

type Values = Record<string, unknown>;

const isMap = (value: unknown): value is Values => typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);

/**
 * Blowfish's `params` read here: every other key of `params` is listed as ignored. `article.*` is checked by the
 * settings themselves (its unknown keys are Blowfish's others and pass).
 */
const readParams = new Set(["author", "article", "description", "dateformat", "homepage", "footer", "defaultappearance", "autoswitchappearance", "copyright", "defaultfeaturedimage", "mainsections", "enablecodecopy"]);

/** Why a Hugo key is not read, by the first segment(s) of its path; the rest are "other". */
const ignoredGroups: Array<[string, RegExp]> = [
  ["analytics", /(analytics|umami|fathom|plausible|gtag|googletag|matomo|clarity|selinaanalytics|^services\.(googleanalytics|x|twitter|instagram))/],
  ["comments", /(disqus|comments|giscus|utterances|remark42|commento)/],
  ["search (built in here)", /(^params\.enablesearch|search)/],
  ["theme and layout (the generator draws its own)", /^(theme|themesdir|layoutdir|module|params\.(colorscheme|header|homepage|hero|logo|secondarylogo|showviews|showlikes|enablea11y|fingerprintalgorithm|enableimage|disableimage|backgroundimage|imageposition|highlightcurrentmenuarea|smartTOC|smarttoc|list|taxonomy|term|sitemap|forgejodefaultserver|giteadefaultserver|buymeacoffee|rssnext|fixedheader|disabletextinheader|defaultbackgroundimage|hotlinkfeatureimage|enablestyledscrollbar|replaceemojititles|showrecent|showmorelink|verification))/],
  ["build and markup (the generator's own)", /^(markup|outputs|outputformats|mediatypes|minify|imaging|caches|security|privacy|server|deployment|frontmatter|cascade|build|publishdir|contentdir|datadir|staticdir|assetdir|resourcedir|archetypedir|i18ndir|ignorefiles|enablegitinfo|enableemoji|hascjklanguage|relativeurls|canonifyurls|uglyurls|pluralizelisttitles|disablekinds|disablepathtolower|removepathaccents|enableinlineshortcodes|timeout|newcontentname|refLinksErrorLevel|reflinkserrorlevel|notfoundredirect|googleanalytics|languagecode)$|^(markup|outputs|outputformats|mediatypes|minify|imaging|caches|security|privacy|server|deployment|frontmatter|build)\./],
];

/** Reads every key of the configuration this generator has a meaning for; the rest go to `ignored`. */
export function hugoSettings(config: HugoConfig): HugoSettings {
  const values = config.values;
  const settings: Values = {};
  const origins = new Map<string, { file: string; key: string }>();
  const used = new Set<string>();
  const spelled = (key: string) => config.spelling.get(key) ?? key;
  // Keys inside a value as the author wrote them (`showAuthor`, `pageRef`), which the settings' names follow.
  const respell = (value: unknown, key: string): unknown => {
    if (Array.isArray(value)) return value.map((item, index) => respell(item, `${key}.${index}`));
    if (!isMap(value)) return value;
    return Object.fromEntries(Object.entries(value).map(([name, inner]) => [spelled(`${key}.${name}`).split(".").at(-1)!, respell(inner, `${key}.${name}`)]));
  };
  const fileOf = (key: string) => config.sourceOf.get(key) ?? [...config.sourceOf].find(([path]) => path.startsWith(`${key}.`))?.[1] ?? config.files.at(-1) ?? "";

  /** Hugo's value at a dotted path of the merged configuration. */
  const at = (key: string): unknown => key.split(".").reduce<unknown>((value, part) => (isMap(value) ? value[part] : undefined), values);
  /** Sets `settings[target]` from Hugo's `key`, when the configuration has it. */
  const take = (key: string, target: string, convert: (value: unknown) => unknown = (value) => value): void => {
    const value = at(key);
    if (value === undefined) return;
    used.add(key);
    setPath(settings, target, convert(respell(value, key)));
    origins.set(target, { file: fileOf(key), key: spelled(key) });
  };

  take("title", "title");
  // The site's language when it declares no others.
  if (at("languages") === undefined) take("languagecode", "language");
  take("baseurl", "baseURL");
  take("defaultcontentlanguage", "language");
  take("defaultcontentlanguageinsubdir", "defaultContentLanguageInSubdir");
  take("timezone", "timeZone");
  take("summarylength", "summaryLength");
  take("paginate", "postsPerPage");
  take("pagination.pagersize", "postsPerPage");
  take("builddrafts", "buildDrafts");
  take("buildfuture", "buildFuture");
  take("buildexpired", "buildExpired");
  take("copyright", "copyright");
  take("taxonomies", "taxonomies");
  take("permalinks", "permalinks");
  take("related", "related");
  take("services.rss.limit", "rssLimit");
  take("sitemap.filename", "sitemapFile");
  take("enablerobotstxt", "robotsTxt");
  take("menus", "menus");
  take("params.description", "description");
  take("params.author", "author");
  take("params.article", "article");
  take("params.copyright", "copyright");
  take("params.homepage.showrecentitems", "homePosts");
  take("params.defaultfeaturedimage", "shareImage");
  take("params.mainsections", "mainSections");
  take("params.enablecodecopy", "enableCodeCopy");
  take("params.list.showsummary", "list.showSummary");
  take("params.taxonomy.showtermcount", "taxonomy.showTermCount");
  take("params.footer.showcopyright", "footer.showCopyright");
  take("params.footer.showmenu", "footer.showMenu");
  take("params.defaultappearance", "appearance");
  take("params.autoswitchappearance", "autoSwitchAppearance");

  // Languages: Hugo's keys per language, and Blowfish's `params` of each (displayName, isoCode, dateFormat…).
  const languages = at("languages");
  const disabled = new Set((Array.isArray(at("disablelanguages")) ? (at("disablelanguages") as unknown[]) : []).map((code) => String(code).toLowerCase()));
  take("disablelanguages", "disableLanguages");
  if (isMap(languages)) {
    for (const [code, entry] of Object.entries(languages)) {
      if (disabled.has(code) || !isMap(entry)) continue;
      const base = `languages.${code}`;
      const target = `languages.${code}`;
      const fromLanguage = (key: string, name: string, convert?: (value: unknown) => unknown) => take(`${base}.${key}`, `${target}.${name}`, convert);
      setPath(settings, target, {});
      fromLanguage("params.isocode", "languageCode");
      fromLanguage("languagecode", "languageCode");
      fromLanguage("languagename", "languageName");
      // Blowfish's language switcher shows displayName.
      fromLanguage("params.displayname", "languageName");
      fromLanguage("weight", "weight");
      fromLanguage("title", "title");
      fromLanguage("timezone", "timeZone");
      fromLanguage("params.description", "description");
      fromLanguage("description", "description");
      fromLanguage("params.rtl", "rtl");
      fromLanguage("rtl", "rtl");
      fromLanguage("languagedirection", "languageDirection");
      // Month names written in the language's own way (a Chinese month is "10月", not "10").
      const locale = String(at(`${base}.languagecode`) ?? at(`${base}.params.isocode`) ?? code);
      fromLanguage("params.dateformat", "dateFormat", (layout) => (typeof layout === "string" ? goLayoutToLuxon(layout, locale) : layout));
      fromLanguage("summarylength", "summaryLength");
      fromLanguage("pagination.pagersize", "postsPerPage");
      fromLanguage("paginate", "postsPerPage");
      fromLanguage("copyright", "copyright");
      fromLanguage("params.copyright", "copyright");
      fromLanguage("menus", "menus");
      // Blowfish keeps the author of a site in several languages in each language's params.
      if (at("params.author") === undefined && isMap(at(`${base}.params.author`)) && settings.author === undefined) take(`${base}.params.author`, "author");
      else if (at(`${base}.params.author`) !== undefined) used.add(`${base}.params.author`);
    }
    if (disabled.size > 0) {
      for (const code of disabled) if (isMap(languages[code])) used.add(`languages.${code}`);
    }
  }
  // A `dateFormat` of the whole site (Blowfish's params) applies to every language that does not set its own.
  const siteDateFormat = at("params.dateformat");
  if (typeof siteDateFormat === "string") {
    used.add("params.dateformat");
    const declared = isMap(settings.languages) ? Object.values(settings.languages) : [];
    for (const language of declared) if (isMap(language) && language.dateFormat === undefined) language.dateFormat = goLayoutToLuxon(siteDateFormat, typeof language.languageCode === "string" ? language.languageCode : undefined);
    if (declared.length === 0) settings.dateFormat = goLayoutToLuxon(siteDateFormat, typeof settings.language === "string" ? settings.language : undefined);
  }

  // Everything else the files set, by leaf, grouped by what it was for.
  const ignored = new Map<string, string[]>();
  for (const key of leafPaths(values)) {
    if ([...used].some((read) => key === read || key.startsWith(`${read}.`))) continue;
    if (key.startsWith("params.") && readParams.has(key.split(".")[1]!) && !/^params\.(homepage|footer)\./.test(key)) continue;
    // Of Blowfish's `list.*`, `taxonomy.*`, `homepage.*` and `footer.*`, the keys read are in `used`; the rest are listed.
    if (/^languages\.[^.]+\.(params\.(author|isocode|displayname|rtl|dateformat|description|copyright)|weight|title|languagename|languagecode|languagedirection|rtl|timezone|menus|copyright|description)(\.|$)/.test(key)) continue;
    const group = ignoredGroups.find(([, pattern]) => pattern.test(key))?.[0] ?? "other";
    const list = ignored.get(group) ?? [];
    list.push(spelled(key));
    ignored.set(group, list);
  }
  return { settings, origins, used: [...used].map(spelled), ignored };
}

/** The dotted paths of a configuration's values: maps are walked, anything else (lists too) is a leaf. */
function leafPaths(values: Values, prefix = ""): string[] {
  return Object.entries(values).flatMap(([key, value]) => (isMap(value) && Object.keys(value).length > 0 ? leafPaths(value, `${prefix}${key}.`) : [`${prefix}${key}`]));
}

function setPath(target: Values, dotted: string, value: unknown): void {
  const parts = dotted.split(".");
  let here = target;
  for (const part of parts.slice(0, -1)) {
    if (!isMap(here[part])) here[part] = {};
    here = here[part] as Values;
  }
  here[parts.at(-1)!] = value;
}

/** The one-time notice of what a build took from the Hugo configuration and what it left. */
export function describeHugoSettings(read: HugoSettings, files: string[], siteRoot: string): string {
  const shown = files.map((file) => path.relative(siteRoot, file) || file).join(", ");
  const lines = [`[blog] Read the Hugo configuration (${shown}).`, `  Used: ${read.used.join(", ")}`];
  if (read.ignored.size > 0) {
    lines.push("  Not carried over (they mean nothing to this generator):");
    for (const [group, keys] of read.ignored) lines.push(`    ${group}: ${keys.join(", ")}`);
  }
  return lines.join("\n");
}
