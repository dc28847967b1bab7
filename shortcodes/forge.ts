import { repoCard } from "./repo-card.ts";
import { checkedHref, ParamError, Params, type Shortcode } from "./shortcode.ts";

export interface ForgeParams {
  server: string;
  owner: string;
  name: string;
}

/**
 * Blowfish's cards for the forges that run Gitea's software: `{{< gitea repo="owner/name" server="https://…" >}}`,
 * `forgejo` (the same), and `codeberg` (Codeberg's server, so no `server`).
 */
function forge(name: "gitea" | "forgejo" | "codeberg", mark: string, fixedServer?: string): Shortcode<ForgeParams> {
  return {
    name,
    takesInner: false,
    readParams(args) {
      const params = new Params(name, args, { named: fixedServer ? ["repo"] : ["repo", "server"], positional: 0 });
      const repo = params.required("repo").trim();
      const match = /^([A-Za-z0-9._-]{1,100})\/([A-Za-z0-9._-]{1,100})$/.exec(repo);
      if (!match) throw new ParamError(`"${repo}" is not a repository`, 'Write repo="owner/name"');
      const server = checkedHref(fixedServer ?? params.required("server"), name, "server");
      if (!/^https?:\/\/[^/]+/.test(server)) throw new ParamError(`"${server}" is not a web address`, 'Write server="https://git.example.com"');
      return { server: server.replace(/\/?$/, "/"), owner: match[1]!, name: match[2]! };
    },
    render({ server, owner, name: repository }, context) {
      const host = new URL(server).host;
      return repoCard({ kind: name, id: `${host}/${owner}/${repository}`, url: `${server}${owner}/${repository}`, owner, name: repository, host, mark }, context);
    },
  };
}

export const gitea = forge("gitea", "git-alt");
export const forgejo = forge("forgejo", "forgejo");
export const codeberg = forge("codeberg", "codeberg", "https://codeberg.org/");
