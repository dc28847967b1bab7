import fs from "node:fs";
import path from "node:path";
import nunjucks from "nunjucks";
import { trustedHtml } from "../../shortcodes/html.ts";
import { shortcodes as builtIn } from "../../shortcodes/index.ts";
import { ParamError, type Shortcode } from "../../shortcodes/shortcode.ts";

/**
 * Shortcodes of the site's own, as Hugo authors keep theirs in `layouts/shortcodes/`: a Nunjucks template
 * `<content>/_shortcodes/<name>.njk`, found without configuration and never published as a page. A call may be
 * paired or not. The template sees `params` (named arguments, keys as written), `args` (positional ones), `inner`
 * (the raw text between the tags; undefined when not paired), `innerHtml` (that text rendered as Markdown, marked
 * safe), `page` (`url`, `lang`) and `bundleText(path)`: the text of a file of the post's bundle (`figure.svg`) or
 * of the site (`/posts/x/a.svg`, looked up in the content folder, then static/), marked safe. Everything else is
 * escaped. A site's shortcode replaces a built-in one of the same name.
 */
export const siteShortcodeFolder = "_shortcodes";

interface Templates {
  environment: nunjucks.Environment;
  names: string[];
}

const environments = new Map<string, Templates>();

function templatesOf(contentDir: string): Templates | undefined {
  const dir = path.join(contentDir, siteShortcodeFolder);
  if (!fs.existsSync(dir)) return undefined;
  const names = fs
    .readdirSync(dir)
    .filter((file) => file.endsWith(".njk"))
    .map((file) => file.slice(0, -".njk".length))
    .sort();
  let templates = environments.get(dir);
  if (!templates) {
    // Read again at every call: the dev server shows an edited shortcode without restarting.
    templates = { environment: new nunjucks.Environment(new nunjucks.FileSystemLoader(dir, { noCache: true }), { autoescape: true }), names };
    environments.set(dir, templates);
  }
  templates.names = names;
  return templates;
}

/** The names of the site's shortcodes that replace built-in ones, to say so once. */
export function overriddenShortcodes(contentDir: string): string[] {
  return (templatesOf(contentDir)?.names ?? []).filter((name) => builtIn.has(name));
}

export interface SiteShortcodeContext {
  contentDir: string;
  staticDir: string | undefined;
  /** The content file calling them: its folder is the bundle `bundleText` reads from. */
  file: string;
}

/** The registry a file's body is rendered with: the built-in shortcodes and the site's own, which win. */
export function shortcodesFor(context: SiteShortcodeContext): ReadonlyMap<string, Shortcode> {
  const templates = templatesOf(context.contentDir);
  if (!templates || templates.names.length === 0) return builtIn;
  const registry = new Map(builtIn);
  for (const name of templates.names) registry.set(name, siteShortcode(name, templates.environment, context));
  return registry;
}

type SiteShortcodeParams = { params: Record<string, unknown>; args: unknown[] };

function siteShortcode(name: string, environment: nunjucks.Environment, context: SiteShortcodeContext): Shortcode<SiteShortcodeParams> {
  const template = `${siteShortcodeFolder}/${name}.njk`;
  return {
    name,
    takesInner: "optional",
    readParams: (args) => ({ params: Object.fromEntries(args.named), args: [...args.positional] }),
    render({ params, args }, { inner, page }) {
      let missing: ParamError | undefined;
      const bundleText = (file: unknown) => {
        const found = findFile(String(file), context);
        if (!found.file) {
          missing = new ParamError(
            `${template} asks for the file "${String(file)}", which does not exist (looked for ${found.lookedFor.join(" and ")})`,
            "Put the file in the post's folder, or give its path from the site root",
          );
          throw missing;
        }
        return new nunjucks.runtime.SafeString(fs.readFileSync(found.file, "utf8"));
      };
      try {
        const output = environment.render(`${name}.njk`, {
          params,
          args,
          inner: inner?.source,
          innerHtml: inner ? new nunjucks.runtime.SafeString(inner.html.toString()) : undefined,
          page: { url: page.url, lang: page.lang },
          bundleText,
        });
        return trustedHtml(output.trim());
      } catch (error) {
        if (missing) throw missing;
        // Nunjucks says "(file) [Line 3, Column 9]\n  what went wrong"; without a place (an unknown filter), the
        // name it gives is looked for in the template.
        const message = (error as Error).message;
        const problem = (message.split("\n").slice(1).join(" ").trim() || message).replace(/^Error: /, "");
        const given = /\[Line (\d+), Column (\d+)\]/.exec(message);
        const place = given ? `line ${given[1]}, column ${given[2]}` : lineOf(path.join(context.contentDir, template), /: (\S+)$/.exec(problem)?.[1]);
        throw new ParamError(`${template}${place ? ` ${place}` : ""}: ${problem}`, `Fix the template ${template}`);
      }
    },
  };
}

/** A file by the path a template gives: the bundle's (relative), else the site's (from the root). */
function findFile(file: string, context: SiteShortcodeContext): { file: string | undefined; lookedFor: string[] } {
  const decoded = file.split(/[?#]/)[0]!;
  const candidates = decoded.startsWith("/")
    ? [path.join(context.contentDir, decoded), ...(context.staticDir ? [path.join(context.staticDir, decoded)] : [])]
    : [path.join(path.dirname(context.file), decoded)];
  const inside = candidates.filter((candidate) =>
    [context.contentDir, context.staticDir].some((root) => root && !path.relative(root, candidate).startsWith("..")),
  );
  return { file: inside.find((candidate) => fs.statSync(candidate, { throwIfNoEntry: false })?.isFile()), lookedFor: candidates.map((candidate) => path.relative(process.cwd(), candidate)) };
}

/** "line N" of the first line of a file that mentions a name. */
function lineOf(file: string, name: string | undefined): string | undefined {
  if (!name) return undefined;
  const index = fs.readFileSync(file, "utf8").split("\n").findIndex((line) => line.includes(name));
  return index === -1 ? undefined : `line ${index + 1}`;
}
