import { repoCard } from "./repo-card.ts";
import { ParamError, Params, type Shortcode } from "./shortcode.ts";

/** Blowfish's `{{< huggingface model="owner/name" >}}` or `dataset="owner/name"`: the card of a model or data set. */
export const huggingface: Shortcode<{ kind: "model" | "dataset"; owner: string; name: string }> = {
  name: "huggingface",
  takesInner: false,
  readParams(args) {
    const params = new Params("huggingface", args, { named: ["model", "dataset"], positional: 0 });
    const model = params.string("model");
    const dataset = params.string("dataset");
    if ((model === undefined) === (dataset === undefined)) {
      throw new ParamError("huggingface needs either model or dataset", 'Write model="owner/name" or dataset="owner/name"');
    }
    const id = (model ?? dataset)!.trim();
    const match = /^(?:([A-Za-z0-9._-]{1,96})\/)?([A-Za-z0-9._-]{1,96})$/.exec(id);
    if (!match) throw new ParamError(`"${id}" is not a Hugging Face ${model ? "model" : "data set"}`, 'Write "owner/name", as in https://huggingface.co/owner/name');
    return { kind: model ? "model" : "dataset", owner: match[1] ?? "", name: match[2]! };
  },
  render({ kind, owner, name }, context) {
    const id = owner ? `${owner}/${name}` : name;
    const url = `https://huggingface.co/${kind === "dataset" ? "datasets/" : ""}${id}`;
    return repoCard({ kind: "huggingface", id: `${kind}/${id}`, url, owner, name, host: "Hugging Face", mark: "hugging-face" }, context);
  },
};
