import { html } from "./html.ts";
import { icon as iconSvg, isIcon, unknownIcon } from "./icons.ts";
import { Params, type Shortcode } from "./shortcode.ts";

/** `{{< icon "github" >}}`: an icon in the line of text, as tall as the text. Decorative: screen readers skip it. */
export const icon: Shortcode<{ name: string }> = {
  name: "icon",
  takesInner: false,
  readParams(args) {
    const params = new Params("icon", args, { named: ["name"], positional: 1 });
    const name = params.required("name", 0);
    if (!isIcon(name)) throw unknownIcon(name, "name");
    return { name };
  },
  render({ name }) {
    return html`<span class="icon-inline">${iconSvg(name)}</span>`;
  },
};
