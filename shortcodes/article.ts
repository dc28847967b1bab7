import { html } from "./html.ts";
import { ParamError, Params, type Shortcode } from "./shortcode.ts";

export interface ArticleParams {
  link: string;
  /** Blowfish's switches: the summary shown (the default here, as on list pages) or not, in full or in three lines. */
  showSummary: boolean | undefined;
  compactSummary: boolean;
}

/**
 * `{{< article link="/posts/slug/" >}}`: a card of another post of this site (feature image, title, date,
 * reading time, summary), the same card the list pages show. A link to a post that does not exist stops the
 * build and names the closest existing links; Blowfish silently renders nothing.
 */
export const article: Shortcode<ArticleParams> = {
  name: "article",
  takesInner: false,
  usesSite: true,

  readParams(args) {
    const params = new Params("article", args, { named: ["link", "showSummary", "compactSummary"], positional: 0 });
    const raw = params.required("link").trim();
    if (!raw.startsWith("/") || raw.startsWith("//")) {
      throw new ParamError(`"${raw}" is not a link within this site`, 'Give the post\'s path from the site root, e.g. link="/posts/my-post/"');
    }
    let path = raw.split(/[?#]/)[0]!;
    try {
      path = decodeURI(path);
    } catch {
      // Keep it as written: it will be reported as missing with suggestions.
    }
    return { link: path.endsWith("/") ? path : `${path}/`, showSummary: params.boolean("showSummary"), compactSummary: params.boolean("compactSummary") ?? false };
  },

  render({ link, showSummary, compactSummary }, { site, page }) {
    if (!site) throw new Error("article needs the site index");
    const target = site.findPost(link);
    if (!target) {
      const missing = site.whyMissing(link);
      if (missing) throw new ParamError(`The post at ${link} ${missing.problem}`, missing.hint, { problem: missing.dated ? "datedTarget" : "missingTarget" });
      const nearest = site.nearestUrls(link);
      throw new ParamError(
        `No post has the URL ${link}`,
        nearest.length > 0 ? `Did you mean ${nearest.join(" or ")}?` : "Check the link; posts live at /posts/<folder>/",
        { problem: "missingTarget" },
      );
    }
    // A card of the page itself would lead nowhere: Blowfish shows nothing.
    if (target.url === page.url) return html``;
    return html`<div class="article-card">${site.card(target, { showSummary, compactSummary })}</div>`;
  },
};
