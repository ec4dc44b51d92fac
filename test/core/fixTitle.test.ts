import { strict as assert } from 'node:assert';
import type { Finding, TextEdit } from '../../server/src/core';
import { describeFix } from '../../server/src/core/fixTitle';

/** A finding over `text[start, end)` carrying `fix`. */
const finding = (start: number, end: number, fix?: TextEdit[]): Finding => ({ ruleId: 'r', severity: 'warning', span: { start, end }, messageId: 'm', message: { zh: '', en: '' }, fix });
const edit = (start: number, end: number, text: string): TextEdit => ({ span: { start, end }, text });

describe('describeFix', () => {
  it('names a replacement by the finding’s text as it reads after the fix', () => {
    // `三是` → `二是`: the edit changes one numeral, the title names the marker.
    assert.deepEqual(describeFix('一是学，三是做。', finding(4, 6, [edit(4, 5, '二')])), { zh: '改为“二是”', en: 'Change to "二是"' });
  });

  it('names deletions: spaces, a line break, anything else by what goes', () => {
    assert.deepEqual(describeFix('甲 乙', finding(1, 2, [edit(1, 2, '')])), { zh: '删除多余空格', en: 'Delete the extra space' });
    assert.deepEqual(describeFix('甲\n乙', finding(0, 3, [edit(1, 2, '')])), { zh: '合并为一段', en: 'Join into one paragraph' });
    assert.deepEqual(describeFix('争争一流', finding(0, 2, [edit(1, 2, '')])), { zh: '删除“争”', en: 'Delete "争"' });
  });

  it('names an inserted space, and quotes a long result by its two ends without splitting a surrogate pair', () => {
    assert.deepEqual(describeFix('主席张三', finding(2, 4, [edit(2, 2, ' ')])), { zh: '插入空格', en: 'Insert a space' });
    const text = '"一二三四五六七八九十十一十二𠀀"';
    const title = describeFix(text, finding(0, text.length, [edit(0, 1, '“'), edit(text.length - 1, text.length, '”')]));
    assert.equal(title?.zh, '改为““一二三四五…十一十二𠀀””');
  });

  it('says nothing for a finding without a fix', () => {
    assert.equal(describeFix('甲', finding(0, 1)), undefined);
  });
});
