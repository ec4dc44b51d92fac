/** The server commands' logic (no server): the renumber edit, reading its arguments, and the workspace check loop. */
import assert from 'node:assert/strict';
import { parse, type Locale } from '../../server/src/core';
import { checkDrafts, readRenumberArguments, renumberWorkspaceEdit, type CheckProgress } from '../../server/src/lsp/commands';

const URI = 'file:///draft.speech.md';
// Line 2 `二、甲。` should be 一、; line 6 `三、乙。` should be 一、.
const TEXT = '### 甲篇\n某市政协主席 张三\n二、甲。\n\n### 乙篇\n某县政协主席 李四\n三、乙。\n';
const at = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });

describe('readRenumberArguments', function () {
  it('reads [uri, position?] and refuses anything without a uri', function () {
    assert.deepEqual(readRenumberArguments([URI, { line: 1, character: 2 }]), { uri: URI, position: { line: 1, character: 2 } });
    assert.deepEqual(readRenumberArguments([URI]), { uri: URI, position: undefined });
    assert.deepEqual(readRenumberArguments([URI, 'x']), { uri: URI, position: undefined });
    assert.equal(readRenumberArguments([]), undefined);
    assert.equal(readRenumberArguments(undefined), undefined);
    assert.equal(readRenumberArguments([42]), undefined);
  });
});

describe('renumberWorkspaceEdit', function () {
  it('renumbers the speech under the cursor only, in one versioned edit', function () {
    assert.deepEqual(renumberWorkspaceEdit(parse(TEXT), { uri: URI, version: 7, position: { line: 5, character: 0 } }, true), {
      documentChanges: [{ textDocument: { uri: URI, version: 7 }, edits: [{ range: at(6, 0, 2), newText: '一、' }] }],
    });
  });

  it('renumbers every speech without a position, as plain changes for a client without documentChanges', function () {
    assert.deepEqual(renumberWorkspaceEdit(parse(TEXT), { uri: URI, version: 7 }, false), {
      changes: { [URI]: [{ range: at(2, 0, 2), newText: '一、' }, { range: at(6, 0, 2), newText: '一、' }] },
    });
  });

  it('gives no edit when the numbering is right', function () {
    assert.equal(renumberWorkspaceEdit(parse('### 甲篇\n某市政协主席 张三\n一、甲。\n'), { uri: URI, version: 1 }, true), undefined);
  });
});

describe('checkDrafts', function () {
  /** Progress calls as strings, in order. */
  function recorder(): { progress: CheckProgress; calls: string[] } {
    const calls: string[] = [];
    return {
      calls,
      progress: {
        begin: (title, message) => calls.push(`begin ${title} ${message}`),
        report: (percentage, message) => calls.push(`report ${percentage} ${message}`),
        done: () => calls.push('done'),
      },
    };
  }
  const problemsIn: Record<string, number> = { '/w/a.speech.md': 2, '/w/b.speech.md': 0, '/w/c.speech': 1 };
  const files = Object.keys(problemsIn);
  const io = (progress: CheckProgress, locale: Locale, isCancelled = () => false) => ({ progress, isCancelled, displayName: (f: string) => f.slice(3), locale });

  it('checks each file, reporting progress, and sums up', async function () {
    const { progress, calls } = recorder();
    const checked: string[] = [];
    const result = await checkDrafts(files, async (f) => (checked.push(f), problemsIn[f]), io(progress, 'zh'));
    assert.deepEqual(checked, files);
    assert.deepEqual(calls, ['begin 检查工作区中的发言稿 ', 'report 0 1/3：a.speech.md', 'report 33 2/3：b.speech.md', 'report 66 3/3：c.speech', 'done']);
    assert.deepEqual(result, { files: 3, done: 3, problems: 3, withProblems: 2, cancelled: false, message: '已检查3份发言稿：2份有问题，共3处' });
  });

  it('stops before the next file once cancelled, and still ends the progress', async function () {
    const { progress, calls } = recorder();
    let checkedSoFar = 0;
    const result = await checkDrafts(files, async (f) => (checkedSoFar++, problemsIn[f]), io(progress, 'en', () => checkedSoFar >= 1));
    assert.equal(checkedSoFar, 1);
    assert.equal(calls[calls.length - 1], 'done');
    assert.deepEqual(result, { files: 3, done: 1, problems: 2, withProblems: 1, cancelled: true, message: 'Check cancelled after 1 of 3 speech drafts: 2 problems so far' });
  });

  it('says so when there is nothing to check, without a progress', async function () {
    const { progress, calls } = recorder();
    const result = await checkDrafts([], async () => 0, io(progress, 'zh'));
    assert.deepEqual(calls, []);
    assert.equal(result.message, '工作区中没有发言稿（*.speech.md、*.speech.txt、*.speech）');
  });
});
