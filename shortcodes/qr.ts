import { createRequire } from "node:module";
import type QRCodeModule from "qrcode";
import { html } from "./html.ts";
import { ParamError, Params, type Shortcode } from "./shortcode.ts";

// Loaded by the first call: few posts have one.
let loaded: typeof QRCodeModule | undefined;
const qrCode = (): typeof QRCodeModule => (loaded ??= createRequire(import.meta.url)("qrcode") as typeof QRCodeModule);

export interface QrParams {
  text: string | undefined;
  level: "L" | "M" | "Q" | "H";
  scale: number;
  alt: string | undefined;
  className: string | undefined;
  title: string | undefined;
}

/**
 * Hugo's `{{< qr text="https://…" />}}` (or the text between `{{< qr >}}` and `{{< /qr >}}`): a QR code drawn as
 * inline SVG at build time, one path of dark modules, crisp at any size. `level` is the error correction.
 */
export const qr: Shortcode<QrParams> = {
  name: "qr",
  takesInner: "optional",
  readParams(args) {
    const params = new Params("qr", args, { named: ["text", "level", "scale", "alt", "class", "title", "loading", "targetDir"], positional: 0 });
    const level = (params.string("level") ?? "medium").toLowerCase();
    const levels: Record<string, QrParams["level"]> = { low: "L", medium: "M", quartile: "Q", high: "H", l: "L", m: "M", q: "Q", h: "H" };
    if (!levels[level]) throw new ParamError(`"${level}" is not an error correction level`, 'Write level="low", "medium", "quartile" or "high"');
    const scale = params.wholeNumber("scale") ?? 4;
    if (scale < 1 || scale > 40) throw new ParamError(`scale ${scale} is out of range`, "Give a scale from 1 to 40 (pixels per module)");
    return { text: params.string("text"), level: levels[level]!, scale, alt: params.string("alt"), className: params.string("class"), title: params.string("title") };
  },
  render(params, { inner }) {
    const text = params.text ?? inner?.source.trim();
    if (!text) throw new ParamError("The QR code has no text", 'Give it: {{< qr text="https://example.com/" />}}');
    const { modules } = qrCode().create(text, { errorCorrectionLevel: params.level });
    const margin = 4;
    const size = modules.size + margin * 2;
    // One rectangle per run of dark modules in a row: a fraction of the path one square per module would take.
    let path = "";
    for (let y = 0; y < modules.size; y++) {
      for (let x = 0; x < modules.size; x++) {
        if (!modules.get(x, y)) continue;
        let run = 1;
        while (x + run < modules.size && modules.get(x + run, y)) run++;
        path += `M${x + margin} ${y + margin}h${run}v1h-${run}z`;
        x += run - 1;
      }
    }
    const pixels = size * params.scale;
    const label = params.alt ?? text;
    return html`<svg class="qr-code${params.className ? html` ${params.className}` : ""}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${pixels}" height="${pixels}" role="img" aria-label="${label}" shape-rendering="crispEdges">${params.title ? html`<title>${params.title}</title>` : ""}<rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`;
  },
};
