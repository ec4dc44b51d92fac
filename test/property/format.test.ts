/**
 * Properties of formatting (core/format.ts) over the texts of
 * arbitraries.ts: it never throws, its edits are well-formed and change
 * nothing outside their spans, formatting twice changes nothing the second
 * time, range formatting stays inside its lines, and line endings and a BOM
 * survive.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from '../../server/src/core';
import { formatEdits, type BlankLines } from '../../server/src/core/format';
import { mutatedCorpus, uniformText, unicodeText } from './arbitraries';
import { applyWellFormedEdits, LINT_OPTIONS } from './invariants';
import { itHolds } from './seeds';

const blankLines = fc.constantFrom<BlankLines>('one', 'none');

function format(text: string, blanks: BlankLines): string {
  return applyWellFormedEdits(text, formatEdits(parse(text), { blankLines: blanks, lint: LINT_OPTIONS }));
}

describe('formatting properties', function () {
  this.timeout(120_000);

  for (const [name, arbitrary] of Object.entries({ 'arbitrary Unicode': unicodeText, 'mutated corpus excerpts': mutatedCorpus })) {
    describe(name, function () {
      itHolds(
        'formatting gives well-formed edits, and formatting the result again changes nothing',
        fc.record({ text: arbitrary, blanks: blankLines }),
        ({ text, blanks }) => {
          const once = format(text, blanks);
          assert.deepEqual(formatEdits(parse(once), { blankLines: blanks, lint: LINT_OPTIONS }), [], `formatting ${JSON.stringify(once)} again changes it`);
        },
        300,
      );

      itHolds(
        'range formatting edits only the lines of the range',
        fc.record({ text: arbitrary, blanks: blankLines, a: fc.nat(), b: fc.nat() }),
        ({ text, blanks, a, b }) => {
          const doc = parse(text);
          const count = doc.lines.lineCount;
          const [first, last] = [Math.min(a % count, b % count), Math.max(a % count, b % count)];
          const edits = formatEdits(doc, { blankLines: blanks, lint: LINT_OPTIONS, lines: { first, last } });
          applyWellFormedEdits(text, edits);
          const from = doc.lines.starts[first];
          const to = last + 1 < count ? doc.lines.starts[last + 1] : text.length;
          for (const e of edits) assert.ok(from <= e.span.start && e.span.end <= to, `edit ${e.span.start}–${e.span.end} outside lines ${first}–${last} (${from}–${to})`);
        },
        300,
      );
    });
  }

  itHolds(
    'formatting keeps CRLF text CRLF, LF text LF, and a leading BOM',
    fc.record({ uniform: uniformText, blanks: blankLines }),
    ({ uniform: { text, eol, bom }, blanks }) => {
      const formatted = format(text, blanks);
      assert.equal(formatted.startsWith('\uFEFF'), bom, bom ? 'the BOM was lost' : 'a BOM was added');
      if (eol === '\r\n') assert.doesNotMatch(formatted, /(^|[^\r])\n|\r(?!\n)/, 'a lone LF or CR appeared in CRLF text');
      else assert.doesNotMatch(formatted, /\r/, 'a CR appeared in LF text');
    },
    300,
  );
});
