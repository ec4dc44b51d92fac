/**
 * The Word export and the layout engine read one page set-up and one list of paragraphs
 * (core/layout/page.ts, blocks.ts): what the .docx says about the page is what the engine lays out
 * on, and the paragraphs it writes are the ones the engine breaks into lines.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../../../server/src/core';
import { layout } from '../../../server/src/core/layout';
import { exportDocx } from '../../../server/src/word';
import { child, elements, only, openDocx, paragraphs, style } from '../../word/ooxml';

const SEED = readFileSync(join(__dirname, '..', '..', 'fixtures', 'corpus', '000_0f1e9368376be244.txt'), 'utf8');

describe('the Word export and the layout engine', () => {
  for (const options of [{}, { linesPerPage: 20, charsPerLine: 26 }]) {
    it(`agree on the page ${JSON.stringify(options)}`, async () => {
      const parts = await openDocx(await exportDocx(parse(SEED), options));
      const { geometry } = layout(SEED, { charsPerMinute: 220, ...options });
      assert.deepEqual(only(parts.document, 'w:pgSz'), { 'w:w': String(geometry.width), 'w:h': String(geometry.height), 'w:orient': 'portrait' });
      const m = only(parts.document, 'w:pgMar');
      assert.deepEqual(
        [m['w:top'], m['w:bottom'], m['w:left'], m['w:right'], m['w:footer']].map(Number),
        [geometry.margin.top, geometry.margin.bottom, geometry.margin.left, geometry.margin.right, geometry.footerDistance],
      );
      assert.equal(Number(only(parts.document, 'w:docGrid')['w:linePitch']), geometry.linePitch);
      // The body's 3号 characters (320 twips) condensed or expanded to the engine's character pitch.
      const [spacing] = elements(child(style(parts.styles, 'SpeechBody'), 'w:rPr'), 'w:spacing');
      assert.equal(320 + Number(spacing['w:val']), geometry.charPitch);
      assert.ok(geometry.charPitch * geometry.charsPerLine <= geometry.width - geometry.margin.left - geometry.margin.right);
      assert.ok(geometry.charPitch * (geometry.charsPerLine + 1) > geometry.width - geometry.margin.left - geometry.margin.right);
    });
  }

  it('lay out the paragraphs the export writes, and keep with the next the same heading-only paragraphs', async () => {
    // A sub-heading heads at least two prose paragraphs longer than any heading (40 units).
    const prose = `${'我们坚持以人民为中心的发展思想，'.repeat(3)}分头行动。`;
    const draft = `# 学习体会\n\n某市政协主席 张三\n\n开头一段。\n\n一、抓学习\n\n我们组织学习。\n\n二、抓落实。我们狠抓落实。\n\n分头行动\n\n${prose}\n\n${prose}\n`;
    const written = paragraphs((await openDocx(await exportDocx(parse(draft)))).document);
    const lines = layout(draft, { charsPerMinute: 220 }).pages.flatMap((p) => p.lines);
    const laidOut: string[] = [];
    lines.forEach((line, i) => (i > 0 && !lines[i - 1].last ? (laidOut[laidOut.length - 1] += line.text) : laidOut.push(line.text)));
    assert.deepEqual(laidOut, written.map((p) => p.runs.map((r) => r.text).join('')));
    // 一、抓学习 stands alone; 二、 runs on into its body; 分头行动 is an unnumbered sub-heading.
    assert.deepEqual(
      written.filter((p) => elements(p.properties, 'w:keepNext').length > 0).map((p) => p.runs.map((r) => r.text).join('')),
      ['一、抓学习', '分头行动'],
    );
  });
});
