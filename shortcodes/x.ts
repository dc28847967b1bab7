import type { Shortcode } from "./shortcode.ts";
import { tweet } from "./tweet.ts";

/** `{{< x user="u" id="n" >}}`: Hugo's newer name for `tweet`, same card. */
export const x: Shortcode<ReturnType<typeof tweet.readParams>> = { ...tweet, name: "x" };
