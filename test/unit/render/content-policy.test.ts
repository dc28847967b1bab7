import assert from "node:assert/strict";
import crypto from "node:crypto";
import { describe, it } from "node:test";
import { contentSecurityPolicy, cspHash, mergeNeeds, policyNeeds } from "../../../lib/render/content-policy.ts";

const hash = (text: string) => `'sha256-${crypto.createHash("sha256").update(text).digest("base64")}'`;

describe("content security policy", () => {
  it("hashes the decoded value of each style attribute and inline script", () => {
    const needs = policyNeeds(
      '<div style="flex: 1; margin:10px">a</div><p style="color: &quot;red&quot;"></p><script>alert(1)</script><script type="application/ld+json">{}</script>',
    );
    assert.deepEqual(needs.styleHashes.sort(), [hash("flex: 1; margin:10px"), hash('color: "red"')].sort());
    assert.deepEqual(needs.scriptHashes, [hash("alert(1)")]);
  });

  it("collects the origins of click-to-load embeds", () => {
    const needs = policyNeeds('<figure data-embed-src="https://share.transistor.fm/e/1"></figure><figure data-embed-src="https://www.youtube-nocookie.com/embed/x"></figure>');
    assert.deepEqual(needs.frameSources.sort(), ["https://share.transistor.fm", "https://www.youtube-nocookie.com"]);
  });

  it("allows nothing inline but what is hashed, and frames only from embeds", () => {
    const merged = mergeNeeds([policyNeeds('<i style="x:1"></i>'), policyNeeds('<i style="x:1"></i><figure data-embed-src="https://a.example/e"></figure>'), undefined]);
    const policy = contentSecurityPolicy(merged, ["init()"]);
    assert.match(policy, /^default-src 'self'; /);
    assert.ok(policy.includes(`script-src 'self' ${cspHash("init()")} 'wasm-unsafe-eval'`));
    assert.ok(policy.includes(`style-src 'self' 'unsafe-hashes' ${hash("x:1")};`));
    assert.ok(policy.includes("frame-src https://a.example;"));
    assert.ok(!policy.includes("unsafe-inline"));
    assert.match(contentSecurityPolicy(mergeNeeds([]), []), /style-src 'self'; .*frame-src 'none'/);
  });
});
