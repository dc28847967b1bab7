import { html } from "./html.ts";
import { icon, isIcon, unknownIcon } from "./icons.ts";
import { inlineInner, Params, type Shortcode } from "./shortcode.ts";

/** `{{< keyword icon="code" >}}TypeScript{{< /keyword >}}`, Blowfish's keyword: a pill with an optional icon. */
export const keyword: Shortcode<{ icon: string | undefined }> = {
  name: "keyword",
  takesInner: true,
  readParams(args) {
    const params = new Params("keyword", args, { named: ["icon"], positional: 0 });
    const name = params.string("icon");
    if (name !== undefined && !isIcon(name)) throw unknownIcon(name, "icon", { icon: undefined });
    return { icon: name };
  },
  render(params, { inner }) {
    return html`<span class="keyword">${params.icon ? icon(params.icon) : ""}<span>${inlineInner(inner)}</span></span>`;
  },
};

/** `{{< keywordList >}}…keywords…{{< /keywordList >}}`: keywords side by side. */
export const keywordList: Shortcode<Record<string, never>> = {
  name: "keywordList",
  takesInner: true,
  readParams(args) {
    new Params("keywordList", args, { named: [], positional: 0 });
    return {};
  },
  render(_params, { inner }) {
    return html`<div class="keyword-list">${inlineInner(inner)}</div>`;
  },
};
