/**
 * The character n-gram model behind the `typo` rule's statistical tier: its
 * compact binary form (written by scripts/build-typo-model.ts, read by the
 * host's loader, server/src/typoModel.ts) and the scores read from it. Pure:
 * bytes in, numbers out; the host does the file reading and gunzipping.
 *
 * Form (little-endian; the file on disk is this, gzip'd):
 *   "STM1", then three sections — unigrams, bigrams, trigrams — each
 *   `u32 n`, `n` keys as varint deltas of the sorted keys, `n` bytes of
 *   quantized counts. A unigram's key is its code unit (0 stands for any
 *   run of non-Han text: a boundary), a bigram's `a << 16 | b`, a trigram's
 *   `trigramKey(a, b, c)` (a 32-bit hash: a false hit takes one in about
 *   2,000 lookups of an absent trigram at the shipped size, and costs only a
 *   slightly wrong score). Then `u32 total` (characters counted).
 * A count is kept as round(log2(count) × QUANT): steps of about 7%, one byte.
 */

export const MODEL_MAGIC = 'STM1';
/** Quantization steps per doubling of a count. */
export const QUANT = 10;
/** Stupid backoff's penalty for falling back to a shorter context (Brants et al. 2007), log2(0.4). */
const BACKOFF = Math.log2(0.4);

export function trigramKey(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x2545f491, 0x9e3779b1);
  h = Math.imul(h ^ b ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ c ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export const bigramKey = (a: number, b: number): number => ((a << 16) | b) >>> 0;

export const quantize = (count: number): number => Math.min(255, Math.round(Math.log2(count) * QUANT));

/** Sorted keys and their quantized counts. */
export interface NgramTable {
  keys: Uint32Array;
  counts: Uint8Array;
}

/** Index of `key` in sorted `keys`, or -1. */
function find(keys: Uint32Array, key: number): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid];
    if (k < key) lo = mid + 1;
    else if (k > key) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** The model as rules use it: log2 counts and a log2 probability of a character in its context. */
export class NgramModel {
  private readonly logTotal: number;
  /** Quantized unigram counts by code unit (0 for characters never seen). */
  private readonly uni: Uint8Array;

  constructor(
    unigrams: NgramTable,
    private readonly bigrams: NgramTable,
    private readonly trigrams: NgramTable,
    readonly total: number,
  ) {
    this.logTotal = Math.log2(Math.max(total, 1));
    this.uni = new Uint8Array(0x10000);
    for (let i = 0; i < unigrams.keys.length; i++) this.uni[unigrams.keys[i]] = unigrams.counts[i];
  }

  /** Quantized count of a character (0: unseen or seen once). */
  unigram(a: number): number {
    return this.uni[a & 0xffff];
  }

  /** Whether the character was seen at all. */
  knows(a: number): boolean {
    return this.uni[a & 0xffff] > 0;
  }

  /** Quantized count of a pair, -1 when absent (pruned or unseen). */
  bigram(a: number, b: number): number {
    const i = find(this.bigrams.keys, bigramKey(a, b));
    return i < 0 ? -1 : this.bigrams.counts[i];
  }

  trigram(a: number, b: number, c: number): number {
    const i = find(this.trigrams.keys, trigramKey(a, b, c));
    return i < 0 ? -1 : this.trigrams.counts[i];
  }

  /** log2 P(c | a b) by stupid backoff over the pruned counts (a score, not a normalized probability). */
  logProb(a: number, b: number, c: number): number {
    return this.backoff(a, b, c, this.bigram(a, b), this.bigram(b, c));
  }

  /** `logProb` with the counts of the pairs `a b` and `b c` already looked up. */
  private backoff(a: number, b: number, c: number, ab: number, bc: number): number {
    if (ab >= 0) {
      const abc = this.trigram(a, b, c);
      if (abc >= 0) return (abc - ab) / QUANT;
    }
    if (bc >= 0) return BACKOFF + (bc - this.uni[b & 0xffff]) / QUANT;
    // Unseen characters count as seen once (quantized 0).
    return 2 * BACKOFF + this.uni[c & 0xffff] / QUANT - this.logTotal;
  }

  /**
   * log2 P of `x d e` after `a b`: the three scores around a character `x`,
   * with the pair counts that do not depend on `x` (`ab`, `de`) and those the
   * caller has already looked up (`bx`, `xd`) passed in, as the scan scores
   * many `x` in one place.
   */
  window(a: number, b: number, x: number, d: number, e: number, ab: number, bx: number, xd: number, de: number): number {
    return this.backoff(a, b, x, ab, bx) + this.backoff(b, x, d, bx, xd) + this.backoff(x, d, e, xd, de);
  }
}

function writeVarint(out: number[], n: number): void {
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
}

/** The binary form of a model's counts (each map: key → raw count). */
export function encodeModel(unigrams: Map<number, number>, bigrams: Map<number, number>, trigrams: Map<number, number>, total: number): Uint8Array {
  const bytes: number[] = [...MODEL_MAGIC].map((c) => c.charCodeAt(0));
  const u32 = (n: number): void => {
    bytes.push(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff);
  };
  for (const table of [unigrams, bigrams, trigrams]) {
    const keys = [...table.keys()].sort((x, y) => x - y);
    u32(keys.length);
    let last = 0;
    for (const k of keys) {
      writeVarint(bytes, k - last);
      last = k;
    }
    for (const k of keys) bytes.push(quantize(table.get(k) ?? 1));
  }
  u32(total);
  return Uint8Array.from(bytes);
}

/** Reads the binary form; throws on a file that is not one (the host's loader catches it). */
export function decodeModel(bytes: Uint8Array): NgramModel {
  if (String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]) !== MODEL_MAGIC) throw new Error('not a typo model');
  let at = 4;
  const u32 = (): number => {
    if (at + 4 > bytes.length) throw new Error('typo model truncated');
    const n = (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
    at += 4;
    return n;
  };
  const table = (): NgramTable => {
    const n = u32();
    const keys = new Uint32Array(n);
    let last = 0;
    for (let i = 0; i < n; i++) {
      let delta = 0;
      let scale = 1;
      for (;;) {
        if (at >= bytes.length) throw new Error('typo model truncated');
        const b = bytes[at++];
        delta += (b & 0x7f) * scale;
        if (b < 0x80) break;
        scale *= 128;
      }
      last += delta;
      keys[i] = last;
    }
    if (at + n > bytes.length) throw new Error('typo model truncated');
    const counts = bytes.slice(at, at + n);
    at += n;
    return { keys, counts };
  };
  const unigrams = table();
  const bigrams = table();
  const trigrams = table();
  return new NgramModel(unigrams, bigrams, trigrams, u32());
}
