import { embedPlaceholder } from "./embed-placeholder.ts";
import { readVideoSnapshot } from "./embed-snapshots.ts";
import { ParamError, Params, type Shortcode } from "./shortcode.ts";

export interface VimeoParams {
  id: string;
  title: string | undefined;
  className: string | undefined;
}

/**
 * Hugo's `{{< vimeo 146022717 >}}` (or `id=`, `title`, `class`): like `youtube`, a poster that is a plain link to
 * the video, swapped for Vimeo's player (without tracking: `dnt=1`) only when the reader clicks.
 */
export const vimeo: Shortcode<VimeoParams> = {
  name: "vimeo",
  takesInner: false,
  scripts: ["/js/embeds.js"],
  readParams(args) {
    const params = new Params("vimeo", args, { named: ["id", "title", "class", "loading", "allowFullScreen"], positional: 2 });
    const id = params.required("id", 0);
    if (!/^\d{1,12}$/.test(id)) throw new ParamError(`"${id}" is not a Vimeo video id (digits)`, "Copy the digits from the video's address: https://vimeo.com/<id>");
    const className = params.string("class", 1);
    if (className !== undefined && !/^[A-Za-z0-9_ -]*$/.test(className)) throw new ParamError(`"${className}" is not a list of class names`, "Use letters, digits, - and _ separated by spaces");
    params.boolean("allowFullScreen");
    return { id, title: params.string("title"), className };
  },
  render({ id, title: given, className }, { translate, embedData }) {
    const kept = readVideoSnapshot(embedData("vimeo", id), "vimeo");
    const title = given ?? kept?.title ?? translate("vimeoDefaultTitle", { id });
    return embedPlaceholder({
      kind: "video",
      playerUrl: `https://player.vimeo.com/video/${id}?dnt=1&autoplay=1`,
      fallbackUrl: `https://vimeo.com/${id}`,
      title,
      label: translate("vimeoPlay", { title }),
      notice: translate("vimeoNotice"),
      allow: "autoplay; fullscreen; picture-in-picture",
      className: ["vimeo-embed", className].filter(Boolean).join(" "),
      data: { "vimeo-id": id },
      poster: kept?.thumbnail,
      byline: kept?.author?.name,
    });
  },
};
