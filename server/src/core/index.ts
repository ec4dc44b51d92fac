/**
 * The core's public face. Pure: no I/O, no editor types. Text in, model and
 * findings out; the server, the CLI and the tests all come through here.
 */
export * from './model';
export * from './rule';
export { LineIndex, type Position } from './text/lineIndex';
export { parse } from './parse';
export { lint, lintSteps, LintCache, resolveRuleSetting, type Finding, type LintOptions, type RuleSetting, type RuleSettings } from './lint';
export { applyFixes } from './fix';
export { allRules, findRule } from './rules';

import { parse } from './parse';
import { lint, type Finding, type LintOptions } from './lint';
import type { SpeechDocument } from './model';

/** Parse and lint in one call. */
export function check(text: string, options?: LintOptions): { doc: SpeechDocument; findings: Finding[] } {
  const doc = parse(text);
  return { doc, findings: lint(doc, options) };
}
