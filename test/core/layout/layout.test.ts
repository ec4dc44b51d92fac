/**
 * The layout engine on the default page (22 lines; body characters 314 twips on a line of 8845, so
 * 28 to a line and 26 after the 640-twip indent; a 2号 title 440 twips a character, 20 to a line; a
 * 3号 title 320, 27 to a line). Expected pages and lines were worked out by hand from those numbers.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../../../server/src/core';
import { CLOSING, OPENING } from '../../../server/src/core/layout/glyphs';
import { layout, type Layout } from '../../../server/src/core/layout';
import { summarizeDocument } from '../../../server/src/core/summary';

const PACE = 220;
const HAN = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黄宇宙洪荒';
const texts = (result: Layout, page: number): string[] => result.pages[page].lines.map((l) => l.text);
const rows = (result: Layout, page: number): number[] => result.pages[page].lines.map((l) => l.row);

describe('layout', () => {
  it('breaks a 28-character title into 20 and 8 at 2号, and 27 and 1 at 3号 in a compilation', () => {
    const title = HAN.slice(0, 28);
    const single = layout(`# ${title}\n\n某市政协主席 张三\n\n正文。\n`, { charsPerMinute: PACE });
    assert.deepEqual(texts(single, 0), [title.slice(0, 20), title.slice(20), '某市政协主席 张三', '正文。']);
    assert.deepEqual(rows(single, 0), [0, 1, 2, 4]);
    const compiled = layout(`# 汇编\n\n## ——副标题\n\n### ${title}\n\n某市政协主席 张三\n\n正文。\n`, { charsPerMinute: PACE });
    assert.deepEqual(texts(compiled, 0), ['汇编', '——副标题', title.slice(0, 27), title.slice(27), '某市政协主席 张三', '正文。']);
    // A blank line before the speech, and after its speaker line.
    assert.deepEqual(rows(compiled, 0), [0, 1, 3, 4, 5, 7]);
    assert.deepEqual(compiled.pages[0].lines.map((l) => l.kind), ['compilation-title', 'compilation-subtitle', 'title', 'title', 'speaker', 'body']);
  });

  it('breaks a 28-character heading after its 26th character, under the two-character indent', () => {
    const heading = `一、${HAN.slice(0, 26)}`;
    const result = layout(`# 题\n\n某市政协主席 张三\n\n${heading}\n\n正文。\n`, { charsPerMinute: PACE });
    assert.deepEqual(texts(result, 0).slice(2), [heading.slice(0, 26), heading.slice(26), '正文。']);
    const [first, second] = result.pages[0].lines.slice(2);
    assert.equal(first.indent, 640);
    assert.equal(second.indent, 0);
    assert.equal(first.kind, 'heading');
    assert.deepEqual(first.runs.map((r) => r.font), ['黑体']);
  });

  it('drops a title’s trailing punctuation and indentation from the printed line, keeping offsets into the draft', () => {
    const draft = '# 学习体会。\n\n某市政协主席 张三\n\n　　正文。\n';
    const [title, , body] = layout(draft, { charsPerMinute: PACE }).pages[0].lines;
    assert.deepEqual([title.text, title.start, title.end], ['学习体会', 2, 6]);
    assert.deepEqual([body.text, body.start, body.end], ['正文。', draft.indexOf('正文'), draft.indexOf('正文') + 3]);
  });

  describe('page breaks', () => {
    const head = '# 学习体会\n\n某市政协主席 张三\n\n';
    // One-line body paragraphs: title row 0, speaker row 1, a blank row, then rows 3, 4, …
    const short = (n: number): string => Array.from({ length: n }, (_, i) => `第${HAN[i]}段正文。\n\n`).join('');

    it('moves a heading that would be last on a page to the next page, with its body', () => {
      // 18 paragraphs fill rows 3–20: the heading would take row 21, the page's last.
      const result = layout(`${head}${short(18)}一、抓学习\n\n我们组织学习。\n`, { charsPerMinute: PACE });
      assert.equal(result.pages.length, 2);
      assert.equal(result.pages[0].lines.length, 20);
      assert.deepEqual(texts(result, 1), ['一、抓学习', '我们组织学习。']);
      assert.deepEqual(rows(result, 1), [0, 1]);
    });

    it('leaves the heading where it is when its body’s first line fits under it', () => {
      const result = layout(`${head}${short(17)}一、抓学习\n\n我们组织学习。\n`, { charsPerMinute: PACE });
      assert.equal(result.pages.length, 1);
      assert.deepEqual(rows(result, 0).slice(-2), [20, 21]);
    });

    it('lets a heading sentence with its body in the same paragraph end a page: the body follows on its line', () => {
      const result = layout(`${head}${short(18)}一、抓学习。我们组织学习。\n\n我们抓落实。\n`, { charsPerMinute: PACE });
      assert.deepEqual(result.pages.map((p) => p.lines.length), [21, 1]);
    });

    it('breaks a paragraph over two pages where the page is full (no widow or orphan control)', () => {
      // 18 paragraphs fill rows 3–20; a paragraph of 26 + 28 characters and a 。, which hangs past the full
      // second line, has row 21 for its first line and goes on overleaf.
      const long = HAN.slice(0, 26) + HAN.slice(0, 28) + '。';
      const result = layout(`${head}${short(18)}${long}\n`, { charsPerMinute: PACE });
      assert.deepEqual(texts(result, 0).at(-1), HAN.slice(0, 26));
      assert.deepEqual(texts(result, 1), [`${HAN.slice(0, 28)}。`]);
    });

    it('moves a speech whose title and speaker line would end a page to the next page, without the blank line above it', () => {
      // Compilation title row 0, subtitle 1, blank 2, title 3, speaker 4, blank 5, body rows 6–18; a blank row 19,
      // then the second title at 20 and its speaker at 21 would leave no row for its body.
      const draft = `# 汇编\n\n## ——副标题\n\n### 甲篇\n\n某市政协主席 张三\n\n${short(13)}### 乙篇\n\n某县政协主席 李四\n\n我们抓调研。\n`;
      const result = layout(draft, { charsPerMinute: PACE });
      assert.equal(result.pages[0].lines.length, 17);
      assert.deepEqual(texts(result, 1), ['乙篇', '某县政协主席 李四', '我们抓调研。']);
      assert.deepEqual(rows(result, 1), [0, 1, 3]);
    });

    it('starts each speech on a new page when asked', () => {
      const draft = `# 汇编\n\n## ——副标题\n\n### 甲篇\n\n某市政协主席 张三\n\n正文。\n\n### 乙篇\n\n某县政协主席 李四\n\n正文。\n`;
      assert.equal(layout(draft, { charsPerMinute: PACE }).pages.length, 1);
      const result = layout(draft, { charsPerMinute: PACE, pageBreakBetweenSpeeches: true });
      assert.deepEqual(result.pages.map((p) => p.lines[0].text), ['汇编', '乙篇']);
    });

    it('follows the export options, and falls back to the defaults for values no page can hold', () => {
      const draft = `${head}${short(18)}`;
      assert.equal(layout(draft, { charsPerMinute: PACE, linesPerPage: 15 }).pages.length, 2);
      for (const linesPerPage of [3, 15.5, Number.NaN]) assert.equal(layout(draft, { charsPerMinute: PACE, linesPerPage }).geometry.linesPerPage, 22);
      assert.equal(layout('', { charsPerMinute: 0 }).pages.length, 1);
    });
  });

  describe('on the corpus', () => {
    const dir = join(__dirname, '..', '..', 'fixtures', 'corpus');
    const files = [
      ...readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => join(dir, f)),
      ...readdirSync(join(dir, 'rmrb')).filter((f) => f.endsWith('.txt')).map((f) => join(dir, 'rmrb', f)),
    ];

    it('prints every character of every paragraph once, in order, each line the draft’s text at its range', () => {
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        const doc = parse(text);
        const result = layout(doc, { charsPerMinute: PACE });
        let last = -1;
        for (const line of result.pages.flatMap((p) => p.lines)) {
          assert.equal(line.text, text.slice(line.start, line.end));
          assert.ok(line.start >= last, `${file}: ${line.text}`);
          last = line.end;
        }
        // Page characters add up to the speech statistics' count.
        assert.equal(result.pages.reduce((n, p) => n + p.chars, 0), summarizeDocument(doc, PACE).chars, file);
      }
    });

    for (const breaking of ['word', 'libreoffice'] as const) {
      it(`starts no wrapped line with a closing mark and ends none with an opening mark (${breaking})`, () => {
        let wrapped = 0;
        for (const file of files) {
          const lines = layout(readFileSync(file, 'utf8'), { charsPerMinute: PACE, breaking }).pages.flatMap((p) => p.lines);
          lines.forEach((line, i) => {
            if (i > 0 && !lines[i - 1].last) {
              wrapped++;
              assert.ok(!CLOSING.includes(line.text[0]), `${file}: ${line.text}`);
            }
            assert.ok(!OPENING.includes(line.text.at(-1)!) || line.last, `${file}: ${line.text}`);
          });
        }
        assert.ok(wrapped > 3000, `only ${wrapped} wrapped lines`);
      });
    }
  });
});
