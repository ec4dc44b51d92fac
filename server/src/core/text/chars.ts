/** Character classes shared by the parser and the rules. */

/** CJK unified ideographs (basic block, extension A, compatibility), by UTF-16 code unit. */
export function isHanCode(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

/** Whether `text[i]` starts a Han character (surrogate pairs in the supplementary ideograph planes count too). */
export function isHanAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (isHanCode(c)) return true;
  if (c >= 0xd840 && c <= 0xd87f) {
    const lo = text.charCodeAt(i + 1);
    return lo >= 0xdc00 && lo <= 0xdfff;
  }
  return false;
}

/** Whether offset `i` falls between the two halves of a surrogate pair, where no span may start or end. */
export function splitsSurrogatePair(text: string, i: number): boolean {
  const before = text.charCodeAt(i - 1);
  const at = text.charCodeAt(i);
  return before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff;
}

/** Whitespace as the regular expression `\s` counts it, by UTF-16 code unit. */
export function isSpaceCode(code: number): boolean {
  return (
    code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x3000 || code === 0xfeff || code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f
  );
}

/** Indentation drafts use: ASCII space, tab, ideographic space U+3000, NBSP. */
export function isIndentCode(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3000 || code === 0xa0;
}

/** Punctuation that ends a sentence in Chinese text. */
export const SENTENCE_END = '。！？';
