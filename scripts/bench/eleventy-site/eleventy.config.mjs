// A stock Eleventy 3 site for the build-speed baseline: plain config, one layout, posts and tag pages, the
// corpus's shortcodes left as text. Input comes from BENCH_CORPUS.
import path from "node:path";

export default function (eleventyConfig) {
  const input = process.env.BENCH_CORPUS;
  eleventyConfig.setInputDirectory(path.relative(process.cwd(), input));
  eleventyConfig.setIncludesDirectory(path.relative(input, path.join(import.meta.dirname, "layouts")));
  eleventyConfig.addGlobalData("layout", "post.njk");
  eleventyConfig.addTemplate(
    "tag-pages.njk",
    "<h1>{{ tag }}</h1><ul>{% for post in collections[tag] %}<li><a href=\"{{ post.url }}\">{{ post.data.title }}</a></li>{% endfor %}</ul>",
    { pagination: { data: "collections", size: 1, alias: "tag", filter: ["all"] }, permalink: "/tags/{{ tag | lower | replace(' ', '-') }}/", layout: "post.njk" },
  );
}

export const config = {
  markdownTemplateEngine: false,
  templateFormats: ["md", "njk"],
};
