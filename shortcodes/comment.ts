import { html } from "./html.ts";
import type { Shortcode } from "./shortcode.ts";

/** Hugo's `{{% comment %}}…{{% /comment %}}`: a note to the author, left out of the page. */
export const comment: Shortcode<Record<string, never>> = {
  name: "comment",
  takesInner: true,
  readParams() {
    return {};
  },
  render() {
    return html``;
  },
};
