import fs from "node:fs";
import path from "node:path";
import { writeImage } from "../make-sample-images.ts";
import { buildOurs, table, temporaryDir } from "./measure.ts";

/**
 * The image case: a site of 50 posts holding 200 generated photos (4 each, one of them the feature image),
 * built cold (empty image cache) and again with the cache the first build filled.
 */
export async function benchImages(): Promise<string> {
  const content = temporaryDir("images-content");
  fs.mkdirSync(path.join(content, "_data"), { recursive: true });
  fs.writeFileSync(path.join(content, "_data/site.json"), JSON.stringify({ title: "Image bench", language: "en" }));
  for (let post = 0; post < 50; post++) {
    const dir = path.join(content, "posts", `post-${post}`);
    const names = ["feature.jpg", "a.jpg", "b.jpg", "c.jpg"];
    for (const [i, name] of names.entries()) await writeImage(path.join(dir, name), 1800, 1200, post * 10 + i);
    fs.writeFileSync(
      path.join(dir, "index.md"),
      `---\ntitle: "Photos ${post}"\ndate: 2024-01-${String((post % 28) + 1).padStart(2, "0")}\n---\n\n${names
        .slice(1)
        .map((name) => `![Photo ${name}](${name})\n\nSome words about the picture.\n`)
        .join("\n")}`,
    );
  }
  const cache = temporaryDir("images-cache");
  const cold = await buildOurs(content, temporaryDir("images-out"), { BLOG_IMAGE_CACHE: cache });
  const warm = await buildOurs(content, temporaryDir("images-out"), { BLOG_IMAGE_CACHE: cache });
  const encoded = fs.readdirSync(cache).length;
  return [
    `Images: 50 posts, 200 source photos (1800×1200 JPEG), ${encoded} encoded files (AVIF + WebP widths, social crops)`,
    table([
      { build: "cold (empty cache)", seconds: cold.seconds.toFixed(2), "peak MiB": cold.peakMiB?.toFixed(0) ?? "?" },
      { build: "second (cache filled)", seconds: warm.seconds.toFixed(2), "peak MiB": warm.peakMiB?.toFixed(0) ?? "?" },
    ]),
    `second / cold = ${(warm.seconds / cold.seconds).toFixed(3)}`,
  ].join("\n");
}
