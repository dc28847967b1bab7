import { embedPlaceholder } from "./embed-placeholder.ts";
import { readVideoSnapshot } from "./embed-snapshots.ts";
import { ParamError, Params, type Shortcode } from "./shortcode.ts";

export interface YoutubeParams {
  id: string;
  title: string | undefined;
  start: number | undefined;
  end: number | undefined;
  mute: boolean;
  loop: boolean;
  controls: boolean;
  className: string | undefined;
}

const idPattern = /^[A-Za-z0-9_-]{11}$/;

/**
 * `{{< youtube ID >}}`, Hugo's parameters. Nothing loads from YouTube until the reader asks: the page shows a
 * poster with a play button that is a plain link to the video (so it works without JavaScript), and the
 * click-to-load script swaps in the youtube-nocookie.com player.
 */
export const youtube: Shortcode<YoutubeParams> = {
  name: "youtube",
  takesInner: false,
  scripts: ["/js/embeds.js"],

  readParams(args) {
    const params = new Params("youtube", args, {
      named: ["id", "title", "start", "end", "autoplay", "mute", "loop", "controls", "class", "loading", "allowFullScreen"],
      positional: 1,
    });
    const id = params.required("id", 0);
    if (!idPattern.test(id)) {
      throw new ParamError(
        `"${id}" is not a YouTube video id (11 characters of A–Z, a–z, 0–9, _ and -)`,
        "Copy the id from the video's address: https://www.youtube.com/watch?v=<id>",
      );
    }
    const className = params.string("class");
    if (className !== undefined && !/^[A-Za-z0-9_ -]*$/.test(className)) {
      throw new ParamError(`"${className}" is not a list of class names`, "Use letters, digits, - and _ separated by spaces");
    }
    const start = params.wholeNumber("start");
    const end = params.wholeNumber("end");
    if (start !== undefined && end !== undefined && end <= start) {
      throw new ParamError(`"end" (${end}) must be after "start" (${start})`, "Give the end in seconds from the start of the video");
    }
    // A click always starts the player, so `autoplay` is accepted (Hugo has it) but changes nothing.
    params.boolean("autoplay");
    params.boolean("allowFullScreen");
    return {
      id,
      title: params.string("title"),
      start,
      end,
      mute: params.boolean("mute") ?? false,
      loop: params.boolean("loop") ?? false,
      controls: params.boolean("controls") ?? true,
      className,
    };
  },

  render(params, { translate, embedData }) {
    const kept = readVideoSnapshot(embedData("youtube", params.id), "youtube");
    const title = params.title ?? kept?.title ?? translate("youtubeDefaultTitle", { id: params.id });
    const watch = new URL("https://www.youtube.com/watch");
    watch.searchParams.set("v", params.id);
    if (params.start) watch.searchParams.set("t", `${params.start}s`);
    const player = new URL(`https://www.youtube-nocookie.com/embed/${params.id}`);
    player.searchParams.set("autoplay", "1");
    if (params.start) player.searchParams.set("start", String(params.start));
    if (params.end) player.searchParams.set("end", String(params.end));
    if (params.mute) player.searchParams.set("mute", "1");
    if (!params.controls) player.searchParams.set("controls", "0");
    if (params.loop) player.searchParams.set("loop", "1"), player.searchParams.set("playlist", params.id);
    return embedPlaceholder({
      kind: "video",
      playerUrl: player.toString(),
      fallbackUrl: watch.toString(),
      title,
      label: translate("youtubePlay", { title }),
      notice: translate("youtubeNotice"),
      allow: "accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share",
      className: ["youtube-embed", params.className].filter(Boolean).join(" "),
      data: { "youtube-id": params.id },
      poster: kept?.thumbnail,
      byline: kept?.author?.name,
    });
  },
};
