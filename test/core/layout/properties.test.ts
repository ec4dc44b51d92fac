/**
 * The layout engine over texts no one would write (test/property/arbitraries.ts): it never throws,
 * every line is the draft's text at its range, starting and ending at whole characters, lines run
 * forward through the draft, no page holds more than its lines, and each line on a grid line of its own below the one before, and every page counts its characters.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { splitsSurrogatePair } from '../../../server/src/core/text/chars';
import { layout } from '../../../server/src/core/layout';
import { mutatedCorpus, unicodeText } from '../../property/arbitraries';
import { itHolds } from '../../property/seeds';

const options = fc.record({ linesPerPage: fc.integer({ min: 10, max: 35 }), charsPerLine: fc.integer({ min: 15, max: 40 }), breaking: fc.constantFrom('word' as const, 'libreoffice' as const) });

describe('layout properties', function () {
  this.timeout(120_000);

  for (const [name, text] of Object.entries({ 'arbitrary Unicode': unicodeText, 'mutated corpus excerpts': mutatedCorpus })) {
    itHolds(
      `${name}: lines are the draft's text at whole characters, in order, on pages that hold them`,
      fc.tuple(text, options),
      ([draft, settings]) => {
        const result = layout(draft, { charsPerMinute: 220, ...settings });
        assert.ok(result.pages.length >= 1);
        let last = 0;
        for (const page of result.pages) {
          let row = -1;
          assert.ok(page.lines.length <= result.geometry.linesPerPage);
          assert.ok(Number.isInteger(page.chars) && page.chars >= 0 && Number.isFinite(page.seconds));
          for (const line of page.lines) {
            assert.equal(line.text, draft.slice(line.start, line.end));
            assert.ok(line.start >= last && line.end >= line.start, `${line.start}–${line.end} after ${last}`);
            assert.ok(!splitsSurrogatePair(draft, line.start) && !splitsSurrogatePair(draft, line.end));
            assert.ok(line.row > row && line.row < result.geometry.linesPerPage, `row ${line.row} after ${row}`);
            row = line.row;
            last = line.end;
          }
        }
      },
      200,
    );
  }
});
