/**
 * How `npm run eval:typos` (scripts/eval-typos.ts) scores the `typo` rule's
 * findings against sentences whose right form is known. Pure, so that the
 * scoring is tested apart from the detector (test/scripts/typoScore.test.ts).
 *
 * Character level, as the spelling-check literature (SIGHAN, ECSpell) scores:
 * the unit is one UTF-16 position of the checked sentence. A finding claims
 * positions:
 * - with a fix whose edits keep their span's length, the positions where the
 *   fix writes a different character, each with that character as its
 *   correction (`针贬时弊` → `针砭时弊` claims only `贬`, corrected to `砭`);
 * - otherwise (no fix, or a fix that changes the length), every position of
 *   its span, with no correction.
 * A claimed position that is wrong in the source is a detection; a detection
 * whose correction is the target's character is also a correction. Detection
 * and correction precision share the denominator (all claimed positions):
 * a position claimed with the wrong character is a false correction.
 */
import { applyFixes, type Finding, type TextSpan } from '../server/src/core';

/** What scoring needs of a finding: where it is and what it would write. */
export type Claim = Pick<Finding, 'span' | 'fix'>;

export interface CharScores {
  /** Positions where source and target differ. */
  wrong: number;
  /** Positions claimed by some finding. */
  claimed: number;
  /** Claimed positions that are wrong. */
  detected: number;
  /** Detected positions whose claimed correction is the target's character. */
  corrected: number;
}

export const noScores = (): CharScores => ({ wrong: 0, claimed: 0, detected: 0, corrected: 0 });

export function addScores(into: CharScores, add: CharScores): void {
  into.wrong += add.wrong;
  into.claimed += add.claimed;
  into.detected += add.detected;
  into.corrected += add.corrected;
}

/** Positions `finding` claims in `source`, each with the character its fix writes there (undefined: none). */
export function claimedPositions(source: string, finding: Claim): Map<number, string | undefined> {
  const claims = new Map<number, string | undefined>();
  for (const edit of finding.fix ?? []) {
    if (edit.text.length !== edit.span.end - edit.span.start) continue;
    for (let i = edit.span.start; i < edit.span.end; i++) {
      const written = edit.text[i - edit.span.start];
      if (written !== source[i]) claims.set(i, written);
    }
  }
  if (claims.size === 0) for (let i = finding.span.start; i < finding.span.end; i++) claims.set(i, undefined);
  return claims;
}

/**
 * Scores the findings on one sentence. `source` and `target` have the same
 * length (ECSpell's form: one character replaced by one).
 */
export function scoreSentence(source: string, target: string, findings: readonly Claim[]): CharScores {
  if (source.length !== target.length) throw new Error(`source and target differ in length: ${source} / ${target}`);
  const claims = new Map<number, string | undefined>();
  for (const f of findings) {
    for (const [at, written] of claimedPositions(source, f)) {
      // Two findings on one position: a correction from either counts.
      if (!claims.has(at) || written === target[at]) claims.set(at, written);
    }
  }
  const scores = noScores();
  for (let i = 0; i < source.length; i++) if (source[i] !== target[i]) scores.wrong++;
  scores.claimed = claims.size;
  for (const [at, written] of claims) {
    if (source[at] === target[at]) continue;
    scores.detected++;
    if (written === target[at]) scores.corrected++;
  }
  return scores;
}

/** `part / whole` as a percentage with one decimal, or `n/a` when nothing was counted. */
export function percent(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`;
}

/** Whether some finding, fixed alone, turns `planted` back into `source`: the misspelling found with its right form. */
export function restores(planted: string, source: string, findings: readonly Finding[]): boolean {
  return findings.some((f) => f.fix !== undefined && applyFixes(planted, [f]).text === source);
}

/** Whether some finding's span overlaps `span` (the misspelling flagged, right form or not). */
export function flags(span: TextSpan, findings: readonly Claim[]): boolean {
  return findings.some((f) => f.span.start < span.end && span.start < f.span.end);
}
