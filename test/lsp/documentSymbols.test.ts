/** The outline mapping, straight from parsed documents (no server). */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver';
import { parse } from '../../server/src/core';
import { documentSymbols, OUTLINE_TITLE_MAX, outlineTitle } from '../../server/src/lsp/documentSymbols';

const SEED = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'corpus', '000_0f1e9368376be244.txt'), 'utf8');

const range = (l1: number, c1: number, l2: number, c2: number): Range => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

/** name, detail, range, selection, children — the parts a reader of the outline sees. */
type Shape = [string, string | undefined, Range, Range, Shape[]];
const shape = (s: DocumentSymbol): Shape => [s.name, s.detail, s.range, s.selectionRange, (s.children ?? []).map(shape)];

const PLAIN = [
  '提升履职能力 服务发展大局', // 0: title, 13 characters
  '某县政协主席 李红梅',
  '近年来，我们做了很多工作。',
  '一、抓好学习培训。每季度举办培训班。', // 3
  '（一）集中学习。一是读原著，二是谈体会。', // 4: items at 8 and 14
  '（二）分散学习。', // 5
  '二、抓好调查研究。', // 6
  '总之，我们将继续努力。', // 7: closing, 11 characters
].join('\n');

describe('documentSymbols', function () {
  it('nests a plain-text speech: sections, sub-sections and an item run', function () {
    assert.deepEqual(documentSymbols(parse(PLAIN), 'zh').map(shape), [
      ['提升履职能力 服务发展大局', '李红梅', range(0, 0, 7, 11), range(0, 0, 0, 13), [
        ['一、抓好学习培训。', '一级标题', range(3, 0, 5, 8), range(3, 0, 3, 9), [
          ['（一）集中学习。', '二级标题', range(4, 0, 4, 20), range(4, 0, 4, 8), [
            ['一是…二是', '2项', range(4, 8, 4, 20), range(4, 8, 4, 10), []],
          ]],
          ['（二）分散学习。', '二级标题', range(5, 0, 5, 8), range(5, 0, 5, 8), []],
        ]],
        ['二、抓好调查研究。', '一级标题', range(6, 0, 6, 9), range(6, 0, 6, 9), []],
      ]],
    ]);
  });

  it('lists unnumbered sub-headings (小标题 / sub-heading) spanning their parts', function () {
    const prose = '我们坚持把学习作为首要政治任务，组织委员深入学习、系统学习、全面学习，不断提高政治判断力和政治执行力。'; // 51 characters
    const text = ['凝心聚力', '某市政协主席 李红梅', prose, '坚持政治引领', prose, prose, '坚持履职为民', prose, prose].join('\n');
    const [speech] = documentSymbols(parse(text), 'zh').map(shape);
    assert.deepEqual(speech[4], [
      ['坚持政治引领', '小标题', range(3, 0, 5, 51), range(3, 0, 3, 6), []],
      ['坚持履职为民', '小标题', range(6, 0, 8, 51), range(6, 0, 6, 6), []],
    ]);
    assert.equal(documentSymbols(parse(text), 'en')[0].children?.[0].detail, 'sub-heading');
  });

  it('uses kinds that read as document parts: a speech is a document, its sections and item runs text', function () {
    const [speech] = documentSymbols(parse(PLAIN), 'zh');
    const [section] = speech.children!;
    assert.deepEqual([speech.kind, section.kind, section.children![0].children![0].kind], [SymbolKind.File, SymbolKind.String, SymbolKind.String]);
    // Not the programmer's kinds VS Code draws as module, namespace and enumeration icons.
    const kinds = new Set<SymbolKind>();
    const collect = (s: DocumentSymbol): void => void (kinds.add(s.kind), s.children?.forEach(collect));
    documentSymbols(parse(SEED), 'zh').forEach(collect);
    assert.deepEqual([...kinds].sort(), [SymbolKind.File, SymbolKind.String]);
  });

  it('cuts a long speech title so the speaker beside it stays in view', function () {
    const title = '构建理论武装大格局 推动政协党建与履职双提升';
    const [speech] = documentSymbols(parse(`### ${title}\n唐山市政协主席、党组书记 胡国辉\n\n一、甲方面。\n`), 'zh');
    assert.deepEqual([speech.name, speech.detail], ['构建理论武装大格局 推动政协党…', '胡国辉']);
    assert.equal(speech.name.length, OUTLINE_TITLE_MAX);
    const short = '把思想政治引领深植委员心中';
    assert.equal(documentSymbols(parse(`### ${short}\n某市政协主席 张三\n`), 'zh')[0].name, short);
  });

  it('never cuts a title inside a surrogate pair', function () {
    const title = `${'政'.repeat(OUTLINE_TITLE_MAX - 2)}𠀀${'协'.repeat(8)}`;
    assert.equal(outlineTitle(title), `${'政'.repeat(OUTLINE_TITLE_MAX - 2)}…`);
    assert.equal(outlineTitle(`${'政'.repeat(OUTLINE_TITLE_MAX - 3)}𠀀${'协'.repeat(8)}`), `${'政'.repeat(OUTLINE_TITLE_MAX - 3)}𠀀…`);
  });

  it('puts speeches under the compilation title, with the subtitle as detail', function () {
    const text = ['# 汇编标题', '## ——副标题', '### 第一篇', '某市政协主席 张三', '一、甲方面。', '### 第二篇', '某县政协主席 李四', '一、乙方面。'].join('\n');
    const symbols = documentSymbols(parse(text), 'zh');
    assert.deepEqual(
      symbols.map((s) => [s.name, s.detail, s.kind, s.range, s.selectionRange, s.children!.map((c) => [c.name, c.detail])]),
      [['汇编标题', '——副标题', SymbolKind.File, range(0, 2, 7, 6), range(0, 2, 0, 6), [['第一篇', '张三'], ['第二篇', '李四']]]],
    );
  });

  it('names a speech without a title （无标题） / (untitled), selecting its speaker line', function () {
    const text = '某区政协主席、党组书记 赵志强\n一、压实工作责任。';
    assert.deepEqual(documentSymbols(parse(text), 'zh').map((s) => [s.name, s.selectionRange]), [['（无标题）', range(0, 0, 0, 15)]]);
    assert.deepEqual(documentSymbols(parse(text), 'en').map((s) => [s.name, s.children!.map((c) => c.detail)]), [['(untitled)', ['level 1']]]);
  });

  it('shows an author named after the body, and selects an untitled piece by its first words', function () {
    const quotes = '海外声音\n我们看到了巨大的努力。\n——某国前外交部长安东尼奥·费雷拉\n合作是唯一出路。\n——某国驻华大使高木清志';
    const [page] = documentSymbols(parse(quotes), 'zh');
    assert.deepEqual(page.children!.map((s) => [s.name, s.detail, s.selectionRange]), [
      ['（无标题）', '安东尼奥·费雷拉', range(1, 0, 1, 11)],
      ['（无标题）', '高木清志', range(3, 0, 3, 8)],
    ]);
    // A closing note names the position only: the outline shows that.
    const article = '把基层减负落到实处\n减负不是减责任。\n（作者为某省某市委书记）';
    assert.deepEqual(documentSymbols(parse(article), 'zh').map((s) => [s.name, s.detail]), [['把基层减负落到实处', '某省某市委书记']]);
  });

  it('lists an item run of the lead before the sections, and a single item by its own name', function () {
    const text = ['标题', '某县政协主席 李四', '一是抓学习。', '一、甲方面。'].join('\n');
    const [speech] = documentSymbols(parse(text), 'en');
    assert.deepEqual(
      speech.children!.map((c) => [c.name, c.detail]),
      [['一是', '1 item'], ['一、甲方面。', 'level 1']],
    );
  });

  it('returns nothing for an empty document', function () {
    assert.deepEqual(documentSymbols(parse(''), 'zh'), []);
  });

  it('keeps every range around its selection and its children, for any arrangement of lines', function () {
    const lineKinds = fc.constantFrom(
      '# 汇编标题', '## ——副标题', '### 发言标题', '标题一行', '——副标题', '某市政协主席、党组书记 张三', '张三（某市政协主席）',
      '导语。', '一、甲。一是学，二是做。', '二、乙', '三.丙。', '（一）子。', '(二)子', '1.细目。', '（1）小目。', '1、甲。',
      '首先，学。其次，做。最后，评。', '第一，学。第二，做。', '总之，努力。', '', '   ', '<!-- speechlint-disable -->', '\uD83D', '𠀀𠀀一、',
    );
    fc.assert(
      fc.property(fc.array(lineKinds, { maxLength: 25 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
        const doc = parse(lines.join(eol));
        const check = (symbols: DocumentSymbol[], parent?: DocumentSymbol): void => {
          for (const s of symbols) {
            assert.ok(s.name.trim() !== '');
            assert.ok(contains(s.range, s.selectionRange), `${s.name}: selection outside range`);
            if (parent) assert.ok(contains(parent.range, s.range), `${s.name}: outside ${parent.name}`);
            check(s.children ?? [], s);
          }
        };
        check(documentSymbols(doc, 'zh'));
      }),
      { numRuns: 500 },
    );
  });
});

function contains(outer: Range, inner: Range): boolean {
  const le = (a: Range['start'], b: Range['start']): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}
