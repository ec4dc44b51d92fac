/**
 * `--fix`: apply the bulk (form) fixes pass after pass, since one fix can make
 * room for another (overlapping fixes wait a pass). Fixes that do not settle
 * or that keep growing the text stop it, and nothing is written.
 */
import { applyFixes, check, grewTooMuch, isBulkFix, type Finding, type LintOptions, type LocalizedText, type SpeechDocument } from '../core';
import { MESSAGES } from './messages';

/** A bound on passes, should fixes ever keep undoing or feeding each other. */
export const MAX_PASSES = 10;

/** Why fixing stopped short of a settled text: too many passes, or a text grown beyond `grewTooMuch`. */
export type FixStop = 'passes' | 'growth';

export const FIX_STOPPED: Readonly<Record<FixStop, LocalizedText>> = { passes: MESSAGES.fixPasses, growth: MESSAGES.fixGrowth };

export interface FixResult {
  /** The fixed text; the text as given when fixing stopped. */
  text: string;
  /** Fixes applied (none when fixing stopped). */
  applied: number;
  /** Set when fixing stopped: nothing may be written. */
  stopped: FixStop | undefined;
  /** What `text` has to report. */
  doc: SpeechDocument;
  findings: Finding[];
}

/** The text with every bulk fix applied, how many fixes that took, and what the fixed text still has to report. */
export function fixUntilStable(original: string, options: LintOptions): FixResult {
  const first = check(original, options);
  let text = original;
  let current = first;
  let applied = 0;
  for (let pass = 0; ; pass++) {
    const fixes = current.findings.filter(isBulkFix);
    if (fixes.length === 0) return { text, applied, stopped: undefined, ...current };
    const stop = (stopped: FixStop): FixResult => ({ text: original, applied: 0, stopped, ...first });
    if (pass === MAX_PASSES) return stop('passes');
    const result = applyFixes(text, fixes);
    if (grewTooMuch(original, result.text)) return stop('growth');
    text = result.text;
    applied += result.applied;
    current = check(text, options);
  }
}
