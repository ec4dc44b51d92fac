/**
 * What "Chinese context" means, decided once for every text rule: a mark or
 * word stands in Chinese text when the nearest non-space character on either
 * side of it is a Han character or full-width (Chinese) punctuation. Rules
 * work on one paragraph's `content` at a time, so neighbours never cross a
 * line.
 */
import { isHanAt, isIndentCode, splitsSurrogatePair } from './chars';
import { allMatches } from './matches';

/**
 * Full-width punctuation: CJK symbols (、。〈〉《》「」『』【】〔〕 …), the
 * curly quotes, dash and ellipsis Chinese text uses, and the full-width
 * punctuation forms (！，：；？（） …) — not full-width letters or digits.
 */
export function isChinesePunctuationCode(code: number): boolean {
  return (
    (code >= 0x3001 && code <= 0x303f) ||
    code === 0x2014 ||
    code === 0x2018 ||
    code === 0x2019 ||
    code === 0x201c ||
    code === 0x201d ||
    code === 0x2026 ||
    (code >= 0xff01 && code <= 0xff0f) ||
    (code >= 0xff1a && code <= 0xff20) ||
    (code >= 0xff3b && code <= 0xff40) ||
    (code >= 0xff5b && code <= 0xff65)
  );
}

/** Whether the character at `i` (a Han character, possibly a surrogate pair starting there) or the mark at `i` is Chinese. */
export function isChineseAt(text: string, i: number): boolean {
  return isHanAt(text, i) || isChinesePunctuationCode(text.charCodeAt(i));
}

/** Index where the character ending just before `i` starts (steps back over a whole surrogate pair). */
function charStartBefore(text: string, i: number): number {
  const lo = text.charCodeAt(i - 1);
  const hi = text.charCodeAt(i - 2);
  return lo >= 0xdc00 && lo <= 0xdfff && hi >= 0xd800 && hi <= 0xdbff ? i - 2 : i - 1;
}

/** Index of the nearest non-space character before `i`, or -1. */
export function previousNonSpace(text: string, i: number): number {
  let j = i;
  while (j > 0 && isIndentCode(text.charCodeAt(j - 1))) j--;
  return j > 0 ? charStartBefore(text, j) : -1;
}

export interface ChineseContext {
  /** Whether the nearest character before `i` that is neither a space nor a looked-past mark is Chinese. */
  before(i: number): boolean;
  /** The same, at or after `i`. */
  after(i: number): boolean;
  /** Whether `text.slice(start, end)` stands in Chinese context: Chinese before it or after it. */
  around(start: number, end?: number): boolean;
}

/**
 * Chinese context throughout one text: a span stands in Chinese text when its
 * nearest non-space neighbour on the left or on the right is Chinese. One side
 * is enough — `党委(党组)`, `精神 and 中办`, `增长(GDP)` all qualify — while
 * `1,000`, `10:30` and `f(x)` have no Chinese neighbour and stay out.
 *
 * `lookPast` names marks that do not decide context themselves: the ASCII marks
 * a rule turns Chinese. Seen through, `党!)` is Chinese context for both marks
 * at once, just as the fixed `党！）` will be — so one round of fixes is enough.
 *
 * Questions are few (rules ask only at their candidates), so each is answered
 * by walking to the deciding neighbour. Each direction remembers the last
 * stretch of non-deciding characters it walked, so questions inside one long
 * stretch of spaces or looked-past marks (`党,,,,…`) never walk it twice and
 * a paragraph's questions stay linear in its length.
 */
export function chineseContext(text: string, lookPast = ''): ChineseContext {
  const n = text.length;
  // Inside a surrogate pair, the first half decides for both.
  const decides = (i: number): boolean => !isIndentCode(text.charCodeAt(i)) && !lookPast.includes(text[i]) && !splitsSurrogatePair(text, i);
  // What the last walks found: no character in [backFrom, backTo] decides, and the one just before
  // them decides `backChinese`; likewise [aheadFrom, aheadTo], with its decider just after them.
  let [backFrom, backTo, backChinese] = [0, -1, false];
  let [aheadFrom, aheadTo, aheadChinese] = [0, -1, false];
  const before = (at: number): boolean => {
    const i = Math.max(0, Math.min(at, n));
    let j = i - 1;
    for (; j >= 0 && !decides(j); j--) {
      if (j >= backFrom && j <= backTo) {
        backTo = Math.max(backTo, i - 1);
        return backChinese;
      }
    }
    const chinese = j >= 0 && isChineseAt(text, j);
    if (j < i - 1) [backFrom, backTo, backChinese] = [j + 1, i - 1, chinese];
    return chinese;
  };
  const after = (at: number): boolean => {
    if (at >= n) return false;
    const i = Math.max(0, at);
    let j = i;
    for (; j < n && !decides(j); j++) {
      if (j >= aheadFrom && j <= aheadTo) {
        aheadFrom = Math.min(aheadFrom, i);
        return aheadChinese;
      }
    }
    const chinese = j < n && isChineseAt(text, j);
    if (j > i) [aheadFrom, aheadTo, aheadChinese] = [i, j - 1, chinese];
    return chinese;
  };
  return { before, after, around: (start, end = start + 1) => before(start) || after(end) };
}

/** A scheme is short; bounding it keeps the search linear on long dotted runs. */
const URL = /(?:\b[a-z][a-z0-9+.-]{0,20}:\/\/|\bwww\.)[\x21-\x7e]*/gi;

/** Marks that end a sentence around an address rather than belonging to it (as Markdown autolinks decide). */
const URL_TRAILERS = '.,:;!?)\'"';

/** Spans of web addresses in `text` (ASCII runs starting `scheme://` or `www.`): their punctuation is not prose. */
export function urlSpans(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  for (const m of allMatches(URL, text)) {
    let end = m.index + m[0].length;
    while (end > m.index && URL_TRAILERS.includes(text[end - 1])) end--;
    spans.push({ start: m.index, end });
  }
  return spans;
}

/**
 * A membership test over sorted, disjoint spans for positions asked in
 * ascending order: the cursor only moves forward, so a paragraph's worth of
 * questions costs one pass over the spans.
 */
export function ascendingSpanTest(spans: ReadonlyArray<{ start: number; end: number }>): (i: number) => boolean {
  let k = 0;
  return (i) => {
    while (k < spans.length && spans[k].end <= i) k++;
    return k < spans.length && spans[k].start <= i;
  };
}

/**
 * English typing puts spaces after `,` `:` or around `( )` `"` `--`; once such
 * a mark is made Chinese, a space beside it lies between Chinese characters,
 * where it is stray. Fixes that turn an ASCII mark Chinese take that space
 * along, so one round of fixes leaves nothing for `stray-space`.
 *
 * Where the run of spaces starting at `from` ends, if Chinese follows it; else `from`.
 */
export function spacesUpToChinese(text: string, from: number): number {
  let j = from;
  while (j < text.length && isIndentCode(text.charCodeAt(j))) j++;
  return j > from && j < text.length && isChineseAt(text, j) ? j : from;
}

/** Where the run of spaces ending at `to` starts, if Chinese precedes it; else `to`. */
export function spacesBackToChinese(text: string, to: number): number {
  let j = to;
  while (j > 0 && isIndentCode(text.charCodeAt(j - 1))) j--;
  return j < to && j > 0 && isChineseAt(text, charStartBefore(text, j)) ? j : to;
}
