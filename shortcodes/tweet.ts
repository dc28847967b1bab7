import { html } from "./html.ts";
import { socialCard } from "./social-card.ts";
import { ParamError, Params, type Shortcode } from "./shortcode.ts";

export interface TweetParams {
  user: string;
  id: string;
}

/**
 * `{{< tweet user="u" id="n" >}}`: a static card linking to the post on x.com. Hugo fetches the post's text from
 * X when it builds; we never use the network at build time and never load X's widgets.js in the reader's browser.
 */
export const tweet: Shortcode<TweetParams> = {
  name: "tweet",
  takesInner: false,

  readParams(args) {
    const params = new Params(this.name, args, { named: ["user", "id"], positional: 0 });
    const user = params.required("user").replace(/^@/, "");
    const id = params.required("id");
    if (!/^[A-Za-z0-9_]{1,15}$/.test(user)) {
      throw new ParamError(`"${user}" is not an X user name (1–15 letters, digits or _)`, 'Write the name without the @, e.g. user="mkbhd"');
    }
    if (!/^\d{1,20}$/.test(id)) {
      throw new ParamError(`"${id}" is not a post id (digits only)`, "Copy the digits after /status/ in the post's address");
    }
    return { user, id };
  },

  render({ user, id }, { translate }) {
    const postUrl = `https://x.com/${user}/status/${id}`;
    return socialCard({
      kind: "tweet",
      cite: postUrl,
      quoteClass: "social-card-quote",
      quote: translate("tweetBy", { user }),
      caption: html`<a class="tweet-card-user" href="https://x.com/${user}">@${user}</a> · <a class="tweet-card-link" href="${postUrl}">${translate("tweetOpen")}</a>`,
    });
  },
};
