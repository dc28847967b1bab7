import fs from "node:fs";
import path from "node:path";
import { displayPath } from "../errors.ts";
import type { Unpublished } from "../source/publication.ts";

interface Entry {
  /** Why this build leaves the page out; undefined when it is published. */
  unpublished: Unpublished | undefined;
  /** When its publication last changed (it became due or expired), and when it changes next, as of the build. */
  changes: { previous: Date | undefined; next: Date | undefined };
}

/**
 * The pages a build leaves out because of their dates, and when the site's output changes next without any file
 * changing: the build says so (a scheduled post is published by a build after its date, so the author knows when
 * to rebuild), and the kept copy of the site (lib/cache/folder-cache.ts) is not put back after that moment.
 */
export class PublicationSchedule {
  readonly #pages = new Map<string, Entry>();

  note(inputPath: string, entry: Entry): void {
    this.#pages.set(path.resolve(inputPath), entry);
  }

  /** The pages of files that still exist (the dev server keeps its records across rebuilds). */
  #current(): Array<[string, Entry]> {
    return [...this.#pages].filter(([file]) => fs.existsSync(file));
  }

  /** The next moment the output changes by itself, and the file that changes it. */
  nextChange(): { at: Date; file: string } | undefined {
    let next: { at: Date; file: string } | undefined;
    for (const [file, { changes }] of this.#current()) {
      const at = changes.next;
      if (at && (!next || at < next.at || (at.getTime() === next.at.getTime() && file < next.file))) next = { at, file };
    }
    return next;
  }

  /**
   * The span of time in which a build of the same files writes the same site: from the last change before the
   * build's moment to the next one after it.
   */
  validity(): { from: Date | undefined; until: Date | undefined } {
    const previous = this.#current()
      .map(([, { changes }]) => changes.previous)
      .filter((date): date is Date => date !== undefined);
    return { from: previous.sort((a, b) => b.getTime() - a.getTime())[0], until: this.nextChange()?.at };
  }

  /** What the build tells the author: how many pages it left out for their dates, and when to build again. */
  summary(timeZone: string): string | undefined {
    const pages = this.#current();
    const count = (reason: Unpublished) => pages.filter(([, entry]) => entry.unpublished === reason).length;
    const future = count("future");
    const expired = count("expired");
    const next = this.nextChange();
    if (future === 0 && expired === 0 && !next) return undefined;
    const parts: string[] = [];
    if (future > 0) parts.push(`${future} scheduled ${future === 1 ? "page is left out until its" : "pages are left out until their"} publishDate`);
    if (expired > 0) parts.push(`${expired} expired ${expired === 1 ? "page is" : "pages are"} left out (expiryDate passed)`);
    const when = next
      ? `The site changes next at ${formatMoment(next.at, timeZone)}, a publishDate or expiryDate of ${displayPath(next.file)}: build again then, or on a schedule (README, "Scheduled posts").`
      : "";
    return `[blog] ${[parts.join("; ") + (parts.length > 0 ? "." : ""), when].filter(Boolean).join(" ")}`;
  }
}

/** "2031-01-01 09:00 (Asia/Shanghai)": the moment where the site lives. */
function formatMoment(moment: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(moment)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} (${timeZone})`;
}

/** The one schedule of this process: the build script reads what the Eleventy build in it found. */
export const publicationSchedule = new PublicationSchedule();
