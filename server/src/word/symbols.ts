/**
 * Characters typed in a symbol font. Word's symbol fonts (Symbol, Wingdings,
 * Webdings…) draw their own glyphs at ordinary or private-use code points: a
 * check mark in Wingdings is U+F0FC, which means nothing in a draft. Word
 * writes them as `w:sym` (mammoth maps those) or, as LibreOffice does, as text
 * in a run whose font is the symbol font: this maps the second kind alike.
 */
import { codePoint } from 'dingbat-to-unicode';

/** Private-use code points where symbol fonts are reached: U+F020–U+F0FF stand for 0x20–0xFF of the font. */
const SYMBOL_AREA = /[\uf020-\uf0ff]/g;
const HAS_SYMBOL_AREA = /[\uf020-\uf0ff]/;

export interface SymbolText {
  text: string;
  /** Private-use characters of a symbol font with no Unicode counterpart known, as `U+F0xx`; dropped from `text`. */
  unknown: string[];
}

/** `text` of a run in `font`, its symbol-font characters as Unicode. Text in other fonts is left as it is. */
export function symbolText(text: string, font: string | null | undefined): SymbolText {
  const unknown: string[] = [];
  if (!font || !HAS_SYMBOL_AREA.test(text)) return { text, unknown };
  const typeface = font.trim();
  // A font the table does not know may be an ordinary font with its own private-use characters: kept.
  if (codePoint(typeface, 0x20) === undefined) return { text, unknown };
  const mapped = text.replace(SYMBOL_AREA, (c) => {
    const code = c.charCodeAt(0);
    const found = codePoint(typeface, code) ?? codePoint(typeface, code - 0xf000);
    if (found) return found.string;
    unknown.push(`U+${code.toString(16).toUpperCase()}`);
    return '';
  });
  return { text: mapped, unknown };
}
