/**
 * The confusion set of the `typo` rule's statistical tier: which characters a
 * writer may have meant instead of the one written, and why. Built from
 * data/typo-confusions.json (scripts/build-typo-model.ts): toneless
 * homophones over every reading of a character, and near-shape groups.
 */

export type ConfusionReason = '同音' | '形近';

export interface ConfusionData {
  /** Toneless syllable → the characters read so. */
  homophones: Readonly<Record<string, string>>;
  /** Groups of characters that look alike. */
  shapes: readonly string[];
}

export interface Confusable {
  code: number;
  reason: ConfusionReason;
}

export class Confusions {
  /** Character → indices of its syllables / shape groups. */
  private readonly syllablesOf = new Map<number, number[]>();
  private readonly shapesOf = new Map<number, number[]>();
  private readonly syllables: string[];
  private readonly shapes: readonly string[];
  /** Filled per character on first use: most characters of a draft repeat. */
  private readonly cache = new Map<number, Confusable[]>();

  constructor(data: ConfusionData) {
    this.syllables = Object.values(data.homophones);
    this.shapes = data.shapes;
    const index = (into: Map<number, number[]>, groups: readonly string[]): void =>
      groups.forEach((group, g) => {
        for (let i = 0; i < group.length; i++) {
          const code = group.charCodeAt(i);
          const known = into.get(code);
          if (known) known.push(g);
          else into.set(code, [g]);
        }
      });
    index(this.syllablesOf, this.syllables);
    index(this.shapesOf, this.shapes);
  }

  /** The characters `code` may stand for: same sound first, then similar shape; each once. */
  of(code: number): readonly Confusable[] {
    const cached = this.cache.get(code);
    if (cached) return cached;
    const found: Confusable[] = [];
    const seen = new Set<number>([code]);
    const collect = (groups: readonly string[], indices: number[] | undefined, reason: ConfusionReason): void => {
      for (const g of indices ?? []) {
        const group = groups[g];
        for (let i = 0; i < group.length; i++) {
          const c = group.charCodeAt(i);
          if (seen.has(c)) continue;
          seen.add(c);
          found.push({ code: c, reason });
        }
      }
    };
    collect(this.syllables, this.syllablesOf.get(code), '同音');
    collect(this.shapes, this.shapesOf.get(code), '形近');
    this.cache.set(code, found);
    return found;
  }
}
