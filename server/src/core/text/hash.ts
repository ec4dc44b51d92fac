/**
 * A 64-bit fingerprint of a stretch of text (two 32-bit FNV-1a hashes with
 * different offsets, plus the length). Used as a cache key instead of the text
 * itself: a key sliced out of a document would keep that whole document alive.
 */
export function fingerprint(text: string, start = 0, end = text.length): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return `${end - start}:${(a >>> 0).toString(36)}:${(b >>> 0).toString(36)}`;
}
