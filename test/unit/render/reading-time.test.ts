import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { countWords, isCjkLanguage, readingMinutes } from "../../../lib/render/reading-time.ts";

describe("countWords", () => {
  it("counts each CJK character as a word", () => {
    assert.equal(countWords("人工智能"), 4);
    assert.equal(countWords("我们在哪里，是如何到达这里的？"), 13);
  });

  it("counts runs of other letters as words", () => {
    assert.equal(countWords("The quick brown fox's tail"), 5);
    assert.equal(countWords("GPT-3 is 175B parameters"), 4);
  });

  it("counts mixed text both ways", () => {
    assert.equal(countWords("Google创建DeepDream"), 4);
    assert.equal(countWords("使用 Stable Diffusion 生成"), 6);
  });

  it("ignores punctuation and whitespace", () => {
    assert.equal(countWords("  ——，。！ \n "), 0);
  });
});

describe("readingMinutes", () => {
  it("uses 500 words a minute for CJK text", () => {
    assert.equal(readingMinutes(500, true), 1);
    assert.equal(readingMinutes(501, true), 2);
    assert.equal(readingMinutes(2000, true), 4);
  });

  it("uses 213 words a minute otherwise", () => {
    assert.equal(readingMinutes(213, false), 1);
    assert.equal(readingMinutes(214, false), 2);
    assert.equal(readingMinutes(1200, false), 6);
  });

  it("never says zero minutes", () => {
    assert.equal(readingMinutes(0, false), 1);
  });
});

describe("isCjkLanguage", () => {
  it("knows Chinese, Japanese and Korean tags", () => {
    assert.ok(isCjkLanguage("zh-CN") && isCjkLanguage("ja") && isCjkLanguage("ko-KR"));
    assert.ok(!isCjkLanguage("en") && !isCjkLanguage("zu"));
  });
});
