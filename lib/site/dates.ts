import { DateTime } from "luxon";

/** A date as a reader of the page's language writes it: "2022年10月25日", "October 25, 2022". */
export function readableDate(date: Date, lang: string, timeZone: string): string {
  return DateTime.fromJSDate(date, { zone: timeZone }).setLocale(lang).toLocaleString(DateTime.DATE_FULL);
}

/** Machine-readable form for `<time datetime>`, feeds and structured data. */
export function isoDate(date: Date, timeZone: string): string {
  return DateTime.fromJSDate(date, { zone: timeZone }).toISO({ suppressMilliseconds: true }) ?? date.toISOString();
}
