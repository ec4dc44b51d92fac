/**
 * The core's public face. Pure: no I/O, no editor types. Text in, model and
 * findings out; the server, the CLI and the tests all come through here.
 */
export * from './model';
export * from './rule';
export { LineIndex, type Position } from './text/lineIndex';
export { parse, parseSteps } from './parse';
export { lint, lintSteps, LintCache, MAX_FINDINGS_PER_RULE, UNLISTED_MESSAGE_ID, resolveRuleSetting, type Finding, type LintOptions, type RuleSetting, type RuleSettings } from './lint';
export { applyFixes, grewTooMuch, isBulkFix } from './fix';
export { allRules, findRule } from './rules';

export { runToEnd, type Steps } from './steps';

import { parseSteps } from './parse';
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

/** `check` in steps (see steps.ts). */
export function* checkSteps(text: string, options?: LintOptions): Steps<Checked> {
  const doc = yield* parseSteps(text);
  return { doc, findings: yield* lintSteps(doc, options) };
}
