import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isoDate, readableDate } from "../../../lib/site/dates.ts";

describe("readableDate", () => {
  const date = new Date("2022-10-24T16:00:00Z"); // 25 October, midnight in Shanghai

  it("writes a Chinese date for zh-CN pages", () => {
    assert.equal(readableDate(date, "zh-CN", "Asia/Shanghai"), "2022年10月25日");
  });

  it("writes an English date for en pages", () => {
    assert.equal(readableDate(date, "en", "Asia/Shanghai"), "October 25, 2022");
  });

  it("uses the site's time zone, not the machine's", () => {
    assert.equal(readableDate(date, "en", "UTC"), "October 24, 2022");
  });
});

describe("isoDate", () => {
  it("keeps the site's offset", () => {
    assert.equal(isoDate(new Date("2022-10-24T16:00:00Z"), "Asia/Shanghai"), "2022-10-25T00:00:00+08:00");
    assert.equal(isoDate(new Date("2022-10-24T16:00:00Z"), "UTC"), "2022-10-24T16:00:00Z");
  });
});
