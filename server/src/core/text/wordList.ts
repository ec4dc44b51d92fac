/**
 * jieba's dictionary in a compact form, and jieba's dictionary-only cut over it.
 *
 * The rules need words only around a doubled character, a window of a dozen
 * characters, so the segmenter needs jieba's cut (the route of highest word
 * probability through the dictionary's words), not jieba's machinery: the
 * WebAssembly build of jieba holds its 350,000-word dictionary in hash maps and
 * a trie of about 60 MB, while the same words sorted into one string per word
 * length and searched by bisection take about 5 MB and cut a window faster.
 *
 * Compact form (built once from jieba's `dict.txt` by `compactWordList`):
 *
 *     speech-drafts word list 2
 *     <total: the sum of every word's frequency, as jieba counts it>
 *     <jieba's part-of-speech tags that occur, space-separated, in order of first use; the i-th is coded by character 33 + i>
 *     <length> <count> <the words of that length, sorted by code unit, concatenated>
 *     <their frequencies, 4 base-36 digits each, in the same order>
 *     <their tags, one code character each, in the same order>
 *     ...one such triple of lines per word length
 *
 * The tags (`的/地/得` in `confusable` asks whether a word is a verb) cost one
 * byte per word: about 0.35 MB beside the 4.9 MB of words and frequencies.
 *
 * Only words of Han characters from the Basic Multilingual Plane are kept: the
 * rules cut only runs of such characters, so no other word could match. The
 * total still counts every word, since it scales every probability jieba uses.
 */
import type { Segmenter } from '../rule';
import { isHanCode, splitsSurrogatePair } from './chars';

const MAGIC = 'speech-drafts word list 2';
const FREQ_DIGITS = 4;
const MAX_FREQ = 36 ** FREQ_DIGITS - 1;
/** Tag codes are printable ASCII from `!`; a word without a tag gets `NO_TAG`. */
const FIRST_TAG_CODE = 33;
const NO_TAG = ' ';
const MAX_TAGS = 126 - FIRST_TAG_CODE + 1;

/** The words of one length: `count` words of `length` code units each, concatenated in code-unit order. */
interface WordsOfLength {
  length: number;
  count: number;
  words: string;
  freqs: string;
  tags: string;
  /**
   * For a length with many words: where the words starting with each Han character of
   * U+3400–U+9FFF begin (`byFirst[c − FIRST_BASE]`, ending at the next entry), so a lookup
   * bisects a few neighbouring words instead of the whole group. A 5 MB group is out of the
   * processor's cache between the rules' few cuts over a long draft, and each step of a
   * bisection across it is a miss.
   */
  byFirst: Int32Array | undefined;
}

const FIRST_BASE = 0x3400;
const FIRST_SPAN = 0xa000 - FIRST_BASE;
/** Groups smaller than this are bisected whole: an index of 110 KB would not pay for itself. */
const INDEXED_GROUP = 5000;

/** The index of `WordsOfLength.byFirst` for sorted `words`. */
function firstCharIndex(words: string, length: number, count: number): Int32Array | undefined {
  if (count < INDEXED_GROUP) return undefined;
  const byFirst = new Int32Array(FIRST_SPAN + 1);
  let below = 0;
  for (let i = 0; i < count; i++) {
    const c = words.charCodeAt(i * length) - FIRST_BASE;
    if (c < 0) below++;
    else if (c < FIRST_SPAN) byFirst[c + 1]++;
  }
  byFirst[0] = below;
  for (let c = 1; c <= FIRST_SPAN; c++) byFirst[c] += byFirst[c - 1];
  return byFirst;
}

export interface WordList {
  /** log(total): every word's probability is freq ÷ total. */
  logTotal: number;
  /** Indexed by word length; holes where the dictionary has no word that long. */
  byLength: Array<WordsOfLength | undefined>;
  longest: number;
  /** Tag names by code − FIRST_TAG_CODE. */
  tagNames: readonly string[];
  /**
   * Per hash of a word's first two characters, a bit per length (2 to `MASKED_LONGEST`) of the
   * words starting so: clear where no word of that length does.
   */
  starts: Uint16Array;
}

/**
 * Slots in `WordList.starts`: 2^18 masks of 16 bits (512 KB) for the 235,000 pairs of a
 * two-character start and a length that jieba's dictionary holds. A cut tries every length at
 * every position, and most lengths start no word there; each try the mask skips is a bisection of
 * a 5 MB string, whose memory, between the rules' few cuts over a long draft, is out of the
 * processor's cache. The lengths of one start share a mask, so a position costs one read of the
 * table however many lengths it tries, where a bit per (start, length) anywhere in the table cost
 * a cache miss per length; on 300,000 characters of the benchmark text the masks also let through
 * fewer lengths that start no word (162,000 of 4.2 million tries, against 225,000).
 */
const START_SLOT_BITS = 18;
/** The longest length a mask holds (bit `length - 2`); longer words, if a list had any, always pass. */
const MASKED_LONGEST = 17;

function startSlot(first: number, second: number): number {
  return (Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca77)) >>> (32 - START_SLOT_BITS);
}

/** The mask of lengths whose words may start with `text[at]` and `text[at + 1]`. */
function startMask(starts: Uint16Array, text: string, at: number): number {
  return starts[startSlot(text.charCodeAt(at), text.charCodeAt(at + 1))];
}

/** Whether a word of `length` (2 or more) may start with the two characters whose mask is `mask`. */
const mayStart = (mask: number, length: number): boolean => length > MASKED_LONGEST || ((mask >>> (length - 2)) & 1) === 1;

const compareCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function isHanWord(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (!isHanCode(word.charCodeAt(i))) return false;
  return true;
}

/**
 * The compact form of a jieba `dict.txt` (`word freq [tag]` per line). As in
 * jieba, a repeated word keeps its last frequency and a missing one is 0.
 */
export function compactWordList(dictText: string): string {
  // Each word's frequency and tag by the index of its first line: one map of 350,000 words, not one per field.
  const indexOf = new Map<string, number>();
  const freqs: number[] = [];
  const tagIds: number[] = [];
  const tagNames = new Map<string, number>();
  for (const line of dictText.split('\n')) {
    const [word, freq, tag] = line.trim().split(/\s+/);
    if (!word) continue;
    const n = freq === undefined ? 0 : Number(freq);
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`word list: bad frequency in line "${line}"`);
    let tagId = 0;
    if (tag) {
      tagId = tagNames.get(tag) ?? tagNames.size + 1;
      if (tagId > MAX_TAGS) throw new Error(`word list: more than ${MAX_TAGS} tags`);
      tagNames.set(tag, tagId);
    }
    let at = indexOf.get(word);
    if (at === undefined) indexOf.set(word, (at = freqs.length));
    freqs[at] = n;
    tagIds[at] = tagId;
  }
  let total = 0;
  const byLength = new Map<number, string[]>();
  for (const [word, at] of indexOf) {
    total += freqs[at];
    if (!isHanWord(word)) continue;
    if (freqs[at] > MAX_FREQ) throw new Error(`word list: frequency of ${word} exceeds ${MAX_FREQ}`);
    const group = byLength.get(word.length) ?? [];
    group.push(word);
    byLength.set(word.length, group);
  }
  const lines = [MAGIC, String(total), [...tagNames.keys()].join(' ')];
  for (const length of [...byLength.keys()].sort((a, b) => a - b)) {
    const words = byLength.get(length)!.sort(compareCodeUnits);
    const at = words.map((w) => indexOf.get(w)!);
    lines.push(`${length} ${words.length} ${words.join('')}`);
    lines.push(at.map((i) => freqs[i].toString(36).padStart(FREQ_DIGITS, '0')).join(''));
    lines.push(at.map((i) => (tagIds[i] === 0 ? NO_TAG : String.fromCharCode(FIRST_TAG_CODE + tagIds[i] - 1))).join(''));
  }
  return lines.join('\n') + '\n';
}

/** Reads the compact form; undefined when the text is not one (a file from another version, a truncated copy). */
export function readWordList(compact: string): WordList | undefined {
  const lines = compact.split('\n');
  if (lines[0] !== MAGIC) return undefined;
  const total = Number(lines[1]);
  if (!(total > 0)) return undefined;
  const tagNames = lines[2] === '' ? [] : lines[2].split(' ');
  const byLength: Array<WordsOfLength | undefined> = [];
  let longest = 0;
  for (let i = 3; i + 2 < lines.length; i += 3) {
    const header = /^(\d+) (\d+) /.exec(lines[i]);
    if (!header) return undefined;
    const length = Number(header[1]);
    const count = Number(header[2]);
    const words = lines[i].slice(header[0].length);
    const freqs = lines[i + 1];
    const tags = lines[i + 2];
    if (length < 1 || words.length !== length * count || freqs.length !== FREQ_DIGITS * count || tags.length !== count) return undefined;
    byLength[length] = { length, count, words, freqs, tags, byFirst: firstCharIndex(words, length, count) };
    longest = Math.max(longest, length);
  }
  const starts = new Uint16Array(2 ** START_SLOT_BITS);
  for (const group of byLength) {
    if (!group || group.length < 2 || group.length > MASKED_LONGEST) continue;
    for (let at = 0; at < group.words.length; at += group.length) {
      starts[startSlot(group.words.charCodeAt(at), group.words.charCodeAt(at + 1))] |= 1 << (group.length - 2);
    }
  }
  return { logTotal: Math.log(total), byLength, longest, tagNames, starts };
}

/** The index of `text[start, start + group.length)` in the group, or -1 when it is not a word. */
function indexOf(group: WordsOfLength, text: string, start: number): number {
  const { length, words, byFirst } = group;
  let lo = 0;
  let hi = group.count - 1;
  const first = text.charCodeAt(start) - FIRST_BASE;
  if (byFirst && first >= 0 && first < FIRST_SPAN) {
    lo = byFirst[first];
    hi = byFirst[first + 1] - 1;
  }
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = mid * length;
    let order = 0;
    for (let k = 0; k < length && order === 0; k++) order = words.charCodeAt(at + k) - text.charCodeAt(start + k);
    if (order === 0) return mid;
    if (order < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The frequency of `text[start, start + group.length)` in the group, or -1 when it is not a word. */
function frequency(group: WordsOfLength, text: string, start: number): number {
  const at = indexOf(group, text, start);
  if (at < 0) return -1;
  // Read in place: a slice and `parseInt` per word looked up made a string for the collector at every step of a cut.
  const { freqs } = group;
  let freq = 0;
  for (let k = at * FREQ_DIGITS, end = k + FREQ_DIGITS; k < end; k++) freq = freq * 36 + base36Digit(freqs.charCodeAt(k));
  return freq;
}

/** The value of a base-36 digit as `Number.toString(36)` writes it (`0`–`9`, `a`–`z`). */
const base36Digit = (code: number): number => (code <= 0x39 ? code - 0x30 : code - 0x57);

const SCRATCH_LENGTH = 256;
const scratchScore = new Float64Array(SCRATCH_LENGTH);
const scratchNext = new Int32Array(SCRATCH_LENGTH);

/**
 * jieba's `cut(text, false)` for a run of Han characters: the words along the
 * route whose summed log-probabilities are highest, each dictionary word
 * weighted by its frequency. From each position the route may take any
 * dictionary word starting there, or the single character when none does; on
 * a tie the longer word wins, as in jieba.
 */
export function cutWords(list: WordList, text: string): string[] {
  const n = text.length;
  // The rules cut windows of a dozen characters: those share two scratch arrays. A typed array of
  // more than a few numbers lives outside the heap, and allocating two per cut made V8 collect
  // garbage over the whole document model (on a 10 MB draft, about 0.5 ms per cut instead of 10 µs).
  const scratch = n < SCRATCH_LENGTH;
  const score = scratch ? scratchScore : new Float64Array(n + 1);
  const next = scratch ? scratchNext : new Int32Array(n + 1);
  score[n] = 0;
  for (let i = n - 1; i >= 0; i--) {
    let best = -Infinity;
    let bestEnd = -1;
    const maxLength = Math.min(list.longest, n - i);
    const mask = maxLength > 1 ? startMask(list.starts, text, i) : 0;
    for (let length = 1; length <= maxLength; length++) {
      const group = list.byLength[length];
      if (!group || (length > 1 && !mayStart(mask, length))) continue;
      const freq = frequency(group, text, i);
      if (freq < 0) continue;
      const s = Math.log(freq) - list.logTotal + score[i + length];
      if (s >= best) {
        best = s;
        bestEnd = i + length;
      }
    }
    if (bestEnd < 0) {
      // No word starts here: the character alone, with jieba's frequency of 1 (a surrogate pair stays whole).
      const width = splitsSurrogatePair(text, i + 1) ? 2 : 1;
      best = -list.logTotal + score[i + width];
      bestEnd = i + width;
    }
    score[i] = best;
    next[i] = bestEnd;
  }
  const words: string[] = [];
  for (let i = 0; i < n; i = next[i]) words.push(text.slice(i, next[i]));
  return words;
}

/** Whether the list holds `word`, at any frequency. */
export function hasWord(list: WordList, word: string): boolean {
  const group = list.byLength[word.length];
  return group !== undefined && (word.length === 1 || mayStart(startMask(list.starts, word, 0), word.length)) && indexOf(group, word, 0) >= 0;
}

/** jieba's part-of-speech tag of `word` (`v`, `n`, `a`, `d`…), or undefined when the list lacks the word or its tag. */
export function tagOf(list: WordList, word: string): string | undefined {
  const group = list.byLength[word.length];
  const at = group === undefined ? -1 : indexOf(group, word, 0);
  return at < 0 ? undefined : list.tagNames[group!.tags.charCodeAt(at) - FIRST_TAG_CODE];
}

/** A segmenter over the list, for `RuleServices.segmenter`. */
export function wordListSegmenter(list: WordList): Segmenter {
  return { cut: (text) => cutWords(list, text), isWord: (word) => hasWord(list, word), tag: (word) => tagOf(list, word) };
}
