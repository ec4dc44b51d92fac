/**
 * Import of .docx files LibreOffice wrote (test/fixtures/word/real, made from
 * the .fodt sources beside them): each imported draft equals the draft written
 * by hand beside it, line by line, and the notes say what was left out or moved.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../../server/src/core';
import { parse } from '../../server/src/core/parse';
import { structureRules } from '../../server/src/core/rules/structure';
import { importDocx, type ImportNote } from '../../server/src/word';
import { assertSameDraft, REAL } from './realFixtures';

async function imported(name: string): Promise<{ text: string; notes: ImportNote[] }> {
  return importDocx(fs.readFileSync(path.join(REAL, name)));
}

describe('import of .docx files written by LibreOffice', () => {
  it('a draft under review: all tracked changes accepted (insertion kept, deletions dropped, a deleted paragraph mark joins two paragraphs), with a note counting them', async () => {
    const { text, notes } = await imported('tracked.docx');
    assertSameDraft(text, 'tracked.expected.md');
    assert.deepEqual(notes, [
      {
        kind: 'tracked-changes',
        message: {
          // One insertion; two deleted runs and two deleted paragraph marks.
          zh: '文档中有未接受的修订（插入 1 处、删除 4 处），已按全部接受后的文字导入',
          en: 'The document holds tracked changes not yet accepted (1 insertion(s), 4 deletion(s)); imported as it reads with all of them accepted',
        },
      },
      { kind: 'comment', line: 5, message: { zh: '批注未导入，内容为：此处数据请核实。', en: 'Comment not imported; it reads: 此处数据请核实。' } },
    ]);
  });

  it('what else a real file holds: split title, field, symbols, spaces, soft hyphen, first-line indents, text box, page break, header and footer', async () => {
    const { text, notes } = await imported('content.docx');
    // The title in two fonts is one line; the date field shows its result; Wingdings U+F0FC is ✓ and Symbol U+F0B0 is °;
    // the no-break and full-width spaces stay; the soft hyphen goes; indents made by w:ind and by typed U+3000 alike vanish.
    assertSameDraft(text, 'content.expected.md');
    assert.deepEqual(notes, [
      {
        kind: 'text-box',
        line: 11,
        message: {
          zh: '此处起的段落来自文本框，已作为单独的段落放在文本框所在段落之后，请核对位置',
          en: 'The paragraph(s) from here come from a text box and were placed after the paragraph it stands in; check where they belong',
        },
      },
      {
        kind: 'header',
        message: { zh: '页眉不属于发言稿，未导入；内容为：某某县政协办公室印发', en: 'The page header is not part of the draft and was left out; it reads: 某某县政协办公室印发' },
      },
      // The page number is the field's shown result, as LibreOffice last laid the pages out.
      { kind: 'footer', message: { zh: '页脚不属于发言稿，未导入；内容为：第 2 页', en: 'The page footer is not part of the draft and was left out; it reads: 第 2 页' } },
    ]);
  });

  it('the draft LibreOffice saved from the older-format source reads as written', async () => {
    const { text, notes } = await imported('older.docx');
    assertSameDraft(text, 'older.expected.md');
    assert.deepEqual(notes, []);
  });

  it('the parser finds the same structure, and the structure rules the same findings, in each import as in its expectation', async () => {
    for (const [docx, expected] of [
      ['tracked.docx', 'tracked.expected.md'],
      ['content.docx', 'content.expected.md'],
      ['older.docx', 'older.expected.md'],
    ]) {
      const outline = (draft: string) =>
        parse(draft).speeches.map((s) => ({ title: s.title?.text, speaker: s.speaker?.name?.value, sections: s.sections.map((section) => section.marker.text) }));
      const want = outline(fs.readFileSync(path.join(REAL, expected), 'utf8'));
      const findings = (draft: string) => check(draft, { only: structureRules }).findings.map((f) => [f.ruleId, f.span.start, f.message.en]);
      const text = (await imported(docx)).text;
      assert.deepEqual(outline(text), want, docx);
      assert.deepEqual(findings(text), findings(fs.readFileSync(path.join(REAL, expected), 'utf8')), docx);
      assert.ok(want[0].speaker && want[0].sections.length >= 2, `${expected} has a speaker and sections`);
    }
  });
});
