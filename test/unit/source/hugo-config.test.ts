import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";
import { AuthorError, displayPath } from "../../../lib/errors.ts";
import { hugoConfigFiles, readHugoConfig, type HugoConfig } from "../../../lib/source/hugo-config.ts";
import { makeContent } from "../../helpers/site.ts";

function read(files: Record<string, string>, environment = "production"): { root: string; config: HugoConfig } {
  const root = makeContent(files);
  const config = readHugoConfig(root, environment);
  assert.ok(config, "expected a configuration");
  return { root, config };
}

/** The error readHugoConfig throws for these files, checked to be an AuthorError. */
function failure(files: Record<string, string>): { root: string; error: AuthorError } {
  const root = makeContent(files);
  try {
    readHugoConfig(root, "production");
  } catch (error) {
    assert.ok(error instanceof AuthorError, `expected an AuthorError, got ${String(error)}`);
    return { root, error };
  }
  assert.fail("expected readHugoConfig to throw");
}

const blowfish: Record<string, string> = {
  "config/_default/config.toml": [
    'baseURL = "https://example.org/"',
    'defaultContentLanguage = "zh-cn"',
    "enableRobotsTXT = true",
    "[pagination]",
    "  pagerSize = 100",
    "[outputs]",
    '  home = ["HTML", "RSS", "JSON"]',
  ].join("\n"),
  "config/_default/languages.en.toml": [
    'languageCode = "en"',
    'languageName = "English"',
    "weight = 2",
    'title = "My Blog"',
    "[params]",
    '  displayName = "EN"',
    '  dateFormat = "2 January 2006"',
  ].join("\n"),
  "config/_default/languages.zh-cn.toml": [
    'languageCode = "zh-cn"',
    'languageName = "简体中文"',
    "weight = 1",
    'title = "我的博客"',
    "[params]",
    '  displayName = "中文"',
    '  isoCode = "zh-CN"',
    '  dateFormat = "2006年1月2日"',
  ].join("\n"),
  "config/_default/menus.en.toml": ["[[main]]", '  name = "Blog"', '  pageRef = "posts"', "  weight = 10"].join("\n"),
  "config/_default/menus.zh-cn.toml": [
    "[[main]]",
    '  name = "博客"',
    '  pageRef = "posts"',
    "  weight = 10",
    "[[footer]]",
    '  name = "标签"',
    '  pageRef = "tags"',
  ].join("\n"),
  "config/_default/params.toml": [
    'colorScheme = "blowfish"',
    'defaultAppearance = "light"',
    "[homepage]",
    '  layout = "profile"',
    "  showRecent = true",
    "[article]",
    "  showDate = true",
    "  showAuthor = true",
    '  sharingLinks = ["linkedin", "twitter"]',
  ].join("\n"),
};

describe("readHugoConfig: one root file", () => {
  it("reads hugo.toml alone, keys lower-cased, spelling kept", () => {
    const { root, config } = read({
      "hugo.toml": ['baseURL = "https://example.org/"', 'title = "My blog"', "[params.article]", "  showAuthor = false", "  showWordCount = true"].join("\n"),
    });
    assert.deepEqual(config.values, {
      baseurl: "https://example.org/",
      title: "My blog",
      params: { article: { showauthor: false, showwordcount: true } },
    });
    assert.deepEqual(config.files, [path.join(root, "hugo.toml")]);
    assert.equal(config.spelling.get("baseurl"), "baseURL");
    assert.equal(config.spelling.get("params.article"), "params.article");
    assert.equal(config.spelling.get("params.article.showauthor"), "params.article.showAuthor");
    assert.equal(config.sourceOf.get("params.article.showwordcount"), path.join(root, "hugo.toml"));
  });

  it("reads hugo.yaml alone, with its lists and nested maps", () => {
    const { root, config } = read({
      "hugo.yaml": ["title: Mon blog", "languageCode: fr", "params:", "  Article:", "    sharingLinks: [email, x]", "menus:", "  main:", "    - name: Blog", "      pageRef: posts"].join("\n"),
    });
    assert.deepEqual(config.values, {
      title: "Mon blog",
      languagecode: "fr",
      params: { article: { sharinglinks: ["email", "x"] } },
      menus: { main: [{ name: "Blog", pageref: "posts" }] },
    });
    assert.equal(config.spelling.get("params.article.sharinglinks"), "params.Article.sharingLinks");
    assert.equal(config.spelling.get("menus.main.0.pageref"), "menus.main.0.pageRef");
    assert.deepEqual(config.files, [path.join(root, "hugo.yaml")]);
  });

  it("takes the first root file of hugo.* then config.*, toml before yaml before json, and only that one", () => {
    const { root, config } = read({ "hugo.yaml": "title: yaml", "hugo.json": '{"title": "json"}', "config.toml": 'title = "config"' });
    assert.equal(config.values.title, "yaml");
    assert.deepEqual(config.files, [path.join(root, "hugo.yaml")]);
    const legacy = read({ "config.json": '{"title": "json"}', "config.yml": "title: yml" });
    assert.equal(legacy.config.values.title, "yml");
    assert.deepEqual(hugoConfigFiles(legacy.root, "production"), [path.join(legacy.root, "config.yml")]);
  });

  it("reads JSON, and an empty file as an empty map", () => {
    const { config } = read({ "hugo.json": '{ "Title": "J", "Params": { "showAuthor": true } }' });
    assert.deepEqual(config.values, { title: "J", params: { showauthor: true } });
    assert.deepEqual(read({ "hugo.toml": "" }).config.values, {});
    assert.deepEqual(read({ "hugo.yaml": "# nothing yet\n" }).config.values, {});
  });

  it("keeps TOML dates as dates", () => {
    const { config } = read({ "hugo.toml": "[params]\nsince = 2021-03-04T05:06:07Z\n" });
    const since = (config.values.params as Record<string, unknown>).since;
    assert.ok(since instanceof Date);
    assert.equal(since.toISOString(), "2021-03-04T05:06:07.000Z");
  });
});

describe("readHugoConfig: the config directory", () => {
  it("merges a Blowfish-style config/_default/ into Hugo's shape", () => {
    const { root, config } = read(blowfish);
    const dir = path.join(root, "config", "_default");
    assert.deepEqual(config.files, ["config.toml", "languages.en.toml", "languages.zh-cn.toml", "menus.en.toml", "menus.zh-cn.toml", "params.toml"].map((name) => path.join(dir, name)));
    assert.deepEqual(config.values, {
      baseurl: "https://example.org/",
      defaultcontentlanguage: "zh-cn",
      enablerobotstxt: true,
      pagination: { pagersize: 100 },
      outputs: { home: ["HTML", "RSS", "JSON"] },
      languages: {
        en: {
          languagecode: "en",
          languagename: "English",
          weight: 2,
          title: "My Blog",
          params: { displayname: "EN", dateformat: "2 January 2006" },
          menus: { main: [{ name: "Blog", pageref: "posts", weight: 10 }] },
        },
        "zh-cn": {
          languagecode: "zh-cn",
          languagename: "简体中文",
          weight: 1,
          title: "我的博客",
          params: { displayname: "中文", isocode: "zh-CN", dateformat: "2006年1月2日" },
          menus: {
            main: [{ name: "博客", pageref: "posts", weight: 10 }],
            footer: [{ name: "标签", pageref: "tags" }],
          },
        },
      },
      params: {
        colorscheme: "blowfish",
        defaultappearance: "light",
        homepage: { layout: "profile", showrecent: true },
        article: { showdate: true, showauthor: true, sharinglinks: ["linkedin", "twitter"] },
      },
    });
    assert.equal(config.spelling.get("languages.zh-cn.menus.main"), "languages.zh-cn.menus.main");
    assert.equal(config.spelling.get("languages.zh-cn.params.isocode"), "languages.zh-cn.params.isoCode");
    assert.equal(config.spelling.get("params.homepage.showrecent"), "params.homepage.showRecent");
    assert.equal(config.sourceOf.get("languages.zh-cn.menus.footer"), path.join(dir, "menus.zh-cn.toml"));
    assert.equal(config.sourceOf.get("languages.en.params.dateformat"), path.join(dir, "languages.en.toml"));
    assert.equal(config.sourceOf.get("params.article.sharinglinks"), path.join(dir, "params.toml"));
    assert.equal(config.sourceOf.get("pagination.pagersize"), path.join(dir, "config.toml"));
  });

  it("lays config/<environment>/ over _default/ for that environment only", () => {
    const files = { ...blowfish, "config/production/params.toml": "[article]\nshowAuthor = false\n" };
    const production = read(files, "production");
    const article = (values: Record<string, unknown>) => (values.params as { article: Record<string, unknown> }).article;
    assert.deepEqual(article(production.config.values), { showdate: true, showauthor: false, sharinglinks: ["linkedin", "twitter"] });
    assert.equal(production.config.sourceOf.get("params.article.showauthor"), path.join(production.root, "config", "production", "params.toml"));
    assert.equal(production.config.sourceOf.get("params.article.showdate"), path.join(production.root, "config", "_default", "params.toml"));
    assert.equal(production.config.files.at(-1), path.join(production.root, "config", "production", "params.toml"));

    const development = read(files, "development");
    assert.equal(article(development.config.values).showauthor, true);
    assert.ok(!development.config.files.some((file) => file.includes(`${path.sep}production${path.sep}`)));
  });

  it("reads the root file first and lets the config directory win, maps merged, lists and values replaced", () => {
    const { root, config } = read({
      "hugo.toml": ['title = "Root"', 'copyright = "root"', "[params]", '  colorScheme = "ocean"', '  tags = ["a", "b"]', "[params.article]", "  showDate = false", "  showAuthor = false"].join("\n"),
      "config/_default/hugo.toml": 'title = "Dir"\n',
      "config/_default/params.yaml": ["tags: [c]", "article:", "  showAuthor: true"].join("\n"),
    });
    assert.deepEqual(config.values, {
      title: "Dir",
      copyright: "root",
      params: { colorscheme: "ocean", tags: ["c"], article: { showdate: false, showauthor: true } },
    });
    assert.deepEqual(config.files, [path.join(root, "hugo.toml"), path.join(root, "config", "_default", "hugo.toml"), path.join(root, "config", "_default", "params.yaml")]);
    assert.equal(config.sourceOf.get("title"), path.join(root, "config", "_default", "hugo.toml"));
    assert.equal(config.sourceOf.get("copyright"), path.join(root, "hugo.toml"));
    assert.equal(config.sourceOf.get("params.tags"), path.join(root, "config", "_default", "params.yaml"));
    assert.equal(config.sourceOf.get("params.article.showdate"), path.join(root, "hugo.toml"));
  });

  it("forgets where a value came from once a later file replaces its map by a value", () => {
    const { root, config } = read({
      "hugo.toml": "[params.social]\nx = \"me\"\n",
      "config/_default/params.toml": 'social = "none"\n',
    });
    assert.deepEqual(config.values.params, { social: "none" });
    assert.equal(config.sourceOf.get("params.social"), path.join(root, "config", "_default", "params.toml"));
    assert.equal(config.sourceOf.has("params.social.x"), false);
  });

  it("maps file names to keys as Hugo does: menu is menus, other <key>.<lang> files fill the language, sub-folders count", () => {
    const { root, config } = read({
      "config/_default/hugo.yaml": "menu:\n  main:\n    - name: Home\n",
      "config/_default/menu.fr.toml": '[[main]]\nname = "Accueil"\n',
      "config/_default/params.fr.toml": 'dateFormat = "2 January 2006"\n',
      "config/_default/markup.fr.toml": 'languageName = "Français"\n',
      "config/_default/config.fr.toml": "weight = 3\n",
      "config/_default/languages.toml": '[fr]\ntitle = "Mon blog"\n[fr.menu]\nfooter = []\n',
      "config/_default/menus/menus.de.toml": '[[main]]\nname = "Start"\n',
      "config/_default/notes.txt": "not configuration",
    });
    assert.deepEqual(config.values, {
      menus: { main: [{ name: "Home" }] },
      languages: {
        de: { menus: { main: [{ name: "Start" }] } },
        fr: {
          weight: 3,
          menus: { main: [{ name: "Accueil" }], footer: [] },
          languagename: "Français",
          params: { dateformat: "2 January 2006" },
          title: "Mon blog",
        },
      },
    });
    assert.equal(config.spelling.get("menus"), "menu");
    assert.equal(config.spelling.get("languages.fr.menus.footer"), "languages.fr.menu.footer");
    const dir = path.join(root, "config", "_default");
    assert.deepEqual(
      config.files,
      ["config.fr.toml", "hugo.yaml", "languages.toml", "markup.fr.toml", "menu.fr.toml", "menus/menus.de.toml", "params.fr.toml"].map((name) => path.join(dir, name)),
    );
  });

  it("merges menu and menus of one file under menus, menus winning a clash", () => {
    const { config } = read({ "hugo.toml": ['[[menu.main]]', 'name = "Old"', '[[menus.main]]', 'name = "New"', '[[menu.footer]]', 'name = "Foot"'].join("\n") });
    assert.deepEqual(config.values.menus, { main: [{ name: "New" }], footer: [{ name: "Foot" }] });
  });
});

describe("readHugoConfig: mistakes and absence", () => {
  const cases: Array<[string, Record<string, string>, string, number, number, RegExp]> = [
    ["TOML", { "hugo.toml": 'title = "ok"\nbaseURL = \n' }, "hugo.toml", 2, 11, /key = "value"/],
    ["YAML", { "config/_default/params.yaml": "article:\n  showAuthor: true\n   showDate: false\n" }, "config/_default/params.yaml", 3, 12, /indent/],
    ["JSON", { "hugo.json": '{\n  "title": "x",\n}\n' }, "hugo.json", 3, 1, /double quotes/],
  ];
  for (const [format, files, relative, line, column, hint] of cases) {
    it(`names the file, line and column of a ${format} syntax error`, () => {
      const { root, error } = failure(files);
      assert.equal(error.file, displayPath(path.join(root, relative)));
      assert.deepEqual([error.line, error.column], [line, column]);
      assert.match(error.problem, /^The Hugo configuration does not parse: \S/);
      assert.doesNotMatch(error.problem, /\n/);
      assert.match(error.hint, hint);
      assert.ok(error.message.startsWith(`${error.file}:${line}:${column}: `));
    });
  }

  it("refuses a file whose top level is not a map", () => {
    const { root, error } = failure({ "config/_default/params.yaml": "- one\n- two\n" });
    assert.equal(error.file, displayPath(path.join(root, "config", "_default", "params.yaml")));
    assert.match(error.problem, /not a set of keys and values/);
  });

  it("is undefined with no configuration at all, and lists no files", () => {
    const root = makeContent({ "content/posts/a/index.md": "---\ntitle: A\n---\n", "config/staging/params.toml": "x = 1\n", "hugo.txt": "" });
    assert.equal(readHugoConfig(root, "production"), undefined);
    assert.deepEqual(hugoConfigFiles(root, "production"), []);
  });

  it("hugoConfigFiles lists exactly the files readHugoConfig reads, in order", () => {
    const root = makeContent({
      ...blowfish,
      "hugo.toml": 'title = "root"\n',
      "config.toml": 'title = "never read"\n',
      "config/production/params.toml": "x = 1\n",
      "config/development/params.toml": "x = 2\n",
      "config/_default/README.md": "notes",
    });
    const listed = hugoConfigFiles(root, "production");
    assert.deepEqual(listed, readHugoConfig(root, "production")!.files);
    assert.equal(listed.length, 8);
    assert.equal(listed[0], path.join(root, "hugo.toml"));
    assert.equal(listed.at(-1), path.join(root, "config", "production", "params.toml"));
    assert.ok(listed.every((file) => path.isAbsolute(file) && !file.endsWith("README.md")));
    assert.ok(!listed.includes(path.join(root, "config.toml")));
    assert.deepEqual(hugoConfigFiles(root, "development").at(-1), path.join(root, "config", "development", "params.toml"));
  });
});
