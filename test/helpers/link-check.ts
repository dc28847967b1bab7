import fs from "node:fs";
import path from "node:path";
import { parseHTML } from "linkedom";

export interface BrokenLink {
  page: string;
  attribute: string;
  url: string;
  reason: string;
}

const linkAttributes: Array<[selector: string, attribute: string]> = [
  ["a[href]", "href"],
  ["link[href]", "href"],
  ["img[src]", "src"],
  ["img[srcset]", "srcset"],
  ["source[srcset]", "srcset"],
  ["source[src]", "src"],
  ["script[src]", "src"],
  ["iframe[src]", "src"],
  ["video[src]", "src"],
  ["video[poster]", "poster"],
];

/** Every HTML file in a built site, as site-relative URLs of the pages they serve. */
export function htmlPages(outputDir: string): string[] {
  return fs
    .readdirSync(outputDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => "/" + path.relative(outputDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .map((file) => file.replace(/index\.html$/, ""));
}

/**
 * Checks every internal href, src and srcset of every page: the target must be a file of the output, and a
 * #fragment must name an element id (or anchor name) on the target page. External links are not fetched.
 * `pathPrefix` is the sub-path the site is served under; internal links must carry it.
 */
export function checkLinks(outputDir: string, pathPrefix = "/"): BrokenLink[] {
  const broken: BrokenLink[] = [];
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string): Set<string> => {
    let found = ids.get(file);
    if (!found) {
      const doc = parseHTML(fs.readFileSync(file, "utf8")).document;
      found = new Set([...doc.querySelectorAll("[id], a[name]")].map((el) => el.getAttribute("id") ?? el.getAttribute("name") ?? ""));
      ids.set(file, found);
    }
    return found;
  };

  for (const pageUrl of htmlPages(outputDir)) {
    const servedAt = new URL(pathPrefix.replace(/\/$/, "") + pageUrl, "https://site.invalid");
    const pageFile = path.join(outputDir, pageUrl.endsWith("/") ? `${pageUrl}index.html` : pageUrl);
    const doc = parseHTML(fs.readFileSync(pageFile, "utf8")).document;
    for (const [selector, attribute] of linkAttributes) {
      for (const element of doc.querySelectorAll(selector)) {
        const value = element.getAttribute(attribute) ?? "";
        const urls = attribute === "srcset" ? value.split(",").map((part) => part.trim().split(/\s+/)[0] ?? "") : [value];
        for (const raw of urls) {
          if (raw === "" || /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(raw)) continue;
          const reason = checkOne(raw, servedAt, outputDir, pathPrefix, idsOf);
          if (reason) broken.push({ page: pageUrl, attribute, url: raw, reason });
        }
      }
    }
  }
  return broken;
}

function checkOne(
  raw: string,
  servedAt: URL,
  outputDir: string,
  pathPrefix: string,
  idsOf: (file: string) => Set<string>,
): string | undefined {
  const target = new URL(raw, servedAt);
  let pathname = decodeURIComponent(target.pathname);
  if (!pathname.startsWith(pathPrefix)) return `outside the path prefix ${pathPrefix}`;
  pathname = "/" + pathname.slice(pathPrefix.length);
  let file = path.join(outputDir, pathname);
  if (pathname.endsWith("/")) file = path.join(file, "index.html");
  else if (fs.existsSync(file) && fs.statSync(file).isDirectory()) return "a folder linked without its trailing slash";
  if (!fs.existsSync(file)) return "no such file in the output";
  const fragment = decodeURIComponent(target.hash.slice(1));
  if (fragment && file.endsWith(".html") && !idsOf(file).has(fragment)) return `no element with id "${fragment}"`;
  return undefined;
}
