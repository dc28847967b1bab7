import { html } from "./html.ts";
import { Params, type Shortcode } from "./shortcode.ts";

/**
 * `{{< gallery >}}<img src="a.jpg" class="grid-w33" />…{{< /gallery >}}`, Blowfish's gallery: the images laid out
 * in rows, each as wide as its class says (`grid-w10` to `grid-w100` in steps of 5, `grid-w33`, `grid-w66`, with
 * `sm:`, `md:`, `lg:`, `xl:` prefixes for wider screens). Each image is made responsive like any other.
 */
export const gallery: Shortcode<Record<string, never>> = {
  name: "gallery",
  takesInner: true,
  readParams(args) {
    new Params("gallery", args, { named: [], positional: 0 });
    return {};
  },
  render(_params, { inner }) {
    return html`<div class="gallery">${inner?.html}</div>`;
  },
};
