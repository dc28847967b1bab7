import { html } from "./html.ts";
import { ParamError, Params, type Shortcode } from "./shortcode.ts";

/**
 * `{{< mermaid >}}graph LR; A --> B{{< /mermaid >}}`, Blowfish's diagram. The source (blank lines and all) is kept
 * in a marker that the build replaces with the drawn diagram once it has checked it with Mermaid's own parser
 * (lib/render/body-diagrams.ts): drawing needs work a pure function does not do.
 */
export const mermaid: Shortcode<Record<string, never>> = {
  name: "mermaid",
  takesInner: true,
  readParams(args) {
    new Params("mermaid", args, { named: [], positional: 0 });
    return {};
  },
  render(_params, { inner }) {
    const source = inner?.source.replace(/^\s*\n|\s+$/g, "") ?? "";
    if (source.trim() === "") throw new ParamError("The diagram is empty", "Write the diagram between {{< mermaid >}} and {{< /mermaid >}}");
    return diagramMarker(source);
  },
};

/** The marker of a diagram to draw: its source, exact, in a data attribute. Also made for ```mermaid code blocks. */
export function diagramMarker(source: string) {
  return html`<figure class="diagram" data-mermaid="${Buffer.from(source).toString("base64")}"></figure>`;
}
