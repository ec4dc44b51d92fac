/**
 * The `typo` rule's statistical tier: a wrong character in a common word
 * (`按装`, `既使`) that no list can hold, found by context. A character is
 * suspected when
 * 1. the character n-gram model (statModel.ts) has not seen it between its
 *    two neighbours (a cheap test that passes over almost all of a text);
 * 2. a character it may be confused with (statConfusions.ts: same sound or
 *    similar shape) makes the five characters around it far likelier, by at
 *    least `threshold` (log2: a factor of 2^threshold); and
 * 3. the segmenter reads the substitute into a word of two or more
 *    characters where it reads the written character as a word by itself:
 *    the substitute forms a known word, the original does not.
 * Pure: the model and the segmenter are services lent by the host.
 */
import type { Segmenter, TypoModel } from '../rule';
import { isHanCode } from '../text/chars';
import type { Confusable, ConfusionReason } from './statConfusions';

/**
 * The least gain in log2 likelihood of the five-character window. Tuned on
 * ECSpell odw.train: the lowest (in steps of 2) at which correction
 * precision there reached 95% (12: 90%; 14: 95%; 16: 99%; recall 14%, 13%, 12%).
 */
export const STAT_THRESHOLD = 14;
/**
 * A written character the corpus has seen fewer times than this (quantized:
 * 2^(q/10), about 128) is not judged: the laws the model learnt from rarely
 * hold names, `她` or literary words, and most of what it would flag there
 * on the People's Daily archive was names (2020-01: 7.2 findings per 10,000
 * characters without this bound, 1.7 with it; ECSpell odw.train recall 19% → 13%).
 */
const MIN_WRITTEN = 70;
/** A substitute seen fewer times than this (quantized: 2^(q/10)) in the corpus is not offered: rare characters are rarely meant. */
const MIN_SUBSTITUTE = 40;
/** Han characters of context on each side that the segmenter sees. */
const CUT_CONTEXT = 4;

export interface Suspicion {
  /** The written character: `[start, start + 1)`. */
  start: number;
  /** What it may stand for, likeliest first. */
  rights: Array<{ char: string; reason: ConfusionReason }>;
  /** How much likelier (log2) the best substitute makes the window. */
  gain: number;
  /** The word the best substitute forms, as offsets into the text (the written character replaced inside). */
  word: { start: number; end: number };
}

/** Per model, each character's confusables common enough to offer (`MIN_SUBSTITUTE`): filtered once, as a draft repeats its characters. */
const offered = new WeakMap<TypoModel, Map<number, readonly Confusable[]>>();

function substitutes(model: TypoModel, code: number): readonly Confusable[] {
  let byCode = offered.get(model);
  if (!byCode) offered.set(model, (byCode = new Map()));
  let list = byCode.get(code);
  if (!list) byCode.set(code, (list = model.confusions.of(code).filter((alt) => model.ngrams.unigram(alt.code) >= MIN_SUBSTITUTE)));
  return list;
}

/** Code at `i` as the model sees it: Han characters as themselves, anything else as the boundary 0. */
const codeAt = (text: string, i: number, from: number, to: number): number => {
  if (i < from || i >= to) return 0;
  const c = text.charCodeAt(i);
  return isHanCode(c) ? c : 0;
};

/** Token boundaries of the segmenter's cut of `text`. */
function cutsOf(segmenter: Segmenter, text: string): number[] {
  const cuts = [0];
  let at = 0;
  for (const token of segmenter.cut(text)) cuts.push((at += token.length));
  return cuts;
}

/** The token of `cuts` holding offset `at`, as [start, end). */
function tokenAt(cuts: readonly number[], at: number): [number, number] {
  let k = 1;
  while (k < cuts.length - 1 && cuts[k] <= at) k++;
  return [cuts[k - 1], cuts[k]];
}

/**
 * Whether every character of `[start, end)` is a word by itself in the cut of
 * the written text. The new word must be made of characters the written text
 * leaves alone: a substitute that takes a character from a word already there
 * (`主持人龚洁` → `人工`) reads the sentence differently, it does not mend it.
 */
function leftAlone(cuts: readonly number[], start: number, end: number): boolean {
  for (let j = start; j < end; j++) {
    const [s, e] = tokenAt(cuts, j);
    if (e - s >= 2) return false;
  }
  return true;
}

/** Suspected characters of `text[from, to)` (one paragraph), in order. */
export function statisticalSuspicions(text: string, from: number, to: number, model: TypoModel, segmenter: Segmenter, threshold = STAT_THRESHOLD): Suspicion[] {
  const { ngrams } = model;
  const found: Suspicion[] = [];
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!isHanCode(c)) continue;
    const b = codeAt(text, i - 1, from, to);
    const d = codeAt(text, i + 1, from, to);
    // A character between two boundaries has no context to judge by.
    if (b === 0 && d === 0) continue;
    if (ngrams.trigram(b, c, d) >= 0) continue;
    if (ngrams.unigram(c) < MIN_WRITTEN) continue;
    const a = b === 0 ? 0 : codeAt(text, i - 2, from, to);
    const e = d === 0 ? 0 : codeAt(text, i + 2, from, to);
    const ab = ngrams.bigram(a, b);
    const de = ngrams.bigram(d, e);
    const written = ngrams.window(a, b, c, d, e, ab, ngrams.bigram(b, c), ngrams.bigram(c, d), de);
    let candidates: Array<{ code: number; reason: ConfusionReason; gain: number }> | undefined;
    for (const alt of substitutes(model, c)) {
      // The substitute must fit at least one neighbour the corpus has seen it with.
      const bx = ngrams.bigram(b, alt.code);
      const xd = ngrams.bigram(alt.code, d);
      if (bx < 0 && xd < 0) continue;
      const gain = ngrams.window(a, b, alt.code, d, e, ab, bx, xd, de) - written;
      if (gain >= threshold) (candidates ??= []).push({ code: alt.code, reason: alt.reason, gain });
    }
    if (!candidates) continue;
    let lo = i;
    while (lo > from && i - lo < CUT_CONTEXT && isHanCode(text.charCodeAt(lo - 1))) lo--;
    let hi = i + 1;
    while (hi < to && hi - i - 1 < CUT_CONTEXT && isHanCode(text.charCodeAt(hi))) hi++;
    const local = text.slice(lo, hi);
    const cuts = cutsOf(segmenter, local);
    const [ws, we] = tokenAt(cuts, i - lo);
    if (we - ws >= 2) continue;
    const kept: Array<{ code: number; reason: ConfusionReason; gain: number; ss: number; se: number }> = [];
    for (const k of candidates) {
      const swapped = local.slice(0, i - lo) + String.fromCharCode(k.code) + local.slice(i - lo + 1);
      const [ss, se] = tokenAt(cutsOf(segmenter, swapped), i - lo);
      if (se - ss >= 2 && leftAlone(cuts, ss, se)) kept.push({ ...k, ss, se });
    }
    if (kept.length === 0) continue;
    kept.sort((x, y) => y.gain - x.gain);
    found.push({
      start: i,
      rights: kept.map((k) => ({ char: String.fromCharCode(k.code), reason: k.reason })),
      gain: kept[0].gain,
      word: { start: lo + kept[0].ss, end: lo + kept[0].se },
    });
  }
  return found;
}
