/** Completion items from the core's proposals and the snippets file (no server). The cursor is marked with `|`. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import { parse, type Locale } from '../../server/src/core';
import { completionItems, type SnippetFile } from '../../server/src/lsp/completion';

const SNIPPETS = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'snippets', 'speech.code-snippets'), 'utf8')) as SnippetFile;
// Lines 0–5 are the header and lead; the cursor line is 6.
const HEAD = '### 标题\n\n某市政协主席 张三\n\n导语。\n\n';

function items(marked: string, locale: Locale = 'zh', offerSnippets = false): CompletionItem[] {
  const cursor = marked.indexOf('|');
  const text = marked.slice(0, cursor) + marked.slice(cursor + 1);
  return completionItems(parse(text), cursor, { locale, snippets: SNIPPETS, offerSnippets });
}

const at = (line: number, from: number, to = from) => ({ start: { line, character: from }, end: { line, character: to } });

describe('completionItems', function () {
  it('turns proposals into ranked items with a text edit, preselecting the likeliest', function () {
    assert.deepEqual(items(`${HEAD}一、甲。一是学。\n\n|`), [
      { label: '二、', kind: CompletionItemKind.Keyword, detail: '第2个一级标题', sortText: '000', filterText: '二、', preselect: true, textEdit: { range: at(8, 0), newText: '二、' } },
      { label: '（一）', kind: CompletionItemKind.Keyword, detail: '第1个二级标题', sortText: '001', filterText: '（一）', preselect: undefined, textEdit: { range: at(8, 0), newText: '（一）' } },
      { label: '二是', kind: CompletionItemKind.EnumMember, detail: '接“一是”的第2项', sortText: '002', filterText: '二是', preselect: undefined, textEdit: { range: at(8, 0), newText: '二是' } },
    ]);
  });

  it('words the details in English for an English client', function () {
    assert.deepEqual(items(`${HEAD}一、甲。一是学。\n\n|`, 'en').map((i) => i.detail), ['Level-1 heading 2', 'Level-2 heading 1', 'Item 2, after "一是"']);
    assert.deepEqual(items(`${HEAD}一、甲。首先，学。|`, 'en').map((i) => [i.label, i.detail]), [
      ['其次，', 'Item 2, after "首先"'],
      ['最后，', 'Last item, after "首先"'],
    ]);
    assert.deepEqual(items(`${HEAD}一、甲。首先，学。|`).map((i) => i.detail), ['接“首先”的第2项', '接“首先”的最后一项']);
  });

  it('replaces the typed numeral, counting UTF-16 units before it', function () {
    const [item] = items(`${HEAD}一、𠀀。一是学。二|`);
    assert.equal(item.label, '二是');
    assert.deepEqual(item.textEdit, { range: at(6, 9, 10), newText: '二是' });
  });

  it('offers the speaker line under a title as the snippets file’s template', function () {
    assert.deepEqual(items('### 标题\n|'), [
      {
        label: '发言人行',
        kind: CompletionItemKind.Snippet,
        detail: '单位职务 姓名',
        sortText: '000',
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range: at(1, 0), newText: '${1:单位}${2:负责人} ${3:姓名}\n$0' },
      },
    ]);
    assert.deepEqual(items('### 标题\n|', 'en').map((i) => [i.label, i.detail]), [['Speaker line', 'Unit and positions, then the name']]);
  });

  it('lists every snippet by its Chinese name after the proposals at a line start, found by its pinyin prefix, when asked to', function () {
    const all = items(`${HEAD}|`, 'zh', true);
    assert.deepEqual(all.map((i) => i.label), ['一、', '发言稿全文', '发言人行', '一级标题', '分项表述', '发言摘登标题']);
    const speech = all[1];
    assert.equal(speech.kind, CompletionItemKind.Snippet);
    assert.equal(speech.insertTextFormat, InsertTextFormat.Snippet);
    assert.equal(speech.filterText, 'fayan 发言稿全文');
    assert.equal(speech.detail, '标题、发言人、导语、三个部分');
    assert.equal(speech.sortText, '001');
    assert.deepEqual(speech.textEdit, { range: at(6, 0), newText: (SNIPPETS['发言稿全文'].body as string[]).join('\n') });
    assert.equal(items(`${HEAD}|`, 'en', true)[1].detail, 'Whole speech: title, speaker line, lead and three sections');
    // No label is a bare pinyin or English trigger.
    for (const item of all.slice(1)) assert.match(item.label, /^\p{Script=Han}+$/u);
  });

  it('replaces a typed word with the snippet, and offers no snippet mid-paragraph', function () {
    const typed = items(`${HEAD}fa|`, 'zh', true).find((i) => i.label === '发言稿全文')!;
    assert.deepEqual(typed.textEdit, { range: at(6, 0, 2), newText: (SNIPPETS['发言稿全文'].body as string[]).join('\n') });
    assert.deepEqual(items(`${HEAD}一、甲。|`, 'zh', true), []);
  });
});
