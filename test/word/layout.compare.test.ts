/**
 * The layout engine against a renderer nobody here wrote: drafts exported with our exporter,
 * rendered to PDF by LibreOffice and read back line by line (exportGeometry.ts, as
 * export.render.test.ts does), compared with the engine's layout configured to the way
 * LibreOffice breaks lines (`breaking: 'libreoffice'`): the same number of pages, and each page
 * starting with the same line of the draft, or one line before or after it. docs/export.md states
 * the method and the result. Needs libreoffice-writer-nogui, fonts-noto-cjk and poppler-utils;
 * skipped, and says so, only when `soffice` is absent.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, type SpeechDocument } from '../../server/src/core';
import { layout } from '../../server/src/core/layout';
import { exportDocx } from '../../server/src/word';
import { hasSoffice, pdfLines, placeLines, renderPdf } from './exportGeometry';
import { asciiWidths, latinFontFile } from './fontWidths';
import { openDocx, paragraphs } from './ooxml';

/** The page's lower edge of the type area, in points: the page number sits below it. */
const TYPE_BOTTOM = ((297 - 35) * 72) / 25.4;

/** Where a line starts: its paragraph (index in the document) and the characters of the paragraph before it, white space left out. */
interface Place {
  paragraph: number;
  offset: number;
}

const nonSpace = (text: string): number => text.replace(/\s+/g, '').length;

/** Every line LibreOffice draws, placed in the draft, and each page's first line. */
async function renderedLines(dir: string, name: string, docx: Buffer): Promise<{ lines: Place[]; pageStarts: Place[] }> {
  writeFileSync(join(dir, `${name}.docx`), docx);
  const written = paragraphs((await openDocx(docx)).document).map((p) => p.runs.map((r) => r.text).join(''));
  const placed = placeLines(
    pdfLines(renderPdf(dir, name))
      .flat()
      .filter((l) => (l.top + l.bottom) / 2 < TYPE_BOTTOM),
    written,
  );
  const lines: Place[] = [];
  const pageStarts: Place[] = [];
  let offset = 0;
  placed.forEach((line, i) => {
    if (line.first) offset = 0;
    lines.push({ paragraph: line.paragraph, offset });
    if (i === 0 || placed[i - 1].page !== line.page) pageStarts.push({ paragraph: line.paragraph, offset });
    offset += nonSpace(line.text);
  });
  return { lines, pageStarts };
}

/** Every line the engine sets, placed in the draft, and the index of each page's first line among them. */
function engineLines(doc: SpeechDocument, latinWidths: readonly number[]): { lines: Place[]; pageStarts: number[] } {
  const result = layout(doc, { charsPerMinute: 220, breaking: 'libreoffice', latinWidths });
  const lines: Place[] = [];
  const pageStarts: number[] = [];
  let paragraph = 0;
  for (const page of result.pages) {
    pageStarts.push(lines.length);
    for (const line of page.lines) {
      while (paragraph + 1 < doc.paragraphs.length && doc.paragraphs[paragraph + 1].contentStart <= line.start) paragraph++;
      lines.push({ paragraph, offset: nonSpace(doc.text.slice(doc.paragraphs[paragraph].contentStart, line.start)) });
    }
  }
  return { lines, pageStarts };
}

/** The index of the engine's line that holds `place`. */
function lineAt(lines: readonly Place[], place: Place): number {
  let found = -1;
  lines.forEach((line, i) => {
    if (line.paragraph < place.paragraph || (line.paragraph === place.paragraph && line.offset <= place.offset)) found = i;
  });
  return found;
}

const FILES = ['000_0f1e9368376be244.txt', 'people-daily-2020-cppcc-exchange.txt', 'spc-2019-70th-symposium.txt'];

describe('the layout engine against LibreOffice', function () {
  this.timeout(600_000);
  let dir: string;

  before(function () {
    if (!hasSoffice) {
      console.log('\n    *** SKIPPED: `soffice` not found. Install libreoffice-writer-nogui, fonts-noto-cjk and poppler-utils to compare the layout engine with LibreOffice. ***\n');
      this.skip();
    }
    dir = mkdtempSync(join(tmpdir(), 'speech-layout-'));
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const file of FILES) {
    it(`${file}: as many pages, each starting within one line of where LibreOffice starts it; almost every line broken alike`, async () => {
      const doc = parse(readFileSync(join(__dirname, '..', 'fixtures', 'corpus', file), 'utf8'));
      const rendered = await renderedLines(dir, file.replace(/\.txt$/, ''), await exportDocx(doc));
      const engine = engineLines(doc, asciiWidths(latinFontFile()));
      const shifts = rendered.pageStarts.map((place, page) => lineAt(engine.lines, place) - (engine.pageStarts[page] ?? Number.NaN));
      const key = (p: Place): string => `${p.paragraph}:${p.offset}`;
      const starts = new Set(engine.lines.map(key));
      const alike = rendered.lines.filter((p) => starts.has(key(p))).length;
      console.log(
        `      ${file}: ${rendered.pageStarts.length} pages rendered, ${engine.pageStarts.length} laid out; page starts off by (lines): ${shifts.join(' ')}; ` +
          `${alike} of ${rendered.lines.length} rendered lines start where the engine starts one (${engine.lines.length} laid out)`,
      );
      assert.equal(engine.pageStarts.length, rendered.pageStarts.length);
      shifts.forEach((shift, page) => assert.ok(Math.abs(shift) <= 1, `page ${page + 1} starts ${shift} lines off`));
      // A line broken differently shifts the rest of its paragraph: 95% alike leaves room for a few.
      assert.ok(alike >= 0.95 * rendered.lines.length, `${alike} of ${rendered.lines.length} lines alike`);
    });
  }
});
