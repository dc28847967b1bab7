import fs from "node:fs";
import path from "node:path";
import { temporaryDir } from "../temporary-dir.ts";
import { buildOurs, median, table } from "./measure.ts";

/** Chinese and English prose with headings and code, repeated until the body reaches `bytes`. */
function body(bytes: number): string {
  const section = (n: number) =>
    `## 第 ${n} 部分 Part ${n}\n\n${"扩散模型把噪声一步步变成图像，每一步都去掉一点噪声。".repeat(12)}\n\nDiffusion models turn noise into images, one small step at a time. **Each** step removes a little noise.\n\n\`\`\`python\nfor step in range(${n}):\n    image = denoise(image, step)\n\`\`\`\n\n`;
  let text = "";
  for (let n = 1; Buffer.byteLength(text) < bytes; n++) text += section(n);
  return text;
}

function site(postBytes: number): string {
  const content = temporaryDir("bench-large-post-");
  const dir = path.join(content, "posts", "long-read");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "index.md"), `---\ntitle: "A long read"\ndate: 2024-01-01\ntags: ["bench"]\n---\n\n${body(postBytes)}`);
  return content;
}

/**
 * The large-post case: one 3 MB post (about 1,500 sections of Chinese, English and code), cold builds without the
 * search index, against the same site with a 3 KB post, alternating in one run.
 */
export async function benchLargePost(): Promise<string> {
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const sites = { large: site(3 * 1024 * 1024), small: site(3 * 1024) };
  const seconds: Record<keyof typeof sites, number[]> = { large: [], small: [] };
  for (let run = 0; run < runs; run++) {
    for (const name of ["small", "large"] as const) {
      const env = { BLOG_BUILD_CACHE: temporaryDir("bench-large-cache-"), BLOG_IMAGE_CACHE: temporaryDir("bench-large-images-"), BLOG_SEARCH: "0" };
      seconds[name].push((await buildOurs(sites[name], temporaryDir("bench-large-out-"), env)).seconds);
    }
  }
  const large = median(seconds.large);
  const small = median(seconds.small);
  return [
    `One post of 3 MB against one of 3 KB, cold builds without search, median of ${runs}`,
    table([
      { post: "3 KB (baseline)", seconds: small.toFixed(2) },
      { post: "3 MB", seconds: large.toFixed(2) },
    ]),
    `3 MB / 3 KB = ${(large / small).toFixed(2)}`,
  ].join("\n");
}
