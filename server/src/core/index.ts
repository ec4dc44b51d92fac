/**
 * The core's public face. Pure: no I/O, no editor types. Text in, model and
 * findings out; the server, the CLI and the tests all come through here.
 */
export * from './model';
export * from './rule';
export { LineIndex, type Position } from './text/lineIndex';
export { parse, parseSteps, reparse, reparseSteps } from './parse';
export { lint, lintSteps, LintCache, MAX_FINDINGS_PER_RULE, UNLISTED_MESSAGE_ID, resolveRuleSetting, type Finding, type LintOptions, type RuleSetting, type RuleSettings } from './lint';
export { applyFixes, grewTooMuch, isBulkFix } from './fix';
export { allRules, findRule } from './rules';

export { runToEnd, type Steps } from './steps';

import { parseSteps, reparseSteps } from './parse';
import { lintSteps, type Finding, type LintOptions } from './lint';
import type { SpeechDocument } from './model';
import { runToEnd, type Steps } from './steps';

export interface Checked {
  doc: SpeechDocument;
  findings: Finding[];
}

/** Parse and lint in one call. */
export function check(text: string, options?: LintOptions): Checked {
  return runToEnd(checkSteps(text, options));
}

/** `check` in steps (see steps.ts); `previous`, the model of an earlier text of the draft, is taken over and reused where the text did not change (`reparse`). */
export function* checkSteps(text: string, options?: LintOptions, previous?: SpeechDocument): Steps<Checked> {
  const parsing = previous ? reparseSteps(previous, text) : parseSteps(text);
  // Let go of the old model while the rules run: it holds the old text, as large as the draft.
  previous = undefined;
  const doc = yield* parsing;
  return { doc, findings: yield* lintSteps(doc, options) };
}
