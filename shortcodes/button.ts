import { html } from "./html.ts";
import { checkedHref, inlineInner, isExternal, ParamError, Params, type Shortcode } from "./shortcode.ts";

export interface ButtonParams {
  href: string | undefined;
  target: string | undefined;
  rel: string | undefined;
}

/**
 * `{{< button href="…" target="_self" >}}Label{{< /button >}}`, Blowfish's button: a link styled as one. A link to
 * another site, or one that opens a new tab, gets `rel="noopener"` (it never hands this page to the other one).
 */
export const button: Shortcode<ButtonParams> = {
  name: "button",
  takesInner: true,
  readParams(args) {
    const params = new Params("button", args, { named: ["href", "target", "rel"], positional: 0 });
    const href = params.string("href");
    const target = params.string("target")?.trim();
    if (target !== undefined && !/^(_self|_blank|_parent|_top|[A-Za-z][\w-]*)$/.test(target)) {
      throw new ParamError(`"${target}" is not a link target`, 'Write target="_blank" (a new tab) or target="_self"');
    }
    const rel = params.string("rel")?.trim();
    if (rel !== undefined && !/^[a-z -]*$/i.test(rel)) throw new ParamError(`"${rel}" is not a list of link relations`, 'Write rel="noopener" or rel="external nofollow"');
    return { href: href === undefined ? undefined : checkedHref(href, "button", "href"), target, rel };
  },
  render({ href, target, rel }, { inner }) {
    const relations = new Set((rel ?? "").split(/\s+/).filter(Boolean));
    if (href && (isExternal(href) || target === "_blank")) relations.add("noopener");
    return html`<a class="button"${href ? html` href="${href}"` : ""}${target ? html` target="${target}"` : ""}${relations.size > 0 ? html` rel="${[...relations].join(" ")}"` : ""}>${inlineInner(inner)}</a>`;
  },
};
