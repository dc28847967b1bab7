const cjkCharacter = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const otherWord = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_-]*/gu;

/** Whether a language is read character by character (Chinese, Japanese, Korean). */
export function isCjkLanguage(lang: string): boolean {
  return /^(zh|ja|ko)(-|$)/i.test(lang);
}

export function hasCjk(text: string): boolean {
  cjkCharacter.lastIndex = 0;
  return cjkCharacter.test(text);
}

/**
 * Words as a reader meets them: each CJK character is a word (there are no spaces to count), and every run of
 * other letters or digits is one word, so "Google创建DeepDream" is four.
 */
export function countWords(text: string): number {
  const cjk = text.match(cjkCharacter)?.length ?? 0;
  const rest = text.replace(cjkCharacter, " ").match(otherWord)?.length ?? 0;
  return cjk + rest;
}

/** Minutes to read, by Hugo's rates: 500 words a minute for CJK text, 213 otherwise; never less than one. */
export function readingMinutes(words: number, cjk: boolean): number {
  return Math.max(1, Math.ceil(words / (cjk ? 500 : 213)));
}
