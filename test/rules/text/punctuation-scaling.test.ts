/**
 * Linear time: each rule on a 200,000-character paragraph built to defeat it
 * (deep nesting, endless runs, long space gaps). A quadratic pass would take
 * on the order of 10^10 steps here, minutes on any machine; a linear one takes
 * milliseconds. The bound is the test's timeout, far above the linear time and
 * far below the quadratic one, so a loaded machine does not fail it; the
 * speed itself is measured by `npm run bench` (its growth probes), not here.
 */
import * as assert from 'node:assert/strict';
import type { Rule } from '../../../server/src/core/rule';
import { rule as ellipsisDash } from '../../../server/src/core/rules/text/ellipsis-dash';
import { rule as fullwidthAlnum } from '../../../server/src/core/rules/text/fullwidth-alnum';
import { rule as halfwidthPunctuation } from '../../../server/src/core/rules/text/halfwidth-punctuation';
import { rule as latinWord } from '../../../server/src/core/rules/text/latin-word';
import { rule as lineStartPunctuation } from '../../../server/src/core/rules/text/line-start-punctuation';
import { rule as numberForm } from '../../../server/src/core/rules/text/number-form';
import { rule as numberRange } from '../../../server/src/core/rules/text/number-range';
import { rule as punctuationRun } from '../../../server/src/core/rules/text/punctuation-run';
import { rule as punctuationUse } from '../../../server/src/core/rules/text/punctuation-use';
import { rule as quoteStyle } from '../../../server/src/core/rules/text/quote-style';
import { rule as straySpace } from '../../../server/src/core/rules/text/stray-space';
import { rule as unmatchedPair } from '../../../server/src/core/rules/text/unmatched-pair';
import { lintWith } from '../../helpers/ruleTester';

const N = 100_000;

const CASES: ReadonlyArray<[Rule, string, string]> = [
  [halfwidthPunctuation, 'unclosed brackets', '党('.repeat(N)],
  [halfwidthPunctuation, 'a long space gap', '党' + ' '.repeat(2 * N) + ','],
  [quoteStyle, 'an odd number of quotes', '党"'.repeat(N) + '"'],
  [unmatchedPair, 'deep nesting closed by the wrong kind', '《'.repeat(N) + '）'.repeat(N)],
  [unmatchedPair, 'deep nesting closed at the bottom', '（'.repeat(N) + '《'.repeat(N - 1) + '）'],
  [punctuationRun, 'one endless run', '，。'.repeat(N)],
  [ellipsisDash, 'dots', '党' + '.'.repeat(2 * N)],
  [ellipsisDash, 'lone dashes', '党—'.repeat(N)],
  [lineStartPunctuation, 'a leading run', '，'.repeat(2 * N)],
  [latinWord, 'one long word', '党' + 'a'.repeat(2 * N)],
  [latinWord, 'words across long gaps', ('ab' + ' '.repeat(98)).repeat(2000) + '党'],
  [straySpace, 'spaces between Han', '党 '.repeat(N)],
  [straySpace, 'deeply nested quotes', '“'.repeat(N) + '”'.repeat(N)],
  [numberRange, 'one long digit run', '1'.repeat(2 * N)],
  [numberRange, 'a long chain', '1-'.repeat(N) + '2'],
  [fullwidthAlnum, 'one long run', '２'.repeat(2 * N)],
  [punctuationUse, 'deeply nested quotes', '“'.repeat(N) + '”'.repeat(N)],
  [punctuationUse, 'quotes never closed', '“党'.repeat(N)],
  [punctuationUse, 'one endless series', '“党”、'.repeat(N / 2) + '“党”。'],
  [punctuationUse, 'an endless run of ？ and ！', '！？'.repeat(N)],
  [punctuationUse, 'tildes between names', '党～'.repeat(N)],
  [numberForm, 'one long digit run', '1'.repeat(2 * N) + '%'],
  [numberForm, 'a long range chain', '1-'.repeat(N) + '2%'],
  [numberForm, 'padded dates', '年01月01日'.repeat(N / 4)],
];

describe('punctuation and wording rules run in linear time', function () {
  this.timeout(60_000);
  for (const [rule, name, text] of CASES) {
    it(`${rule.meta.id}: ${name} (${text.length} characters)`, () => {
      const findings = lintWith(rule, text);
      for (const f of findings) assert.ok(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= text.length, JSON.stringify(f.span));
    });
  }
});
