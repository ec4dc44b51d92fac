/**
 * A table runner for rule tests, in the spirit of ESLint's RuleTester.
 *
 *   runRuleTests(rule, {
 *     valid: ['正文。', { name: 'with options', text: '…', options: { maxChars: 10 } }],
 *     invalid: [{
 *       text: '一.标题。',
 *       errors: [{ messageId: 'nonStandard', line: 0, character: 0, endLine: 0, endCharacter: 2,
 *                  message: 'Section marker "一." should be "一、"' }],
 *       output: '一、标题。',
 *     }],
 *   });
 *
 * Each case parses `text`, lints it with this rule alone (`lint(doc, { only: [rule] })`)
 * and checks:
 * - valid: no finding at all;
 * - invalid: exactly the listed findings, in document order, each with its
 *   messageId and range (0-based line and UTF-16 character, as LSP counts them),
 *   and its message when `message` (English) or `zh` (Chinese) is given;
 * - `output`: the text after applying every fix once (`applyFixes`). Leave it
 *   out (or `null`) to assert that the case offers no fix at all. When a case has
 *   an output, the output is linted again and must offer no further fix (fixes
 *   converge in one pass); set `fixConverges: false` where a rule deliberately
 *   needs several passes.
 *
 * Every finding is also checked generically: its messageId is declared in the
 * rule's meta, its message has no unfilled `{placeholder}`, and its range
 * neither runs backwards nor splits a surrogate pair.
 */
import * as assert from 'node:assert/strict';
import { applyFixes } from '../../server/src/core/fix';
import { lint, type Finding } from '../../server/src/core/lint';
import { parse } from '../../server/src/core/parse';
import type { Rule, RuleServices } from '../../server/src/core/rule';

export interface ExpectedFinding {
  messageId: string;
  /** 0-based start line. */
  line: number;
  /** UTF-16 offset in the start line. */
  character: number;
  endLine: number;
  endCharacter: number;
  /** The English message, exactly. */
  message?: string;
  /** The Chinese message, exactly. */
  zh?: string;
}

interface CaseBase {
  /** Test title; defaults to the text, shortened. */
  name?: string;
  text: string;
  /** Rule options, merged over the declared defaults. */
  options?: Readonly<Record<string, unknown>>;
}

export type ValidCase = string | CaseBase;

/** An expected finding within one line; `message` (English) and `zh` are compared only when given. */
export function findingOn(messageId: string, line: number, character: number, endCharacter: number, messages: { message?: string; zh?: string } = {}): ExpectedFinding {
  return { messageId, line, character, endLine: line, endCharacter, ...messages };
}

export interface InvalidCase extends CaseBase {
  errors: readonly ExpectedFinding[];
  /** Text after applying all fixes once; omitted or null: no fix may be offered. */
  output?: string | null;
  /** Whether the output must be free of further fixes (default true). */
  fixConverges?: boolean;
}

export interface RuleTests {
  valid: readonly ValidCase[];
  invalid: readonly InvalidCase[];
  /** What the host lends the rule (a segmenter), as the server and CLI do. */
  services?: RuleServices;
}

/** Lints `text` with `rule` alone, at its default severity, with `options` over the defaults. */
export function lintWith(rule: Rule, text: string, options?: Readonly<Record<string, unknown>>, services?: RuleServices): Finding[] {
  const setting = options ? ([rule.meta.defaultSeverity, options] as const) : undefined;
  return lint(parse(text), { only: [rule], rules: setting ? { [rule.meta.id]: setting } : undefined, services });
}

export function runRuleTests(rule: Rule, tests: RuleTests): void {
  describe(rule.meta.id, () => {
    describe('valid', () => {
      for (const c of tests.valid) {
        const { text, options, name } = typeof c === 'string' ? { text: c, options: undefined, name: undefined } : c;
        it(name ?? shorten(text), () => {
          const findings = lintWith(rule, text, options, tests.services);
          assert.deepEqual(findings.map((f) => describeFinding(text, f)), [], 'expected no findings');
        });
      }
    });
    describe('invalid', () => {
      for (const c of tests.invalid) {
        it(c.name ?? shorten(c.text), () => checkInvalid(rule, c, tests.services));
      }
    });
  });
}

function checkInvalid(rule: Rule, c: InvalidCase, services?: RuleServices): void {
  const findings = lintWith(rule, c.text, c.options, services);
  const doc = parse(c.text);
  for (const f of findings) checkWellFormed(rule, c.text, f);
  const actual = findings.map((f, i) => {
    const start = doc.lines.positionAt(f.span.start);
    const end = doc.lines.positionAt(f.span.end);
    const expected = c.errors[i];
    const got: ExpectedFinding = { messageId: f.messageId, line: start.line, character: start.character, endLine: end.line, endCharacter: end.character };
    // Compare messages only where the table states them.
    if (expected?.message !== undefined) got.message = f.message.en;
    if (expected?.zh !== undefined) got.zh = f.message.zh;
    return got;
  });
  assert.deepEqual(actual, c.errors.map((e) => ({ ...e })), 'findings differ');

  const fixed = applyFixes(c.text, findings);
  if (c.output === undefined || c.output === null) {
    assert.equal(fixed.applied, 0, `expected no fix, got ${JSON.stringify(fixed.text)}`);
    return;
  }
  assert.equal(fixed.text, c.output, 'fix output differs');
  if (c.fixConverges !== false) {
    const again = lintWith(rule, fixed.text, c.options, services).filter((f) => f.fix && f.fix.length > 0);
    assert.deepEqual(again.map((f) => describeFinding(fixed.text, f)), [], 'fixed text still offers fixes');
  }
}

function checkWellFormed(rule: Rule, text: string, f: Finding): void {
  assert.ok(f.messageId in rule.meta.messages, `messageId "${f.messageId}" is not declared in meta.messages`);
  assert.doesNotMatch(f.message.en, /\{\w+\}/, `unfilled placeholder in "${f.message.en}"`);
  assert.doesNotMatch(f.message.zh, /\{\w+\}/, `unfilled placeholder in "${f.message.zh}"`);
  assert.ok(f.span.start <= f.span.end && f.span.end <= text.length, `bad span ${f.span.start}–${f.span.end}`);
  for (const at of [f.span.start, f.span.end]) {
    assert.ok(!isLowSurrogate(text.charCodeAt(at)) || !isHighSurrogate(text.charCodeAt(at - 1)), `span boundary ${at} splits a surrogate pair`);
  }
  if (f.fix && !rule.meta.fixable) assert.fail(`${rule.meta.id} offers a fix but meta.fixable is false`);
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** A finding as a line of text, so a failed "expected none" assertion shows what was found. */
function describeFinding(text: string, f: Finding): string {
  return `${f.messageId} ${f.span.start}-${f.span.end} ${JSON.stringify(text.slice(f.span.start, f.span.end))}: ${f.message.en}`;
}

function shorten(text: string): string {
  const flat = JSON.stringify(text);
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}
