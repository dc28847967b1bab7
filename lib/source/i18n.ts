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
    authors: "Authors",
    postsBy: "Posts by {name}",
    scheduled: "Scheduled for {date}",
    expired: "Expired",
    share: "Share",
    shareOn: "Share on {network}",
    shareByEmail: "Share by email",
    newTab: "opens in a new tab",
    website: "{name}'s website",
    editPage: "Edit this page",
    relatedPosts: "Related posts",
    breadcrumbs: "Breadcrumbs",
    aboutAuthor: "About the author",
    termDescription: "{count} posts in the {taxonomy} “{term}”",
    archive: "Archive",
    allPosts: "All posts",
    postCount: { one: "{count} post", other: "{count} posts" },
    pagination: "Pages",
    previousPage: "Previous",
    nextPage: "Next",
    pageNumber: "Page {n}",
    newerPost: "Newer post",
    olderPost: "Older post",
    previousPart: "Previous part",
    nextPart: "Next part",
    otherLanguages: "Also in",
    redirecting: "This page has moved to",
    notFoundText: "The page you are looking for is not here. It may have moved, or the address may be mistyped.",
    backHome: "Back to the home page",
    feed: "Feed",
    mainNavigation: "Main",
    footerNavigation: "Footer",
    languages: "Languages",
    search: "Search",
    searchLabel: "Search the posts",
    searchNone: "No post matches.",
    searchCount: { one: "{count} post found.", other: "{count} posts found." },
    searchError: "The search could not run. Try again after reloading the page.",
    searchNeedsScript: "Searching needs JavaScript. You can also browse:",
    darkTheme: "Dark theme",
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
    embedLoad: "Load the embedded content from {host}",
    embedNotice: "Loads from {host} when you click",
    instagramOpen: "View this post on Instagram",
    vimeoDefaultTitle: "Vimeo video {id}",
    vimeoPlay: "Play video: {title}",
    vimeoNotice: "Plays from player.vimeo.com when you click",
    gistBy: "Gist by {user}",
    gistOpen: "Read the code on GitHub",
    repositoryOn: "Repository on {host}",
    details: "Details",
    diagram: "Diagram",
    diagramSource: "Diagram source",
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
    authors: "作者",
    postsBy: "{name}的文章",
    scheduled: "定于 {date} 发布",
    expired: "已过期",
    share: "分享",
    shareOn: "分享到{network}",
    shareByEmail: "通过邮件分享",
    newTab: "在新标签页中打开",
    website: "{name}的网站",
    editPage: "编辑此页",
    relatedPosts: "相关文章",
    breadcrumbs: "当前位置",
    aboutAuthor: "关于作者",
    termDescription: "{taxonomy}“{term}”下的 {count} 篇文章",
    archive: "归档",
    allPosts: "全部文章",
    postCount: "{count} 篇",
    pagination: "分页",
    previousPage: "上一页",
    nextPage: "下一页",
    pageNumber: "第 {n} 页",
    newerPost: "较新的文章",
    olderPost: "较早的文章",
    previousPart: "上一篇",
    nextPart: "下一篇",
    otherLanguages: "其他语言",
    redirecting: "此页面已移至",
    notFoundText: "你要找的页面不在这里。它可能已经移动，或者地址输入有误。",
    backHome: "返回首页",
    feed: "订阅",
    mainNavigation: "主导航",
    footerNavigation: "页脚导航",
    languages: "语言",
    search: "搜索",
    searchLabel: "搜索文章",
    searchNone: "没有找到匹配的文章。",
    searchCount: "找到 {count} 篇文章。",
    searchError: "搜索无法运行。请刷新页面后再试。",
    searchNeedsScript: "搜索需要 JavaScript。你也可以浏览：",
    darkTheme: "深色模式",
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
    embedLoad: "加载来自 {host} 的嵌入内容",
    embedNotice: "点击后从 {host} 加载",
    instagramOpen: "在 Instagram 上查看这条帖子",
    vimeoDefaultTitle: "Vimeo 视频 {id}",
    vimeoPlay: "播放视频：{title}",
    vimeoNotice: "点击后从 player.vimeo.com 播放",
    gistBy: "{user} 的 Gist",
    gistOpen: "在 GitHub 上阅读代码",
    repositoryOn: "{host} 上的代码库",
    details: "详情",
    diagram: "图表",
    diagramSource: "图表源码",
  },
} satisfies Record<string, Record<string, Message>>;

/** A message, or its plural forms chosen by the `count` variable (Intl.PluralRules categories). */
type Message = string | { one?: string; other: string };

export type MessageKey = keyof typeof strings.en;

/** Whether the interface has text of its own in a language (else it is shown in English). */
export function hasInterfaceText(lang: string): boolean {
  return /^(en|zh)(-|$)/i.test(lang);
}

export function translate(lang: string, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const table: Record<string, Message> = lang.toLowerCase().startsWith("zh") ? strings.zh : strings.en;
  const message = table[key] ?? strings.en[key] ?? key;
  let template: string;
  if (typeof message === "string") {
    template = message;
  } else {
    const category = new Intl.PluralRules(lang).select(Number(vars.count ?? 0)) as keyof typeof message;
    template = message[category] ?? message.other;
  }
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Chinese names of the callout types (`> [!tip]`); other languages show the type's English name, as GitHub does. */
const calloutTitles: Record<string, string> = {
  note: "注意", tip: "提示", hint: "提示", important: "重要", warning: "警告", attention: "注意", caution: "小心",
  danger: "危险", error: "错误", abstract: "摘要", summary: "摘要", tldr: "太长不看", info: "信息", todo: "待办",
  success: "成功", check: "完成", done: "完成", question: "问题", help: "帮助", faq: "常见问题", failure: "失败",
  fail: "失败", missing: "缺失", bug: "缺陷", example: "示例", quote: "引用", cite: "引用",
};

/** The title a callout shows when its author gave none. */
export function calloutTitle(lang: string, type: string): string {
  if (lang.toLowerCase().startsWith("zh") && calloutTitles[type]) return calloutTitles[type];
  return type.charAt(0).toUpperCase() + type.slice(1);
}
