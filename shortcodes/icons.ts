import { fab } from "@fortawesome/free-brands-svg-icons";
import { fas } from "@fortawesome/free-solid-svg-icons";
import { nearest } from "../lib/errors.ts";
import { html, trustedHtml, type SafeHtml } from "./html.ts";
import { ParamError, type ShortcodeProblem } from "./shortcode.ts";

/**
 * The one icon registry (alert, icon, button, keyword, timeline, the repository cards): Font Awesome Free, the set
 * Blowfish's icon names come from, read from its npm packages at build time and inlined as SVG. Its icons are
 * CC BY 4.0: each SVG carries the attribution comment Font Awesome asks for (README, "Icons").
 */
type Definition = { iconName: string; icon: [number, number, Array<string | number>, string, string | string[]] };

const attribution = "<!-- Font Awesome Free by @fontawesome - https://fontawesome.com License - https://fontawesome.com/license/free -->";

function svg({ icon: [width, height, , , path] }: Definition): SafeHtml {
  const paths = (Array.isArray(path) ? path : [path]).map((d) => html`<path fill="currentColor" d="${d}"/>`);
  return html`<svg class="icon" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" aria-hidden="true" focusable="false">${trustedHtml(attribution)}${paths}</svg>`;
}

const byName = new Map<string, Definition>();
// Solid after brands: a name in both (there are few) means the solid picture, as in Blowfish.
for (const definition of [...Object.values(fab), ...Object.values(fas)] as Definition[]) {
  byName.set(definition.iconName, definition);
  for (const alias of definition.icon[2]) if (typeof alias === "string" && !byName.has(alias)) byName.set(alias, definition);
}
/** Names Blowfish authors write that Font Awesome spells otherwise. */
const aliases: Record<string, string> = { x: "x-twitter", info: "circle-info", warning: "triangle-exclamation", javascript: "js", "google-scholar": "graduation-cap" };
for (const [alias, name] of Object.entries(aliases)) if (byName.has(name)) byName.set(alias, byName.get(name)!);

const made = new Map<string, SafeHtml>();

/** The inline SVG of an icon by any name Blowfish or Font Awesome gives it; undefined for an unknown name. */
export function icon(name: string): SafeHtml | undefined {
  const definition = byName.get(name.trim().toLowerCase());
  if (!definition) return undefined;
  let markup = made.get(definition.iconName);
  if (!markup) made.set(definition.iconName, (markup = svg(definition)));
  return markup;
}

export function isIcon(name: string): boolean {
  return byName.has(name.trim().toLowerCase());
}

/**
 * A ParamError for an unknown icon, with the nearest names. Blowfish shows nothing in its place: a site being
 * migrated (`strict: false`) may let it through with `recovered` parameters.
 */
export function unknownIcon(name: string, parameter: string, recovered?: unknown): ParamError {
  const problem: ShortcodeProblem = "unknownIcon";
  return new ParamError(
    `"${name}" is not an icon (parameter "${parameter}")`,
    `Did you mean ${nearest(name.toLowerCase(), byName.keys()).join(", ")}? The names are Font Awesome Free's: https://fontawesome.com/search?ic=free`,
    { problem, recovered },
  );
}
