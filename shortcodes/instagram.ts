import { html } from "./html.ts";
import { ParamError, Params, type Shortcode } from "./shortcode.ts";
import { socialCard } from "./social-card.ts";

/**
 * Hugo's `{{< instagram CxOWiQNP2MO >}}`: a card linking to the post on Instagram (the same card an Instagram embed
 * pasted into a post becomes). Hugo fetches the post at build time; nothing is fetched here.
 */
export const instagram: Shortcode<{ id: string }> = {
  name: "instagram",
  takesInner: false,
  readParams(args) {
    const params = new Params("instagram", args, { named: ["id", "hidecaption"], positional: 2 });
    const id = params.required("id", 0);
    if (!/^[A-Za-z0-9_-]{5,40}$/.test(id)) throw new ParamError(`"${id}" is not an Instagram post id`, "Copy the id from the post's address: https://www.instagram.com/p/<id>/");
    return { id };
  },
  render({ id }, { translate }) {
    const url = `https://www.instagram.com/p/${id}/`;
    return socialCard({ kind: "instagram", cite: url, quoteClass: "instagram-media", quote: "Instagram", caption: html`<a href="${url}">${translate("instagramOpen")}</a>` });
  },
};
