/**
 * Generates the sample images of the bundled site (the seed post's thumbnails and the feature images of the
 * other sample posts) and of the test fixtures. They are committed, so a build never needs this step; run it
 * again only to change them: npm run make-sample-images
 */
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { seededRandom } from "./seeded-random.ts";

const projectDir = path.join(import.meta.dirname, "..");

/** An abstract, painterly picture: soft colour fields and glowing shapes, like a diffusion model's draft. */
export function abstractArtSvg(width: number, height: number, seed: number): string {
  const random = seededRandom(seed);
  const hue = Math.floor(random() * 360);
  const colour = (offset: number, lightness: number) =>
    `hsl(${(hue + offset) % 360} ${45 + Math.floor(random() * 40)}% ${lightness}%)`;
  const shapes: string[] = [];
  for (let i = 0; i < 14; i++) {
    const cx = Math.round(random() * width);
    const cy = Math.round(random() * height);
    const r = Math.round((0.08 + random() * 0.35) * Math.min(width, height));
    shapes.push(
      `<circle cx="${cx}" cy="${cy}" r="${r}" fill="url(#glow${i % 3})" opacity="${(0.35 + random() * 0.5).toFixed(2)}"/>`,
    );
  }
  for (let i = 0; i < 5; i++) {
    const y = Math.round(random() * height);
    shapes.push(
      `<path d="M0 ${y} C ${width * 0.3} ${y - 120 * random()}, ${width * 0.6} ${y + 160 * random()}, ${width} ${y}" ` +
        `stroke="${colour(180, 85)}" stroke-width="${(2 + random() * 6).toFixed(1)}" fill="none" opacity="0.45"/>`,
    );
  }
  const glows = [0, 1, 2]
    .map(
      (i) =>
        `<radialGradient id="glow${i}"><stop offset="0" stop-color="${colour(40 * (i + 1), 75)}"/>` +
        `<stop offset="1" stop-color="${colour(40 * (i + 1), 35)}" stop-opacity="0"/></radialGradient>`,
    )
    .join("");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${colour(0, 22)}"/>` +
    `<stop offset="1" stop-color="${colour(200, 40)}"/></linearGradient>${glows}</defs>` +
    `<rect width="100%" height="100%" fill="url(#sky)"/>${shapes.join("")}</svg>`
  );
}

export async function writeImage(file: string, width: number, height: number, seed: number): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const svg = abstractArtSvg(width, height, seed);
  if (file.endsWith(".svg")) return fs.writeFileSync(file, `${svg}\n`);
  if (file.endsWith(".gif")) return fs.writeFileSync(file, animatedGif(width, height, seed));
  const image = sharp(Buffer.from(svg));
  if (file.endsWith(".webp")) await image.webp({ quality: 78 }).toFile(file);
  else if (file.endsWith(".png")) await image.png().toFile(file);
  else await image.jpeg({ quality: 80, mozjpeg: true }).toFile(file);
}

/**
 * A small animated GIF (two frames of stripes), written byte by byte: sharp cannot create animations here.
 * The pixels are LZW-coded the simple way, with a clear code every two pixels so the code size never grows.
 */
export function animatedGif(width: number, height: number, seed: number): Buffer {
  const palette = [0xffffff, 0x1f6feb, 0xe5534b, 0x2da44e];
  const bytes: number[] = [...Buffer.from("GIF89a"), width & 0xff, width >> 8, height & 0xff, height >> 8, 0x81, 0, 0];
  for (const colour of palette) bytes.push(colour >> 16, (colour >> 8) & 0xff, colour & 0xff);
  bytes.push(0x21, 0xff, 0x0b, ...Buffer.from("NETSCAPE2.0"), 0x03, 0x01, 0x00, 0x00, 0x00);
  for (let frame = 0; frame < 2; frame++) {
    bytes.push(0x21, 0xf9, 0x04, 0x00, 40, 0, 0, 0x00);
    bytes.push(0x2c, 0, 0, 0, 0, width & 0xff, width >> 8, height & 0xff, height >> 8, 0x00, 2);
    const codes: number[] = [];
    for (let i = 0; i < width * height; i++) {
      if (i % 2 === 0) codes.push(4);
      codes.push(1 + ((Math.floor((i % width) / 8) + Math.floor(i / width / 8) + frame + seed) % 3));
    }
    codes.push(5);
    const data: number[] = [];
    let buffer = 0;
    let bits = 0;
    for (const code of codes) {
      buffer |= code << bits;
      bits += 3;
      while (bits >= 8) {
        data.push(buffer & 0xff);
        buffer >>= 8;
        bits -= 8;
      }
    }
    if (bits > 0) data.push(buffer & 0xff);
    for (let i = 0; i < data.length; i += 255) {
      const block = data.slice(i, i + 255);
      bytes.push(block.length, ...block);
    }
    bytes.push(0);
  }
  bytes.push(0x3b);
  return Buffer.from(bytes);
}

const sampleImages: Array<{ file: string; width: number; height: number; seed: number }> = [
  // The six thumbnails the seed post's raw HTML grid references, at Stable Diffusion's usual 512×512.
  ...["000104.1330334134", "000108.1301020889", "000121.1119286522", "000126.2675941357", "000085.2682514393", "000145.2404672998"].map(
    (name) => ({
      file: `content/posts/202210-the-new-ai-hype/thumbnails/${name}.webp`,
      width: 512,
      height: 512,
      seed: Number(name.split(".")[1]),
    }),
  ),
  { file: "content/posts/202210-stable-diffusion-tutorial/feature.webp", width: 1600, height: 900, seed: 2022_10_20 },
  { file: "content/posts/202210-stable-diffusion-tutorial/webui-output.webp", width: 768, height: 512, seed: 7 },
  { file: "content/posts/202211-ai-in-production/feature.webp", width: 1600, height: 900, seed: 2022_11_15 },
  { file: "content/posts/202212-how-diffusion-draws/denoised.webp", width: 800, height: 500, seed: 2022_12_02 },
  { file: "content/posts/202212-how-diffusion-draws/noise.svg", width: 480, height: 240, seed: 2022_12_03 },
  // The picture link previews show for pages without a feature image (site.json, "shareImage"), at their 1200×630.
  { file: "content/_data/share-image.webp", width: 1200, height: 630, seed: 2022_10_05 },
  // The site author's picture (site.json, "author").
  { file: "content/_data/authors/lin-xiao.webp", width: 320, height: 320, seed: 2022_10_01 },
  { file: "test/fixtures/site/posts/with-image/feature.jpg", width: 1200, height: 800, seed: 42 },
  { file: "test/fixtures/site/posts/renamed/diagram.svg", width: 320, height: 160, seed: 43 },
  // Every kind of image a post may hold, for the image tests.
  ...[
    ["feature.jpg", 1600, 1000],
    ["red.png", 300, 200],
    ["img/photo.jpg", 2000, 1500],
    ["img/new tyler.webp", 900, 600],
    ["iphone.jpg.webp", 640, 1136],
    ["diagram.svg", 400, 200],
    ["spinner.gif", 64, 48],
  ].map(([name, width, height], seed) => ({
    file: `test/fixtures/images/posts/gallery/${name}`,
    width: Number(width),
    height: Number(height),
    seed: seed + 100,
  })),
];

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const image of sampleImages) {
    await writeImage(path.join(projectDir, image.file), image.width, image.height, image.seed);
    console.log(`wrote ${image.file}`);
  }
}
