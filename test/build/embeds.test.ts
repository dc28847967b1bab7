import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { writeImage } from "../../scripts/make-sample-images.ts";
import { temporaryDir } from "../../scripts/temporary-dir.ts";
import { typescriptNodeArgs } from "../../lib/typescript-worker.ts";
import { fetchSnapshots } from "../../lib/embeds/fetch-snapshots.ts";
import { findEmbeds } from "../../lib/embeds/find-embeds.ts";
import { readAge, summarise } from "../../scripts/embeds.ts";
import { madeUp, startEmbedServices, type EmbedServices } from "../helpers/embed-services.ts";
import { buildSite, loadPage, makeContent, outputFile, projectDir, text } from "../helpers/site.ts";

const post = [
  "---",
  'title: "Every embed"',
  "date: 2024-03-20",
  "---",
  "",
  `{{< tweet user="${madeUp.tweet.user}" id="${madeUp.tweet.id}" >}}`,
  "",
  `{{< youtube ${madeUp.youtube} >}}`,
  "",
  `{{< vimeo ${madeUp.vimeo} >}}`,
  "",
  `{{< github repo="${madeUp.github}" >}}`,
  "",
  `{{< gitlab projectID="${madeUp.gitlab}" >}}`,
  "",
  `{{< gist ${madeUp.gist.user} ${madeUp.gist.id} >}}`,
  "",
  "{{< instagram CxMadeUp123 >}}",
  "",
].join("\n");
const pasted = [
  "---",
  'title: "Pasted"',
  "date: 2024-03-21",
  "---",
  "",
  "A player pasted as HTML, and the same video again:",
  "",
  `<iframe width="560" height="315" src="https://www.youtube.com/embed/${madeUp.youtube}" allowfullscreen></iframe>`,
  "",
  `<iframe src="https://player.vimeo.com/video/${madeUp.vimeo}?h=abc" width="640" height="360"></iframe>`,
  "",
].join("\n");

function runEmbeds(content: string, env: Record<string, string>, args: string[] = []): Promise<{ exitCode: number; log: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [...typescriptNodeArgs, path.join(projectDir, "scripts/embeds.ts"), ...args], { cwd: projectDir, env: { ...process.env, BLOG_CONTENT: content, ...env } }, (error, stdout, stderr) =>
      resolve({ exitCode: error ? (typeof error.code === "number" ? error.code : 1) : 0, log: `${stdout}${stderr}` }),
    );
  });
}

/** A port nothing listens on: one the system just gave out and took back. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The same work in this process (the command is run for real above): quicker for the runs that follow. */
async function embedsHere(content: string, env: Record<string, string>, options: { refresh?: boolean; olderThanMs?: number } = {}): Promise<string> {
  const { embeds, unfetchable } = findEmbeds(content);
  const outcomes = await fetchSnapshots(embeds, { contentDir: content, refresh: options.refresh ?? false, olderThanMs: options.olderThanMs, now: new Date(), env, timeoutMs: Number(env.BLOG_EMBEDS_TIMEOUT_MS) });
  return summarise(outcomes, unfetchable.length, "content/_data/embeds").text;
}

const snapshotOf = (content: string, kind: string, id: string) => path.join(content, "_data", "embeds", kind, `${id}.json`);
const readSnapshot = (content: string, kind: string, id: string) => JSON.parse(fs.readFileSync(snapshotOf(content, kind, id), "utf8"));

describe("npm run embeds: snapshots fetched once, from the services' public endpoints", () => {
  let services: EmbedServices;
  let content: string;
  let env: Record<string, string>;
  before(async () => {
    const poster = path.join(temporaryDir("blog-poster-"), "poster.jpg");
    await writeImage(poster, 480, 360, 7);
    services = await startEmbedServices(fs.readFileSync(poster));
    env = { ...services.env, BLOG_EMBEDS_TIMEOUT_MS: "800" };
    content = makeContent({ "posts/every-embed/index.md": post, "posts/pasted/index.md": pasted });
  });
  after(() => services.close());

  it("fetches each embed once with its poster, writes readable files, then fetches nothing until --refresh", async () => {
    const first = await runEmbeds(content, env);
    assert.equal(first.exitCode, 0, first.log);
    assert.match(first.log, /Embeds: 6 found; 6 fetched, 0 kept, 0 failed\./);
    assert.match(first.log, /1 Instagram embed left as it is: Instagram shares a post's data only with an account's token/);
    // Six answers and two posters, all from the configured server (the machine has no other route anyway).
    assert.equal(services.requests.length, 8, services.requests.join("\n"));
    assert.equal(services.requests.filter((request) => request.startsWith("GET /posters/")).length, 2);

    const tweet = readSnapshot(content, "tweet", madeUp.tweet.id);
    assert.deepEqual(
      { author: tweet.author, date: tweet.date, lang: tweet.lang, paragraphs: tweet.paragraphs, url: tweet.url },
      {
        author: { name: "Example User", handle: madeUp.tweet.user },
        date: "2024-03-14",
        lang: "en",
        paragraphs: [[{ text: "A made-up post & a link: " }, { text: "example.com/notes", href: "https://t.co/madeup" }, { text: "\nSecond line." }]],
        url: `https://x.com/${madeUp.tweet.user}/status/${madeUp.tweet.id}`,
      },
    );
    const video = readSnapshot(content, "youtube", madeUp.youtube);
    assert.deepEqual([video.title, video.author.name, video.thumbnail], ["A made-up video about diffusion", "Example Channel", `${madeUp.youtube}.jpg`]);
    assert.ok(fs.statSync(path.join(content, "_data/embeds/youtube", `${madeUp.youtube}.jpg`)).size > 1000);
    assert.equal(readSnapshot(content, "vimeo", madeUp.vimeo).thumbnail, `${madeUp.vimeo}.jpg`);
    const repository = readSnapshot(content, "github", madeUp.github);
    assert.deepEqual([repository.path, repository.description, repository.language, repository.stars, repository.forks, repository.license, repository.archived], [madeUp.github, "A made-up repository for tests", "TypeScript", 12345, 678, "MIT", false]);
    assert.deepEqual([readSnapshot(content, "gitlab", madeUp.gitlab).path, readSnapshot(content, "gitlab", madeUp.gitlab).archived], ["example-group/made-up-project", true]);
    assert.deepEqual(readSnapshot(content, "gist", madeUp.gist.id).files, ["hello.py"]);
    // Readable diffs: indented JSON, one key a line.
    assert.match(fs.readFileSync(snapshotOf(content, "github", madeUp.github), "utf8"), /^\{\n {2}"kind": "github",\n/);

    assert.match(await embedsHere(content, env), /6 found; 0 fetched, 6 kept, 0 failed/);
    assert.equal(services.requests.length, 8, "nothing asked again");

    assert.match(await embedsHere(content, env, { refresh: true }), /6 fetched, 0 kept/);
    assert.equal(services.requests.length, 16);
    assert.ok(Date.parse(readSnapshot(content, "tweet", madeUp.tweet.id).fetchedAt) > Date.parse(tweet.fetchedAt));
    // Only those older than asked: none is a day old yet; all are older than no time at all.
    assert.match(await embedsHere(content, env, { refresh: true, olderThanMs: readAge("1d") }), /0 fetched, 6 kept/);
    assert.equal(readAge("2w"), 14 * 86_400_000);
    assert.equal(readAge("soon"), undefined);
  });

  it("keeps the good snapshot when an answer fails, says why for each, and exits non-zero", async () => {
    const kept = ["tweet", "youtube", "vimeo", "github"].map((kind) => {
      const id = { tweet: madeUp.tweet.id, youtube: madeUp.youtube, vimeo: madeUp.vimeo, github: madeUp.github }[kind]!;
      return [kind, id, fs.readFileSync(snapshotOf(content, kind, id), "utf8")] as const;
    });
    services.override.set(`/oembed?https://twitter.com/${madeUp.tweet.user}/status/${madeUp.tweet.id}`, { status: 404, body: "{}" });
    services.override.set(`/oembed?https://www.youtube.com/watch?v=${madeUp.youtube}`, { status: 500, body: "{}" });
    services.override.set(`/repos/${madeUp.github}`, { status: 403, headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1900000000" }, body: '{"message":"API rate limit exceeded"}' });
    services.override.set(`/api/oembed.json?https://vimeo.com/${madeUp.vimeo}`, { status: 200, delayMs: 3000 });
    try {
      const failing = await runEmbeds(content, env, ["--refresh"]);
      assert.equal(failing.exitCode, 1, failing.log);
      assert.match(failing.log, /6 found; 2 fetched, 0 kept, 4 failed/);
      assert.match(failing.log, new RegExp(`tweet ${madeUp.tweet.id} \\(posts/every-embed/index\\.md:6\\): 127\\.0\\.0\\.1:\\d+ does not know it \\(404\\): deleted, private, or the id is mistyped\\. Its snapshot, if any, was kept\\.`));
      assert.match(failing.log, new RegExp(`youtube ${madeUp.youtube} \\(posts/every-embed/index\\.md:8\\): 127\\.0\\.0\\.1:\\d+ answered 500`));
      assert.match(failing.log, /github example-org\/made-up-repo \([^)]*\): 127\.0\.0\.1:\d+ limits how often it may be asked until 2030-03-17T17:46:40\.000Z: run it again later, or set GITHUB_TOKEN/);
      assert.match(failing.log, new RegExp(`vimeo ${madeUp.vimeo} \\([^)]*\\): 127\\.0\\.0\\.1:\\d+ did not answer within 1 s`));
      for (const [kind, id, before] of kept) assert.equal(fs.readFileSync(snapshotOf(content, kind, id), "utf8"), before, `${kind} kept as it was`);
    } finally {
      services.override.clear();
    }
  });

  it("says in one line that it is offline, and changes nothing", async () => {
    const before = fs.readFileSync(snapshotOf(content, "github", madeUp.github), "utf8");
    const port = await closedPort();
    const nowhere = Object.fromEntries(Object.keys(services.env).map((name) => [name, `http://127.0.0.1:${port}`]));
    const offline = await runEmbeds(content, { ...nowhere, BLOG_EMBEDS_TIMEOUT_MS: "800" }, ["--refresh"]);
    assert.equal(offline.exitCode, 1);
    assert.equal(offline.log.trim(), `Offline: could not reach 127.0.0.1:${port} (ECONNREFUSED); nothing was changed.`);
    assert.equal(fs.readFileSync(snapshotOf(content, "github", madeUp.github), "utf8"), before);
  });

  it("builds the cards from the snapshots, offline: the post's text, the posters made responsive, the repository's facts", async () => {
    // A snapshot edited by hand is read as data, never as HTML.
    const hostile = '"><script>alert(1)</script>';
    fs.mkdirSync(path.join(content, "_data/embeds/tweet"), { recursive: true });
    fs.writeFileSync(
      snapshotOf(content, "tweet", "2222222222222222222"),
      JSON.stringify({ kind: "tweet", url: "", fetchedAt: "", author: { name: hostile, handle: "example_user" }, paragraphs: [[{ text: hostile, href: "javascript:alert(1)" }]] }),
    );
    fs.appendFileSync(path.join(content, "posts/every-embed/index.md"), '{{< x user="example_user" id="2222222222222222222" >}}\n');
    const asked = services.requests.length;
    // Given the services' addresses, the build still asks them nothing.
    const build = await buildSite(content, { env: { BLOG_SEARCH: "0", ...services.env } });
    assert.equal(build.exitCode, 0, build.log);
    assert.equal(services.requests.length, asked);
    assert.doesNotMatch(build.log, /no snapshot/);
    const page = loadPage(build.outputDir, "/posts/every-embed/");

    const [tweet, hostileTweet] = [...page.querySelectorAll(".tweet-card")];
    assert.equal(tweet!.querySelector("blockquote")?.getAttribute("lang"), "en");
    assert.equal(tweet!.querySelector("blockquote p")?.innerHTML, 'A made-up post &amp; a link: <a href="https://t.co/madeup" rel="nofollow noopener">example.com/notes</a><br>Second line.');
    assert.equal(text(tweet!.querySelector(".tweet-card-author")), "Example User");
    assert.equal(tweet!.querySelector(".tweet-card-link time")?.getAttribute("datetime"), "2024-03-14");
    assert.equal(tweet!.querySelector(".tweet-card-link")?.getAttribute("href"), `https://x.com/${madeUp.tweet.user}/status/${madeUp.tweet.id}`);
    assert.equal(text(hostileTweet!.querySelector("blockquote p")), hostile);
    assert.equal(hostileTweet!.querySelectorAll("blockquote a, script").length, 0);
    assert.equal(text(hostileTweet!.querySelector(".tweet-card-author")), hostile);

    for (const [selector, title, byline] of [
      [".youtube-embed", "A made-up video about diffusion", "Example Channel"],
      [".vimeo-embed", "A made-up Vimeo film", "Example Studio"],
    ] as const) {
      const figure = page.querySelector(selector)!;
      assert.equal(text(figure.querySelector(".embed-title")), title);
      assert.equal(text(figure.querySelector(".embed-notice .embed-byline")), byline);
      const poster = figure.querySelector(".embed-link picture img.embed-poster")!;
      assert.ok(Number(poster.getAttribute("width")) > 0 && Number(poster.getAttribute("height")) > 0, `${selector} poster sized`);
      assert.equal(poster.getAttribute("alt"), "");
      assert.ok(figure.querySelectorAll(".embed-link picture source").length > 0, `${selector} poster responsive`);
      for (const source of [poster.getAttribute("src")!, ...[...figure.querySelectorAll("source")].flatMap((s) => s.getAttribute("srcset")!.split(",").map((part) => part.trim().split(" ")[0]!))]) {
        assert.ok(source.startsWith("/") && fs.existsSync(outputFile(build.outputDir, source)), `${source} is served by the site`);
      }
    }

    const repository = page.querySelector(".repo-card-github")!;
    assert.equal(text(repository.querySelector(".repo-card-description")), "A made-up repository for tests");
    assert.equal(text(repository.querySelector(".repo-card-language")), "TypeScript");
    assert.match(text(repository.querySelector(".repo-card-stars")) ?? "", /12K/);
    assert.equal(text(repository.querySelector(".repo-card-license")), "MIT");
    const project = page.querySelector(".repo-card-gitlab")!;
    assert.equal(project.getAttribute("href"), "https://gitlab.com/example-group/made-up-project");
    assert.match(text(project.querySelector(".repo-card-name")) ?? "", /example-group\/made-up-project archived/);
    assert.match(text(page.querySelector(".gist-card")) ?? "", /hello\.py[\s\S]*A made-up gist/);

    const pastedPage = loadPage(build.outputDir, "/posts/pasted/");
    const posters = [...pastedPage.querySelectorAll(".embed-link picture img.embed-poster")];
    assert.equal(posters.length, 2, "both pasted players show their poster");
    assert.deepEqual([...pastedPage.querySelectorAll(".embed-title")].map((title) => text(title)), ["A made-up video about diffusion", "A made-up Vimeo film"]);
  });

  it("without snapshots, builds the minimal cards and says once how many embeds lack one and which command adds them", async () => {
    const bare = makeContent({ "posts/every-embed/index.md": post, "posts/pasted/index.md": pasted });
    const build = await buildSite(bare, { env: { BLOG_SEARCH: "0" } });
    assert.equal(build.exitCode, 0, build.log);
    const notices = build.log.match(/\[blog\] .*no snapshot.*/g) ?? [];
    assert.equal(notices.length, 1, build.log);
    assert.match(notices[0]!, /6 embeds have no snapshot \(gist 1, github 1, gitlab 1, tweet 1, vimeo 1, youtube 1\), so their cards show only a link: `npm run embeds` fetches them once, then commit .*_data\/embeds\/\./);
    const page = loadPage(build.outputDir, "/posts/every-embed/");
    assert.equal(page.querySelectorAll("img.embed-poster, .repo-card-description, .tweet-card time").length, 0);
    assert.match(text(page.querySelector(".tweet-card blockquote")) ?? "", new RegExp(`@${madeUp.tweet.user}`));
  });
});
