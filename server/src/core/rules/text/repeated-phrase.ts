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
 * `学习X，宣传X`); a doubled run standing back to back is never style. Quotes,
 * book-title marks and spaces are ignored when comparing, so `《规定》` and
 * `规定` count as the same words.
 *
 * Linear in the paragraph: each 8-character window is hashed once into a
 * table per sentence that remembers its latest occurrence; a hit is extended
 * greedily and reported once per doubled run.
 */
import type { Rule } from '../../rule';
import { isHanAt } from '../../text/chars';

/** Shortest run worth reporting, in characters compared; as many of them must be Han (a doubled URL or identifier is not prose). */
const MIN_RUN = 8;

/** Marks left out of the comparison: they wrap words without changing them. */
const IGNORED = new Set([...'《》〈〉“”‘’"\'「」『』 \t\u3000\u00a0'].map((c) => c.codePointAt(0)));

/** Sentence ends: a repeat never spans one. */
const SENTENCE_END = new Set([...'。！？!?'].map((c) => c.codePointAt(0)));

/** What may stand between the two copies: punctuation only (no words). */
const isGapMark = (code: number): boolean => /[\p{P}\p{S}]/u.test(String.fromCodePoint(code));

const PHRASE_SHOWN = 16;

const BASE = 0x9e3779b1;
/** BASE ** (MIN_RUN - 1), modulo 2 ** 32: what the leaving character weighs in the rolling hash. */
const LEAVING_WEIGHT = Array.from({ length: MIN_RUN - 1 }).reduce<number>((w) => Math.imul(w, BASE), 1);

function hanCount(codes: readonly number[], from: number, to: number): number {
  let count = 0;
  for (let k = from; k < to; k++) if (isHanAt(String.fromCodePoint(codes[k]), 0)) count++;
  return count;
}

function sameWindow(codes: readonly number[], a: number, b: number): boolean {
  for (let k = 0; k < MIN_RUN; k++) if (codes[a + k] !== codes[b + k]) return false;
  return true;
}

/**
 * Finds doubled runs in one sentence, given as code points. Calls `report`
 * with the second copy's first and past-the-end indices.
 */
function findDoubles(codes: readonly number[], report: (start: number, end: number) => void): void {
  const n = codes.length;
  if (n < 2 * MIN_RUN) return;
  /** Rolling hash of a window → where that window last began. */
  const latest = new Map<number, number>();
  let hash = 0;
  for (let k = 0; k < MIN_RUN; k++) hash = (Math.imul(hash, BASE) + codes[k]) >>> 0;
  let skipUntil = 0;
  for (let j = 0; ; j++) {
    const p = latest.get(hash);
    latest.set(hash, j);
    if (j >= skipUntil && p !== undefined && p + MIN_RUN <= j && sameWindow(codes, p, j)) {
      let length = MIN_RUN;
      while (j + length < n && p + length < j && codes[p + length] === codes[j + length]) length++;
      let gapOk = true;
      for (let g = p + length; g < j && gapOk; g++) gapOk = isGapMark(codes[g]);
      // The copies are words: marks they happen to share at either end stay out of the report.
      let [start, end] = [j, j + length];
      while (start < end && isGapMark(codes[start])) start++;
      while (end > start && isGapMark(codes[end - 1])) end--;
      if (gapOk && hanCount(codes, start, end) >= MIN_RUN) {
        report(start, end);
        skipUntil = j + length;
      }
    }
    if (j + MIN_RUN >= n) break;
    hash = (Math.imul(hash - Math.imul(codes[j], LEAVING_WEIGHT), BASE) + codes[j + MIN_RUN]) >>> 0;
  }
}

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
    },
    fixable: false,
  },
  check(ctx) {
    for (const p of ctx.doc.paragraphs) {
      if (p.role === 'speaker') continue;
      let codes: number[] = [];
      let offsets: number[] = [];
      const flush = (): void => {
        findDoubles(codes, (start, end) => {
          const phrase = String.fromCodePoint(...codes.slice(start, Math.min(end, start + PHRASE_SHOWN)));
          const last = offsets[end - 1] + (codes[end - 1] > 0xffff ? 2 : 1);
          ctx.report({ span: { start: offsets[start], end: last }, messageId: 'repeated', data: { phrase: end - start > PHRASE_SHOWN ? `${phrase}…` : phrase } });
        });
        codes = [];
        offsets = [];
      };
      const text = p.content;
      for (let i = 0; i < text.length; i++) {
        const code = text.codePointAt(i)!;
        if (SENTENCE_END.has(code)) flush();
        else if (!IGNORED.has(code)) {
          codes.push(code);
          offsets.push(p.contentStart + i);
        }
        if (code > 0xffff) i++;
      }
      flush();
    }
  },
};
