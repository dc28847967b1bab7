/**
 * Hugo's menus as a site declares them (`menus.main`, `menus.footer`; per language in a site of several): entries
 * with a `name`, a page (`pageRef`: its content path or URL, resolved to the page by the site index) or a `url`, a
 * `weight` to order them, an `identifier`, `pre` (Blowfish: an icon name shown before the name) and `params`.
 */
export interface MenuEntry {
  name: string;
  /** A page of the site, as Hugo's pageRef names it ("/posts", "posts/first/index.md"); resolved when built. */
  pageRef: string | undefined;
  /** A link as written (another site, or a path of this one). */
  url: string | undefined;
  weight: number;
  identifier: string | undefined;
  pre: string | undefined;
  params: Record<string, unknown>;
}

export type Menus = Record<string, MenuEntry[]>;

type Fail = (key: string, expected: string) => never;

const isMap = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** `menus` of the settings (or of one language), keys read as Hugo reads them: in any letter case. */
export function readMenus(raw: unknown, where: string, fail: Fail): Menus {
  if (raw === undefined) return {};
  if (!isMap(raw)) return fail(where, 'an object of menus, e.g. { "main": [{ "name": "Posts", "pageRef": "/posts" }] }');
  const menus: Menus = {};
  for (const [menuName, entries] of Object.entries(raw)) {
    const list = Array.isArray(entries) ? entries : isMap(entries) ? [entries] : fail(`${where}.${menuName}`, "a list of entries");
    menus[menuName.toLowerCase()] = list
      .map((entry, index) => readEntry(entry, `${where}.${menuName}[${index}]`, fail))
      // Hugo's order: by weight (unweighted last), then by name.
      .sort((a, b) => (a.weight || Infinity) - (b.weight || Infinity) || a.name.localeCompare(b.name));
  }
  return menus;
}

function readEntry(raw: unknown, where: string, fail: Fail): MenuEntry {
  if (!isMap(raw)) return fail(where, 'an entry such as { "name": "Posts", "pageRef": "/posts", "weight": 10 }');
  const given = Object.fromEntries(Object.entries(raw).map(([key, value]) => [key.toLowerCase(), value]));
  const text = (key: string): string | undefined => {
    const value = given[key];
    if (value === undefined) return undefined;
    return typeof value === "string" ? value : fail(`${where}.${key}`, "a text");
  };
  const name = text("name") ?? text("identifier") ?? fail(`${where}.name`, "the text of the menu entry");
  const pageRef = text("pageref");
  const url = text("url");
  if (pageRef === undefined && url === undefined) fail(where, 'a "pageRef" (a page of the site) or a "url"');
  const weight = given.weight ?? 0;
  if (typeof weight !== "number") fail(`${where}.weight`, "a number");
  const params = given.params ?? {};
  if (!isMap(params)) fail(`${where}.params`, "an object");
  return { name, pageRef, url, weight: weight as number, identifier: text("identifier"), pre: text("pre"), params: params as Record<string, unknown> };
}
