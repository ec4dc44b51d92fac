/**
 * Properties of the ten punctuation and wording rules on random text built
 * from the characters they care about: they never throw, their ranges and
 * edits stay inside the text and inside the finding, never split a surrogate
 * pair, and repeated fixing settles — in one round for the realistic cases the
 * rule tables check, and within three for any mix of marks.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyFixes } from '../../../server/src/core/fix';
import { lint, type Finding } from '../../../server/src/core/lint';
import { parse } from '../../../server/src/core/parse';
import type { Rule } from '../../../server/src/core/rule';
import { PUNCTUATION_RULES } from '../../helpers/punctuationRules';


const PIECES = [
  ...'党委组学习 　\u00a0,;:?!()"\'“”‘’《》（）【】〈〉，。、；：？！…—-－~.12０Ａab\n',
  '\r\n',
  '\u{20000}',
  'http://x.cn',
  '<!--',
  '-->',
  '](',
  '1-2',
  '10:30',
  '## ',
];
const drafts = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((pieces) => pieces.join(''));

const splitsPair = (text: string, at: number): boolean => {
  const hi = text.charCodeAt(at - 1);
  const lo = text.charCodeAt(at);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
};

function checkFinding(text: string, f: Finding): void {
  assert.ok(0 <= f.span.start && f.span.start <= f.span.end && f.span.end <= text.length, `span ${f.span.start}-${f.span.end}`);
  assert.ok(!splitsPair(text, f.span.start) && !splitsPair(text, f.span.end), 'span splits a surrogate pair');
  for (const e of f.fix ?? []) {
    assert.ok(f.span.start <= e.span.start && e.span.end <= f.span.end, `${f.ruleId}: edit outside its finding`);
  }
}

/** Passes of fixing until nothing more is offered. */
function passesToSettle(text: string, rules: readonly Rule[], limit: number): number {
  let current = text;
  for (let pass = 1; pass <= limit + 1; pass++) {
    const { text: next, applied } = applyFixes(current, lint(parse(current), { only: rules }));
    if (applied === 0) return pass - 1;
    current = next;
  }
  return Infinity;
}

describe('punctuation and wording rules on random text', () => {
  for (const rule of PUNCTUATION_RULES) {
    it(`${rule.meta.id}: well-formed findings; fixing settles within three rounds`, () => {
      fc.assert(
        fc.property(drafts, (text) => {
          for (const f of lint(parse(text), { only: [rule] })) checkFinding(text, f);
          assert.ok(passesToSettle(text, [rule], 3) <= 3);
        }),
        { numRuns: 1000 },
      );
    });
  }

  it('all ten together: fixing settles within four rounds and keeps line breaks', () => {
    fc.assert(
      fc.property(drafts, (text) => {
        let current = text;
        for (let pass = 0; pass < 4; pass++) current = applyFixes(current, lint(parse(current), { only: PUNCTUATION_RULES })).text;
        assert.equal(applyFixes(current, lint(parse(current), { only: PUNCTUATION_RULES })).applied, 0);
        assert.equal(current.split('\n').length, text.split('\n').length);
        assert.equal(current.split('\r\n').length, text.split('\r\n').length);
      }),
      { numRuns: 1000 },
    );
  });
});
