import { html } from "./html.ts";
import { icon, isIcon, unknownIcon } from "./icons.ts";
import { Params, type Shortcode } from "./shortcode.ts";

/** `{{< timeline >}}…timelineItem calls…{{< /timeline >}}`, Blowfish's timeline: events in order, on a line. */
export const timeline: Shortcode<Record<string, never>> = {
  name: "timeline",
  takesInner: true,
  readParams(args) {
    new Params("timeline", args, { named: [], positional: 0 });
    return {};
  },
  render(_params, { inner }) {
    return html`<ol class="timeline">${inner?.html}</ol>`;
  },
};

export interface TimelineItemParams {
  icon: string | undefined;
  header: string | undefined;
  badge: string | undefined;
  subheader: string | undefined;
}

/** `{{< timelineItem icon="star" header="…" badge="2024" subheader="…" >}}Markdown{{< /timelineItem >}}`. */
export const timelineItem: Shortcode<TimelineItemParams> = {
  name: "timelineItem",
  takesInner: true,
  readParams(args) {
    const params = new Params("timelineItem", args, { named: ["icon", "header", "badge", "subheader", "md"], positional: 0 });
    // Blowfish's `md` switches Markdown in the text on; here it is always on.
    params.boolean("md");
    const read: TimelineItemParams = { icon: params.string("icon"), header: params.string("header"), badge: params.string("badge"), subheader: params.string("subheader") };
    if (read.icon !== undefined && !isIcon(read.icon)) throw unknownIcon(read.icon, "icon", { ...read, icon: undefined });
    return read;
  },
  render(params, { inner }) {
    return html`<li class="timeline-item">
<span class="timeline-marker">${params.icon ? icon(params.icon) : ""}</span>
<div class="timeline-body">
${params.header || params.badge ? html`<p class="timeline-header">${params.header ? html`<strong>${params.header}</strong>` : ""}${params.badge ? html` <span class="badge">${params.badge}</span>` : ""}</p>` : ""}
${params.subheader ? html`<p class="timeline-subheader">${params.subheader}</p>` : ""}
${inner?.html}
</div>
</li>`;
  },
};
