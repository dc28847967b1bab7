import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A stand-in for the services `npm run embeds` asks, on 127.0.0.1: X's, YouTube's and Vimeo's oEmbed and GitHub's
 * and GitLab's REST APIs, answering in the shapes their documentation gives, for made-up ids. Each answer can be
 * replaced per path (an error, a rate limit, a slow answer); every request is recorded.
 */
export interface EmbedServices {
  url: string;
  /** Method and path (with query) of every request, in order. */
  requests: string[];
  /** Answers that replace the normal one, by the same key as `answers`, e.g. a 404. */
  override: Map<string, { status: number; headers?: Record<string, string>; body?: string; delayMs?: number }>;
  /** What each endpoint answers, by path (an oEmbed endpoint's by path and the `url` asked about). */
  answers: Map<string, unknown>;
  env: Record<string, string>;
  close(): Promise<void>;
}

export const madeUp = {
  tweet: { user: "example_user", id: "1111111111111111111" },
  youtube: "madeUpVid01",
  vimeo: "123456789",
  github: "example-org/made-up-repo",
  gitlab: "4242",
  gist: { user: "example-user", id: "0123456789abcdef0123" },
};

export async function startEmbedServices(poster: Buffer): Promise<EmbedServices> {
  const requests: string[] = [];
  const override: EmbedServices["override"] = new Map();
  const answers: EmbedServices["answers"] = new Map();
  const server = http.createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    const url = new URL(request.url!, "http://127.0.0.1");
    const send = (status: number, body: string | Buffer, headers: Record<string, string> = { "content-type": "application/json; charset=utf-8" }) => {
      response.writeHead(status, headers);
      response.end(body);
    };
    const key = url.pathname === "/oembed" || url.pathname === "/api/oembed.json" ? `${url.pathname}?${url.searchParams.get("url")}` : url.pathname;
    const special = override.get(key);
    if (special) {
      setTimeout(() => send(special.status, special.body ?? "{}", { "content-type": "application/json", ...special.headers }), special.delayMs ?? 0).unref();
      return;
    }
    if (url.pathname.startsWith("/posters/")) return send(200, poster, { "content-type": "image/jpeg" });
    const known = answers.get(key);
    if (known === undefined) return send(404, JSON.stringify({ message: "Not Found" }));
    send(200, JSON.stringify(known));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  answers.set(`/oembed?https://twitter.com/${madeUp.tweet.user}/status/${madeUp.tweet.id}`, {
    url: `https://twitter.com/${madeUp.tweet.user}/status/${madeUp.tweet.id}`,
    author_name: "Example User",
    author_url: `https://twitter.com/${madeUp.tweet.user}`,
    html: `<blockquote class="twitter-tweet" data-dnt="true"><p lang="en" dir="ltr">A made-up post &amp; a link: <a href="https://t.co/madeup">example.com/notes</a><br>Second line.</p>&mdash; Example User (@${madeUp.tweet.user}) <a href="https://twitter.com/${madeUp.tweet.user}/status/${madeUp.tweet.id}?ref_src=twsrc%5Etfw">March 14, 2024</a></blockquote>\n`,
    width: 550,
    height: null,
    type: "rich",
    cache_age: "3153600000",
    provider_name: "Twitter",
    provider_url: "https://twitter.com",
    version: "1.0",
  });
  answers.set(`/oembed?https://www.youtube.com/watch?v=${madeUp.youtube}`, {
    title: "A made-up video about diffusion",
    author_name: "Example Channel",
    author_url: "https://www.youtube.com/@example",
    type: "video",
    height: 113,
    width: 200,
    version: "1.0",
    provider_name: "YouTube",
    provider_url: "https://www.youtube.com/",
    thumbnail_height: 360,
    thumbnail_width: 480,
    thumbnail_url: `${base}/posters/${madeUp.youtube}/hqdefault.jpg`,
    html: `<iframe width="200" height="113" src="https://www.youtube.com/embed/${madeUp.youtube}?feature=oembed"></iframe>`,
  });
  answers.set(`/api/oembed.json?https://vimeo.com/${madeUp.vimeo}`, {
    type: "video",
    version: "1.0",
    provider_name: "Vimeo",
    provider_url: "https://vimeo.com/",
    title: "A made-up Vimeo film",
    author_name: "Example Studio",
    author_url: "https://vimeo.com/example",
    duration: 61,
    thumbnail_url: `${base}/posters/${madeUp.vimeo}_640.jpg`,
    thumbnail_width: 640,
    thumbnail_height: 360,
    video_id: Number(madeUp.vimeo),
  });
  answers.set(`/repos/${madeUp.github}`, {
    id: 1,
    full_name: madeUp.github,
    html_url: `https://github.com/${madeUp.github}`,
    description: "A made-up repository for tests",
    language: "TypeScript",
    stargazers_count: 12345,
    forks_count: 678,
    license: { key: "mit", name: "MIT License", spdx_id: "MIT" },
    archived: false,
  });
  answers.set(`/api/v4/projects/${madeUp.gitlab}`, {
    id: Number(madeUp.gitlab),
    path_with_namespace: "example-group/made-up-project",
    web_url: "https://gitlab.com/example-group/made-up-project",
    description: "A made-up GitLab project",
    star_count: 42,
    forks_count: 7,
    archived: true,
  });
  answers.set(`/gists/${madeUp.gist.id}`, {
    id: madeUp.gist.id,
    html_url: `https://gist.github.com/${madeUp.gist.user}/${madeUp.gist.id}`,
    description: "A made-up gist",
    owner: { login: madeUp.gist.user },
    files: { "hello.py": { filename: "hello.py", language: "Python" } },
  });

  return {
    url: base,
    requests,
    override,
    answers,
    env: { BLOG_EMBEDS_X_URL: base, BLOG_EMBEDS_YOUTUBE_URL: base, BLOG_EMBEDS_VIMEO_URL: base, BLOG_EMBEDS_GITHUB_URL: base, BLOG_EMBEDS_GITLAB_URL: base },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
