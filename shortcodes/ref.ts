import { html } from "./html.ts";
import { ParamError, Params, type Shortcode } from "./shortcode.ts";

export interface RefParams {
  path: string;
  fragment: string;
}

function readRef(name: string) {
  return (args: Parameters<Shortcode["readParams"]>[0]): RefParams => {
    const target = new Params(name, args, { named: ["path", "lang", "outputFormat"], positional: 1 }).required("path", 0);
    const hash = target.indexOf("#");
    return hash === -1 ? { path: target, fragment: "" } : { path: target.slice(0, hash), fragment: target.slice(hash) };
  };
}

/**
 * Hugo's `{{< ref "posts/x.md" >}}` (the page's absolute URL) and `{{< relref "posts/x.md#part" >}}` (its path on
 * the site), written where a link's address goes: `[text]({{< relref "x" >}})`. A page that does not exist stops
 * the build, as in Hugo, naming the closest pages.
 */
function refShortcode(name: "ref" | "relref"): Shortcode<RefParams> {
  return {
    name,
    takesInner: false,
    usesSite: true,
    readParams: readRef(name),
    render({ path, fragment }, { site, page }) {
      if (!site) throw new Error(`${name} needs the site index`);
      const target = path === "" ? site.findPost(page.url) : site.findRef(path, page.url);
      if (!target) {
        const nearest = site.nearestUrls(`/${path.replace(/\.(md|markdown)$/, "").replace(/\/(_?index)(\.[\w-]+)?$/, "")}/`.replace(/\/+/g, "/"));
        throw new ParamError(
          `No page is "${path}"`,
          `Give the page's file from the content folder (posts/my-post/index.md), its path (/posts/my-post/) or its folder's name${nearest.length > 0 ? `; did you mean ${nearest.join(" or ")}?` : ""}`,
          { problem: "missingTarget" },
        );
      }
      return html`${name === "ref" ? site.absoluteUrl(target.url) : target.url}${fragment}`;
    },
  };
}

export const ref = refShortcode("ref");
export const relref = refShortcode("relref");
