import type { SiteSettings } from "./site-settings.ts";

/**
 * The problems Hugo or Blowfish let through, and how this generator treats them: with the site setting
 * `strict: true` (the default) each stops the build with its place and a fix; with `strict: false`, the switch for
 * a site being migrated, each is a warning listed when the build ends, and the page is built as Hugo would build
 * it. This is the one list; README's "Strict and lenient builds" shows the same sentences (a test keeps them equal).
 * Problems Hugo fails on too (an unknown or unclosed shortcode, malformed front matter) are always errors.
 */
export const toleratedProblems = {
  missingImage: "An image in a post that does not exist: the tag is kept as written (the setting `missingImages` decides it alone when set).",
  brokenLink: "A link in a post to a page, file or anchor that the site does not have (the setting `brokenLinks` decides it alone when set).",
  invalidUtf8: "A content file that is not valid UTF-8: the bad bytes are read as �.",
  missingTarget: "An `article`, `ref` or `relref` shortcode whose link is no page of the site: nothing is shown, as in Blowfish.",
  unknownIcon: "An icon name that does not exist (in `alert`, `icon`, `keyword`, `timelineItem`): no icon is shown, as in Blowfish.",
  unknownColour: "An `alert` colour that is not a CSS colour: the theme's colour is used.",
  undeclaredLanguage: "A content file in a language that the site's `languages` do not declare: it is left out.",
  unknownAuthor: "An author in a post's `authors` without a file `_data/authors/<id>.json`: the post shows no box for that author, as in Blowfish.",
} as const;

export type ToleratedProblem = keyof typeof toleratedProblems;

/** Whether the site lets this problem through as a warning, or stops the build on it. */
export function tolerates(settings: Pick<SiteSettings, "strict" | "missingImages" | "brokenLinks">, problem: ToleratedProblem): boolean {
  if (problem === "missingImage") return settings.missingImages === "warn";
  if (problem === "brokenLink") return settings.brokenLinks === "warn";
  return !settings.strict;
}
