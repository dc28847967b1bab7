/**
 * The one way this project builds HTML in TypeScript: a tagged template that escapes every interpolated value,
 * so no parameter, title or front matter value can reach the page as markup. Already-safe HTML (rendered
 * Markdown, our own SVG icons, nested `html` results) is marked with `trustedHtml` and passes through.
 */
export class SafeHtml {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  toString(): string {
    return this.#value;
  }
}

type Interpolation = SafeHtml | string | number | boolean | null | undefined | readonly Interpolation[];

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => escapes[character] ?? character);
}

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.toString();
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? "");
  return new SafeHtml(out);
}

/** Marks HTML this program produced itself (Markdown output, bundled icons) as safe to insert unescaped. */
export function trustedHtml(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
