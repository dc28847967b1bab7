import fs from "node:fs";
import path from "node:path";
import { writeImage } from "../make-sample-images.ts";
import { buildOurs, table } from "./measure.ts";
import { temporaryDir } from "../temporary-dir.ts";

/**
 * The image case: a site of 50 posts holding 200 generated photos (4 each, one of them the feature image),
 * built cold (empty image cache) and again with the cache the first build filled.
 */
export async function benchImages(): Promise<string> {
  const content = temporaryDir("bench-images-content-");
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
  const cache = temporaryDir("bench-images-cache-");
  const env = { BLOG_IMAGE_CACHE: cache, BLOG_BUILD_CACHE: temporaryDir("bench-images-build-cache-") };
  const cold = await buildOurs(content, temporaryDir("bench-images-out-"), env);
  const warm = await buildOurs(content, temporaryDir("bench-images-out-"), env);
  // A text edit makes the whole site build again (only the site cache is stale): every image comes from the cache.
  fs.appendFileSync(path.join(content, "posts/post-0/index.md"), "\nOne more sentence.\n");
  const edited = await buildOurs(content, temporaryDir("bench-images-out-"), env);
  const encoded = fs.readdirSync(cache).length;
  return [
    `Images: 50 posts, 200 source photos (1800×1200 JPEG), ${encoded} encoded files (AVIF + WebP widths, social crops)`,
    table([
      { build: "cold (empty cache)", seconds: cold.seconds.toFixed(2), "peak MiB": cold.peakMiB?.toFixed(0) ?? "?" },
      { build: "second, nothing changed (site restored)", seconds: warm.seconds.toFixed(2), "peak MiB": warm.peakMiB?.toFixed(0) ?? "?" },
      { build: "one post's text edited (images cached)", seconds: edited.seconds.toFixed(2), "peak MiB": edited.peakMiB?.toFixed(0) ?? "?" },
    ]),
    `second / cold = ${(warm.seconds / cold.seconds).toFixed(3)}, edited / cold = ${(edited.seconds / cold.seconds).toFixed(3)}`,
  ].join("\n");
}
