import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DateTime } from "luxon";
import { formatGoLayout, goLayoutToLuxon } from "../../../lib/source/go-date-layout.ts";

// Wednesday 5 October 2022, 15:04:05.120 UTC: day 278 of the year.
const moment = DateTime.fromISO("2022-10-05T15:04:05.120", { zone: "UTC" });
const en = moment.setLocale("en");
const zh = moment.setLocale("zh-CN");

/** Layouts whose Go output luxon's format reproduces exactly; [layout, locale, what Hugo prints]. */
const exact: Array<[string, DateTime, string]> = [
  ["2006-01-02", en, "2022-10-05"],
  ["2006年01月02日", zh, "2022年10月05日"],
  ["2006年1月2日", zh, "2022年10月5日"],
  ["Jan 2, 2006", en, "Oct 5, 2022"],
  ["January 2, 2006", en, "October 5, 2022"],
  ["2 January 2006", en, "5 October 2022"],
  ["Monday, January 2, 2006", en, "Wednesday, October 5, 2022"],
  ["Mon Jan 2", en, "Wed Oct 5"],
  ["02/01/06", en, "05/10/22"],
  ["1/2/2006", en, "10/5/2022"],
  ["15:04", en, "15:04"],
  ["15:04:05", en, "15:04:05"],
  ["3:04PM", en, "3:04PM"],
  ["03:04:05 PM", en, "03:04:05 PM"],
  ["2006-01-02 at 15:04", en, "2022-10-05 at 15:04"],
  ["02 Jan 06 15:04 MST", en, "05 Oct 22 15:04 UTC"],
  ["2006-01-02T15:04:05-07:00", en, "2022-10-05T15:04:05+00:00"],
  ["Mon, 02 Jan 2006 15:04:05 -0700", en, "Wed, 05 Oct 2022 15:04:05 +0000"],
  ["15:04:05.000", en, "15:04:05.120"],
  ["15:04:05,00", en, "15:04:05,12"],
  ["15:04:05.000000", en, "15:04:05.120000"],
  ["002", en, "278"],
  ["_2006", en, "_2022"],
  ["Month: Janet's 2006", en, "Month: Janet's 2022"],
  ["2006 o'clock ''", en, "2022 o'clock ''"],
  ["01Jan", en, "10Oct"],
  ["Jan 2, 2006", zh, "10月 5, 2022"],
  ["January", zh, "十月"],
  ["Mon Monday", zh, "周三 星期三"],
  [":date_medium", en, "Oct 5, 2022"],
  [":date_long", en, "October 5, 2022"],
  [":Date_Full", en, "Wednesday, October 5, 2022"],
  [":date_long", zh, "2022年10月5日"],
];

describe("goLayoutToLuxon: Hugo's date layouts as luxon formats", () => {
  for (const [layout, date, expected] of exact) {
    it(`${JSON.stringify(layout)} in ${date.locale} prints ${JSON.stringify(expected)}`, () => {
      assert.equal(date.toFormat(goLayoutToLuxon(layout, date.locale ?? undefined)), expected);
      assert.equal(formatGoLayout(date, layout), expected);
    });
  }

  it("quotes every literal, so no letter of the layout is read as a luxon token", () => {
    assert.equal(goLayoutToLuxon("2006-01-02 at 15:04"), "yyyy'-'MM'-'dd' at 'HH':'mm");
    assert.equal(goLayoutToLuxon("o'clock"), "'o''''clock'");
    assert.equal(goLayoutToLuxon(":date_short"), "D");
    assert.equal(goLayoutToLuxon(":date_full"), "DDDD");
    assert.equal(goLayoutToLuxon(":time_short"), "t");
    assert.equal(goLayoutToLuxon(":time_full"), "tttt");
    // Not one of Hugo's names: an ordinary layout.
    assert.equal(en.toFormat(goLayoutToLuxon(":dates of 2006")), ":dates of 2022");
  });

  it("reads names in the format form, falling back to the standalone one where luxon would print only digits", () => {
    assert.equal(goLayoutToLuxon("January 2"), "MMMM' 'd");
    assert.equal(goLayoutToLuxon("January 2", "ru"), "MMMM' 'd");
    assert.equal(goLayoutToLuxon("January 2", "zh-CN"), "LLLL' 'd");
    assert.equal(moment.setLocale("ru").toFormat(goLayoutToLuxon("2 January 2006", "ru")), "5 октября 2022");
  });
});

describe("where luxon cannot print what Go prints: the nearest format, and formatGoLayout exact", () => {
  const early = DateTime.fromISO("2022-01-05T00:07:09.500", { zone: "UTC" }).setLocale("en");
  const shanghai = en.setZone("Asia/Shanghai");
  // [layout, date, Go's output, what the luxon format prints]
  const approximate: Array<[string, DateTime, string, string]> = [
    ["_2 Jan", en, " 5 Oct", "5 Oct"],
    ["Jan _2", moment.set({ day: 15 }).setLocale("en"), "Oct 15", "Oct 15"],
    ["__2", early, "  5", "5"],
    ["002", early, "005", "005"],
    ["3:04pm", en, "3:04pm", "3:04PM"],
    ["3:04PM", early, "12:07AM", "12:07AM"],
    ["3:04PM", zh, "3:04PM", "3:04下午"],
    ["2006-01-02T15:04:05Z07:00", en, "2022-10-05T15:04:05Z", "2022-10-05T15:04:05+00:00"],
    ["15:04Z07:00", shanghai, "23:04+08:00", "23:04+08:00"],
    ["15:04 -07", shanghai, "23:04 +08", "23:04 +8"],
    ["-070000", shanghai, "+080000", "+080000"],
    ["05.999", en, "05.12", "05.120"],
    ["05.999", early, "09.5", "09.500"],
    ["05.9", moment.set({ millisecond: 0 }), "05", "05.0"],
  ];
  for (const [layout, date, go, nearest] of approximate) {
    it(`${JSON.stringify(layout)}: Go ${JSON.stringify(go)}, luxon ${JSON.stringify(nearest)}`, () => {
      assert.equal(formatGoLayout(date, layout), go);
      assert.equal(date.toFormat(goLayoutToLuxon(layout)), nearest);
    });
  }
});
