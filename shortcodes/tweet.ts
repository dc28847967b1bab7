import { html } from "./html.ts";
import { readTweetSnapshot } from "./embed-snapshots.ts";
import { keptText, socialCard } from "./social-card.ts";
import { ParamError, Params, type Shortcode } from "./shortcode.ts";

export interface TweetParams {
  user: string;
  id: string;
}

/**
 * `{{< tweet user="u" id="n" >}}`: a static card linking to the post on x.com. Hugo fetches the post's text from
 * X when it builds; we never use the network at build time and never load X's widgets.js in the reader's browser.
 * The post's text, author and day show when `npm run embeds` has kept them; else the card names the post.
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

  render({ user, id }, { translate, embedData, page }) {
    const postUrl = `https://x.com/${user}/status/${id}`;
    const snapshot = readTweetSnapshot(embedData("tweet", id));
    if (!snapshot) {
      return socialCard({
        kind: "tweet",
        cite: postUrl,
        quoteClass: "social-card-quote",
        quote: translate("tweetBy", { user }),
        caption: html`<a class="tweet-card-user" href="https://x.com/${user}">@${user}</a> · <a class="tweet-card-link" href="${postUrl}">${translate("tweetOpen")}</a>`,
      });
    }
    // The text as it was when `npm run embeds` fetched it, its day in the reader's language.
    const { author, date } = snapshot;
    const day = date ? new Intl.DateTimeFormat(page.lang, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`)) : undefined;
    return socialCard({
      kind: "tweet",
      cite: postUrl,
      quoteClass: "social-card-quote",
      lang: snapshot.lang,
      quote: snapshot.paragraphs.map(keptText),
      caption: html`<span class="tweet-card-author">${author.name}</span> <a class="tweet-card-user" href="https://x.com/${author.handle}">@${author.handle}</a> · <a class="tweet-card-link" href="${postUrl}">${day ? html`<time datetime="${date}">${day}</time>` : translate("tweetOpen")}</a>`,
    });
  },
};
