import { isCssColor } from "./css-color.ts";
import { html } from "./html.ts";
import { icon, isIcon, unknownIcon } from "./icons.ts";
import { ParamError, Params, type Shortcode } from "./shortcode.ts";

export interface AlertParams {
  /** Undefined only for an unknown icon let through (`strict: false`). */
  icon: string | undefined;
  cardColor: string | undefined;
  iconColor: string | undefined;
  textColor: string | undefined;
}

/**
 * `{{< alert >}}…{{< /alert >}}`, Blowfish's callout: an icon (default triangle-exclamation, or the first
 * positional argument, or `icon=`) beside the inner content rendered as Markdown, with optional colours.
 */
export const alert: Shortcode<AlertParams> = {
  name: "alert",
  takesInner: true,

  readParams(args) {
    const params = new Params("alert", args, { named: ["icon", "cardColor", "iconColor", "textColor"], positional: 1 });
    const requested = params.string("icon", 0) ?? "triangle-exclamation";
    // Blowfish shows an unknown icon as none and passes any colour into the style: a site being migrated
    // (`strict: false`) gets the callout without them, the first problem reported.
    const problems: ParamError[] = [];
    const colour = (name: string) => {
      const value = params.string(name);
      if (value === undefined || isCssColor(value)) return value?.trim();
      problems.push(
        new ParamError(`"${value}" is not a CSS colour (parameter "${name}")`, 'Write a colour such as "#e63946", "rgb(29 53 87)" or "teal"', {
          problem: "unknownColour",
        }),
      );
      return undefined;
    };
    const read: AlertParams = {
      icon: isIcon(requested) ? requested : undefined,
      cardColor: colour("cardColor"),
      iconColor: colour("iconColor"),
      textColor: colour("textColor"),
    };
    if (!read.icon) problems.unshift(unknownIcon(requested, "icon"));
    const [first] = problems;
    if (first) throw new ParamError(first.message, first.hint, { problem: first.tolerable!.problem, recovered: read });
    return read;
  },

  render(params, { inner }) {
    const style = [
      params.cardColor && `--alert-card:${params.cardColor}`,
      params.iconColor && `--alert-icon:${params.iconColor}`,
      params.textColor && `--alert-ink:${params.textColor}`,
    ]
      .filter(Boolean)
      .join(";");
    return html`<div class="alert" role="note"${style ? html` style="${style}"` : ""}>
${params.icon ? html`<span class="alert-icon">${icon(params.icon)}</span>\n` : ""}<div class="alert-content">
${inner?.html}
</div>
</div>`;
  },
};
