/** `--fix`: apply fixes pass after pass, since one fix can make room for another (overlapping fixes wait a pass). */
import { applyFixes, check, type Finding, type LintOptions, type SpeechDocument } from '../core';

/** A bound on passes, should fixes ever keep undoing each other. */
const MAX_PASSES = 10;

/** The text with every fix applied, how many fixes that took, and what the fixed text still has to report. */
export function fixUntilStable(text: string, options: LintOptions): { text: string; applied: number; doc: SpeechDocument; findings: Finding[] } {
  let applied = 0;
  let current = check(text, options);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const result = applyFixes(text, current.findings);
    if (result.applied === 0) break;
    text = result.text;
    applied += result.applied;
    current = check(text, options);
  }
  return { text, applied, ...current };
}
