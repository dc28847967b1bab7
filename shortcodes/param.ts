import { html } from "./html.ts";
import { ParamError, Params, type Shortcode } from "./shortcode.ts";

/** Hugo's `{{< param "key" >}}`: a value of the page's front matter (dotted keys reach into tables). */
export const param: Shortcode<{ key: string }> = {
  name: "param",
  takesInner: false,
  readParams(args) {
    return { key: new Params("param", args, { named: ["name"], positional: 1 }).required("name", 0) };
  },
  render({ key }, { page }) {
    let value: unknown = page.params;
    for (const part of key.toLowerCase().split(".")) {
      value = value && typeof value === "object" ? (value as Record<string, unknown>)[part] ?? lowerCased(value)[part] : undefined;
    }
    if (value === undefined || value === null || (typeof value === "object" && !Array.isArray(value) && !(value instanceof Date))) {
      throw new ParamError(`The front matter has no value "${key}"`, `Add ${key}: … to the front matter, or fix the name`);
    }
    const text = Array.isArray(value) ? value.join(", ") : value instanceof Date ? value.toISOString() : String(value);
    return html`${text}`;
  },
};

function lowerCased(table: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(table).map(([key, value]) => [key.toLowerCase(), value]));
}
