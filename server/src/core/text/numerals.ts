/** Chinese numerals as section and item markers use them: 一 … 九十九. */

const DIGITS = '〇一二三四五六七八九';

/** Parses `一`…`九十九` (also `两` for 2 and `〇`/`零`); NaN for anything else. */
export function parseChineseNumber(text: string): number {
  if (text.length === 0 || text.length > 3) return NaN;
  const digit = (ch: string): number => {
    if (ch === '两') return 2;
    if (ch === '零') return 0;
    return DIGITS.indexOf(ch);
  };
  const ten = text.indexOf('十');
  if (ten < 0) return text.length === 1 && digit(text) > 0 ? digit(text) : NaN;
  if (text.indexOf('十', ten + 1) >= 0) return NaN;
  const tensPart = text.slice(0, ten);
  const onesPart = text.slice(ten + 1);
  const tens = tensPart === '' ? 1 : tensPart.length === 1 ? digit(tensPart) : NaN;
  const ones = onesPart === '' ? 0 : onesPart.length === 1 ? digit(onesPart) : NaN;
  if (!(tens >= 1) || !(ones >= 0)) return NaN;
  return tens * 10 + ones;
}

/** Writes 1…99 as `一`…`九十九`. */
export function formatChineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return DIGITS[ones];
  return (tens === 1 ? '' : DIGITS[tens]) + '十' + (ones === 0 ? '' : DIGITS[ones]);
}

/** Characters that can make up a Chinese numeral marker. */
export const CHINESE_NUMERAL_CHARS = '一二三四五六七八九十两〇零';
