import type { MarkdownIt } from "markdown-it";

/**
 * CommonMark never lets `_` open or close emphasis inside a word, which is right for `snake_case` but wrong for
 * Chinese, where there are no spaces: `的_预言_，` stays literal in Hugo and in strict CommonMark. Here a `_` run
 * that touches a CJK character or CJK punctuation is scanned the way `*` is (it may split a "word"), so CJK text
 * gets its emphasis while `_` between Latin letters and digits keeps its literal meaning.
 *
 * Install after markdown-it-cjk-friendly: it subclasses whatever inline state class is current.
 */
export function cjkUnderscoreEmphasis(md: MarkdownIt): void {
  const BaseState = md.inline.State;
  class CjkUnderscoreState extends BaseState {
    override scanDelims(start: number, canSplitWord: boolean) {
      if (!canSplitWord && this.src.charCodeAt(start) === 0x5f /* _ */) {
        let end = start;
        while (end < this.posMax && this.src.charCodeAt(end) === 0x5f) end++;
        const before = start > 0 ? (this.src.codePointAt(previousCodePointIndex(this.src, start)) ?? 0) : 0;
        const after = end < this.posMax ? (this.src.codePointAt(end) ?? 0) : 0;
        if (isCjk(before) || isCjk(after)) return super.scanDelims(start, true);
      }
      return super.scanDelims(start, canSplitWord);
    }
  }
  md.inline.State = CjkUnderscoreState;
}

const cjkPattern =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2026\u2014]/u;

function isCjk(codePoint: number): boolean {
  return codePoint > 0x2000 && cjkPattern.test(String.fromCodePoint(codePoint));
}

function previousCodePointIndex(text: string, index: number): number {
  const low = text.charCodeAt(index - 1);
  return low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1;
}
