/**
 * Breaking one paragraph into lines on the character grid, with the Chinese
 * line-breaking rules: a closing mark never starts a line and an opening mark
 * never ends one. When a closing mark would start the next line it either
 * hangs past the end of the line (is pushed in) or takes the character before
 * it down with it (pulls back); which marks may hang is the setting's
 * `hanging`. A run of digits and Latin letters is never split, nor is a `——`
 * or `……`. Where no break is allowed at all (a line of nothing but `——`), the
 * line breaks where it is full.
 */
import { advance, classOf, EM, GlyphClass } from './glyphs';

export interface LineSetting {
  /** Font size in half-points (`w:sz`). */
  size: number;
  /** Twips added to (negative: taken from) every character's advance. */
  spacing: number;
  /** Width of the line in twips. */
  width: number;
  /** Indent of the paragraph's first line in twips. */
  firstIndent: number;
  /** Closing marks that may hang past the end of a full line rather than pull a character down. */
  hanging: string;
  /** Widths of printable ASCII in the Latin font, in thousandths of an em (default Times-Roman's). */
  latin?: readonly number[];
  /**
   * Whether a curly quote right after a digit or Latin letter is set in the Latin font, as wide as
   * its ASCII counterpart: LibreOffice gives these marks the script of the character before them.
   */
  quotesFollowLatin?: boolean;
}

/** One line: `text.slice(start, end)`, and how wide it is set (a hung mark included). */
export interface LineRange {
  start: number;
  end: number;
  width: number;
}

/**
 * The paragraph as units no break may split — a character, a pair of `——` or `……`, a run of ASCII
 * digits, letters and symbols — in typed arrays: a paragraph can be megabytes long, and an object per
 * character would keep the collector busy for seconds.
 */
interface Units {
  count: number;
  start: Int32Array;
  end: Int32Array;
  width: Float64Array;
  /** Space set before the unit unless it starts a line: the gap between Chinese text and a run of digits or Latin letters. */
  lead: Float64Array;
  cls: Uint8Array;
}

/** Breaks `text[start, end)` into lines. An empty paragraph is one empty line. */
export function breakLines(text: string, start: number, end: number, setting: LineSetting): LineRange[] {
  const units = unitsOf(text, start, end, setting);
  const n = units.count;
  if (n === 0) return [{ start, end: start, width: 0 }];
  const lines: LineRange[] = [];
  const allowedBefore = (k: number): boolean => units.cls[k - 1] !== GlyphClass.Opening && units.cls[k] !== GlyphClass.Closing;
  const hangs = (k: number): boolean =>
    units.cls[k] === GlyphClass.Closing &&
    units.end[k] - units.start[k] === 1 &&
    setting.hanging.includes(text[units.start[k]]) &&
    (k + 1 === n || allowedBefore(k + 1));
  let p = 0;
  const advanceOf = (k: number): number => units.width[k] + (k > p ? units.lead[k] : 0);
  while (p < n) {
    const capacity = setting.width - (lines.length === 0 ? setting.firstIndent : 0);
    let width = 0;
    let k = p;
    // A hair of tolerance: widths are sums of fractional twips.
    while (k < n && width + advanceOf(k) <= capacity + 0.01) width += advanceOf(k++);
    let stop = k;
    if (k < n) {
      if (units.cls[k] === GlyphClass.Space) {
        // Spaces at the end of a line hang past it, as in Word.
        while (stop < n && units.cls[stop] === GlyphClass.Space) width += advanceOf(stop++);
      } else if (k > p && allowedBefore(k)) {
        stop = k;
      } else if (k > p && hangs(k)) {
        width += advanceOf(k);
        stop = k + 1;
      } else {
        let j = k - 1;
        while (j > p && !allowedBefore(j)) j--;
        if (j > p) {
          stop = j;
          width = 0;
          for (let i = p; i < stop; i++) width += advanceOf(i);
        } else if (k === p) {
          // One unit wider than the whole line (a long URL): split it where the line is full.
          const cut = fittingEnd(text, units.start[p], units.end[p], capacity, setting);
          if (cut < units.end[p]) {
            const taken = widthOf(text, units.start[p], cut, setting);
            lines.push({ start: units.start[p], end: cut, width: taken });
            units.start[p] = cut;
            units.width[p] -= taken;
            units.lead[p] = 0;
            continue;
          }
          width = units.width[p];
          stop = p + 1;
        }
      }
    }
    lines.push({ start: units.start[p], end: units.end[stop - 1], width });
    p = stop;
  }
  return lines;
}

/** Where the characters of `text[start, end)` that fit in `capacity` end: at least one character. */
function fittingEnd(text: string, start: number, end: number, capacity: number, setting: LineSetting): number {
  let width = 0;
  let i = start;
  while (i < end) {
    const code = text.codePointAt(i)!;
    const w = charWidth(code, setting);
    if (i > start && width + w > capacity + 0.01) break;
    width += w;
    i += code > 0xffff ? 2 : 1;
  }
  return i;
}

function widthOf(text: string, start: number, end: number, setting: LineSetting): number {
  let width = 0;
  for (let i = start; i < end; ) {
    const code = text.codePointAt(i)!;
    width += charWidth(code, setting);
    i += code > 0xffff ? 2 : 1;
  }
  return width;
}

/** Twips a character takes in the setting's size and spacing (`shape`: the character whose width it borrows). */
function charWidth(code: number, setting: LineSetting, shape: number = code): number {
  return (advance(shape, setting.latin) * setting.size * 10) / EM + setting.spacing;
}

/** Curly quotes and their ASCII counterparts. */
const ASCII_QUOTE: ReadonlyMap<number, number> = new Map([
  [0x201c, 0x22],
  [0x201d, 0x22],
  [0x2018, 0x27],
  [0x2019, 0x27],
]);

const isAlphanumeric = (code: number): boolean => (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
const isIdeograph = (code: number): boolean => code >= 0x2e80 && classOf(code) === GlyphClass.Other;

/** Whether the character that ends at `index` (the low half of a pair included) is an ideograph. */
function isIdeographAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return isIdeograph(code >= 0xdc00 && code <= 0xdfff && index > 0 ? text.codePointAt(index - 1)! : code);
}

function unitsOf(text: string, start: number, end: number, setting: LineSetting): Units {
  const size = end - start;
  const units: Units = {
    count: 0,
    start: new Int32Array(size),
    end: new Int32Array(size),
    width: new Float64Array(size),
    lead: new Float64Array(size),
    cls: new Uint8Array(size),
  };
  // Word and LibreOffice set a quarter em between a Chinese character and a digit or Latin letter
  // (`w:autoSpaceDE`, `w:autoSpaceDN`: on unless a file turns them off), condensed or expanded like
  // every character; never beside a mark or symbol.
  const gap = (setting.size * 10) / 4 + setting.spacing;
  for (let i = start; i < end; ) {
    const code = text.codePointAt(i)!;
    const length = code > 0xffff && i + 1 < end ? 2 : 1;
    const cls = classOf(code);
    const last = units.count - 1;
    const lastCls = last >= 0 ? units.cls[last] : -1;
    const afterAlphanumeric = lastCls === GlyphClass.Latin && isAlphanumeric(text.charCodeAt(units.end[last] - 1));
    const latinQuote = setting.quotesFollowLatin && afterAlphanumeric ? ASCII_QUOTE.get(code) : undefined;
    const width = charWidth(code, setting, latinQuote);
    const pairs = (code === 0x2014 || code === 0x2026) && last >= 0 && units.end[last] - units.start[last] === 1 && text.charCodeAt(units.start[last]) === code;
    if ((cls === GlyphClass.Latin && lastCls === GlyphClass.Latin) || pairs) {
      units.end[last] = i + length;
      units.width[last] += width;
    } else {
      const k = units.count++;
      units.start[k] = i;
      units.end[k] = i + length;
      units.width[k] = width;
      units.cls[k] = cls;
      const spaced = (cls === GlyphClass.Latin && isAlphanumeric(code) && last >= 0 && isIdeographAt(text, units.end[last] - 1)) || (afterAlphanumeric && isIdeograph(code));
      units.lead[k] = spaced ? gap : 0;
    }
    i += length;
  }
  return units;
}
