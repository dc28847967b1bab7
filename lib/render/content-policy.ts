import crypto from "node:crypto";
import { Parser } from "htmlparser2";

/** What a page's content needs from the Content-Security-Policy beyond our own files. */
export interface PolicyNeeds {
  /** Hashes of the inline `style` attributes authors wrote (allowed one by one, never wholesale). */
  styleHashes: string[];
  /** Hashes of inline scripts. */
  scriptHashes: string[];
  /** Origins that click-to-load embeds open. */
  frameSources: string[];
  /**
   * Styles made in the reader's browser (Mermaid drawing a diagram type the build cannot draw): only then does the
   * policy allow inline styles at all, and on the whole site, as a host's header file cannot loosen one page.
   */
  inlineStyles?: boolean;
}

export function cspHash(text: string): string {
  return `'sha256-${crypto.createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/** Reads what a rendered body needs: its style attributes, inline scripts and embed origins. */
export function policyNeeds(body: string): PolicyNeeds {
  const frames = new Set<string>();
  // Embed placeholders are our own markup, with the address in double quotes: no parsing needed to find them.
  for (const match of body.matchAll(/data-embed-src="([^"]+)"/g)) frames.add(new URL(match[1]!.replaceAll("&amp;", "&")).origin);
  const inlineStyles = body.includes('class="diagram diagram-in-browser"') || undefined;
  const needs: PolicyNeeds = { styleHashes: [], scriptHashes: [], frameSources: [...frames], inlineStyles };
  if (!/style\s*=|<script/i.test(body)) return needs;
  const styles = new Set<string>();
  const scripts = new Set<string>();
  let script: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (attributes.style !== undefined) styles.add(cspHash(attributes.style));
        // JSON-LD and other data blocks are not run, so the policy need not name them.
        if (name === "script" && !attributes.src && /^(|text\/javascript|module)$/i.test(attributes.type ?? "")) script = "";
      },
      ontext(text) {
        if (script !== undefined) script += text;
      },
      onclosetag(name) {
        if (name === "script" && script !== undefined) {
          scripts.add(cspHash(script));
          script = undefined;
        }
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.write(body);
  parser.end();
  return { styleHashes: [...styles], scriptHashes: [...scripts], frameSources: [...frames], inlineStyles };
}

/** Merges the needs of every page into one policy for the whole site. */
export function mergeNeeds(all: Iterable<PolicyNeeds | undefined>): PolicyNeeds {
  const merged = { styleHashes: new Set<string>(), scriptHashes: new Set<string>(), frameSources: new Set<string>() };
  let inlineStyles = false;
  for (const needs of all) {
    if (!needs) continue;
    inlineStyles ||= needs.inlineStyles === true;
    for (const key of ["styleHashes", "scriptHashes", "frameSources"] as const) for (const value of needs[key]) merged[key].add(value);
  }
  return {
    styleHashes: [...merged.styleHashes].sort(),
    scriptHashes: [...merged.scriptHashes].sort(),
    frameSources: [...merged.frameSources].sort(),
    ...(inlineStyles ? { inlineStyles } : {}),
  };
}

/**
 * The site's Content-Security-Policy: everything from our own origin, nothing inline except what is allowed by
 * hash (the theme script, the style attributes authors wrote), WebAssembly for the search, and frames only from
 * the origins of the embeds a reader may click to load.
 */
export function contentSecurityPolicy(needs: PolicyNeeds, inlineScripts: string[]): string {
  const scriptHashes = [...inlineScripts.map(cspHash), ...needs.scriptHashes];
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", ...scriptHashes, "'wasm-unsafe-eval'"],
    // A hash in the list would switch 'unsafe-inline' off again, so it stands alone.
    "style-src": needs.inlineStyles ? ["'self'", "'unsafe-inline'"] : ["'self'", ...(needs.styleHashes.length > 0 ? ["'unsafe-hashes'", ...needs.styleHashes] : [])],
    "img-src": ["'self'", "data:", "https:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-src": needs.frameSources.length > 0 ? needs.frameSources : ["'none'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}
