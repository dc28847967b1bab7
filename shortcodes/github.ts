import { repoCard } from "./repo-card.ts";
import { ParamError, Params, type Shortcode } from "./shortcode.ts";

export interface GithubParams {
  owner: string;
  name: string;
}

/**
 * Blowfish's `{{< github repo="owner/name" >}}`: the repository's card. `showThumbnail` is accepted; GitHub's
 * preview image is never loaded from GitHub by the reader's browser.
 */
export const github: Shortcode<GithubParams> = {
  name: "github",
  takesInner: false,
  readParams(args) {
    const params = new Params("github", args, { named: ["repo", "showThumbnail"], positional: 0 });
    params.boolean("showThumbnail");
    const repo = params.required("repo").trim();
    const match = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/.exec(repo);
    if (!match) throw new ParamError(`"${repo}" is not a GitHub repository`, 'Write repo="owner/name", as in https://github.com/owner/name');
    return { owner: match[1]!, name: match[2]! };
  },
  render({ owner, name }, context) {
    return repoCard({ kind: "github", id: `${owner}/${name}`, url: `https://github.com/${owner}/${name}`, owner, name, host: "GitHub", mark: "github" }, context);
  },
};
