import { html } from "./html.ts";
import { inlineInner, Params, type Shortcode } from "./shortcode.ts";

/** `{{< badge >}}New{{< /badge >}}`, Blowfish's badge: a small pill in the line of text. */
export const badge: Shortcode<Record<string, never>> = {
  name: "badge",
  takesInner: true,
  readParams(args) {
    new Params("badge", args, { named: [], positional: 0 });
    return {};
  },
  render(_params, { inner }) {
    return html`<span class="badge">${inlineInner(inner)}</span>`;
  },
};
