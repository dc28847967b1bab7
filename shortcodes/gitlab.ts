import { readRepositoryFacts } from "./embed-snapshots.ts";
import { repoCard } from "./repo-card.ts";
import { checkedHref, ParamError, Params, type Shortcode } from "./shortcode.ts";

/**
 * Blowfish's `{{< gitlab projectID="278964" baseURL="https://gitlab.com/" >}}`: the project's card. Without the
 * network the project's name is unknown until `npm run embeds` keeps it: the card links to the project by its id.
 */
export const gitlab: Shortcode<{ projectId: string; baseUrl: string }> = {
  name: "gitlab",
  takesInner: false,
  readParams(args) {
    const params = new Params("gitlab", args, { named: ["projectID", "baseURL"], positional: 0 });
    const projectId = params.required("projectID");
    if (!/^\d{1,12}$/.test(projectId)) throw new ParamError(`"${projectId}" is not a GitLab project id`, "Copy the project ID from the project's page (digits)");
    const baseUrl = checkedHref(params.string("baseURL") ?? "https://gitlab.com/", "gitlab", "baseURL");
    if (!/^https?:\/\//.test(baseUrl)) throw new ParamError(`"${baseUrl}" is not a web address`, 'Write baseURL="https://gitlab.example.com/"');
    return { projectId, baseUrl: baseUrl.replace(/\/?$/, "/") };
  },
  render({ projectId, baseUrl }, context) {
    const { path } = readRepositoryFacts(context.embedData("gitlab", projectId));
    const [owner, name] = path ? [path.split("/").slice(0, -1).join("/"), path.split("/").at(-1)!] : ["", `#${projectId}`];
    return repoCard({ kind: "gitlab", id: projectId, url: path ? new URL(path, baseUrl).href : `${baseUrl}projects/${projectId}`, owner, name, host: new URL(baseUrl).host, mark: "gitlab" }, context);
  },
};
