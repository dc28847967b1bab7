import { html } from "./html.ts";
import { checkedHref, isExternal, ParamError, Params, type Shortcode } from "./shortcode.ts";

export interface FigureParams {
  src: string;
  alt: string | undefined;
  caption: string | undefined;
  title: string | undefined;
  link: string | undefined;
  target: string | undefined;
  rel: string | undefined;
  className: string | undefined;
  width: string | undefined;
  height: string | undefined;
  attr: string | undefined;
  attrLink: string | undefined;
}

/**
 * `{{< figure src="photo.jpg" alt="…" caption="**Markdown**" >}}`, Hugo's and Blowfish's figure: an image with its
 * caption, optionally a link. The image is an ordinary `<img>` of the post, so it takes the same way as one written
 * in Markdown: found beside the post, under the site root or in static/, made responsive with its size, a missing
 * file reported at this call. Remote images are left as written.
 */
export const figure: Shortcode<FigureParams> = {
  name: "figure",
  takesInner: false,
  readParams(args) {
    const params = new Params("figure", args, {
      named: ["src", "alt", "caption", "title", "link", "href", "target", "rel", "class", "width", "height", "nozoom", "default", "attr", "attrlink", "loading"],
      positional: 0,
    });
    params.boolean("nozoom");
    params.boolean("default");
    const size = (name: string) => {
      const value = params.string(name);
      if (value !== undefined && !/^\d{1,5}$/.test(value)) throw new ParamError(`"${name}" must be a number of pixels, not "${value}"`, `Write ${name}="640"`);
      return value;
    };
    const link = params.string("link") ?? params.string("href");
    const attrLink = params.string("attrlink");
    const className = params.string("class");
    if (className !== undefined && !/^[A-Za-z0-9_: -]*$/.test(className)) throw new ParamError(`"${className}" is not a list of class names`, "Use letters, digits, -, _ and : separated by spaces");
    return {
      src: checkedHref(params.required("src"), "figure", "src"),
      alt: params.string("alt"),
      caption: params.string("caption"),
      title: params.string("title"),
      link: link === undefined ? undefined : checkedHref(link, "figure", "link"),
      target: params.string("target"),
      rel: params.string("rel"),
      className,
      width: size("width"),
      height: size("height"),
      attr: params.string("attr"),
      attrLink: attrLink === undefined ? undefined : checkedHref(attrLink, "figure", "attrlink"),
    };
  },
  render(params, { markdown }) {
    // Hugo's figure uses the caption, else the title, as the image's description when no alt is given.
    const img = html`<img src="${params.src}" alt="${params.alt ?? params.caption ?? params.title ?? ""}"${params.width ? html` width="${params.width}"` : ""}${params.height ? html` height="${params.height}"` : ""}>`;
    const relations = new Set((params.rel ?? "").split(/\s+/).filter(Boolean));
    if (params.link && (isExternal(params.link) || params.target === "_blank")) relations.add("noopener");
    const image = params.link
      ? html`<a href="${params.link}"${params.target ? html` target="${params.target}"` : ""}${relations.size > 0 ? html` rel="${[...relations].join(" ")}"` : ""}>${img}</a>`
      : img;
    const attribution = params.attr ? (params.attrLink ? html`<a href="${params.attrLink}">${markdown(params.attr, { inline: true })}</a>` : markdown(params.attr, { inline: true })) : undefined;
    const caption =
      params.title || params.caption || attribution
        ? html`<figcaption>${params.title ? html`<strong class="figure-title">${params.title}</strong> ` : ""}${params.caption ? markdown(params.caption, { inline: true }) : ""}${attribution ? html` <span class="figure-attribution">${attribution}</span>` : ""}</figcaption>`
        : "";
    return html`<figure class="figure${params.className ? html` ${params.className}` : ""}">${image}${caption}</figure>`;
  },
};
