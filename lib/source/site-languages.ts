import { readMenus, type Menus } from "./menus.ts";

/**
 * The site's languages, as Hugo has them: `languages` in the site settings, keyed by the code content files use
 * (`index.zh-cn.md` is "zh-cn"), each with its own title, description, time zone, date format and list sizes. The
 * default language is the top-level `language` when set, else the one of lowest `weight`. Each language is a whole
 * site: the default one at the root (or under its code, with `defaultContentLanguageInSubdir`), every other under
 * `/<code>/`. A site that declares no languages has one, from the top-level settings, as before.
 */
export interface SiteLanguage {
  /** The code in file names and URLs, lower case: "zh-cn". */
  key: string;
  /** BCP 47 tag for `lang` and `hreflang`: "zh-CN". */
  code: string;
  /** Its own name, for the language switcher: "简体中文". */
  name: string;
  title: string;
  description: string;
  timeZone: string;
  /** luxon format of dates on its pages, e.g. "yyyy年M月d日"; undefined: the locale's full date. */
  dateFormat: string | undefined;
  summaryLength: number;
  postsPerPage: number;
  homePosts: number;
  dir: "ltr" | "rtl";
  weight: number;
  isDefault: boolean;
  /** Put before its site paths: "" at the root, "/zh-cn" under its code. */
  prefix: string;
  /** Its menus (`main` in the header, `footer` in the footer); the site's when it declares none of its own. */
  menus: Menus;
  /** The footer's copyright line; the site's when it has none of its own. */
  copyright: string | undefined;
}

export interface LanguageDefaults {
  title: string;
  description: string;
  language: string;
  timeZone: string;
  summaryLength: number;
  postsPerPage: number;
  homePosts: number;
  dateFormat: string | undefined;
  menus: Menus;
  copyright: string | undefined;
}

type Fail = (key: string, expected: string) => never;

export function canonicalTag(code: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(code)[0];
  } catch {
    return undefined;
  }
}

/** Reads `languages` and `defaultContentLanguageInSubdir`; `multilingual` is whether languages were declared. */
export function readLanguages(raw: Record<string, unknown>, defaults: LanguageDefaults, languageGiven: boolean, fail: Fail): { languages: SiteLanguage[]; multilingual: boolean } {
  const single = (): SiteLanguage => ({
    key: defaults.language.toLowerCase(),
    code: defaults.language,
    name: defaults.language,
    title: defaults.title,
    description: defaults.description,
    timeZone: defaults.timeZone,
    dateFormat: defaults.dateFormat,
    summaryLength: defaults.summaryLength,
    postsPerPage: defaults.postsPerPage,
    homePosts: defaults.homePosts,
    dir: "ltr",
    weight: 0,
    isDefault: true,
    prefix: "",
    menus: defaults.menus,
    copyright: defaults.copyright,
  });
  const declared = raw.languages;
  if (declared === undefined) return { languages: [single()], multilingual: false };
  if (!declared || typeof declared !== "object" || Array.isArray(declared) || Object.keys(declared).length === 0) {
    fail("languages", 'an object keyed by language code, e.g. { "en": { "languageName": "English", "weight": 1 } }');
  }
  const inSubdir = raw.defaultContentLanguageInSubdir ?? false;
  if (typeof inSubdir !== "boolean") fail("defaultContentLanguageInSubdir", "true or false");

  const languages = Object.entries(declared as Record<string, unknown>).map(([key, value], order): SiteLanguage & { order: number } => {
    const where = `languages.${key}`;
    if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(key) || !canonicalTag(key)) fail(`${where}`, 'keyed by a language code as content files use it, e.g. "en" or "zh-cn"');
    if (!value || typeof value !== "object" || Array.isArray(value)) fail(where, "an object of the language's settings");
    const entry = value as Record<string, unknown>;
    const text = (name: string, fallback: string | undefined): string | undefined => {
      const given = entry[name] ?? (entry.params as Record<string, unknown> | undefined)?.[name];
      if (given === undefined) return fallback;
      return typeof given === "string" ? given : fail(`${where}.${name}`, "a string");
    };
    const count = (name: "summaryLength" | "postsPerPage" | "homePosts"): number => {
      const given = entry[name] ?? defaults[name];
      return typeof given === "number" && Number.isInteger(given) && given >= 1 ? given : fail(`${where}.${name}`, "a positive whole number");
    };
    const code = canonicalTag(text("languageCode", key)!) ?? fail(`${where}.languageCode`, 'a language tag such as "zh-CN"');
    const timeZone = text("timeZone", defaults.timeZone)!;
    try {
      new Intl.DateTimeFormat("en", { timeZone });
    } catch {
      fail(`${where}.timeZone`, 'an IANA time zone such as "Asia/Shanghai"');
    }
    const weight = entry.weight ?? 0;
    if (typeof weight !== "number") fail(`${where}.weight`, "a number");
    const direction = entry.languageDirection ?? (entry.rtl === true ? "rtl" : "ltr");
    if (direction !== "ltr" && direction !== "rtl") fail(`${where}.languageDirection`, '"ltr" or "rtl"');
    return {
      key: key.toLowerCase(),
      code,
      name: text("languageName", key)!,
      title: text("title", defaults.title)!,
      description: text("description", defaults.description)!,
      timeZone,
      dateFormat: text("dateFormat", defaults.dateFormat),
      summaryLength: count("summaryLength"),
      postsPerPage: count("postsPerPage"),
      homePosts: count("homePosts"),
      dir: direction as SiteLanguage["dir"],
      weight: weight as number,
      isDefault: false,
      prefix: "",
      menus: entry.menus === undefined ? defaults.menus : readMenus(entry.menus, `${where}.menus`, fail),
      copyright: text("copyright", defaults.copyright),
      order,
    };
  });
  languages.sort((a, b) => a.weight - b.weight || a.order - b.order);
  const wanted = languageGiven ? defaults.language.toLowerCase() : undefined;
  const chosen = wanted === undefined ? languages[0]! : languages.find((language) => language.key === wanted || language.code.toLowerCase() === wanted);
  if (!chosen) fail("language", `one of the languages declared (${languages.map((language) => `"${language.key}"`).join(", ")})`);
  return {
    languages: [chosen!, ...languages.filter((language) => language !== chosen)].map(({ order: _order, ...language }) => ({
      ...language,
      isDefault: language.key === chosen!.key,
      prefix: language.key === chosen!.key && !inSubdir ? "" : `/${language.key}`,
    })),
    multilingual: true,
  };
}

/** The language a file's code (`zh-cn`) or a page's `lang` (`zh-CN`) names, if the site has it. */
export function findLanguage(languages: readonly SiteLanguage[], code: string): SiteLanguage | undefined {
  const wanted = code.toLowerCase();
  return languages.find((language) => language.key === wanted || language.code.toLowerCase() === wanted);
}
