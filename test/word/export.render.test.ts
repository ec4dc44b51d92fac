/**
 * The page as LibreOffice lays it out: exported drafts rendered to PDF and read
 * back line by line (exportGeometry.ts), checked against GB/T 9704's 22 lines
 * of 28 characters. Needs libreoffice-writer-nogui, fonts-noto-cjk and
 * poppler-utils (.ci/run installs them); skipped, and says so, only when
 * `soffice` is absent.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from '../../server/src/core';
import { exportDocx } from '../../server/src/word';
import { hasSoffice, pdfLines, placeLines, renderPdf, type PlacedLine } from './exportGeometry';
import { openDocx, paragraphs } from './ooxml';

/** The type area in points from the page's top left corner: 37 mm down, 225 mm high, ending 26 mm from the right edge. */
const mm = (v: number): number => (v * 72) / 25.4;
const TYPE = { top: mm(37), bottom: mm(297 - 35), right: mm(210 - 26) };
/** The default grid: 22 lines of 28 characters, lines 579 twips apart. */
const [lines, chars, pitch] = [22, 28, 579 / 20];

/** Characters a 3号 line holds one cell each in the rendered fonts: CJK, full-width forms, and the marks Chinese text sets full width. */
const FULL_WIDTH = /^[\u2014\u2018\u2019\u201c\u201d\u2026\u3001-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff5e]+$/u;
/** Marks that must not end a line (opening quotes and brackets). */
const OPENING = '“‘《（〈「『【〔';
/** Marks that must not start a line. */
const CLOSING = '，。、；：？！”’》）〉」』】〕';
/** The closing marks LibreOffice hangs past the end of a full line rather than move a character down with them. */
const HANGING = '，。、';

/**
 * What the next line starts with that could not be split: opening marks, a character (or a run of
 * digits and Latin letters, which does not break), closing marks. Its width in cells (a Latin
 * character about half a cell) and whether its last mark may hang.
 */
function leadingUnit(text: string): { cells: number; hangs: boolean } {
  const unit = new RegExp(`^[${OPENING}]*(?:[\\x21-\\x7e]+|.)[${CLOSING}]*`, 'u').exec(text)?.[0] ?? '';
  const cells = [...unit].reduce((sum, c) => sum + (c <= '\x7e' ? 0.5 : 1), 0);
  return { cells, hangs: HANGING.includes(unit.at(-1) ?? '') };
}

interface Example {
  file: string;
  /** Pages of the rendered document, as docs/export.md states them. */
  pages: number;
  /** Pages that end inside a paragraph (the ones that must be full), as measured: the check is not left vacuous. */
  fullPages: number;
}

const EXAMPLES: Example[] = [
  { file: '000_0f1e9368376be244.txt', pages: 16, fullPages: 11 },
  { file: 'people-daily-2020-cppcc-exchange.txt', pages: 15, fullPages: 1 },
  { file: 'spc-2019-70th-symposium.txt', pages: 13, fullPages: 11 },
];

describe('exported pages as LibreOffice renders them', function () {
  this.timeout(600_000);
  let dir: string;

  before(function () {
    if (!hasSoffice) {
      console.log('\n    *** SKIPPED: `soffice` not found. Install libreoffice-writer-nogui, fonts-noto-cjk and poppler-utils to run the page geometry test. ***\n');
      this.skip();
    }
    dir = mkdtempSync(join(tmpdir(), 'speech-geometry-'));
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const example of EXAMPLES) {
    describe(example.file, () => {
      let placed: PlacedLine[];
      let styles: string[];
      let pageCount: number;

      before(async function () {
        if (!hasSoffice) this.skip();
        const docx = await exportDocx(parse(readFileSync(join(__dirname, '..', 'fixtures', 'corpus', example.file), 'utf8')));
        const name = example.file.replace(/\.txt$/, '');
        writeFileSync(join(dir, `${name}.docx`), docx);
        const written = paragraphs((await openDocx(docx)).document);
        styles = written.map((p) => p.style ?? '');
        const pages = pdfLines(renderPdf(dir, name));
        pageCount = pages.length;
        // Only the type area: the page number sits below it.
        placed = placeLines(
          pages.flat().filter((l) => (l.top + l.bottom) / 2 < TYPE.bottom),
          written.map((p) => p.runs.map((r) => r.text).join('')),
        );
      });

      /** Which of the page's grid lines (0 = top) a rendered line sits on; NaN when between two. */
      const gridLine = (line: PlacedLine): number => {
        const position = ((line.top + line.bottom) / 2 - TYPE.top) / pitch;
        // The glyphs' box is centred a little below the middle of the line (their descent is smaller than their ascent).
        const offset = position - Math.floor(position);
        return offset > 0.3 && offset < 0.9 ? Math.floor(position) : NaN;
      };

      it(`draws every character of every paragraph, in order, each line on one of the page's ${lines} grid lines`, () => {
        // placeLines (in `before`) has matched every line's text against the paragraphs.
        for (const line of placed) {
          const at = gridLine(line);
          assert.ok(at >= 0 && at < lines, `page ${line.page}: "${line.text}" at ${(((line.top + line.bottom) / 2 - TYPE.top) / pitch).toFixed(2)} lines from the top`);
        }
        for (let page = 1; page <= pageCount; page++) {
          const used = placed.filter((l) => l.page === page).map(gridLine);
          assert.equal(new Set(used).size, used.length, `page ${page}: two lines on one grid line`);
        }
      });

      it(`sets ${chars} characters on every full body line (${chars - 2} after the first-line indent); fewer only where what follows may not be split, one more only for a comma or stop hung past the margin`, () => {
        const tally = { full: 0, pushed: 0, hung: 0, mixed: 0 };
        const unexplained: string[] = [];
        placed.forEach((line, i) => {
          if (styles[line.paragraph] !== 'SpeechBody' || line.last) return;
          if (!FULL_WIDTH.test(line.source)) {
            // Digits, Latin letters and spaces are narrower than a cell: such a line holds more characters.
            tally.mixed++;
            return;
          }
          const capacity = line.first ? chars - 2 : chars;
          const count = [...line.source].length;
          const next = leadingUnit(placed[i + 1].source);
          if (count === capacity && Math.abs(line.right - TYPE.right) < 2) tally.full++;
          // Short because what follows may not be split and would not fit, even with its last mark hung.
          else if (count < capacity && count + next.cells - (next.hangs ? 1 : 0) > capacity) tally.pushed++;
          else if (count === capacity + 1 && HANGING.includes(line.source.at(-1)!) && line.right > TYPE.right + 5) tally.hung++;
          else unexplained.push(`page ${line.page}: ${count} characters, ${line.left.toFixed(1)}–${line.right.toFixed(1)} pt: ${line.source} | ${placed[i + 1].source.slice(0, 6)}`);
        });
        assert.deepEqual(unexplained, []);
        // The exceptions stay exceptions: three full lines in four hold exactly the promised characters.
        assert.ok(tally.full > 3 * (tally.pushed + tally.hung + tally.mixed), JSON.stringify(tally));
      });

      it(`fills every page that a paragraph runs over with ${lines} lines`, () => {
        let full = 0;
        for (let i = 1; i < placed.length; i++) {
          const [before, after] = [placed[i - 1], placed[i]];
          if (before.page === after.page || before.paragraph !== after.paragraph) continue;
          full++;
          assert.equal(gridLine(before), lines - 1, `page ${before.page} ends on line ${gridLine(before) + 1} in the middle of a paragraph: "${before.text}"`);
          assert.equal(gridLine(after), 0, `page ${after.page} goes on with its paragraph on line ${gridLine(after) + 1}`);
        }
        assert.ok(full >= example.fullPages, `only ${full} of ${pageCount} pages end inside a paragraph`);
      });

      it('leaves no title, subtitle or speaker line at the foot of a page', () => {
        for (let i = 1; i < placed.length; i++) {
          const [before, after] = [placed[i - 1], placed[i]];
          if (before.page !== after.page) assert.equal(styles[before.paragraph], 'SpeechBody', `page ${before.page} ends with "${before.text}"`);
        }
      });

      it(`comes to ${example.pages} pages`, () => {
        assert.equal(pageCount, example.pages);
      });
    });
  }
});
