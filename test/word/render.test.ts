/**
 * The visual check: LibreOffice renders an exported speech to PDF, poppler
 * rasterises page 1, and the test looks at the ink. Needs the Debian packages
 * libreoffice-writer-nogui, fonts-noto-cjk and poppler-utils; skipped (and
 * says so) only when `soffice` is absent.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from '../../server/src/core';
import { exportDocx } from '../../server/src/word';
import { hasSoffice, renderPdf, run } from './exportGeometry';

/** A binary greyscale PGM (P5, maxval 255) as pdftoppm writes it. */
function readPgm(file: string): { width: number; height: number; pixels: Buffer } {
  const data = readFileSync(file);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error(`${file} is not an 8-bit binary PGM`);
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: data.subarray(header[0].length, header[0].length + width * height) };
}

/** Dark pixels in a band of rows, and the horizontal extent of their ink (in pixels). */
function ink(page: { width: number; pixels: Buffer }, top: number, bottom: number): { count: number; left: number; right: number } {
  let count = 0;
  let left = Infinity;
  let right = -Infinity;
  for (let y = Math.round(top); y < Math.round(bottom); y++) {
    for (let x = 0; x < page.width; x++) {
      if (page.pixels[y * page.width + x] < 128) {
        count++;
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
    }
  }
  return { count, left, right };
}

describe('rendering an exported speech with LibreOffice', function () {
  this.timeout(180_000);
  let dir: string;
  let pdf: string;
  /** At 72 dpi one pixel is one point. */
  const mm = (v: number): number => (v * 72) / 25.4;
  let page: { width: number; height: number; pixels: Buffer };

  before(async function () {
    if (!hasSoffice) {
      console.log('\n    *** SKIPPED: `soffice` not found. Install libreoffice-writer-nogui, fonts-noto-cjk and poppler-utils to run the rendering test. ***\n');
      this.skip();
    }
    // The seed's second speech: a short title (centring shows) and three 黑体 level-1 headings.
    const seed = parse(readFileSync(join(__dirname, '..', 'fixtures', 'corpus', '000_0f1e9368376be244.txt'), 'utf8'));
    const speech = seed.speeches[1];
    const docx = await exportDocx(parse(seed.text.slice(speech.span.start, speech.span.end)));
    dir = mkdtempSync(join(tmpdir(), 'speech-render-'));
    writeFileSync(join(dir, 'speech.docx'), docx);
    pdf = renderPdf(dir, 'speech');
    run('pdftoppm', ['-gray', '-r', '72', '-f', '1', '-l', '1', '-singlefile', pdf, join(dir, 'page1')]);
    page = readPgm(join(dir, 'page1.pgm'));
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('makes A4 pages, more than one for a speech of some 1,100 characters', () => {
    const info = run('pdfinfo', [pdf]);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    // A full page holds 22 × 28 = 616 characters.
    assert.ok(pages >= 2, `pages: ${pages}`);
    const [, w, h] = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info) ?? [];
    assert.ok(Math.abs(Number(w) - 595.3) < 1 && Math.abs(Number(h) - 841.9) < 1, `page size ${w} × ${h}`);
    assert.equal(page.width, 596);
  });

  it('puts ink on page 1 (not blank)', () => {
    const all = ink(page, 0, page.height);
    assert.ok(all.count / (page.width * page.height) > 0.01, `dark share ${(all.count / (page.width * page.height)).toFixed(4)}`);
  });

  it('centres the title in the type area on its first line', () => {
    // First line of the type area: 37 mm from the top, one 28.95 pt line high.
    const title = ink(page, mm(37), mm(37) + 28.95);
    assert.ok(title.count > 0, 'no ink on the title line');
    const centre = (title.left + title.right) / 2;
    // Type area 28 mm … 184 mm: its centre is 106 mm. The title (13 characters) is far narrower than the line.
    assert.ok(Math.abs(centre - mm(106)) < mm(3), `title centre at ${(centre / mm(1)).toFixed(1)} mm`);
    assert.ok(title.right - title.left < mm(156) * 0.75, 'title spans the whole line');
  });

  it('prints the page number below the type area, on the right of an odd page', () => {
    const footer = ink(page, mm(297 - 35), mm(297 - 10));
    assert.ok(footer.count > 0, 'no ink under the type area');
    assert.ok(footer.left > mm(150), `page number starts at ${(footer.left / mm(1)).toFixed(1)} mm`);
    assert.ok(footer.right < mm(184), `page number ends at ${(footer.right / mm(1)).toFixed(1)} mm, past the type area`);
  });

  it('draws the Chinese text as text: title, speaker and "— 1 —" come back out of the PDF', () => {
    const text = run('pdftotext', ['-f', '1', '-l', '1', pdf, '-']);
    assert.ok(text.includes('把思想政治引领深植委员心中'));
    assert.ok(text.includes('韩咏梅'));
    assert.match(text, /—\s*1\s*—/);
  });
});
