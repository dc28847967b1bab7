import { DateTime } from "luxon";

/**
 * A date as a reader of the page's language writes it: "2022年10月25日", "October 25, 2022"; or in the format the
 * language's settings give (luxon tokens, e.g. "yyyy年M月d日").
 */
export function readableDate(date: Date, lang: string, timeZone: string, format?: string): string {
  const local = DateTime.fromJSDate(date, { zone: timeZone }).setLocale(lang);
  return format ? local.toFormat(format) : local.toLocaleString(DateTime.DATE_FULL);
}

/** Machine-readable form for `<time datetime>`, feeds and structured data. */
export function isoDate(date: Date, timeZone: string): string {
  return DateTime.fromJSDate(date, { zone: timeZone }).toISO({ suppressMilliseconds: true }) ?? date.toISOString();
}
