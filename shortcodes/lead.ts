import { html } from "./html.ts";
import { Params, type Shortcode } from "./shortcode.ts";

/** `{{< lead >}}…{{< /lead >}}`, Blowfish's opening paragraph: the inner Markdown, set larger. */
export const lead: Shortcode<Record<string, never>> = {
  name: "lead",
  takesInner: true,
  readParams(args) {
    new Params("lead", args, { named: [], positional: 0 });
    return {};
  },
  render(_params, { inner }) {
    return html`<div class="lead">${inner?.html}</div>`;
  },
};
