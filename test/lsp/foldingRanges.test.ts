/** Folding ranges from parsed documents (no server). */
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core';
import { foldingRanges } from '../../server/src/lsp/foldingRanges';

const LINES = [
  '提升履职能力 服务发展大局', // 0
  '某县政协主席 李红梅',
  '近年来，我们做了很多工作。',
  '一、抓好学习培训。', // 3: section over lines 3–5, with a sub-section over 4–5
  '（一）集中学习。',
  '组织委员读原著。',
  '二、抓好调查研究。', // 6: one line, no fold
  '',
  '总之，我们将继续努力。', // 8
];

describe('foldingRanges', function () {
  it('folds each speech and each multi-line section, sub-sections included', function () {
    assert.deepEqual(foldingRanges(parse(LINES.join('\n'))), [
      { startLine: 0, endLine: 8 },
      { startLine: 3, endLine: 5 },
      { startLine: 4, endLine: 5 },
    ]);
  });

  it('counts lines the same with CRLF and a BOM', function () {
    assert.deepEqual(foldingRanges(parse('\uFEFF' + LINES.join('\r\n'))), [
      { startLine: 0, endLine: 8 },
      { startLine: 3, endLine: 5 },
      { startLine: 4, endLine: 5 },
    ]);
  });

  it('folds each unnumbered sub-heading over its part', function () {
    const prose = '我们坚持把学习作为首要政治任务，组织委员深入学习、系统学习、全面学习，不断提高政治判断力和政治执行力。';
    const text = ['凝心聚力', '某市政协主席 李红梅', prose, '坚持政治引领', prose, prose, '坚持履职为民', prose, prose].join('\n');
    assert.deepEqual(foldingRanges(parse(text)), [
      { startLine: 0, endLine: 8 },
      { startLine: 3, endLine: 5 },
      { startLine: 6, endLine: 8 },
    ]);
  });

  it('folds nothing that fits on one line', function () {
    assert.deepEqual(foldingRanges(parse('一、甲方面。')), []);
    assert.deepEqual(foldingRanges(parse('')), []);
  });
});
