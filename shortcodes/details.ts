import { html } from "./html.ts";
import { Params, type Shortcode } from "./shortcode.ts";

export interface DetailsParams {
  summary: string | undefined;
  open: boolean;
  className: string | undefined;
  name: string | undefined;
  title: string | undefined;
}

/** Hugo's `{{< details summary="…" open=true >}}Markdown{{< /details >}}`: a section the reader unfolds. */
export const details: Shortcode<DetailsParams> = {
  name: "details",
  takesInner: true,
  readParams(args) {
    const params = new Params("details", args, { named: ["summary", "open", "class", "name", "title"], positional: 0 });
    return { summary: params.string("summary"), open: params.boolean("open") ?? false, className: params.string("class"), name: params.string("name"), title: params.string("title") };
  },
  render(params, { inner, markdown, translate }) {
    const summary = params.summary === undefined ? html`${translate("details")}` : markdown(params.summary, { inline: true });
    return html`<details class="details${params.className ? html` ${params.className}` : ""}"${params.open ? html` open` : ""}${params.name ? html` name="${params.name}"` : ""}${params.title ? html` title="${params.title}"` : ""}>
<summary>${summary}</summary>
<div class="details-content">${inner?.html}</div>
</details>`;
  },
};
