/**
 * Properties of the core over texts no one would write: arbitrary Unicode and
 * corpus excerpts mutated at random (see arbitraries.ts). Whatever the text,
 * checking never throws, findings and their fixes stay inside it, fixing
 * converges without touching anything outside the fixed spans (every fix
 * accepted, and the bulk fixes alone, which keep the words and the lines), and
 * line endings and a BOM survive. Seeds and case counts: seeds.ts.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { check } from '../../server/src/core';
import { fixUntilStable } from '../../server/src/cli/fix';
import { corpus, mutatedCorpus, uniformText, unicodeText } from './arbitraries';
import { assertFindingsWellFormed, assertOutlineWellFormed, assertPositionsAgree, fixAll, LINT_OPTIONS } from './invariants';
import { itHolds } from './seeds';

/** Whole corpus texts (several speeches each, unlike the excerpts), lightly mutated. */
const mutatedWholeCorpus = fc
  .record({ file: fc.nat({ max: corpus.length - 1 }), at: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), insert: unicodeText })
  .map(({ file, at, insert }) => at.reduce((text, n) => {
    const i = n % (text.length + 1);
    return text.slice(0, i) + insert + text.slice(i);
  }, corpus[file]));

const texts = { 'arbitrary Unicode': unicodeText, 'mutated corpus excerpts': mutatedCorpus } as const;

describe('core properties', function () {
  this.timeout(120_000);

  before(function () {
    assert.ok(LINT_OPTIONS.services?.segmenter, 'the word segmenter did not load: the properties would skip repeated-char');
  });

  for (const [name, arbitrary] of Object.entries(texts)) {
    describe(name, function () {
      itHolds(
        'checking never throws; every finding and fix lies inside the text at whole characters, positioned as LSP counts',
        arbitrary,
        (text) => {
          const { findings } = check(text, LINT_OPTIONS);
          assertFindingsWellFormed(text, findings);
          assertPositionsAgree(text, findings);
        },
        1500,
      );

      itHolds('the outline and folding ranges are well-formed', arbitrary, assertOutlineWellFormed, 1000);

      itHolds(
        'bulk fixing (--fix, Fix All) settles within its caps and keeps the Han characters (numerals aside) and the lines',
        arbitrary,
        (text) => {
          const fixed = fixUntilStable(text, LINT_OPTIONS);
          assert.equal(fixed.stopped, undefined, 'bulk fixing stopped at a cap');
          // A section marker's standard form may write its number in Han numerals.
          const words = (t: string): string => t.replace(/[^\p{Script=Han}]|[〇一二三四五六七八九十]/gu, '');
          assert.equal(words(fixed.text), words(text), 'a bulk fix changed the words');
          assert.equal(fixed.text.split(/\r\n|\r|\n/).length, text.split(/\r\n|\r|\n/).length, 'a bulk fix changed the lines');
        },
        500,
      );

      itHolds(
        'fix-all converges, changes nothing outside the fixed spans, leaves nothing fixable, and a second fix-all changes nothing',
        arbitrary,
        (text) => {
          const once = fixAll(text);
          const left = check(once.text, LINT_OPTIONS).findings.filter((f) => f.fix?.length);
          assert.deepEqual(left.map((f) => f.ruleId), [], 'fixable findings left after fix-all');
          const twice = fixAll(once.text);
          assert.equal(twice.passes, 0, 'a second fix-all applied fixes');
          assert.equal(twice.text, once.text);
        },
        800,
      );
    });
  }

  describe('whole corpus texts, mutated', function () {
    itHolds(
      'checking never throws and fix-all converges without touching anything outside the fixed spans',
      mutatedWholeCorpus,
      (text) => {
        const { findings } = check(text, LINT_OPTIONS);
        assertFindingsWellFormed(text, findings);
        fixAll(text);
      },
      40,
    );
  });

  describe('line endings and BOM', function () {
    itHolds(
      'fix-all keeps CRLF text CRLF, LF text LF, and a leading BOM',
      uniformText,
      ({ text, eol, bom }) => {
        const { text: fixed } = fixAll(text);
        assert.equal(fixed.startsWith('\uFEFF'), bom, bom ? 'the BOM was lost' : 'a BOM was added');
        if (eol === '\r\n') {
          assert.doesNotMatch(fixed, /(^|[^\r])\n/, 'a lone LF appeared in CRLF text');
          assert.doesNotMatch(fixed, /\r(?!\n)/, 'a lone CR appeared in CRLF text');
        } else {
          assert.doesNotMatch(fixed, /\r/, 'a CR appeared in LF text');
        }
      },
      800,
    );
  });
});
