/**
 * Formatting from the core: the edits themselves (small, exact spans), what
 * applying them gives, and that formatting is idempotent — on small cases, on
 * the corpus, and on generated drafts.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { parse, type TextEdit } from '../../server/src/core';
import { formatEdits, type FormatOptions } from '../../server/src/core/format';

const CORPUS = path.join(__dirname, '..', 'fixtures', 'corpus');

function apply(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const e of edits) {
    assert.ok(e.span.start >= at, `edits overlap or are out of order: ${JSON.stringify(edits)}`);
    out += text.slice(at, e.span.start) + e.text;
    at = e.span.end;
  }
  return out + text.slice(at);
}

function format(text: string, options: Partial<FormatOptions> = {}): string {
  return apply(text, formatEdits(parse(text), { blankLines: 'one', ...options }));
}

describe('formatEdits', function () {
  describe('blank lines', function () {
    const text = '### 标题\n某市政协主席 张三\n\n\n\n导语。\n一、甲。';

    it('puts one blank line between paragraphs, inserting and deleting only line breaks', function () {
      // Lines: 0 `### 标题` (0–6), 1 speaker (7–16), 2–4 blank (17, 18, 19), 5 `导语。` (20–23), 6 `一、甲。` (24–).
      assert.deepEqual(formatEdits(parse(text), { blankLines: 'one' }), [
        { span: { start: 6, end: 6 }, text: '\n' },
        { span: { start: 18, end: 20 }, text: '' },
        { span: { start: 23, end: 23 }, text: '\n' },
      ]);
      assert.equal(format(text), '### 标题\n\n某市政协主席 张三\n\n导语。\n\n一、甲。');
    });

    it('removes them all with "none"', function () {
      assert.equal(format(text, { blankLines: 'none' }), '### 标题\n某市政协主席 张三\n导语。\n一、甲。');
    });

    it('drops blank lines before the first paragraph and after the last, keeping its line break', function () {
      const input = '\n\n导语。\n\n\n';
      assert.deepEqual(formatEdits(parse(input), { blankLines: 'one' }), [
        { span: { start: 0, end: 2 }, text: '' },
        { span: { start: 6, end: 8 }, text: '' },
      ]);
      assert.equal(format(input), '导语。\n');
      assert.equal(format('导语。'), '导语。', 'adds no final line break');
    });
  });

  describe('trailing whitespace', function () {
    it('goes from every line, blank lines included; indentation stays', function () {
      const input = '导语。  \n　　\n　　一、甲。\t';
      assert.deepEqual(formatEdits(parse(input), { blankLines: 'one' }), [
        { span: { start: 3, end: 5 }, text: '' },
        { span: { start: 6, end: 8 }, text: '' },
        { span: { start: 15, end: 16 }, text: '' },
      ]);
      assert.equal(format(input), '导语。\n\n　　一、甲。');
    });
  });

  describe('what the normalizing rules fix', function () {
    const head = '### 标题\n\n某市政协主席 张三\n\n';

    it('applies punctuation and ellipsis fixes as small edits', function () {
      // The lead starts at offset 19: `导语,很好...`.
      assert.deepEqual(formatEdits(parse(`${head}导语,很好...`), { blankLines: 'one' }), [
        { span: { start: 21, end: 22 }, text: '，' },
        { span: { start: 24, end: 27 }, text: '……' },
      ]);
    });

    it('normalizes section-marker forms', function () {
      assert.equal(format(`${head}一.甲。\n\n(二)乙。`), `${head}一、甲。\n\n（二）乙。`);
    });

    it('fixes what one fix uncovers: half-width commas doubled become one full-width comma', function () {
      assert.equal(format(`${head}导语,,很好。`), `${head}导语，很好。`);
    });

    it('leaves title edits to quick fixes: a trailing stop stays on a # title and on a plain-text line the parser takes for a title', function () {
      assert.equal(format('### 标题。\n某市政协主席 张三\n'), '### 标题。\n\n某市政协主席 张三\n');
      // Spaced out, 谢谢大家。 stands alone before 李四's speaker line, where a plain draft's title would be: it keeps its stop.
      const plain = '某市政协主席 张三\n一、甲。\n谢谢大家。\n某县政协主席 李四\n一、乙。';
      assert.equal(format(plain), '某市政协主席 张三\n\n一、甲。\n\n谢谢大家。\n\n某县政协主席 李四\n\n一、乙。');
    });

    it('leaves what rests on the parser\'s reading to quick fixes: spaces inside a line (a misread speaker line), number ranges', function () {
      // A second speaker line the parser reads as body keeps its padding; `1-2号楼` may be an identifier.
      const input = `${head}导语 甲。\n\n某市委组织部部长  张  柱\n\n一、共1-2名,，甲。`;
      assert.equal(format(input), `${head}导语 甲。\n\n某市委组织部部长  张  柱\n\n一、共1-2名，甲。`);
    });

    it('leaves wording and numbering alone: repeats, terms, section numbers', function () {
      const input = `${head}一、甲。\n\n三、乙。争争一流。`;
      assert.deepEqual(formatEdits(parse(input), { blankLines: 'one' }), []);
    });

    it('does not apply a rule that is turned off', function () {
      const input = `${head}导语,很好。`;
      assert.deepEqual(formatEdits(parse(input), { blankLines: 'one', lint: { rules: { 'halfwidth-punctuation': 'off' } } }), []);
    });

    it('respects a speechlint-disable comment', function () {
      const input = `${head}<!-- speechlint-disable halfwidth-punctuation -->\n\n导语,很好。`;
      assert.deepEqual(formatEdits(parse(input), { blankLines: 'one' }), []);
    });
  });

  describe('line endings, BOM and astral characters', function () {
    it('keeps CRLF and the BOM', function () {
      const input = '\uFEFF### 标题\r\n某市政协主席 张三\r\n导语,好。  \r\n';
      assert.equal(format(input), '\uFEFF### 标题\r\n\r\n某市政协主席 张三\r\n\r\n导语，好。\r\n');
    });

    it('never splits a surrogate pair', function () {
      const input = '𠀀𠀁,𠀂。  ';
      const edits = formatEdits(parse(input), { blankLines: 'one' });
      for (const e of edits) {
        for (const at of [e.span.start, e.span.end]) {
          const code = input.charCodeAt(at);
          assert.ok(!(code >= 0xdc00 && code <= 0xdfff), `edit boundary ${at} inside a surrogate pair`);
        }
      }
      assert.equal(format(input), '𠀀𠀁，𠀂。');
    });
  });

  describe('a range', function () {
    const text = '### 标题\n某市政协主席 张三\n导语,好。  \n一、甲,乙。';

    it('formats only the lines it covers', function () {
      // Line 2 is `导语,好。  ` (17–24): its comma and its trailing spaces; no blank line around it, since its neighbours are outside.
      assert.deepEqual(formatEdits(parse(text), { blankLines: 'one', lines: { first: 2, last: 2 } }), [
        { span: { start: 19, end: 20 }, text: '，' },
        { span: { start: 22, end: 24 }, text: '' },
      ]);
    });

    it('adds the blank lines between lines it covers', function () {
      assert.equal(apply(text, formatEdits(parse(text), { blankLines: 'one', lines: { first: 2, last: 3 } })), '### 标题\n某市政协主席 张三\n导语，好。\n\n一、甲，乙。');
    });
  });

  describe('idempotence', function () {
    const corpus = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.txt'));

    for (const blankLines of ['one', 'none'] as const) {
      it(`changes nothing the second time on the corpus (${blankLines})`, function () {
        for (const file of corpus) {
          const once = format(fs.readFileSync(path.join(CORPUS, file), 'utf8'), { blankLines });
          assert.deepEqual(formatEdits(parse(once), { blankLines }), [], file);
        }
      });
    }

    it('changes nothing the second time on generated drafts, and keeps every non-space character but fixed ones', function () {
      const lineKinds = fc.constantFrom(
        '# 汇编标题', '## ——副标题', '### 发言标题', '某市政协主席、党组书记 张三', '导语,很好...', '一、甲。一是学,二是做。', '二.乙', '(一)子。',
        '1、细目。', '“引号”和"直引号"', '１２３ＡＢＣ', '1-2名', '', '   ', '　　缩进段落。  ', '<!-- speechlint-disable -->', '𠀀𠀀。', '总之，努力。',
      );
      fc.assert(
        fc.property(fc.array(lineKinds, { maxLength: 20 }), fc.constantFrom('\n', '\r\n'), fc.constantFrom('one', 'none'), fc.boolean(), (lines, eol, blankLines, bom) => {
          const text = (bom ? '\uFEFF' : '') + lines.join(eol);
          const once = format(text, { blankLines: blankLines as 'one' | 'none' });
          assert.deepEqual(formatEdits(parse(once), { blankLines: blankLines as 'one' | 'none' }), [], JSON.stringify(text));
          assert.equal(once.startsWith('\uFEFF'), bom);
          if (lines.length > 1 && eol === '\r\n' && once.includes('\n')) assert.ok(!/[^\r]\n/.test(once), 'a bare LF in a CRLF draft');
        }),
      );
    });
  });
});
