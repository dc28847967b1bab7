import { html } from "./html.ts";
import { readGistSnapshot } from "./embed-snapshots.ts";
import { icon } from "./icons.ts";
import { ParamError, Params, type Shortcode } from "./shortcode.ts";
import { socialCard } from "./social-card.ts";

export interface GistParams {
  user: string;
  id: string;
  file: string | undefined;
}

/**
 * Hugo's `{{< gist user 23932424365401ffa5e9d9810102a477 [file] >}}`: a card linking to the gist on GitHub. Hugo
 * embeds GitHub's script; nothing is loaded from GitHub here.
 */
export const gist: Shortcode<GistParams> = {
  name: "gist",
  takesInner: false,
  readParams(args) {
    const params = new Params("gist", args, { named: ["user", "id", "file"], positional: 3 });
    const user = params.required("user", 0);
    const id = params.required("id", 1);
    if (!/^[A-Za-z0-9-]{1,39}$/.test(user)) throw new ParamError(`"${user}" is not a GitHub user name`, "Write the name from the gist's address: https://gist.github.com/<user>/<id>");
    if (!/^[0-9a-f]{5,40}$/i.test(id)) throw new ParamError(`"${id}" is not a gist id`, "Copy the id from the gist's address: https://gist.github.com/<user>/<id>");
    return { user, id, file: params.string("file", 2) };
  },
  render({ user, id, file }, { translate, embedData }) {
    const url = `https://gist.github.com/${user}/${id}${file ? `#file-${file.replace(/[^A-Za-z0-9]+/g, "-").toLowerCase()}` : ""}`;
    const kept = readGistSnapshot(embedData("gist", id));
    const files = file ? [file] : (kept?.files ?? []);
    return socialCard({
      kind: "gist",
      cite: url,
      quoteClass: "social-card-quote",
      quote: [
        html`${icon("github")} ${translate("gistBy", { user })}${files.length > 0 ? html`: ${files.map((name, i) => html`${i > 0 ? ", " : ""}<code>${name}</code>`)}` : ""}`,
        ...(kept?.description ? [kept.description] : []),
      ],
      caption: html`<a class="gist-card-link" href="${url}">${translate("gistOpen")}</a>`,
    });
  },
};
