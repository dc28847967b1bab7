import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseHTML } from "linkedom";
import { renderContext } from "../../../lib/render/render-body.ts";
import type { Post } from "../../../lib/site/post.ts";
import { html, trustedHtml } from "../../../shortcodes/html.ts";
import { icon } from "../../../shortcodes/icons.ts";
import { shortcodes } from "../../../shortcodes/index.ts";
import { parseShortcodes, type ShortcodeCall } from "../../../shortcodes/parse.ts";
import { ParamError, type RenderContext, type SiteLookup } from "../../../shortcodes/shortcode.ts";

const hostile = '"><script>alert(1)</script>';

/** An icon as the parser serialises it, to compare with what a shortcode put in the page. */
function iconMarkup(name: string): string | undefined {
  return parseHTML(`<html><body>${icon(name)}</body></html>`).document.querySelector("svg")?.outerHTML;
}

/** Parses one call written in Hugo syntax, validates it and renders it: the path a body takes. */
function render(source: string, context: Partial<RenderContext> = {}): Document {
  const call = parseShortcodes(source, {
    file: "t.md",
    takesInner: (name) => shortcodes.get(name)?.takesInner,
    knownNames: [...shortcodes.keys()],
  })[0] as ShortcodeCall;
  const shortcode = shortcodes.get(call.name)!;
  const params = shortcode.readParams(call.args);
  const output = shortcode.render(params, { ...renderContext({ page: { lang: "zh-CN", url: "/posts/p/" } }), ...context });
  return parseHTML(`<!doctype html><html><body>${output}</body></html>`).document;
}

function rejects(source: string, message: RegExp) {
  assert.throws(() => render(source), (error: unknown) => error instanceof ParamError && message.test(`${error.message}. ${error.hint}`));
}

describe("youtube", () => {
  it("renders a link to the video and no player or request until clicked", () => {
    const doc = render("{{< youtube TfVYxnhuEdU >}}");
    const figure = doc.querySelector("figure.youtube-embed")!;
    assert.equal(figure.getAttribute("data-youtube-id"), "TfVYxnhuEdU");
    assert.equal(figure.getAttribute("data-embed-src"), "https://www.youtube-nocookie.com/embed/TfVYxnhuEdU?autoplay=1");
    assert.equal(doc.querySelector("a.embed-link")?.getAttribute("href"), "https://www.youtube.com/watch?v=TfVYxnhuEdU");
    assert.equal(doc.querySelectorAll("iframe, img, script").length, 0);
  });

  it("accepts id=, title, start and end", () => {
    const doc = render('{{< youtube id="6AmdZoSgTeE" title="Stable Diffusion" start=30 end="90" >}}');
    const figure = doc.querySelector("figure")!;
    assert.equal(figure.getAttribute("data-embed-src"), "https://www.youtube-nocookie.com/embed/6AmdZoSgTeE?autoplay=1&start=30&end=90");
    assert.equal(figure.getAttribute("data-embed-title"), "Stable Diffusion");
    assert.equal(doc.querySelector("a")?.getAttribute("href"), "https://www.youtube.com/watch?v=6AmdZoSgTeE&t=30s");
    assert.equal(doc.querySelector(".embed-title")?.textContent, "Stable Diffusion");
  });

  it("passes mute, loop and controls to the player, and adds the class", () => {
    const figure = render('{{< youtube id="TfVYxnhuEdU" mute=true loop=true controls=false class="wide-video" >}}').querySelector("figure")!;
    const player = new URL(figure.getAttribute("data-embed-src")!);
    assert.deepEqual(Object.fromEntries(player.searchParams), { autoplay: "1", mute: "1", controls: "0", loop: "1", playlist: "TfVYxnhuEdU" });
    assert.deepEqual([...figure.classList], ["embed", "embed-video", "youtube-embed", "wide-video"]);
    // Their defaults: sound, controls, no loop.
    const plain = new URL(render("{{< youtube TfVYxnhuEdU >}}").querySelector("figure")!.getAttribute("data-embed-src")!);
    assert.deepEqual([...plain.searchParams.keys()], ["autoplay"]);
  });

  it("escapes a hostile title into text", () => {
    const doc = render(`{{< youtube id="TfVYxnhuEdU" title="${hostile.replaceAll('"', '\\"')}" >}}`);
    assert.equal(doc.querySelectorAll("script").length, 0);
    assert.equal(doc.querySelector(".embed-title")?.textContent, hostile);
    assert.equal(doc.querySelector("figure")?.getAttribute("data-embed-title"), hostile);
  });

  it("rejects ids that are not 11 characters of [A-Za-z0-9_-]", () => {
    rejects("{{< youtube TfVYxnhuEd >}}", /not a YouTube video id/);
    rejects('{{< youtube "TfVYxnhuEd<" >}}', /not a YouTube video id/);
    rejects("{{< youtube >}}", /needs the parameter "id"/);
  });

  it("rejects bad timing and unknown parameters", () => {
    rejects("{{< youtube id=TfVYxnhuEdU start=ten >}}", /whole number/);
    rejects("{{< youtube id=TfVYxnhuEdU start=50 end=40 >}}", /must be after/);
    rejects("{{< youtube id=TfVYxnhuEdU colour=red >}}", /no parameter "colour".*Its parameters are: id, title/);
  });
});

describe("vimeo, qr and gitlab: README's parameters", () => {
  it("vimeo: a do-not-track player on click, its title (escaped) and class", () => {
    const figure = render('{{< vimeo id="55073825" title="A <film>" class="wide" >}}').querySelector("figure")!;
    assert.deepEqual([...figure.classList], ["embed", "embed-video", "vimeo-embed", "wide"]);
    assert.equal(figure.getAttribute("data-embed-src"), "https://player.vimeo.com/video/55073825?dnt=1&autoplay=1");
    assert.equal(figure.getAttribute("data-embed-title"), "A <film>");
    assert.equal(figure.querySelector("a.embed-link")?.getAttribute("href"), "https://vimeo.com/55073825");
  });

  it("vimeo, gitlab and gist: refuse ids, classes and servers that are not what they should be", () => {
    rejects("{{< vimeo 12ab >}}", /"12ab" is not a Vimeo video id \(digits\)/);
    rejects("{{< vimeo 1234567890123 >}}", /not a Vimeo video id/);
    rejects('{{< vimeo id="55073825" class="a\\"b" >}}', /is not a list of class names|class/);
    rejects('{{< vimeo id="55073825" class="x<y" >}}', /class/);
    rejects('{{< gitlab projectID="12a" >}}', /"12a" is not a GitLab project id/);
    rejects('{{< gitlab projectID="1" baseURL="gitlab.example.com" >}}', /"gitlab\.example\.com" is not a web address/);
    rejects('{{< gitlab projectID="1" baseURL="ftp://gitlab.example.com/" >}}', /cannot be a "ftp:" address/);
    rejects('{{< gitlab projectID="1" baseURL="mailto:a@b.c" >}}', /"mailto:a@b\.c" is not a web address/);
    assert.equal(render('{{< gitlab projectID="1" baseURL="https://git.example.org" >}}').querySelector("a")?.getAttribute("href"), "https://git.example.org/projects/1");
    rejects("{{< gist some_one 0123456789abcdef >}}", /"some_one" is not a GitHub user name/);
    rejects("{{< gist someone 0123g >}}", /"0123g" is not a gist id/);
    rejects("{{< gist someone 0123 >}}", /is not a gist id/);
    assert.match(render("{{< gist someone ABCDEF0123 >}}").querySelector("a")?.getAttribute("href") ?? "", /\/someone\/ABCDEF0123$/);
  });

  it("qr: level sets the error correction (more modules), scale the size in pixels", () => {
    const svg = (source: string) => render(source).querySelector("svg.qr-code")!;
    const low = svg('{{< qr text="https://example.com/a-longer-address" level="low" >}}');
    const high = svg('{{< qr text="https://example.com/a-longer-address" level="high" scale=3 >}}');
    const modules = (element: Element) => Number(element.getAttribute("viewBox")!.split(" ")[2]);
    assert.ok(modules(high) > modules(low), `${modules(high)} modules at high, ${modules(low)} at low`);
    assert.equal(Number(high.getAttribute("width")), modules(high) * 3);
  });

  it("gitlab: the project by its id on the given server", () => {
    assert.equal(render('{{< gitlab projectID="278964" baseURL="https://git.example.org/" >}}').querySelector("a.repo-card")?.getAttribute("href"), "https://git.example.org/projects/278964");
    assert.equal(render('{{< gitlab projectID="278964" >}}').querySelector("a.repo-card")?.getAttribute("href"), "https://gitlab.com/projects/278964");
  });
});

describe("details and button: paired calls", () => {
  const inner = (markup: string) => ({ inner: { source: markup, html: trustedHtml(markup) } });
  const text = (node: Element | null | undefined) => (node?.textContent ?? "").replace(/\s+/g, " ").trim();

  it("details: the summary as inline Markdown, open, class, name and title, the content inside", () => {
    const doc = render('{{< details summary="Read *more*" open=true class="note" name="faq" title="A <hint>" >}}x{{< /details >}}', inner("<p>Body</p>"));
    const details = doc.querySelector("details")!;
    assert.deepEqual([details.className, details.hasAttribute("open"), details.getAttribute("name"), details.getAttribute("title")], ["details note", true, "faq", "A <hint>"]);
    assert.equal(details.querySelector("summary em")?.textContent, "more");
    assert.equal(details.querySelector(".details-content p")?.textContent, "Body");
    // Closed by default, with the interface's word for its summary.
    const plain = render("{{< details >}}x{{< /details >}}", inner("<p>Body</p>")).querySelector("details")!;
    assert.equal(plain.hasAttribute("open"), false);
    assert.ok(text(plain.querySelector("summary")).length > 0);
  });

  it("button: a link to another site or a new tab never hands the page over (noopener), the author's rel kept", () => {
    const link = (source: string) => render(source, inner("Go")).querySelector("a.button")!;
    const external = link('{{< button href="https://example.com/" rel="nofollow" >}}Go{{< /button >}}');
    assert.deepEqual([external.getAttribute("href"), external.getAttribute("rel"), text(external)], ["https://example.com/", "nofollow noopener", "Go"]);
    const tab = link('{{< button href="/posts/x/" target="_blank" >}}Go{{< /button >}}');
    assert.deepEqual([tab.getAttribute("target"), tab.getAttribute("rel")], ["_blank", "noopener"]);
    const local = link('{{< button href="/posts/x/" >}}Go{{< /button >}}');
    assert.deepEqual([local.getAttribute("target"), local.getAttribute("rel")], [null, null]);
    rejects('{{< button href="/x/" target="_blank x" >}}Go{{< /button >}}', /is not a link target/);
    rejects('{{< button href="javascript:alert(1)" >}}Go{{< /button >}}', /javascript|address|link/i);
  });
});

describe("the small ones: badge, lead, keyword, icon, param, comment, katex", () => {
  const inner = (markup: string) => ({ inner: { source: markup, html: trustedHtml(markup) } });
  const page = (params: Record<string, unknown>) => ({ page: { lang: "en", url: "/posts/p/", params } });

  it("wraps the inner content: badge inline, lead as a block, keyword with its icon, keywordList around them", () => {
    assert.equal(render("{{< badge >}}x{{< /badge >}}", inner("<p>New</p>")).querySelector("span.badge")?.innerHTML, "New");
    assert.equal(render("{{< lead >}}x{{< /lead >}}", inner("<p>Opening</p>")).querySelector("div.lead > p")?.textContent, "Opening");
    const keyword = render('{{< keyword icon="github" >}}x{{< /keyword >}}', inner("<p>Code</p>")).querySelector("span.keyword")!;
    assert.ok(keyword.querySelector("svg"));
    assert.equal(keyword.querySelector(":scope > span")?.innerHTML, "Code");
    assert.equal(render("{{< keyword >}}x{{< /keyword >}}", inner("Plain")).querySelector("span.keyword svg"), null);
    assert.ok(render("{{< keywordList >}}x{{< /keywordList >}}", inner("<span>k</span>")).querySelector("div.keyword-list > span"));
    rejects('{{< keyword icon="no-such-icon" >}}x{{< /keyword >}}', /icon/);
  });

  it("icon: the named icon inline, hidden from screen readers; an unknown name is named", () => {
    const svg = render('{{< icon "github" >}}').querySelector("span.icon-inline svg")!;
    assert.equal(svg.getAttribute("aria-hidden"), "true");
    assert.equal(render('{{< icon name="github" >}}').querySelector("span.icon-inline svg")?.outerHTML, svg.outerHTML);
    rejects('{{< icon "no-such-icon" >}}', /no-such-icon/);
  });

  it("param: a front matter value by (dotted, any-case) key, lists joined, escaped; a missing one named", () => {
    const params = { title: "A <b>", tags: ["a", "b"], author: { Name: "Lin" } };
    assert.equal(render('{{< param "title" >}}', page(params)).body.innerHTML, "A &lt;b&gt;");
    assert.equal(render('{{< param "tags" >}}', page(params)).body.textContent, "a, b");
    assert.equal(render('{{< param "author.name" >}}', page(params)).body.textContent, "Lin");
    assert.throws(() => render('{{< param "missing" >}}', page(params)), (error: unknown) => error instanceof ParamError && /no value "missing"/.test(error.message));
    assert.throws(() => render('{{< param "author" >}}', page(params)), (error: unknown) => error instanceof ParamError);
  });

  it("comment and katex show nothing", () => {
    assert.equal(render("{{< comment >}}secret{{< /comment >}}", inner("<p>secret</p>")).body.innerHTML, "");
    assert.equal(render("{{< katex >}}").body.innerHTML, "");
  });
});

describe("cards that link out: gist, instagram, github, huggingface, gitea/forgejo/codeberg", () => {
  const href = (source: string, selector = "a") => render(source).querySelector(selector)?.getAttribute("href");

  it("gist: by position or name, a file's anchor, nothing loaded from GitHub", () => {
    assert.equal(href("{{< gist spf13 7896402 >}}", "a.gist-card-link"), "https://gist.github.com/spf13/7896402");
    assert.equal(href('{{< gist user="spf13" id="7896402" file="img.html" >}}', "a.gist-card-link"), "https://gist.github.com/spf13/7896402#file-img-html");
    assert.equal(render("{{< gist spf13 7896402 img.html >}}").querySelector("code")?.textContent, "img.html");
    assert.equal(render("{{< gist spf13 7896402 >}}").querySelectorAll("script, iframe").length, 0);
    rejects("{{< gist spf13 not-hex >}}", /is not a gist id/);
    rejects('{{< gist "bad user!" 7896402 >}}', /is not a GitHub user name/);
  });

  it("instagram: the post's address", () => {
    assert.equal(href("{{< instagram CxOWiQNP2MO >}}"), "https://www.instagram.com/p/CxOWiQNP2MO/");
    rejects('{{< instagram "x/y" >}}', /is not an Instagram post id/);
  });

  it("github, huggingface and the Gitea forges: each repository's address", () => {
    assert.equal(href('{{< github repo="nunocoracao/blowfish" showThumbnail=false >}}', "a.repo-card"), "https://github.com/nunocoracao/blowfish");
    rejects('{{< github repo="not a repo" >}}', /is not a GitHub repository/);
    assert.equal(href('{{< huggingface model="openai/whisper" >}}', "a.repo-card"), "https://huggingface.co/openai/whisper");
    assert.equal(href('{{< huggingface dataset="squad" >}}', "a.repo-card"), "https://huggingface.co/datasets/squad");
    rejects('{{< huggingface model="a/b" dataset="c/d" >}}', /needs either model or dataset/);
    assert.equal(href('{{< gitea repo="me/tool" server="https://git.example.org" >}}', "a.repo-card"), "https://git.example.org/me/tool");
    assert.equal(href('{{< codeberg repo="me/tool" >}}', "a.repo-card"), "https://codeberg.org/me/tool");
    rejects('{{< forgejo repo="me/tool" server="ftp://x" >}}', /not a web address|address/);
  });
});

describe("tweet and x", () => {
  it("renders a static card linking to the post on x.com", () => {
    for (const name of ["tweet", "x"]) {
      const doc = render(`{{< ${name} user="mkbhd" id="1582772722240999425" >}}`);
      assert.equal(doc.querySelector("blockquote")?.getAttribute("cite"), "https://x.com/mkbhd/status/1582772722240999425");
      assert.equal(doc.querySelector("a.tweet-card-link")?.getAttribute("href"), "https://x.com/mkbhd/status/1582772722240999425");
      assert.equal(doc.querySelector("a.tweet-card-user")?.textContent, "@mkbhd");
      assert.equal(doc.querySelectorAll("script, iframe").length, 0);
    }
  });

  it("rejects a non-numeric id and a bad user name", () => {
    rejects('{{< tweet user="mkbhd" id="15827a" >}}', /not a post id \(digits only\)/);
    rejects(`{{< tweet user="${hostile.replaceAll('"', '\\"')}" id="1" >}}`, /not an X user name/);
    rejects('{{< tweet id="1" >}}', /needs the parameter "user"/);
    rejects("{{< tweet 1582772722240999425 >}}", /no positional arguments/);
  });
});

describe("alert", () => {
  const inner = { source: "**x**", html: trustedHtml("<p><strong>Bold</strong> and <a href=\"/a/\">link</a></p>") };

  it("wraps its inner content with the default icon", () => {
    const doc = render("{{< alert >}}x{{< /alert >}}", { inner });
    const box = doc.querySelector("div.alert[role=note]")!;
    assert.equal(box.querySelector(".alert-content strong")?.textContent, "Bold");
    assert.equal(box.querySelector(".alert-content a")?.getAttribute("href"), "/a/");
    assert.equal(box.querySelector(".alert-icon svg")?.outerHTML, iconMarkup("triangle-exclamation"));
    assert.equal(box.getAttribute("style"), null);
  });

  it("takes the icon by position or name, and validated colours", () => {
    assert.equal(render('{{< alert "circle-info" >}}x{{< /alert >}}', { inner }).querySelector("svg")?.outerHTML, iconMarkup("circle-info"));
    const doc = render('{{< alert icon="fire" cardColor="#e63946" iconColor="rgb(29 53 87)" textColor="white" >}}x{{< /alert >}}', { inner });
    assert.equal(doc.querySelector("svg")?.outerHTML, iconMarkup("fire"));
    assert.equal(doc.querySelector(".alert")?.getAttribute("style"), "--alert-card:#e63946;--alert-icon:rgb(29 53 87);--alert-ink:white");
  });

  it("ships the icon set Blowfish authors use, by Blowfish's names and Font Awesome's", () => {
    const names = ["triangle-exclamation", "circle-info", "fire", "lightbulb", "bell", "check", "xmark", "twitter", "x-twitter", "github", "pencil", "link",
      "envelope", "rss", "gitlab", "linkedin", "mastodon", "bluesky", "youtube", "instagram", "facebook", "discord", "star", "heart", "code", "bug",
      "book", "calendar", "clock", "tag", "download", "globe", "moon", "sun", "search", "comment", "graduation-cap", "rocket", "coffee", "amazon",
      "apple", "docker", "python", "rust", "golang", "javascript", "x", "info", "warning"];
    for (const name of names) {
      const svg = parseHTML(`<html><body>${icon(name)}</body></html>`).document.querySelector("svg");
      assert.ok(svg, name);
      assert.equal(svg.getAttribute("aria-hidden"), "true");
      assert.match(svg.getAttribute("viewBox") ?? "", /^0 0 \d+ \d+$/);
      assert.ok(svg.querySelector("path")?.getAttribute("d"), name);
    }
    assert.equal(icon("search")?.toString(), icon("magnifying-glass")?.toString());
    assert.equal(icon("unicorn-of-doom"), undefined);
  });

  it("rejects an unknown icon, listing the known ones", () => {
    rejects('{{< alert "penicl" >}}x{{< /alert >}}', /"penicl" is not an icon \(parameter "icon"\)\. Did you mean pencil/);
  });

  it("rejects colours that are not CSS colours, so no CSS can be injected", () => {
    rejects('{{< alert cardColor="red;background:url(//evil)" >}}x{{< /alert >}}', /not a CSS colour/);
    rejects(`{{< alert textColor="${hostile.replaceAll('"', '\\"')}" >}}x{{< /alert >}}`, /not a CSS colour/);
  });
});

describe("article", () => {
  const target = {
    url: "/posts/target/",
    href: "/posts/target/",
    title: `Target ${hostile}`,
  } as Post;
  const site: SiteLookup = {
    findPost: (url) => (url === target.url ? target : undefined),
    findRef: () => undefined,
    whyMissing: (url) => (url === "/posts/soon/" ? { problem: "is scheduled for 2099-01-01T00:00:00.000Z, so this build does not publish it", hint: "Publish this post after it, or set buildFuture", dated: true } : undefined),
    nearestUrls: () => ["/posts/target/", "/posts/other/"],
    absoluteUrl: (path) => `https://example.com${path}`,
    card: (post) => html`<article class="post-card"><a href="${post.href}">${post.title}</a></article>`,
  };

  it("renders the shared card of the target post", () => {
    const doc = render('{{< article link="/posts/target/" >}}', { site });
    const link = doc.querySelector(".article-card .post-card a");
    assert.equal(link?.getAttribute("href"), "/posts/target/");
    assert.equal(link?.textContent, target.title);
    assert.equal(doc.querySelectorAll("script").length, 0);
  });

  it("passes showSummary and compactSummary to the card, and shows nothing for a link to the page itself", () => {
    const shown: unknown[] = [];
    const recording: SiteLookup = { ...site, card: (post, options) => (shown.push(options), site.card(post, options)) };
    render('{{< article link="/posts/target/" showSummary=false compactSummary=true >}}', { site: recording });
    render('{{< article link="/posts/target/" >}}', { site: recording });
    assert.deepEqual(shown, [{ showSummary: false, compactSummary: true }, { showSummary: undefined, compactSummary: false }]);
    const itself = render('{{< article link="/posts/target/" >}}', { site, page: { lang: "en", url: "/posts/target/", params: {} } });
    assert.equal(itself.body.innerHTML, "");
  });

  it("finds the post without the trailing slash", () => {
    assert.ok(render('{{< article link="/posts/target" >}}', { site }).querySelector(".post-card"));
  });

  it("names the closest existing links when the target does not exist", () => {
    assert.throws(
      () => render('{{< article link="/posts/targte/" >}}', { site }),
      (error: unknown) =>
        error instanceof ParamError && /No post has the URL \/posts\/targte\//.test(error.message) && /Did you mean \/posts\/target\/ or/.test(error.hint),
    );
  });

  it("says why a post the build leaves out has no card", () => {
    assert.throws(
      () => render('{{< article link="/posts/soon/" >}}', { site }),
      (error: unknown) => error instanceof ParamError &&
        /The post at \/posts\/soon\/ is scheduled for 2099-01-01/.test(error.message) &&
        /buildFuture/.test(error.hint) &&
        error.tolerable?.problem === "datedTarget",
    );
  });

  it("rejects links outside the site", () => {
    rejects('{{< article link="https://example.com/" >}}', /not a link within this site/);
    rejects('{{< article link="//evil.example/" >}}', /not a link within this site/);
  });
});

describe("figure", () => {
  const figure = (source: string) => render(source).querySelector("figure")!;

  it("an image with its caption as inline Markdown; the caption, else the title, describes an image without alt", () => {
    const described = figure('{{< figure src="cat.jpg" caption="A **cat**" >}}');
    assert.deepEqual([described.className, described.querySelector("img")?.getAttribute("src"), described.querySelector("img")?.getAttribute("alt")], ["figure", "cat.jpg", "A **cat**"]);
    assert.equal(described.querySelector("figcaption strong")?.textContent, "cat");
    assert.equal(figure('{{< figure src="cat.jpg" title="Cat" >}}').querySelector("img")?.getAttribute("alt"), "Cat");
    assert.equal(figure('{{< figure src="cat.jpg" alt="A cat asleep" caption="Nap" >}}').querySelector("img")?.getAttribute("alt"), "A cat asleep");
    // No caption, title or attribution: no empty figcaption.
    assert.equal(figure('{{< figure src="cat.jpg" alt="" >}}').querySelector("figcaption"), null);
  });

  it("the title first, then the caption, then the attribution, linked when attrlink is given", () => {
    const caption = figure('{{< figure src="a.jpg" title="Title" caption="Words" attr="Photo by *Ann*" attrlink="https://example.com/ann" >}}').querySelector("figcaption")!;
    assert.equal(caption.querySelector("strong.figure-title")?.textContent, "Title");
    assert.equal(caption.querySelector(".figure-attribution a")?.getAttribute("href"), "https://example.com/ann");
    assert.equal(caption.querySelector(".figure-attribution a em")?.textContent, "Ann");
    assert.equal(caption.textContent!.replace(/\s+/g, " ").trim(), "Title Words Photo by Ann");
    assert.equal(figure('{{< figure src="a.jpg" attr="Ann" >}}').querySelector(".figure-attribution")?.innerHTML, "Ann");
  });

  it("a link around the image: noopener when it leaves the site or opens a tab, the author's rel and target kept", () => {
    const out = figure('{{< figure src="a.jpg" link="https://example.com/" rel="nofollow" >}}').querySelector("a")!;
    assert.deepEqual([out.getAttribute("href"), out.getAttribute("rel"), out.querySelector("img")?.getAttribute("src")], ["https://example.com/", "nofollow noopener", "a.jpg"]);
    const tab = figure('{{< figure src="a.jpg" href="/posts/x/" target="_blank" >}}').querySelector("a")!;
    assert.deepEqual([tab.getAttribute("href"), tab.getAttribute("target"), tab.getAttribute("rel")], ["/posts/x/", "_blank", "noopener"]);
    const local = figure('{{< figure src="a.jpg" link="/posts/x/" >}}').querySelector("a")!;
    assert.deepEqual([local.getAttribute("target"), local.getAttribute("rel")], [null, null]);
    assert.equal(figure('{{< figure src="a.jpg" >}}').querySelector("a"), null);
  });

  it("width, height and classes as given; Blowfish's nozoom and default accepted", () => {
    const sized = figure('{{< figure src="a.jpg" width="640" height=480 class="wide center" nozoom=true default=true >}}');
    assert.deepEqual([sized.className, sized.querySelector("img")?.getAttribute("width"), sized.querySelector("img")?.getAttribute("height")], ["figure wide center", "640", "480"]);
    const plain = figure('{{< figure src="a.jpg" >}}').querySelector("img")!;
    assert.deepEqual([plain.hasAttribute("width"), plain.hasAttribute("height")], [false, false]);
  });

  it("escapes every parameter and refuses what would break the page", () => {
    const escaped = `"${hostile.replaceAll('"', '\\"')}"`;
    const doc = render(`{{< figure src="a.jpg" alt=${escaped} title=${escaped} >}}`);
    assert.equal(doc.querySelectorAll("script").length, 0);
    assert.equal(doc.querySelector("img")?.getAttribute("alt"), hostile);
    assert.equal(doc.querySelector(".figure-title")?.textContent, hostile);
    rejects('{{< figure alt="x" >}}', /needs the parameter "src"/);
    rejects('{{< figure src="a.jpg" width="wide" >}}', /"width" must be a number of pixels/);
    rejects('{{< figure src="a.jpg" height="12px" >}}', /"height" must be a number of pixels/);
    rejects('{{< figure src="a.jpg" class="a\\"b" >}}', /is not a list of class names/);
    rejects('{{< figure src="javascript:alert(1)" >}}', /javascript|address|link/i);
    rejects('{{< figure src="a.jpg" link="javascript:alert(1)" >}}', /javascript|address|link/i);
    rejects('{{< figure src="a.jpg" nozoom=maybe >}}', /true or false/);
    rejects('{{< figure src="a.jpg" size="2" >}}', /size/);
  });
});

describe("gallery, timeline and mermaid: paired calls around other content", () => {
  const inner = (markup: string) => ({ inner: { source: markup, html: trustedHtml(markup) } });

  it("gallery: the images inside, as written, in one grid", () => {
    const doc = render("{{< gallery >}}x{{< /gallery >}}", inner('<img src="a.jpg" class="grid-w50"><img src="b.jpg" class="grid-w50">'));
    assert.deepEqual([...doc.querySelectorAll("div.gallery > img")].map((img) => img.getAttribute("src")), ["a.jpg", "b.jpg"]);
    rejects("{{< gallery columns=3 >}}x{{< /gallery >}}", /columns/);
  });

  it("timeline: each item with its icon, header, badge and subheader, in order", () => {
    const item = render('{{< timelineItem icon="star" header="Launch" badge="2024" subheader="Beta" md=true >}}x{{< /timelineItem >}}', inner("<p>Shipped.</p>")).querySelector("li.timeline-item")!;
    assert.equal(item.querySelector(".timeline-marker svg")?.outerHTML, iconMarkup("star"));
    assert.equal(item.querySelector(".timeline-header strong")?.textContent, "Launch");
    assert.equal(item.querySelector(".timeline-header .badge")?.textContent, "2024");
    assert.equal(item.querySelector(".timeline-subheader")?.textContent, "Beta");
    assert.equal(item.querySelector(".timeline-body p:last-child")?.textContent, "Shipped.");
    const bare = render("{{< timelineItem >}}x{{< /timelineItem >}}", inner("<p>Only text.</p>")).querySelector("li")!;
    assert.deepEqual([bare.querySelector(".timeline-header"), bare.querySelector(".timeline-subheader"), bare.querySelector("svg")], [null, null, null]);
    const list = render("{{< timeline >}}x{{< /timeline >}}", inner('<li class="timeline-item">1</li><li class="timeline-item">2</li>')).querySelector("ol.timeline")!;
    assert.deepEqual([...list.children].map((li) => li.textContent), ["1", "2"]);
    rejects('{{< timelineItem icon="no-such-icon" >}}x{{< /timelineItem >}}', /no-such-icon/);
    rejects('{{< timelineItem header="a" colour="red" >}}x{{< /timelineItem >}}', /colour/);
  });

  it("mermaid: the diagram's source kept exactly, blank lines inside included, for the build to draw", () => {
    const source = "graph LR\n  A --> B\n\n  B --> C";
    const marker = render("{{< mermaid >}}x{{< /mermaid >}}", { inner: { source: `\n${source}\n  \n`, html: trustedHtml("") } }).querySelector("figure.diagram")!;
    assert.equal(Buffer.from(marker.getAttribute("data-mermaid")!, "base64").toString(), source);
    assert.throws(
      () => render("{{< mermaid >}}x{{< /mermaid >}}", { inner: { source: "\n  \n", html: trustedHtml("") } }),
      (error: unknown) => error instanceof ParamError && /The diagram is empty/.test(error.message),
    );
  });
});

describe("highlight", () => {
  const code = (source: string, inner: string) => render(source, { inner: { source: inner, html: trustedHtml("") } });

  it("the code between the tags, without the line breaks that follow and precede them, escaped", () => {
    const doc = code("{{< highlight go >}}x{{< /highlight >}}", "\nfmt.Println(\"<b>\")\n");
    assert.equal(doc.querySelector("code")?.getAttribute("data-lang"), "go");
    assert.equal(doc.querySelector("code")?.textContent, 'fmt.Println("<b>")');
    assert.equal(doc.querySelectorAll("b").length, 0);
    assert.equal(code("{{< highlight >}}x{{< /highlight >}}", "plain").querySelector("code")?.hasAttribute("data-lang"), false);
  });

  it("reads Hugo's options: numbered lines from linenostart, marked lines and ranges", () => {
    const doc = code('{{< highlight js "linenos=table,hl_lines=2 4-5,linenostart=10" >}}x{{< /highlight >}}', "a\nb\nc\nd\ne\nf");
    assert.deepEqual([...doc.querySelectorAll(".line-number")].map((n) => n.textContent), ["10", "11", "12", "13", "14", "15"]);
    assert.deepEqual([...doc.querySelectorAll(".line")].map((line) => line.classList.contains("line-marked")), [false, true, false, true, true, false]);
    const quoted = code('{{< highlight js "hl_lines=[1,3], linenos=false" >}}x{{< /highlight >}}', "a\nb\nc");
    assert.equal(quoted.querySelectorAll(".line-number").length, 0);
    assert.deepEqual([...quoted.querySelectorAll(".line-marked")].map((line) => line.textContent), ["a", "c"]);
    assert.equal(code("{{< highlight js >}}x{{< /highlight >}}", "a\nb").querySelectorAll(".line-number, .line-marked").length, 0);
  });

  it("names the option that is wrong", () => {
    assert.throws(() => code('{{< highlight js "linenostart=ten" >}}x{{< /highlight >}}', "a"), (error: unknown) => error instanceof ParamError && /linenostart must be a whole number, not "ten"/.test(error.message));
    assert.throws(() => code('{{< highlight js "hl_lines=2-x" >}}x{{< /highlight >}}', "a"), (error: unknown) => error instanceof ParamError && /"2-x" in hl_lines/.test(error.message));
  });
});

describe("ref and relref", () => {
  const target = { url: "/posts/target/" } as Post;
  const site: SiteLookup = {
    findPost: (url) => (url === "/posts/p/" ? ({ url } as Post) : undefined),
    findRef: (path) => (["posts/target/index.md", "target", "/posts/target/"].includes(path) ? target : undefined),
    whyMissing: () => undefined,
    nearestUrls: (url) => (url === "/posts/targte/" ? ["/posts/target/"] : []),
    absoluteUrl: (path) => `https://example.com${path}`,
    card: () => html``,
  };
  const output = (source: string) => render(source, { site }).body.innerHTML;

  it("ref gives the page's absolute URL, relref its path; the fragment is kept; an empty path is this page", () => {
    assert.equal(output('{{< ref "posts/target/index.md" >}}'), "https://example.com/posts/target/");
    assert.equal(output('{{< relref "target#part-2" >}}'), "/posts/target/#part-2");
    assert.equal(output('{{< relref path="/posts/target/" lang="en" >}}'), "/posts/target/");
    assert.equal(output('{{< relref "#top" >}}'), "/posts/p/#top");
  });

  it("a page that does not exist stops the build, naming the closest", () => {
    assert.throws(
      () => render('{{< ref "posts/targte/index.md" >}}', { site }),
      (error: unknown) => error instanceof ParamError && /No page is "posts\/targte\/index\.md"/.test(error.message) && /did you mean \/posts\/target\/\?/.test(error.hint) && error.tolerable?.problem === "missingTarget",
    );
    assert.throws(() => render('{{< relref "nowhere" >}}', { site }), (error: unknown) => error instanceof ParamError && !/did you mean/.test(error.hint));
    rejects("{{< relref >}}", /needs the parameter "path"/);
  });
});

describe("cards with what `npm run embeds` kept", () => {
  const kept = (data: Record<string, Record<string, unknown>>) => ({ embedData: (kind: string, id: string) => data[`${kind}/${id}`] });
  const card = (source: string, data: Record<string, Record<string, unknown>>) => render(source, kept(data));

  it("github: the description, language, counts (compact, in the page's language), license and an archived badge", () => {
    const doc = card('{{< github repo="octo/tool" >}}', { "github/octo/tool": { description: "A tool", language: "Go", stars: 12345, forks: 0, license: "MIT", archived: true } });
    assert.equal(doc.querySelector(".repo-card-description")?.textContent, "A tool");
    assert.equal(doc.querySelector(".repo-card-language")?.textContent, "Go");
    assert.equal(doc.querySelector(".repo-card-stars")?.textContent?.trim(), new Intl.NumberFormat("zh-CN", { notation: "compact" }).format(12345));
    assert.equal(doc.querySelector(".repo-card-forks")?.textContent?.trim(), "0");
    assert.equal(doc.querySelector(".repo-card-license")?.textContent, "MIT");
    assert.equal(doc.querySelector(".repo-card-name .badge")?.textContent, "archived");
    // Values of the wrong kind are left out, not shown as text.
    const odd = card('{{< github repo="octo/tool" >}}', { "github/octo/tool": { description: 42, stars: "many", forks: -1, language: " ", archived: "yes" } });
    assert.equal(odd.querySelectorAll(".repo-card-description, .repo-card-stats, .badge").length, 0);
    assert.equal(card('{{< github repo="octo/tool" >}}', {}).querySelectorAll(".repo-card-description, .repo-card-stats").length, 0);
  });

  it("gitlab: the project by its name once kept, by its id before", () => {
    const named = card('{{< gitlab projectID="42" >}}', { "gitlab/42": { path: "group/sub/project" } }).querySelector("a.repo-card")!;
    assert.equal(named.getAttribute("href"), "https://gitlab.com/group/sub/project");
    assert.equal(named.querySelector(".repo-card-name")?.textContent, "group/sub/project");
    assert.equal(card('{{< gitlab projectID="42" >}}', {}).querySelector(".repo-card-name")?.textContent, "#42");
  });

  it("tweet: the text as runs with links and line breaks, escaped; the author, and the day in the page's language", () => {
    const doc = card('{{< tweet user="someone" id="123" >}}', {
      "tweet/123": { author: { name: "Some <One>", handle: "SomeOne" }, date: "2024-03-14", lang: "en", paragraphs: [[{ text: "Hi <b>\nthere " }, { text: "link", href: "https://t.co/x" }, { text: "bad", href: "javascript:alert(1)" }], [{ text: "Two" }]] },
    });
    const quote = doc.querySelector("blockquote")!;
    assert.equal(quote.getAttribute("lang"), "en");
    assert.deepEqual([...quote.querySelectorAll("p")].map((p) => p.innerHTML), ['Hi &lt;b&gt;<br>there <a href="https://t.co/x" rel="nofollow noopener">link</a>bad', "Two"]);
    assert.equal(doc.querySelector(".tweet-card-author")?.textContent, "Some <One>");
    assert.equal(doc.querySelector(".tweet-card-user")?.getAttribute("href"), "https://x.com/SomeOne");
    const day = doc.querySelector(".tweet-card-link time")!;
    assert.deepEqual([day.getAttribute("datetime"), day.textContent], ["2024-03-14", new Intl.DateTimeFormat("zh-CN", { dateStyle: "medium", timeZone: "UTC" }).format(new Date("2024-03-14T00:00:00Z"))]);
    assert.equal(doc.querySelector(".tweet-card-link")?.getAttribute("href"), "https://x.com/someone/status/123");
    // Without a day or a usable text, what it can: the link's words, or the plain card.
    const undated = card('{{< tweet user="someone" id="123" >}}', { "tweet/123": { author: { name: "A", handle: "a" }, date: "March 14", lang: "not a tag!", paragraphs: [[{ text: "Hi" }]] } });
    assert.deepEqual([undated.querySelector("time"), undated.querySelector("blockquote")?.hasAttribute("lang"), undated.querySelector(".tweet-card-link")?.textContent], [null, false, "在 X 上阅读这条帖子"]);
    for (const broken of [{ author: { name: "A" }, paragraphs: [[{ text: "x" }]] }, { author: { name: "A", handle: "a" }, paragraphs: [[{ text: "" }], "x"] }]) {
      assert.equal(card('{{< tweet user="someone" id="123" >}}', { "tweet/123": broken }).querySelector(".tweet-card-author"), null);
    }
  });

  it("youtube and vimeo: the kept title and poster, the channel under the player; the author's title wins", () => {
    const data = { "youtube/TfVYxnhuEdU": { title: "Kept title", author: { name: "Channel" }, thumbnail: "/_data/embeds/youtube/TfVYxnhuEdU.jpg" }, "vimeo/76979871": { title: "Film", thumbnail: "poster.jpg" } };
    const video = card("{{< youtube TfVYxnhuEdU >}}", data);
    assert.equal(video.querySelector(".embed-title")?.textContent, "Kept title");
    assert.equal(video.querySelector("a.embed-link")?.getAttribute("aria-label"), "播放视频：Kept title");
    assert.deepEqual([video.querySelector("a.embed-link > img.embed-poster")?.getAttribute("src"), video.querySelector("a.embed-link > img.embed-poster")?.getAttribute("alt")], ["/_data/embeds/youtube/TfVYxnhuEdU.jpg", ""]);
    assert.equal(video.querySelector(".embed-notice .embed-byline")?.textContent, "Channel");
    assert.equal(card('{{< youtube id="TfVYxnhuEdU" title="Mine" >}}', data).querySelector(".embed-title")?.textContent, "Mine");
    // A poster that is not a site path (the build sets it only when the file is there) is not shown.
    const film = card("{{< vimeo 76979871 >}}", data);
    assert.deepEqual([film.querySelector(".embed-title")?.textContent, film.querySelector("img"), film.querySelector(".embed-byline")], ["Film", null, null]);
  });

  it("gist: the kept files and description", () => {
    const doc = card("{{< gist someone 0123456789abcdef >}}", { "gist/0123456789abcdef": { description: "Notes", files: ["a.py", "b.md", 3] } });
    assert.deepEqual([...doc.querySelectorAll("blockquote code")].map((code) => code.textContent), ["a.py", "b.md"]);
    assert.equal(doc.querySelectorAll("blockquote p")[1]?.textContent, "Notes");
  });
});
