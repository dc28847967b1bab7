/** Whether a language is read character by character (Chinese, Japanese, Korean). */
export function isCjkLanguage(lang: string): boolean {
  return /^(zh|ja|ko)(-|$)/i.test(lang);
}

/** Han ideographs, kana and Hangul: the characters a CJK reader counts one by one. */
export function isCjkCodePoint(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x3040 && code <= 0x30ff) ||
    (code >= 0x31f0 && code <= 0x31ff) ||
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0x1100 && code <= 0x11ff) ||
    (code >= 0x3130 && code <= 0x318f) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x20000 && code <= 0x323af)
  );
}

export function hasCjk(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isCjkCodePoint(text.charCodeAt(i))) return true;
  return false;
}

const otherLetter = /[\p{L}\p{N}\p{M}]/u;

/** A character that continues a word: ASCII letters and digits, other scripts' letters, ' _ - inside words. */
function isWordCharacter(code: number, character: string): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  return otherLetter.test(character);
}

/**
 * Words as a reader meets them: each CJK character is a word (there are no spaces to count), and every run of
 * other letters or digits is one word, so "Google创建DeepDream" is four. A loop over the text: this runs on
 * every post of every build, and Unicode-property regular expressions over whole bodies were the slowest part.
 */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    let character = text[i]!;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      code = text.codePointAt(i)!;
      character = String.fromCodePoint(code);
      i++;
    }
    if (isCjkCodePoint(code)) {
      words++;
      inWord = false;
    } else if (isWordCharacter(code, character)) {
      if (!inWord) words++;
      inWord = true;
    } else if (!(inWord && (code === 0x27 || code === 0x2019 || code === 0x5f || code === 0x2d))) {
      inWord = false;
    }
  }
  return words;
}

/** Minutes to read, by Hugo's rates: 500 words a minute for CJK text, 213 otherwise; never less than one. */
export function readingMinutes(words: number, cjk: boolean): number {
  return Math.max(1, Math.ceil(words / (cjk ? 500 : 213)));
}
