/**
 * A synthetic content folder of N posts, realistic for this site: page bundles with YAML front matter, bodies of
 * about 1,200 words mixing Chinese and English, Markdown of every kind the seed uses, and every shortcode.
 * Deterministic: the same seed and N always write the same bytes.
 */
import fs from "node:fs";
import path from "node:path";
import { seededRandom } from "../seeded-random.ts";

const zhWords = (
  "人工智能 机器学习 深度学习 模型 数据 训练 推理 图像 文本 生成 扩散 网络 参数 算法 研究 产品 用户 体验 设计 团队 " +
  "公司 市场 技术 社区 开源 版权 伦理 成本 质量 速度 显卡 内存 接口 工具 流程 创作 艺术 音乐 视频 语言 翻译 搜索 " +
  "系统 平台 服务 应用 场景 问题 方法 结果 实验 论文 提示词 风格 细节 时间 未来 过去 今天 变化 影响 价值"
).split(" ");
const zhGlue = "的 了 和 在 是 把 让 对 从 与 也 都 就 还 又 很 更 最 能 会 要 可以 已经 正在 因为 所以 但是 如果".split(" ");
const enWords = (
  "model data training inference image text diffusion network research product user design team open source " +
  "copyright cost quality speed memory tool workflow art music video language search system platform service " +
  "prompt style detail future change impact value pipeline latency benchmark dataset weights sampler scheduler " +
  "checkpoint tokenizer embedding gradient attention transformer encoder decoder"
).split(" ");
const enGlue = "the a of to and in is that for with on as it this by from can will more than".split(" ");
const categoryPool = ["产品", "战略", "技术", "Engineering", "Research", "设计", "Culture"];
const tagPool = [
  "Stable Diffusion", "Midjourney", "Dall-e", "人工智能", "机器学习", "深度学习", "GPT-3", "开源", "Python", "JavaScript",
  "Rust", "Go", "产品化", "教程", "Prompt", "Transformer", "数据集", "GPU", "Hugo", "Eleventy", "性能", "隐私",
];
const codeSamples: Array<[string, string]> = [
  ["python", "import torch\n\ndef generate(prompt: str, steps: int = 30) -> list[float]:\n    noise = torch.randn(4, 64, 64)\n    for step in range(steps):\n        noise = noise * 0.98\n    return noise.tolist()\n"],
  ["javascript", "export async function fetchPosts(limit = 10) {\n  const response = await fetch(`/api/posts?limit=${limit}`);\n  if (!response.ok) throw new Error(response.statusText);\n  return (await response.json()).items;\n}\n"],
  ["bash", "python3 -m venv ~/sd-env\nsource ~/sd-env/bin/activate\npip install diffusers transformers accelerate\npython generate.py --prompt \"a lighthouse at dawn\"\n"],
  ["go", "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfor i := 0; i < 3; i++ {\n\t\tfmt.Println(\"step\", i)\n\t}\n}\n"],
];

export interface CorpusOptions {
  posts: number;
  seed?: number;
}

export interface CorpusPost {
  slug: string;
  draft: boolean;
}

/** Writes the corpus into `dir` (created if missing); returns the posts in order. */
export function writeCorpus(dir: string, options: CorpusOptions): CorpusPost[] {
  const random = seededRandom(options.seed ?? 20221025);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const pickSome = <T>(list: readonly T[], min: number, max: number): T[] => {
    const count = min + Math.floor(random() * (max - min + 1));
    const chosen = new Set<T>();
    while (chosen.size < count) chosen.add(pick(list));
    return [...chosen];
  };
  const zhSentence = (length: number) => {
    let text = "";
    for (let i = 0; i < length; i++) text += random() < 0.35 ? pick(zhGlue) : pick(zhWords);
    return `${text}${pick(["。", "，", "；", "！", "？"])}`.replace(/[，；]$/, "。");
  };
  const enSentence = (length: number) => {
    const words = Array.from({ length }, () => (random() < 0.4 ? pick(enGlue) : pick(enWords)));
    const text = words.join(" ");
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  };
  const youtubeId = () => Array.from({ length: 11 }, () => pick([..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"])).join("");

  const posts: CorpusPost[] = [];
  const seriesNames = Array.from({ length: Math.max(1, Math.ceil(options.posts / 30)) }, (_, i) => `${pick(zhWords)}${pick(zhWords)}系列 ${i + 1}`);
  const seriesCounters = new Map<string, number>();
  const start = Date.UTC(2018, 0, 1);
  const span = Date.UTC(2024, 11, 31) - start;

  fs.mkdirSync(path.join(dir, "_data"), { recursive: true });
  fs.writeFileSync(
    path.join(dir, "_data", "site.json"),
    `${JSON.stringify({ title: "Bench Notes", description: "A generated site for measuring build speed.", baseURL: "https://bench.example.org/", language: "zh-CN", timeZone: "UTC" }, null, 2)}\n`,
  );

  for (let index = 0; index < options.posts; index++) {
    const slug = `post-${String(index).padStart(5, "0")}`;
    const draft = random() < 0.01;
    const date = new Date(start + Math.floor((span * index) / options.posts) + Math.floor(random() * 86_400_000)).toISOString().slice(0, 10);
    const title = random() < 0.5 ? `${pick(zhWords)}与${pick(zhWords)}：${zhSentence(4).slice(0, -1)}` : enSentence(5).slice(0, -1);
    const lines = [
      "---",
      `title: ${JSON.stringify(title)}`,
      `summary: ${JSON.stringify(random() < 0.5 ? zhSentence(20) : enSentence(18))}`,
      `date: ${date}`,
      `categories: ${JSON.stringify(pickSome(categoryPool, 1, 2))}`,
      `tags: ${JSON.stringify(pickSome(tagPool, 2, 5))}`,
    ];
    if (random() < 1 / 3) {
      const series = pick(seriesNames);
      const order = (seriesCounters.get(series) ?? 0) + 1;
      seriesCounters.set(series, order);
      lines.push(`series: [${JSON.stringify(series)}]`, `series_order: ${order}`);
    }
    lines.push(`draft: ${draft}`, "---", "");

    const links: string[] = [];
    const link = (text: string) => {
      links.push(`https://example.com/${slug}/ref-${links.length + 1}`);
      return `[${text}][${links.length}]`;
    };
    const paragraph = () => {
      if (random() < 0.55) {
        const sentences = Array.from({ length: 4 + Math.floor(random() * 3) }, () => zhSentence(10 + Math.floor(random() * 8)));
        sentences[1] = `**${pick(zhWords)}${pick(zhWords)}**，${sentences[1]}`;
        sentences[2] = `${sentences[2]!.slice(0, -1)}的_${pick(zhWords)}_。`;
        sentences[3] = `${link(pick(zhWords))}${sentences[3]}`;
        return sentences.join("");
      }
      const sentences = Array.from({ length: 5 + Math.floor(random() * 3) }, () => enSentence(10 + Math.floor(random() * 8)));
      sentences[1] = `*${pick(enWords)}* ${sentences[1]}`;
      sentences[2] = `${link(pick(enWords))} ${sentences[2]}`;
      return sentences.join(" ");
    };

    const body: string[] = [paragraph(), paragraph()];
    body.push(`{{< alert "${pick(["circle-info", "lightbulb", "triangle-exclamation", "fire"])}" >}}\n**${pick(zhWords)}**：${zhSentence(12)} [${pick(enWords)}](https://example.com/${slug}/note)\n{{< /alert >}}`);
    body.push(`## ${zhSentence(5).slice(0, -1)}`, paragraph(), paragraph());
    body.push(Array.from({ length: 4 }, () => `- **${pick(zhWords)}**：${zhSentence(8)}`).join("\n"));
    body.push(`{{< youtube ${youtubeId()} >}}`);
    body.push(`### ${enSentence(4).slice(0, -1)}`, paragraph());
    const [language, code] = pick(codeSamples);
    body.push(`\`\`\`${language}\n${code}\`\`\``);
    body.push(paragraph(), `## ${zhSentence(4).slice(0, -1)}`, paragraph());
    body.push(`{{< tweet user="${pick(["mkbhd", "openai", "huggingface", "StabilityAI"])}" id="${1_500_000_000_000_000_000 + Math.floor(random() * 1e15)}" >}}`);
    body.push(paragraph(), paragraph());
    const earlier = posts.filter((post) => !post.draft);
    if (earlier.length > 0) body.push(`{{< article link="/posts/${pick(earlier).slug}/" >}}`);
    body.push(paragraph(), paragraph());
    body.push(links.map((url, i) => `[${i + 1}]:\t${url}`).join("\n"));

    const bundle = path.join(dir, "posts", slug);
    fs.mkdirSync(bundle, { recursive: true });
    fs.writeFileSync(path.join(bundle, "index.md"), `${lines.join("\n")}${body.join("\n\n")}\n`);
    posts.push({ slug, draft });
  }
  return posts;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [target, count] = process.argv.slice(2);
  if (!target) {
    console.error("Usage: node --import ./lib/typescript-loader.mjs scripts/bench/corpus.ts <folder> [posts]");
    process.exitCode = 1;
  } else {
    const posts = writeCorpus(path.resolve(target), { posts: Number(count ?? 1000) });
    console.log(`Wrote ${posts.length} posts to ${target}`);
  }
}
