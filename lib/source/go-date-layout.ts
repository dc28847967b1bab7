import { DateTime } from "luxon";

/*
 * Hugo's date formats (`dateFormat`, `.Format`, `time.Format`) are Go time layouts: the reference time
 * "Mon Jan 2 15:04:05 MST 2006" written the way a date should look. How Go reads a layout, from its source
 * (golang/go src/time/format.go, `nextStdChunk` and `appendFormat`), in our words:
 *
 * - It scans left to right and at each byte tries the elements that can start there, longest first:
 *   "January" before "Jan", "Monday" before "Mon" (and "MST"), "2006" before "2", "15" before "1", "__2"/"_2"
 *   ("_2006" is a literal "_" and the year), "002", the zone forms ("-07:00:00", "-070000", "-0700", "-07:00",
 *   "-07" and the same with "Z"), "PM"/"pm", and "." or "," followed by a run of 0s or 9s (not followed by another
 *   digit) as a fractional second.
 * - "Jan" and "Mon" count only when the next character is not a lower-case letter ("Janet", "Month" are text).
 * - Every "1", "2", "3", "4", "5" is an element (month, day, 12-hour, minute, second); "0" only as "01"…"06" or
 *   "002"; every other character is printed as it is.
 * - Output: "_2" pads the day with a space to two places, "__2" the day of the year with spaces to three; "3"/"03"
 *   print 12 for noon and midnight; "PM"/"pm" print AM/PM in that case, in English; the "Z" zone forms print "Z"
 *   for UTC; "-07" prints two-digit hours; "MST" prints the zone's abbreviation; ".000" keeps trailing zeros,
 *   ".999" trims them (and the separator when nothing is left).
 *
 * Hugo (common/htime/time.go) formats with Go and then swaps the English month and weekday names for the
 * language's (CLDR format forms: "10月", "周三", "октября"); its layouts ":date_short|medium|long|full" and
 * ":time_short|medium|long|full" (case-insensitive, the whole layout) are CLDR's localized formats.
 *
 * Names: luxon's in-date tokens (MMM, MMMM, EEE, EEEE) take the name out of a formatted date, which is right for
 * languages that inflect it ("5 октября") but gives bare digits where the language writes the month as a number
 * with a suffix (zh-CN MMM and MMMM are "10", not "10月"/"十月"; likewise cs, fi). Given the locale, a name that
 * would come out as digits uses luxon's standalone token (LLL, LLLL…) instead.
 *
 * luxon's `toFormat` cannot say everything Go can: no space padding, no lower-case am/pm, no "Z" for UTC in a
 * format string (only the `allowZ` option), no two-digit-only offset, no trimming of fractional zeros, and its
 * meridiem follows the locale. `goLayoutToLuxon` gives the nearest luxon format for those; `formatGoLayout`
 * formats a date exactly as Hugo does, using luxon only for the localized names.
 */

type Element =
  | "January" | "Jan" | "1" | "01"
  | "Monday" | "Mon"
  | "2" | "_2" | "02" | "__2" | "002"
  | "15" | "3" | "03" | "4" | "04" | "5" | "05"
  | "2006" | "06"
  | "PM" | "pm"
  | "MST"
  | "Z0700" | "Z070000" | "Z07" | "Z07:00" | "Z07:00:00"
  | "-0700" | "-070000" | "-07" | "-07:00" | "-07:00:00";

type Chunk =
  | { kind: "text"; text: string }
  | { kind: "element"; element: Element }
  | { kind: "fraction"; separator: string; digits: number; trim: boolean };

/** The luxon token for each element. `_2`, `__2`, `pm`, `Z…` at UTC and `-07` are the nearest luxon has. */
const luxonToken: Record<Element, string> = {
  January: "MMMM", Jan: "MMM", "1": "M", "01": "MM",
  Monday: "EEEE", Mon: "EEE",
  "2": "d", _2: "d", "02": "dd", __2: "o", "002": "ooo",
  "15": "HH", "3": "h", "03": "hh", "4": "m", "04": "mm", "5": "s", "05": "ss",
  "2006": "yyyy", "06": "yy",
  PM: "a", pm: "a",
  MST: "ZZZZ",
  Z0700: "ZZZ", Z070000: "ZZZ'00'", Z07: "Z", "Z07:00": "ZZ", "Z07:00:00": "ZZ':00'",
  "-0700": "ZZZ", "-070000": "ZZZ'00'", "-07": "Z", "-07:00": "ZZ", "-07:00:00": "ZZ':00'",
};

/** Same output, another letter: luxon reads a run of one letter as one token, so "01Jan" must not become "MMMMM". */
const alternative: Record<string, string> = { M: "L", MM: "LL", MMM: "LLL", MMMM: "LLLL", EEE: "ccc", EEEE: "cccc" };

/** A month or weekday name as luxon prints it on its own, not taken out of a date. */
const standalone: Record<string, string> = { MMM: "LLL", MMMM: "LLLL", EEE: "ccc", EEEE: "cccc" };

/** Hugo's localized layouts and luxon's localized formats. */
const localized: Record<string, string> = {
  date_short: "D", date_medium: "DD", date_long: "DDD", date_full: "DDDD",
  time_short: "t", time_medium: "tt", time_long: "ttt", time_full: "tttt",
};

/**
 * The luxon `toFormat` string for a Go layout (Hugo's `dateFormat`): the same date, within the limits above.
 * `locale` (the page's, e.g. "zh-CN") picks month and weekday tokens that give a name in that language.
 */
export function goLayoutToLuxon(layout: string, locale?: string): string {
  const macro = localizedLayout(layout);
  if (macro !== undefined) return macro;
  let format = "";
  let lastLetter = "";
  for (const chunk of chunks(layout)) {
    if (chunk.kind === "text") {
      format += quote(chunk.text);
      lastLetter = "";
      continue;
    }
    let token: string;
    if (chunk.kind === "fraction") {
      const { separator, digits } = chunk;
      const fraction = digits === 1 ? "uuu" : digits === 2 ? "uu" : `SSS${digits > 3 ? quote("0".repeat(digits - 3)) : ""}`;
      token = `${quote(separator)}${fraction}`;
    } else {
      token = luxonToken[chunk.element];
      const alone = standalone[token];
      if (locale !== undefined && alone !== undefined && isDigits(sampleDate(locale).toFormat(token))) token = alone;
      if (token[0] === lastLetter) token = alternative[token] ?? token;
    }
    format += token;
    lastLetter = /[A-Za-z]$/.test(token) ? token.at(-1)! : "";
  }
  return format;
}

/** Formats `date` (in its own zone and locale) exactly as Hugo formats it with a Go layout. */
export function formatGoLayout(date: DateTime, layout: string): string {
  const macro = localizedLayout(layout);
  if (macro !== undefined) return date.toFormat(macro);
  let out = "";
  for (const chunk of chunks(layout)) {
    if (chunk.kind === "text") out += chunk.text;
    else if (chunk.kind === "fraction") out += fraction(date.millisecond, chunk);
    else out += element(date, chunk.element);
  }
  return out;
}

function localizedLayout(layout: string): string | undefined {
  return layout.startsWith(":") ? localized[layout.slice(1).toLowerCase()] : undefined;
}

/** Go's `nextStdChunk`, run over the whole layout. */
function chunks(layout: string): Chunk[] {
  const found: Chunk[] = [];
  let text = "";
  const push = (chunk: Chunk) => {
    if (text !== "") found.push({ kind: "text", text });
    text = "";
    found.push(chunk);
  };
  let i = 0;
  while (i < layout.length) {
    const rest = layout.slice(i);
    const match = elementAt(rest);
    if (match === undefined) {
      text += layout[i];
      i += 1;
    } else {
      text += match.before;
      push(match.chunk);
      i += match.length;
    }
  }
  if (text !== "") found.push({ kind: "text", text });
  return found;
}

const zoneForms = ["07:00:00", "070000", "0700", "07:00", "07"] as const;

function elementAt(rest: string): { chunk: Chunk; length: number; before: string } | undefined {
  const element = (name: Element, before = "") => ({ chunk: { kind: "element", element: name } as Chunk, length: name.length, before });
  const lowerNext = (at: number) => /^[a-z]/.test(rest.slice(at));
  switch (rest[0]) {
    case "J":
      if (rest.startsWith("January")) return element("January");
      if (rest.startsWith("Jan") && !lowerNext(3)) return element("Jan");
      return undefined;
    case "M":
      if (rest.startsWith("Monday")) return element("Monday");
      if (rest.startsWith("Mon") && !lowerNext(3)) return element("Mon");
      if (rest.startsWith("MST")) return element("MST");
      return undefined;
    case "0": {
      const next = rest[1] ?? "";
      if (next >= "1" && next <= "6") return element(`0${next}` as Element);
      if (rest.startsWith("002")) return element("002");
      return undefined;
    }
    case "1":
      return element(rest.startsWith("15") ? "15" : "1");
    case "2":
      return element(rest.startsWith("2006") ? "2006" : "2");
    case "_":
      if (rest.startsWith("_2006")) return { ...element("2006"), length: 5, before: "_" };
      if (rest.startsWith("_2")) return element("_2");
      if (rest.startsWith("__2")) return element("__2");
      return undefined;
    case "3":
    case "4":
    case "5":
      return element(rest[0]);
    case "P":
      return rest.startsWith("PM") ? element("PM") : undefined;
    case "p":
      return rest.startsWith("pm") ? element("pm") : undefined;
    case "-":
    case "Z": {
      const form = zoneForms.find((candidate) => rest.startsWith(candidate, 1));
      return form === undefined ? undefined : element(`${rest[0]}${form}` as Element);
    }
    case ".":
    case ",": {
      const digit = rest[1];
      if (digit !== "0" && digit !== "9") return undefined;
      let end = 1;
      while (rest[end] === digit) end += 1;
      if (/^[0-9]/.test(rest.slice(end))) return undefined;
      return { chunk: { kind: "fraction", separator: rest[0], digits: end - 1, trim: digit === "9" }, length: end, before: "" };
    }
    default:
      return undefined;
  }
}

/** Literal text for luxon: inside single quotes; a quote itself is written '' outside them. */
function quote(text: string): string {
  return text
    .split("'")
    .map((part) => (part === "" ? "" : `'${part}'`))
    .join("''");
}

function element(date: DateTime, name: Element): string {
  const pad = (value: number, width: number, fill = "0") => String(value).padStart(width, fill);
  const hour12 = date.hour % 12 === 0 ? 12 : date.hour % 12;
  switch (name) {
    case "1": return String(date.month);
    case "01": return pad(date.month, 2);
    case "2": return String(date.day);
    case "_2": return pad(date.day, 2, " ");
    case "02": return pad(date.day, 2);
    case "__2": return pad(date.ordinal, 3, " ");
    case "002": return pad(date.ordinal, 3);
    case "15": return pad(date.hour, 2);
    case "3": return String(hour12);
    case "03": return pad(hour12, 2);
    case "4": return String(date.minute);
    case "04": return pad(date.minute, 2);
    case "5": return String(date.second);
    case "05": return pad(date.second, 2);
    case "2006": return date.year < 0 ? `-${pad(-date.year, 4)}` : pad(date.year, 4);
    case "06": return pad(Math.abs(date.year) % 100, 2);
    case "PM": return date.hour >= 12 ? "PM" : "AM";
    case "pm": return date.hour >= 12 ? "pm" : "am";
    case "January": case "Jan": case "Monday": case "Mon":
      return localName(date, luxonToken[name]);
    case "MST":
      return date.toFormat(luxonToken[name]);
    default: return offset(date.offset, name);
  }
}

/** A zone element: `offsetMinutes` east of UTC in the given form. */
function offset(offsetMinutes: number, form: Element): string {
  if (form.startsWith("Z") && offsetMinutes === 0) return "Z";
  const sign = offsetMinutes < 0 ? "-" : "+";
  const minutes = Math.abs(offsetMinutes);
  const hours = String(Math.floor(minutes / 60)).padStart(2, "0");
  const rest = String(minutes % 60).padStart(2, "0");
  const shape = form.slice(1);
  if (shape === "07") return `${sign}${hours}`;
  if (shape === "0700") return `${sign}${hours}${rest}`;
  if (shape === "070000") return `${sign}${hours}${rest}00`;
  if (shape === "07:00") return `${sign}${hours}:${rest}`;
  return `${sign}${hours}:${rest}:00`;
}

function fraction(millisecond: number, chunk: { separator: string; digits: number; trim: boolean }): string {
  let digits = String(millisecond * 1_000_000).padStart(9, "0").slice(0, chunk.digits);
  if (chunk.trim) digits = digits.replace(/0+$/, "");
  return digits === "" ? "" : `${chunk.separator}${digits}`;
}

const isDigits = (text: string) => /^[0-9]+$/.test(text);

/** 5 October 2022, a Wednesday: a month with a two-digit number, a date that is in no month's first days. */
function sampleDate(locale: string): DateTime {
  return DateTime.fromObject({ year: 2022, month: 10, day: 5 }, { zone: "UTC", locale });
}

/** The month or weekday name Hugo prints in the date's language: the in-date form, else the name on its own. */
function localName(date: DateTime, token: string): string {
  const name = date.toFormat(token);
  if (!isDigits(name)) return name;
  const options: Intl.DateTimeFormatOptions =
    token === "MMM" ? { month: "short" } : token === "MMMM" ? { month: "long" } : token === "EEE" ? { weekday: "short" } : { weekday: "long" };
  return new Intl.DateTimeFormat(date.locale ?? undefined, { ...options, timeZone: "UTC" }).format(Date.UTC(date.year, date.month - 1, date.day));
}
