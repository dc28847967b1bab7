import fs from "node:fs";
import path from "node:path";
import type { SafeHtml } from "../../shortcodes/html.ts";
import { pictureHtml, plainImgHtml, setImageCacheDir, takePublished, type ResponsiveImage } from "../render/images.ts";
import type { FeatureImage } from "../render/read-page.ts";
import type { EleventyConfig } from "../types/eleventy.ts";

export interface ImagesPluginOptions {
  /** Where encoded images are kept between builds; delete it to re-encode everything. */
  cacheDir: string;
}

/** How wide the feature image is shown: across the text column in the post header, as a card's picture. */
const featureSizes = {
  header: "(min-width: 44rem) 41.5rem, calc(100vw - 2.5rem)",
  card: "(min-width: 40rem) 14rem, calc(100vw - 2.5rem)",
};

/**
 * Images of the pages (see images.ts for how they are made): the feature-image filter the layouts use, and the
 * step that links the encoded files each build uses from the cache into the output.
 */
export function imagesPlugin(eleventyConfig: EleventyConfig, options: ImagesPluginOptions): void {
  setImageCacheDir(options.cacheDir);

  eleventyConfig.addFilter("featureImage", (image: FeatureImage, place: keyof typeof featureSizes, className: string): SafeHtml => {
    const eager = place === "header";
    if (!image.responsive) {
      const size: Record<string, number> = image.width && image.height ? { width: image.width, height: image.height } : {};
      return plainImgHtml(image.url, "", { class: className, ...size }, eager);
    }
    return pictureHtml(image.responsive, { alt: "", sizes: featureSizes[place], eager, attributes: { class: className } });
  });

  // An author's picture beside their name: the name says who it is, so the picture needs no text of its own.
  eleventyConfig.addFilter("avatarImage", (image: ResponsiveImage): SafeHtml => pictureHtml(image, { alt: "", sizes: "5rem", attributes: { class: "author-avatar" } }));

  eleventyConfig.on("eleventy.after", ({ directories }: { directories: { output: string } }) => {
    for (const [url, file] of takePublished()) {
      const target = path.join(directories.output, url);
      if (fs.existsSync(target)) continue;
      fs.mkdirSync(path.dirname(target), { recursive: true });
      try {
        // A hard link costs nothing and the cache is on the same disk as the output, usually.
        fs.linkSync(file, target);
      } catch {
        fs.copyFileSync(file, target);
      }
    }
  });
}
