/** Renumbering a speech in one go: every level, every item run, each marker in its own form, nothing else touched. */
import assert from 'node:assert/strict';
import { applyFixes, parse, type TextEdit } from '../../server/src/core';
import { renumberEdits } from '../../server/src/core/renumber';

function apply(text: string, edits: readonly TextEdit[]): string {
  return applyFixes(text, [{ ruleId: 'x', severity: 'info', span: { start: 0, end: 0 }, messageId: 'x', message: { zh: '', en: '' }, fix: edits }]).text;
}

const HEAD = '### 标题\n某市政协主席 张三\n';

describe('renumberEdits', function () {
  it('fixes gaps and repeats at levels 1 and 2 and in item runs, editing only the markers', function () {
    const text = `${HEAD}一、甲。一是学，三是做。\n三、乙。\n（二）丙。\n（二）丁。\n`;
    // Line 2 starts at 17 (三是 at 25), line 3 at 30 (三、), line 4 at 35 (（二）).
    assert.deepEqual(renumberEdits(parse(text)), [
      { span: { start: 25, end: 26 }, text: '二' },
      { span: { start: 30, end: 32 }, text: '二、' },
      { span: { start: 35, end: 38 }, text: '（一）' },
    ]);
    assert.equal(apply(text, renumberEdits(parse(text))), `${HEAD}一、甲。一是学，二是做。\n二、乙。\n（一）丙。\n（二）丁。\n`);
  });

  // Repeats are shown at item 2: a repeated 一是 starts a new run in the model (a `1` always does), so it is no repeat.
  it('writes a renumbered section marker in its standard form and an item in its own, Arabic levels and repeated items included', function () {
    const text = `${HEAD}一、甲。\n1.子。\n3.子。\n（1）小。\n（1）小。\n四.乙。第一，学；第二，做；第二，评。\n`;
    // `二.` would be a section-marker finding: renumbering never writes a form a rule flags.
    assert.equal(apply(text, renumberEdits(parse(text))), `${HEAD}一、甲。\n1.子。\n2.子。\n（1）小。\n（2）小。\n二、乙。第一，学；第二，做；第三，评。\n`);
  });

  it('renumbers only the speeches it is given', function () {
    const text = '### 甲篇\n某市政协主席 张三\n二、甲。\n### 乙篇\n某县政协主席 李四\n二、乙。\n';
    const doc = parse(text);
    assert.equal(apply(text, renumberEdits(doc, [doc.speeches[1]])), '### 甲篇\n某市政协主席 张三\n二、甲。\n### 乙篇\n某县政协主席 李四\n一、乙。\n');
    assert.equal(apply(text, renumberEdits(doc)), '### 甲篇\n某市政协主席 张三\n一、甲。\n### 乙篇\n某县政协主席 李四\n一、乙。\n');
  });

  it('returns nothing when the numbering is right, and nothing the second time', function () {
    assert.deepEqual(renumberEdits(parse(`${HEAD}一、甲。一是学，二是做。\n二、乙。\n`)), []);
    const text = `${HEAD}二、甲。\n（三）子。\n二、乙。一是学，二是做，五是评。\n`;
    const once = apply(text, renumberEdits(parse(text)));
    assert.equal(once, `${HEAD}一、甲。\n（一）子。\n二、乙。一是学，二是做，三是评。\n`);
    assert.deepEqual(renumberEdits(parse(once)), []);
  });

  it('leaves 首先/其次 out of order alone: there is no number to change', function () {
    assert.deepEqual(renumberEdits(parse(`${HEAD}一、甲。首先，学。再次，做。\n`)), []);
  });

  it('keeps CRLF and the BOM', function () {
    const text = `\uFEFF${HEAD.replace(/\n/g, '\r\n')}三、甲。\r\n`;
    assert.equal(apply(text, renumberEdits(parse(text))), `\uFEFF${HEAD.replace(/\n/g, '\r\n')}一、甲。\r\n`);
  });
});
