import { alert } from "./alert.ts";
import { article } from "./article.ts";
import type { Shortcode } from "./shortcode.ts";
import { tweet } from "./tweet.ts";
import { x } from "./x.ts";
import { youtube } from "./youtube.ts";

/** The one registry of shortcodes: a call's name is looked up here and nowhere else. */
export const shortcodes: ReadonlyMap<string, Shortcode> = new Map(
  ([alert, article, tweet, x, youtube] as Shortcode[]).map((shortcode) => [shortcode.name, shortcode]),
);
