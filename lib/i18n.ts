/** Interface text in the languages the bundled site is written in; other languages fall back to English. */
const strings = {
  en: {
    skipToContent: "Skip to content",
    home: "Home",
    posts: "Posts",
    readingTime: "{n} min read",
    words: "{n} words",
    updated: "Updated {date}",
    draft: "Draft",
    external: "external link",
    categories: "Categories",
    tags: "Tags",
    series: "Series",
    seriesPart: "Part {n} of {total} in the series",
    currentPart: "(this post)",
    tableOfContents: "Table of contents",
    latestPosts: "Latest posts",
    buildError: "This page could not be built",
    pageNotFound: "Page not found",
    poweredBy: "Built from Markdown",
    youtubeDefaultTitle: "YouTube video {id}",
    youtubePlay: "Play video: {title}",
    youtubeNotice: "Plays from youtube-nocookie.com when you click",
    tweetBy: "Post by @{user} on X",
    tweetOpen: "Read the post on X",
  },
  zh: {
    skipToContent: "跳到正文",
    home: "首页",
    posts: "文章",
    readingTime: "阅读时间 {n} 分钟",
    words: "{n} 字",
    updated: "更新于 {date}",
    draft: "草稿",
    external: "外部链接",
    categories: "分类",
    tags: "标签",
    series: "系列",
    seriesPart: "本系列第 {n} 篇，共 {total} 篇",
    currentPart: "（本文）",
    tableOfContents: "目录",
    latestPosts: "最新文章",
    buildError: "此页面无法生成",
    pageNotFound: "页面未找到",
    poweredBy: "由 Markdown 生成",
    youtubeDefaultTitle: "YouTube 视频 {id}",
    youtubePlay: "播放视频：{title}",
    youtubeNotice: "点击后从 youtube-nocookie.com 播放",
    tweetBy: "@{user} 在 X 上的帖子",
    tweetOpen: "在 X 上阅读这条帖子",
  },
} satisfies Record<string, Record<string, string>>;

export type MessageKey = keyof typeof strings.en;

export function translate(lang: string, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const table: Record<string, string> = lang.toLowerCase().startsWith("zh") ? strings.zh : strings.en;
  const template = table[key] ?? strings.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
