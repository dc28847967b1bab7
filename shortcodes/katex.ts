import { html } from "./html.ts";
import type { Shortcode } from "./shortcode.ts";

/**
 * Blowfish's `{{< katex >}}`: shows nothing; a page that calls it has its math rendered (`$$…$$`, `\[…\]`, `\(…\)`),
 * at build time, as MathML (lib/render/math.ts).
 */
export const katex: Shortcode<Record<string, never>> = {
  name: "katex",
  takesInner: false,
  readParams() {
    return {};
  },
  render() {
    return html``;
  },
};
