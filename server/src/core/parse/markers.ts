/** Section markers (`一、` `（一）` `1.` `（1）` and their faulty look-alikes) and inline item markers (`一是` …). */
import type { ItemFamily, SectionLevel } from '../model';
import { formatChineseNumber, parseChineseNumber } from '../text/numerals';

export interface MarkerMatch {
  /** Length of the marker text at the paragraph's start. */
  length: number;
  text: string;
  number: number;
  level: SectionLevel;
  standard: boolean;
  /** `1、`: level 1 or level 3 depending on what is in force (decided by the section builder). */
  ambiguous?: boolean;
}

const CN_DIGITS = '一二三四五六七八九十';
const CN = `[${CN_DIGITS}]{1,3}`;
const CN_DIGIT_CODES = new Set([...CN_DIGITS].map((c) => c.charCodeAt(0)));
const NUM = '\\d{1,2}';

/** Tried in order; the first that matches wins. Standard forms come first. */
const FORMS: ReadonlyArray<{ re: RegExp; level: SectionLevel; standard: boolean; chinese: boolean; ambiguous?: boolean }> = [
  { re: new RegExp(`^(${CN})、`), level: 1, standard: true, chinese: true },
  { re: new RegExp(`^（(${CN})）(?![、，.．])`), level: 2, standard: true, chinese: true },
  { re: new RegExp(`^(${NUM})\\.(?![\\d.])`), level: 3, standard: true, chinese: false },
  { re: new RegExp(`^（(${NUM})）(?![、，.．])`), level: 4, standard: true, chinese: false },
  // Faulty forms, each read as the level it imitates.
  { re: new RegExp(`^(${CN})[.．，,](?![\\d])`), level: 1, standard: false, chinese: true },
  { re: new RegExp(`^[（(](${CN})[）)][、，,.．]*`), level: 2, standard: false, chinese: true },
  { re: new RegExp(`^(${CN})[）)]`), level: 2, standard: false, chinese: true },
  { re: new RegExp(`^(${NUM})．(?!\\d)`), level: 3, standard: false, chinese: false },
  { re: new RegExp(`^(${NUM})、`), level: 3, standard: false, chinese: false, ambiguous: true },
  { re: new RegExp(`^[（(](${NUM})[）)][、，,.．]*`), level: 4, standard: false, chinese: false },
  { re: new RegExp(`^(${NUM})[）)]`), level: 4, standard: false, chinese: false },
];

/** Whether a marker could start with this code unit: a Chinese numeral, a digit or an opening parenthesis. */
const couldOpenMarker = (code: number): boolean =>
  (code >= 48 && code <= 57) || code === 0xff08 /* （ */ || code === 40 /* ( */ || CN_DIGIT_CODES.has(code);

export function matchSectionMarker(content: string): MarkerMatch | undefined {
  // Most paragraphs open with a word: the forms need not be tried at all.
  if (!couldOpenMarker(content.charCodeAt(0))) return undefined;
  for (const form of FORMS) {
    const m = form.re.exec(content);
    if (!m) continue;
    const number = form.chinese ? parseChineseNumber(m[1]) : Number(m[1]);
    if (!(number >= 1)) continue;
    // A marker must be followed by words: `一、` alone or `1.5` is not a section.
    if (m[0].length >= content.length) return undefined;
    return { length: m[0].length, text: m[0], number, level: form.level, standard: form.standard, ambiguous: form.ambiguous };
  }
  return undefined;
}

/** The standard marker for a level and number. */
export function canonicalMarker(level: SectionLevel, n: number): string {
  switch (level) {
    case 1:
      return `${formatChineseNumber(n)}、`;
    case 2:
      return `（${formatChineseNumber(n)}）`;
    case 3:
      return `${n}.`;
    case 4:
      return `（${n}）`;
  }
}

export interface ItemMatch {
  /** Offset in the searched string. */
  index: number;
  text: string;
  family: ItemFamily;
  number: number;
}

/**
 * Item markers must stand at a clause boundary: the start of the paragraph or
 * right after punctuation. That keeps `统一是`, `第一时间` and `最后一公里` out.
 * The boundary is checked by hand rather than with a lookbehind, which would
 * make the engine try it at every character of every paragraph.
 */
const ITEM = /([一二三四五六七八九十]{1,2})(是|要)|第([一二三四五六七八九十]{1,2})[，、：,:]|(首先|其次|再次|最后)[，、：,:]/g;
const BOUNDARY = new Set('。；：，、！？”’）》 \t\u00a0\u3000');
const SEQUENCE: Readonly<Record<string, number>> = { 首先: 1, 其次: 2, 再次: 3, 最后: 0 };

export function findItemMarkers(content: string): ItemMatch[] {
  const out: ItemMatch[] = [];
  ITEM.lastIndex = 0;
  for (let m = ITEM.exec(content); m; m = ITEM.exec(content)) {
    const index = m.index;
    const text = m[0];
    if (index > 0 && !BOUNDARY.has(content[index - 1])) continue;
    if (m[1]) {
      const number = parseChineseNumber(m[1]);
      if (number >= 1) out.push({ index, text, family: m[2] === '是' ? 'shi' : 'yao', number });
    } else if (m[3]) {
      const number = parseChineseNumber(m[3]);
      // The marker is `第N`; the punctuation after it is not part of it.
      if (number >= 1) out.push({ index, text: text.slice(0, -1), family: 'di', number });
    } else {
      out.push({ index, text: text.slice(0, -1), family: 'sequence', number: SEQUENCE[m[4]] });
    }
  }
  return out;
}
