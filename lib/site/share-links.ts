import type { SharingNetwork } from "../source/article-defaults.ts";

/**
 * Plain share links, as Blowfish offers them (`sharingLinks`): each opens the network's own share page with the
 * post's address and title filled in. Nothing of the networks loads with the page: no script, no button image,
 * no request until a reader clicks.
 */
export interface ShareLink {
  network: SharingNetwork;
  /** The network's name as readers know it. */
  name: string;
  /** The Font Awesome icon that shows it. */
  icon: string;
  url: string;
}

const query = (base: string, values: Record<string, string>) => `${base}?${new URLSearchParams(values).toString()}`;

const networks: Record<SharingNetwork, { name: string; zhName?: string; icon: string; link: (url: string, title: string) => string }> = {
  // mailto takes %20 for a space, not the form encoding's "+".
  email: { name: "Email", zhName: "邮件", icon: "envelope", link: (url, title) => `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(url)}` },
  facebook: { name: "Facebook", icon: "facebook", link: (url) => query("https://www.facebook.com/sharer/sharer.php", { u: url }) },
  linkedin: { name: "LinkedIn", icon: "linkedin", link: (url) => query("https://www.linkedin.com/sharing/share-offsite/", { url }) },
  pinterest: { name: "Pinterest", icon: "pinterest", link: (url, title) => query("https://pinterest.com/pin/create/button/", { url, description: title }) },
  reddit: { name: "Reddit", icon: "reddit", link: (url, title) => query("https://www.reddit.com/submit", { url, title }) },
  twitter: { name: "X", icon: "x-twitter", link: (url, title) => query("https://x.com/intent/post", { url, text: title }) },
  whatsapp: { name: "WhatsApp", icon: "whatsapp", link: (url, title) => query("https://api.whatsapp.com/send", { text: `${title} ${url}` }) },
  telegram: { name: "Telegram", icon: "telegram", link: (url, title) => query("https://t.me/share/url", { url, text: title }) },
  bluesky: { name: "Bluesky", icon: "bluesky", link: (url, title) => query("https://bsky.app/intent/compose", { text: `${title} ${url}` }) },
  // Mastodon has no one server: this page asks the reader for theirs, as Blowfish's link does.
  mastodon: { name: "Mastodon", icon: "mastodon", link: (url, title) => query("https://toot.kytta.dev/", { text: `${title} ${url}` }) },
  weibo: { name: "Weibo", zhName: "微博", icon: "weibo", link: (url, title) => query("https://service.weibo.com/share/share.php", { url, title }) },
};

/** Names of the networks authors link to, as the networks write them; others are shown as written. */
const networkNames: Record<string, string> = {
  github: "GitHub", gitlab: "GitLab", linkedin: "LinkedIn", youtube: "YouTube", "x-twitter": "X", twitter: "X", x: "X",
  rss: "RSS", email: "Email", mastodon: "Mastodon", bluesky: "Bluesky", weibo: "Weibo", zhihu: "Zhihu", bilibili: "Bilibili",
};

/** A link's network as readers know it: "GitHub" for "github", "Orcid" for "orcid". */
export function networkName(network: string): string {
  return networkNames[network] ?? network.charAt(0).toUpperCase() + network.slice(1);
}

/** The share links of a post at the absolute `url`, in the order its `sharingLinks` lists the networks. */
export function shareLinks(chosen: readonly SharingNetwork[], url: string, title: string, lang: string): ShareLink[] {
  const chinese = lang.toLowerCase().startsWith("zh");
  return chosen.map((network) => {
    const { name, zhName, icon, link } = networks[network];
    return { network, name: (chinese && zhName) || name, icon, url: link(url, title) };
  });
}
