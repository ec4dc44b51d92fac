/**
 * `repeated-phrase`: a run of 8 or more characters printed twice in a row
 * inside one sentence — a clause doubled in typing or typesetting, as the
 * 秦皇岛 speech prints `认真贯彻落实党委(党组)落实全面从严治党主体责任规定，制定市政协党组及机关党组`
 * twice. No fix: which copy to keep (one has `《》`, the other not) is the
 * writer's call.
 *
 * Scope, decided on the corpus: a sentence (up to `。！？`), and the second
 * copy must follow the first with nothing but punctuation between them.
 * Official prose repeats set phrases at a distance all the time
 * (`增进对中国特色社会主义的政治认同，提升中国特色社会主义制度影响力`,
 * `学习X，宣传X`); a doubled run standing back to back is never style. Nor is
 * a doubled clause: the second copy ends where the first did, at a mark or the
 * sentence's end. When punctuation parts the copies and the second runs on
 * into more words (`进入董事会、监事会、经理层，董事会、监事会、经理层成员中…`,
 * `上报省公安厅江河保卫总队，省公安厅江河保卫总队经研判后…`), the phrase ends
 * one clause and opens the next as its subject — the figure called 顶真 —
 * or heads a longer name in a list (`A中心、A中心大水沟分院`): style, found
 * five times on two months of the People's Daily and never a slip. Quotes,
 * book-title marks and spaces are ignored when comparing, so `《规定》` and
 * `规定` count as the same words.
 *
 * Linear in the paragraph: each 8-character window is hashed once (rolling
 * hash) into a table per sentence that remembers its latest occurrence; a hit
 * is extended greedily and reported once per doubled run. The table and the
 * character buffers are reused from sentence to sentence, so the scan
 * allocates nothing per character.
 *
 * Most sentences repeat nothing, and a cheaper test clears them first: a
 * window seen twice means seven pairs of neighbouring characters in a row that
 * were each seen before in the sentence. Only a sentence with such a stretch
 * is buffered and searched.
 */
import type { Rule } from '../../rule';
import { isHanAt } from '../../text/chars';

/** Shortest run worth reporting, in characters compared; as many of them must be Han (a doubled URL or identifier is not prose). */
const MIN_RUN = 8;

const PHRASE_SHOWN = 16;

/** How each BMP character takes part: compared (0), left out (1), or ending the sentence (2). */
const COMPARED = 0;
const IGNORED = 1;
const SENTENCE_END = 2;
const CHAR_CLASS = new Uint8Array(0x10000);
// Quotes, book-title marks and spaces wrap words without changing them.
for (const ch of '《》〈〉“”‘’"\'「」『』 \t\u3000\u00a0') CHAR_CLASS[ch.charCodeAt(0)] = IGNORED;
for (const ch of '。！？!?') CHAR_CLASS[ch.charCodeAt(0)] = SENTENCE_END;

/** What may stand between the two copies: punctuation only (no words). */
const isGapMark = (code: number): boolean => /[\p{P}\p{S}]/u.test(String.fromCodePoint(code));

const BASE = 0x9e3779b1;
/** BASE ** (MIN_RUN - 1), modulo 2 ** 32: what the leaving character weighs in the rolling hash. */
const LEAVING_WEIGHT = Array.from({ length: MIN_RUN - 1 }).reduce<number>((w) => Math.imul(w, BASE), 1);

/**
 * One sentence's compared characters (code points) and their document
 * offsets, plus an open-addressing table from window hash to the window's
 * latest start. Entries of earlier sentences are told apart by a generation
 * stamp, so nothing is cleared between sentences.
 */
class SentenceBuffer {
  codes: Int32Array = new Int32Array(256);
  offsets: Int32Array = new Int32Array(256);
  length = 0;
  private hashes = new Int32Array(512);
  private starts = new Int32Array(512);
  private stamps = new Int32Array(512);
  private generation = 0;

  /** Empties the buffer, with room for `size` characters (a pasted page is one sentence: grown once, not by doubling). */
  reserve(size: number): void {
    this.length = 0;
    if (this.codes.length >= size && !oversized(this.codes.length, size)) return;
    this.codes = new Int32Array(Math.max(size, 256));
    this.offsets = new Int32Array(Math.max(size, 256));
  }

  push(code: number, offset: number): void {
    if (this.length === this.codes.length) {
      this.codes = grow(this.codes);
      this.offsets = grow(this.offsets);
    }
    this.codes[this.length] = code;
    this.offsets[this.length++] = offset;
  }

  /** Starts an empty table sized for the current sentence. */
  resetTable(): void {
    if (this.stamps.length < 2 * this.length || oversized(this.stamps.length, 2 * this.length)) {
      let size = 512;
      while (size < 2 * this.length) size *= 2;
      this.hashes = new Int32Array(size);
      this.starts = new Int32Array(size);
      this.stamps = new Int32Array(size);
      this.generation = 0;
    }
    this.generation++;
  }

  /** Records that the window hashed `hash` starts at `start`; returns where it started before, or -1. */
  swapLatest(hash: number, start: number): number {
    const mask = this.stamps.length - 1;
    let slot = Math.imul(hash, 0x85ebca6b) & mask;
    while (this.stamps[slot] === this.generation && this.hashes[slot] !== (hash | 0)) slot = (slot + 1) & mask;
    const previous = this.stamps[slot] === this.generation ? this.starts[slot] : -1;
    this.stamps[slot] = this.generation;
    this.hashes[slot] = hash;
    this.starts[slot] = start;
    return previous;
  }
}

/**
 * Whether a buffer grown for a huge sentence (a pasted run of megabytes) is
 * far larger than the sentence at hand: the buffers live as long as the
 * server, and would otherwise keep tens of megabytes after one such draft.
 */
function oversized(capacity: number, needed: number): boolean {
  return capacity > 1 << 16 && capacity > 8 * needed;
}

function grow(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

function hanCount(codes: Int32Array, from: number, to: number): number {
  let count = 0;
  for (let k = from; k < to; k++) if (isHanAt(String.fromCodePoint(codes[k]), 0)) count++;
  return count;
}

/** Whether the window at `j` is one character MIN_RUN times. */
function isOneCharacter(codes: Int32Array, j: number): boolean {
  for (let k = 1; k < MIN_RUN; k++) if (codes[j + k] !== codes[j]) return false;
  return true;
}

function sameWindow(codes: Int32Array, a: number, b: number): boolean {
  for (let k = 0; k < MIN_RUN; k++) if (codes[a + k] !== codes[b + k]) return false;
  return true;
}

/**
 * Finds doubled runs in the buffered sentence; calls `report` with the first
 * and past-the-end indices of the second copy, the past-the-end index of the
 * last copy, and how many extra copies there are: copies that keep coming back to back, with the
 * same marks between them, are one finding (`X，X，X` repeats X twice), so
 * a pasted page of one clause is one problem, not thousands.
 */
function findDoubles(buffer: SentenceBuffer, report: (start: number, end: number, last: number, extraCopies: number) => void): void {
  const { codes, length: n } = buffer;
  if (n < 2 * MIN_RUN) return;
  buffer.resetTable();
  let hash = 0;
  for (let k = 0; k < MIN_RUN; k++) hash = (Math.imul(hash, BASE) + codes[k]) >>> 0;
  let skipUntil = 0;
  for (let j = 0; ; j++) {
    const p = buffer.swapLatest(hash, j);
    if (j >= skipUntil && p >= 0 && p + MIN_RUN <= j && sameWindow(codes, p, j)) {
      let length = MIN_RUN;
      while (j + length < n && p + length < j && codes[p + length] === codes[j + length]) length++;
      let gapOk = true;
      for (let g = p + length; g < j && gapOk; g++) gapOk = isGapMark(codes[g]);
      // The copies are words: marks they happen to share at either end stay out of the report.
      let [start, end] = [j, j + length];
      while (start < end && isGapMark(codes[start])) start++;
      while (end > start && isGapMark(codes[end - 1])) end--;
      // Parted from the first by punctuation, the second copy's words must end their clause too (see the file comment).
      const runsOn = start > 0 && isGapMark(codes[start - 1]) && end < n && !isGapMark(codes[end]);
      if (gapOk && !runsOn && hanCount(codes, start, end) >= MIN_RUN) {
        // Later copies repeat the text from the first copy on with the same period.
        const period = j - p;
        let periodic = j + length;
        while (periodic < n && codes[periodic] === codes[periodic - period]) periodic++;
        const more = Math.floor((periodic - end) / period);
        report(start, end, end + more * period, 1 + more);
        skipUntil = j + length + more * period;
      }
    }
    if (j + MIN_RUN >= n) break;
    // Inside a run of one character every window is that character MIN_RUN times, and its latest copy is one
    // place back, which is no double: only the run's last window needs recording (a pasted page of `的` is one run).
    if (codes[j + MIN_RUN] === codes[j] && isOneCharacter(codes, j)) {
      let last = j + 1;
      while (last + MIN_RUN < n && codes[last + MIN_RUN] === codes[j]) last++;
      buffer.swapLatest(hash, last);
      j = last;
      if (j + MIN_RUN >= n) break;
    }
    hash = (Math.imul(hash - Math.imul(codes[j], LEAVING_WEIGHT), BASE) + codes[j + MIN_RUN]) >>> 0;
  }
}

const buffer = new SentenceBuffer();

export const rule: Rule = {
  meta: {
    id: 'repeated-phrase',
    category: 'text',
    defaultSeverity: 'warning',
    description: {
      zh: '同一句中同一段文字（8 字以上）接连出现两次',
      en: 'The same run of 8 or more characters printed twice in a row within one sentence',
    },
    messages: {
      repeated: { zh: '本句重复了“{phrase}”，删去多余的一处', en: 'This sentence repeats "{phrase}"; remove the extra copy' },
      repeatedRun: { zh: '本句接连重复了“{phrase}” {count} 次，删去多余的各处', en: 'This sentence repeats "{phrase}" {count} more times in a row; remove the extra copies' },
    },
    fixable: false,
  },
  check(ctx) {
    const { text } = ctx.doc;
    const search = (from: number, to: number): void => {
      bufferSentence(text, from, to);
      findDoubles(buffer, (start, end, last, extraCopies) => {
        const { codes, offsets } = buffer;
        const phrase = String.fromCodePoint(...codes.subarray(start, Math.min(end, start + PHRASE_SHOWN)));
        const shown = end - start > PHRASE_SHOWN ? `${phrase}…` : phrase;
        const span = { start: offsets[start], end: offsets[last - 1] + (codes[last - 1] > 0xffff ? 2 : 1) };
        if (extraCopies === 1) ctx.report({ span, messageId: 'repeated', data: { phrase: shown } });
        else ctx.report({ span, messageId: 'repeatedRun', data: { phrase: shown, count: extraCopies } });
      });
    };
    // The paragraphs are read in the document's text rather than as their `content`: reading a slice costs more per character.
    for (const p of ctx.doc.paragraphs) {
      if (p.role === 'speaker') continue;
      const end = p.contentEnd;
      let sentence = p.contentStart;
      // The pre-test's state for the current sentence (see `pairStamps`), in locals: this loop reads every character.
      let stamp = nextPairStamp();
      let previous = 0;
      let seenInARow = 0;
      let suspect = false;
      for (let i = sentence; i < end; i++) {
        // A suspect sentence is searched whatever follows: only its end matters now.
        if (suspect) {
          while (i < end && CHAR_CLASS[text.charCodeAt(i)] !== SENTENCE_END) i++;
          if (i === end) break;
        }
        let code = text.charCodeAt(i);
        // Most characters are Han, which are always compared: no need to look up their class.
        if (!isBasicHanCode(code)) {
          code = codePointIn(text, i, end);
          const kind = code <= 0xffff ? CHAR_CLASS[code] : COMPARED;
          if (code > 0xffff) i++;
          if (kind === IGNORED) continue;
          if (kind === SENTENCE_END) {
            if (suspect) search(sentence, i);
            sentence = i + 1;
            stamp = nextPairStamp();
            previous = 0;
            seenInARow = 0;
            suspect = false;
            continue;
          }
        }
        const slot = Math.imul((previous << 16) ^ code, 0x9e3779b1) >>> (32 - PAIR_BITS);
        // Whether a pair was seen before is a coin toss for the processor's branch prediction: reckoned without a branch
        // (`(x - 1) >>> 31` is 1 when the stamp matches, that is when x is 0, and 0 otherwise), the scan is faster.
        seenInARow = (seenInARow + 1) * (((pairStamps[slot] ^ stamp) - 1) >>> 31);
        pairStamps[slot] = stamp;
        previous = code;
        if (seenInARow >= MIN_RUN - 1) suspect = true;
      }
      if (suspect) search(sentence, end);
    }
  },
};

/** The basic block of CJK ideographs, where nearly every character of a draft lies. */
const isBasicHanCode = (code: number): boolean => code >= 0x4e00 && code <= 0x9fff;

/** The code point at `i` of a paragraph ending at `end` (a lone surrogate stands for itself). */
function codePointIn(text: string, i: number, end: number): number {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdbff || i + 1 >= end) return code;
  const low = text.charCodeAt(i + 1);
  return low >= 0xdc00 && low <= 0xdfff ? (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000 : code;
}

/** Puts the compared characters of the sentence `text[from, to)` in the buffer. */
function bufferSentence(text: string, from: number, to: number): void {
  buffer.reserve(to - from);
  for (let i = from; i < to; i++) {
    const code = codePointIn(text, i, to);
    if (code > 0xffff || CHAR_CLASS[code] === COMPARED) buffer.push(code, i);
    if (code > 0xffff) i++;
  }
}

/**
 * The pre-test: which pairs of neighbouring compared characters the current
 * sentence holds, by hash (a collision only sends a sentence to the full
 * search), stamped with the sentence's number so nothing is cleared between
 * sentences. A doubled window shows as MIN_RUN - 1 pairs in a row, each seen
 * before in its sentence.
 */
const PAIR_BITS = 12;
const pairStamps = new Uint16Array(1 << PAIR_BITS);
let pairStamp = 0;

/** A stamp no pair of the sentence starting now carries yet. */
function nextPairStamp(): number {
  if (++pairStamp > 0xffff) {
    pairStamps.fill(0);
    pairStamp = 1;
  }
  return pairStamp;
}
