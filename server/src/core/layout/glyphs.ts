/**
 * How wide each character of a draft is set, and how Chinese line breaking
 * classes it. Widths are in thousandths of an em: Chinese characters and
 * full-width marks fill one em (one cell of the grid); digits and Latin letters
 * are set in Times New Roman (the export's Latin font), whose advance widths
 * are those of the standard Times-Roman metrics below (Liberation Serif, which
 * LibreOffice draws in its place, has the same).
 */

/** Times-Roman advance widths of printable ASCII, U+0020 (space) to U+007E (`~`). */
export const TIMES_ROMAN: readonly number[] = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, // space ! " # $ % & ' ( ) * + , - . /
  500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, // 0–9 : ; < = > ?
  921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, // @ A–O
  556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, // P–Z [ \ ] ^ _
  333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, // ` a–o
  500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541, //      p–z { | } ~
];

export const EM = 1000;

/**
 * The width of the character at code point `code`, in thousandths of an em; `latin` holds the
 * widths of printable ASCII in the Latin font (Times-Roman's unless a renderer draws another).
 */
export function advance(code: number, latin: readonly number[] = TIMES_ROMAN): number {
  if (code >= 0x20 && code <= 0x7e) return latin[code - 0x20];
  if (code === 0x09 || code === 0xa0) return latin[0];
  // The middle dot of `3·23` and of foreign names is a Latin-1 character, set in the Latin font as narrow as a full stop.
  if (code === 0xb7) return latin[0x2e - 0x20];
  // Accented Latin letters, set in the Latin font: about a lower-case letter's width.
  if (code >= 0xc0 && code <= 0x24f) return 500;
  return EM;
}

/** Opening marks: never the last thing on a line. */
export const OPENING = '（《“‘〈「『【〔［｛';
/** Closing marks: never the first thing on a line (`…` and `—` are written in pairs, which stay together). */
export const CLOSING = '，。、；：？！）》”’…—〉」』】〕］｝．·';

/** How line breaking classes a character: numbers, so a paragraph's classes fit a typed array. */
export const enum GlyphClass {
  Other = 0,
  Opening = 1,
  Closing = 2,
  /** Printable ASCII but the space: digits, letters and symbols, which run together into one unbreakable unit. */
  Latin = 3,
  Space = 4,
}

const CLASS_OF_BMP = ((): Uint8Array => {
  const table = new Uint8Array(0x10000);
  for (let code = 0x21; code <= 0x7e; code++) table[code] = GlyphClass.Latin;
  for (const code of [0x20, 0x09, 0xa0, 0x3000]) table[code] = GlyphClass.Space;
  for (const c of OPENING) table[c.charCodeAt(0)] = GlyphClass.Opening;
  for (const c of CLOSING) table[c.charCodeAt(0)] = GlyphClass.Closing;
  return table;
})();

export function classOf(code: number): GlyphClass {
  return code < 0x10000 ? CLASS_OF_BMP[code] : GlyphClass.Other;
}
