import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import sharp from "sharp";
import { AuthorError } from "../../../lib/errors.ts";
import { setImageCacheDir, takePublished } from "../../../lib/render/images.ts";
import { prepareSiteIcons } from "../../../lib/site/site-icons.ts";
import { loadSiteSettings } from "../../../lib/source/site-settings.ts";
import { temporaryDir } from "../../../scripts/temporary-dir.ts";
import { projectDir } from "../../helpers/site.ts";

const staticDir = path.join(projectDir, "static");

/** A Hugo-style site: `content/` with its settings, and the files given around it (static/…). */
function site(settings: object, files: Record<string, Buffer | string> = {}): string {
  const root = temporaryDir("blog-icons-");
  fs.mkdirSync(path.join(root, "content/_data"), { recursive: true });
  fs.writeFileSync(path.join(root, "content/_data/site.json"), JSON.stringify({ title: "Notes", ...settings }));
  for (const [name, bytes] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), bytes);
  }
  return path.join(root, "content");
}

const solid = (r: number, g: number, b: number) => sharp({ create: { width: 600, height: 600, channels: 3, background: { r, g, b } } }).png().toBuffer();

describe("the site's icons", () => {
  let red: Buffer;
  before(async () => {
    setImageCacheDir(temporaryDir("blog-icon-cache-"));
    red = await solid(200, 30, 30);
    takePublished();
  });

  it("are made from the picture `icon` names: favicon.ico, the home-screen icons and a manifest, no SVG", async () => {
    const content = site({ icon: "brand.png" }, { "content/brand.png": red });
    const icons = await prepareSiteIcons(content, staticDir, loadSiteSettings(content));
    assert.equal(icons.svg, undefined);
    const published = takePublished();
    assert.deepEqual([...published.keys()].sort(), ["/apple-touch-icon.png", "/favicon.ico", "/icon-192.png", "/icon-512.png", "/site.webmanifest"]);
    const { data } = await sharp(published.get("/apple-touch-icon.png")!).raw().toBuffer({ resolveWithObject: true });
    assert.deepEqual([...data.subarray(0, 3)], [200, 30, 30], "made from the site's picture");
    assert.equal(JSON.parse(fs.readFileSync(published.get("/site.webmanifest")!, "utf8")).name, "Notes");
  });

  it("are made from static/favicon.png by convention, leaving the files the site serves itself as they are", async () => {
    const content = site({}, { "static/favicon.png": red, "static/favicon.ico": "own", "static/site.webmanifest": "{}" });
    const icons = await prepareSiteIcons(content, staticDir, loadSiteSettings(content));
    assert.deepEqual(icons, { ico: "/favicon.ico", svg: undefined, appleTouch: "/apple-touch-icon.png", manifest: "/site.webmanifest" });
    assert.deepEqual([...takePublished().keys()].sort(), ["/apple-touch-icon.png", "/icon-192.png", "/icon-512.png"]);
  });

  it("link the site's own favicon.svg, and the generator's own icon when the site has none", async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8" fill="#06c"/></svg>';
    const own = site({}, { "static/favicon.svg": svg });
    assert.equal((await prepareSiteIcons(own, staticDir, loadSiteSettings(own))).svg, "/favicon.svg");
    assert.equal(takePublished().has("/favicon.svg"), false, "served from its static/ already");
    const none = site({});
    assert.equal((await prepareSiteIcons(none, staticDir, loadSiteSettings(none))).svg, "/favicon.svg");
    assert.equal(takePublished().get("/favicon.svg"), path.join(staticDir, "default-favicon.svg"));
  });

  it("name the setting when its picture is missing or is no image", async () => {
    const missing = site({ icon: "logo.png" });
    await assert.rejects(prepareSiteIcons(missing, staticDir, loadSiteSettings(missing)), (error: unknown) => error instanceof AuthorError && /The icon "logo\.png" is in neither the content folder/.test(error.message) && /correct "icon"/.test(error.message));
    const broken = site({ icon: "logo.png" }, { "content/logo.png": "not a picture" });
    await assert.rejects(prepareSiteIcons(broken, staticDir, loadSiteSettings(broken)), (error: unknown) => error instanceof AuthorError && /The icon "logo\.png" could not be read as an image/.test(error.message));
  });
});
