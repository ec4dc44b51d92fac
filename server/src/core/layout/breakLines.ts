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
import { advance, classOf, EM, type GlyphClass } from './glyphs';

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

interface Unit {
  start: number;
  end: number;
  width: number;
  /** Space set before the unit unless it starts a line: the gap between Chinese text and a run of digits or Latin letters. */
  lead: number;
  cls: GlyphClass;
  /** Offsets of the unit's characters after the first, where an emergency break may split a Latin run. */
  inner: number[];
}

/** Breaks `text[start, end)` into lines. An empty paragraph is one empty line. */
export function breakLines(text: string, start: number, end: number, setting: LineSetting): LineRange[] {
  const units = unitsOf(text, start, end, setting);
  if (units.length === 0) return [{ start, end: start, width: 0 }];
  const lines: LineRange[] = [];
  const allowedBefore = (k: number): boolean => units[k - 1].cls !== 'opening' && units[k].cls !== 'closing';
  const hangs = (k: number): boolean =>
    units[k].cls === 'closing' && units[k].end - units[k].start === 1 && setting.hanging.includes(text[units[k].start]) && (k + 1 === units.length || allowedBefore(k + 1));
  let p = 0;
  const advanceOf = (k: number): number => units[k].width + (k > p ? units[k].lead : 0);
  while (p < units.length) {
    const capacity = setting.width - (lines.length === 0 ? setting.firstIndent : 0);
    let width = 0;
    let k = p;
    // A hair of tolerance: widths are sums of fractional twips.
    while (k < units.length && width + advanceOf(k) <= capacity + 0.01) width += advanceOf(k++);
    let stop = k;
    if (k < units.length) {
      if (units[k].cls === 'space') {
        // Spaces at the end of a line hang past it, as in Word.
        while (stop < units.length && units[stop].cls === 'space') stop++;
      } else if (k > p && allowedBefore(k)) {
        stop = k;
      } else if (k > p && hangs(k)) {
        stop = k + 1;
      } else {
        let j = k - 1;
        while (j > p && !allowedBefore(j)) j--;
        if (j > p) stop = j;
        else if (k > p) stop = k;
        else stop = splitUnit(units, p, capacity);
      }
    }
    let lineWidth = 0;
    for (let i = p; i < stop; i++) lineWidth += advanceOf(i);
    lines.push({ start: units[p].start, end: units[stop - 1].end, width: lineWidth });
    p = stop;
  }
  return lines;
}

/**
 * A unit wider than a whole line (a long URL): split where the line is full, at least one character
 * on the line. Returns the index after the part that stays.
 */
function splitUnit(units: Unit[], p: number, capacity: number): number {
  const unit = units[p];
  const charWidth = unit.width / (unit.inner.length + 1);
  const keep = Math.max(1, Math.min(unit.inner.length, Math.floor((capacity + 0.01) / charWidth)));
  if (keep > unit.inner.length) return p + 1;
  const cut = unit.inner[keep - 1];
  units.splice(
    p,
    1,
    { start: unit.start, end: cut, width: charWidth * keep, lead: unit.lead, cls: unit.cls, inner: unit.inner.slice(0, keep - 1) },
    { start: cut, end: unit.end, width: unit.width - charWidth * keep, lead: 0, cls: unit.cls, inner: unit.inner.slice(keep) },
  );
  return p + 1;
}

/** Curly quotes and their ASCII counterparts. */
const ASCII_QUOTE: ReadonlyMap<number, number> = new Map([
  [0x201c, 0x22],
  [0x201d, 0x22],
  [0x2018, 0x27],
  [0x2019, 0x27],
]);

const isAlphanumeric = (code: number): boolean => (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
const isIdeograph = (code: number): boolean => classOf(code) === 'other' && code >= 0x2e80;
/** Whether the character ending at `end - 1` (the low half of a pair included) is an ideograph. */
function isIdeographAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return isIdeograph(code >= 0xdc00 && code <= 0xdfff && index > 0 ? text.codePointAt(index - 1)! : code);
}

/** The paragraph as units no break may split: a character, a pair of `——` or `……`, a run of digits and Latin letters. */
function unitsOf(text: string, start: number, end: number, setting: LineSetting): Unit[] {
  const units: Unit[] = [];
  const twipsPerEm = setting.size * 10;
  for (let i = start; i < end; ) {
    const code = text.codePointAt(i)!;
    const length = code > 0xffff && i + 1 < end ? 2 : 1;
    const cls = classOf(code);
    const last = units[units.length - 1];
    const afterAlphanumeric = last?.cls === 'latin' && isAlphanumeric(text.charCodeAt(last.end - 1));
    const latinQuote = setting.quotesFollowLatin && afterAlphanumeric ? ASCII_QUOTE.get(code) : undefined;
    const width = (advance(latinQuote ?? code, setting.latin) * twipsPerEm) / EM + setting.spacing;
    const pairs = (code === 0x2014 || code === 0x2026) && last?.end === i && last.end - last.start === 1 && text.charCodeAt(last.start) === code;
    if ((cls === 'latin' && last?.cls === 'latin') || pairs) {
      last.inner.push(i);
      last.end = i + length;
      last.width += width;
    } else {
      // Word and LibreOffice set a quarter em between a Chinese character and a digit or Latin letter
      // (`w:autoSpaceDE`, `w:autoSpaceDN`: on unless a file turns them off), never beside a mark or symbol.
      const lead = (cls === 'latin' && isAlphanumeric(code) && last !== undefined && isIdeographAt(text, last.end - 1)) ||
        (afterAlphanumeric && isIdeograph(code))
        ? twipsPerEm / 4 + setting.spacing
        : 0;
      units.push({ start: i, end: i + length, width, lead, cls, inner: [] });
    }
    i += length;
  }
  return units;
}
