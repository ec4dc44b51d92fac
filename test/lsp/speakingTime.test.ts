/**
 * Speaking time in the editor (no server): the status bar's statistics, the
 * code lenses and the title hover. Pace 10 characters a minute keeps the minutes readable.
 *
 * TEXT's body: 导语，好。 5; 一、… 10 (+ （一）子。 2 = 12 for the section); 二、乙。 2 — 19 characters, 1.9 minutes.
 */
import assert from 'node:assert/strict';
import { MarkupKind } from 'vscode-languageserver';
import { parse } from '../../server/src/core';
import { codeLenses } from '../../server/src/lsp/codeLens';
import { hover } from '../../server/src/lsp/hover';
import { formatCount, statisticsAt } from '../../server/src/lsp/statistics';

const TEXT = '### 标题\n某市政协主席 张三\n\n　　导语，好。\n一、甲。一是学，二是做。\n（一）子。\n二、乙。\n';
const COMPILATION = '# 汇编\n\n### 甲篇\n某市政协主席 张三\n一二三。\n### 乙篇\n某县政协主席 李四\n四五。\n';
const PACE_ZH = '按每分钟10字计；字数含正文的汉字、字母、数字和标点，不含标题、发言人行、标题序号和空白';
const at = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

describe('statisticsAt', function () {
  it('gives one speech’s figures once, with the details in the tooltip', function () {
    const doc = parse(TEXT);
    assert.deepEqual(statisticsAt(doc, doc.lines.offsetAt({ line: 4, character: 2 }), 10, 'zh'), {
      text: '19字 · 约1.9分钟',
      tooltip: `标题：19字，约1.9分钟；2个部分，2个分项\n${PACE_ZH}`,
      charsPerMinute: 10,
      file: { chars: 19, minutes: 1.9, speeches: 1 },
      speech: { title: '标题', chars: 19, minutes: 1.9, sections: 2, subsections: 1, items: 2 },
    });
  });

  it('gives the speech under the cursor and the whole file in a compilation', function () {
    const doc = parse(COMPILATION);
    const second = statisticsAt(doc, doc.lines.offsetAt({ line: 7, character: 1 }), 10, 'zh');
    assert.equal(second.text, '本篇 3字 · 约0.3分钟 | 全文 7字 · 约0.7分钟');
    assert.equal(second.tooltip, `乙篇：3字，约0.3分钟；0个部分，0个分项\n全文2篇，7字，约0.7分钟\n${PACE_ZH}`);
    const english = statisticsAt(doc, doc.lines.offsetAt({ line: 4, character: 0 }), 10, 'en');
    assert.equal(english.text, 'This speech 4 chars · ~0.4 min | File 7 chars · ~0.7 min');
    assert.equal(english.tooltip.split('\n')[0], '甲篇: 4 characters, about 0.4 minutes; sections: 0, items: 0');
  });

  it('gives the file’s figures above the first speech', function () {
    const doc = parse(COMPILATION);
    const header = statisticsAt(doc, 0, 10, 'zh');
    assert.equal(header.text, '7字 · 约0.7分钟');
    assert.equal(header.speech, undefined);
    assert.equal(header.tooltip, `全文2篇，7字，约0.7分钟\n${PACE_ZH}`);
  });

  it('writes counts with separators in English only', function () {
    assert.deepEqual([formatCount(12345, 'zh'), formatCount(12345, 'en')], ['12345', '12,345']);
  });
});

describe('codeLenses', function () {
  it('puts the figures over the title and each level-1 section, as plain text', function () {
    assert.deepEqual(codeLenses(parse(TEXT), 10, 'zh'), [
      { range: at(0, 4, 0, 6), command: { title: '19字 · 约1.9分钟', command: '' } },
      { range: at(4, 0, 4, 4), command: { title: '12字 · 约1.2分钟', command: '' } },
      { range: at(6, 0, 6, 4), command: { title: '2字 · 约0.2分钟', command: '' } },
    ]);
    assert.equal(codeLenses(parse(TEXT), 10, 'en')[0].command!.title, '19 chars · ~1.9 min');
  });

  it('counts no characters of a lone title line', function () {
    assert.deepEqual(codeLenses(parse('强化责任担当 推进工作落实\n'), 10, 'zh'), [{ range: at(0, 0, 0, 13), command: { title: '0字 · 约0.0分钟', command: '' } }]);
  });

  it('puts an untitled speech’s lens over its speaker line', function () {
    assert.deepEqual(codeLenses(parse('某区政协主席、党组书记 赵志强\n一二三四五。\n'), 10, 'zh'), [{ range: at(0, 0, 0, 15), command: { title: '6字 · 约0.6分钟', command: '' } }]);
  });
});

describe('hover', function () {
  it('shows a speech’s figures on its title', function () {
    const doc = parse(TEXT);
    assert.deepEqual(hover(doc, doc.lines.offsetAt({ line: 0, character: 5 }), 10, 'zh'), {
      contents: {
        kind: MarkupKind.Markdown,
        value: '**标题** — 张三\n\n- 正文 19 字（不含标题、发言人行、标题序号）\n- 2 个部分，1 个小节，2 个分项\n- 按每分钟 10 字计，约 1.9 分钟',
      },
      range: at(0, 4, 0, 6),
    });
    const english = hover(doc, doc.lines.offsetAt({ line: 0, character: 4 }), 10, 'en');
    assert.equal(
      (english!.contents as { value: string }).value,
      '**标题** — 张三\n\n- 19 characters in the body (title, speaker line and section markers not counted)\n- Sections: 2, sub-sections: 1, items: 2\n- About 1.9 minutes at 10 characters a minute',
    );
  });

  it('shows nothing off the title', function () {
    const doc = parse(TEXT);
    assert.equal(hover(doc, doc.lines.offsetAt({ line: 1, character: 2 }), 10, 'zh'), null);
    assert.equal(hover(doc, doc.lines.offsetAt({ line: 0, character: 1 }), 10, 'zh'), null);
  });

  it('escapes Markdown in the title', function () {
    const doc = parse('### 学习*贯彻*精神\n某市政协主席 张三\n');
    assert.match((hover(doc, 6, 10, 'zh')!.contents as { value: string }).value, /^\*\*学习\\\*贯彻\\\*精神\*\* — 张三\n/);
  });
});
