/**
 * The drafting features end to end over stdio: completion, code actions,
 * formatting, code lens, hover, the status bar's statistics, workspace symbols,
 * and the renumber and check-workspace commands.
 *
 * DRAFT (0-based lines): 0 `### 标题`, 2 speaker, 4 `导语,很好。  ` (a half-width
 * comma, trailing spaces, no blank line after), 5 `一、甲。一是学。`, 7 `三、乙。`
 * (should be 二、). Body: 导语,很好。 6 + 甲。一是学。 6 + 乙。 2 = 14 characters.
 * The settings set the pace to 10 characters a minute through `length-limit`.
 *
 * The workspace folder test/fixtures/drafting holds compilation.speech.md (two
 * clean speeches, 李四's title on line 12) and nested/plain.speech.txt (王五's,
 * with a half-width comma on line 2 and 三、 for 二、 on line 4), and notes.md.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ApplyWorkspaceEditRequest,
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DocumentFormattingRequest,
  DocumentRangeFormattingRequest,
  ExecuteCommandRequest,
  HoverRequest,
  ShowMessageNotification,
  SymbolKind,
  WorkDoneProgress,
  WorkspaceSymbolRequest,
  type ApplyWorkspaceEditParams,
  type CodeAction,
  type CompletionItem,
  type Range,
  type SymbolInformation,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from './ensureBuilt';
import { LspTestClient } from './lspClient';

const DRAFT_URI = 'untitled:draft.speech.md';
const DRAFT = '### 标题\n\n某市政协主席 张三\n\n导语,很好。  \n一、甲。一是学。\n\n三、乙。\n';
const FOLDER = path.join(ROOT, 'test', 'fixtures', 'drafting');
const COMPILATION_URI = pathToFileURL(path.join(FOLDER, 'compilation.speech.md')).href;
const PLAIN_URI = pathToFileURL(path.join(FOLDER, 'nested', 'plain.speech.txt')).href;

const at = (l1: number, c1: number, l2: number, c2: number): Range => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

describe('drafting features over stdio', function () {
  this.timeout(60_000);
  let client: LspTestClient;
  let blankLines = 'one';
  const applied: ApplyWorkspaceEditParams[] = [];
  const shown: string[] = [];

  before(async function () {
    client = await LspTestClient.start('zh-cn', {
      settings: () => ({ rules: { 'length-limit': ['off', { charsPerMinute: 10 }] }, format: { blankLines } }),
      folders: [pathToFileURL(FOLDER).href],
    });
    client.connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      applied.push(params);
      return { applied: true };
    });
    client.connection.onNotification(ShowMessageNotification.type, ({ message }) => {
      shown.push(message);
    });
    await client.open(DRAFT_URI, DRAFT);
    await client.diagnostics(DRAFT_URI);
  });

  after(async function () {
    await client?.stop();
  });

  it('announces completion, formatting, code lens, hover, workspace symbols and its commands', function () {
    const caps = client.initializeResult!.capabilities;
    assert.deepEqual(caps.completionProvider, { triggerCharacters: ['（', '('] });
    assert.equal(caps.documentFormattingProvider, true);
    assert.equal(caps.documentRangeFormattingProvider, true);
    assert.deepEqual(caps.codeLensProvider, { resolveProvider: false });
    assert.equal(caps.hoverProvider, true);
    assert.equal(caps.workspaceSymbolProvider, true);
    assert.deepEqual(caps.executeCommandProvider, {
      commands: ['speech.server.renumber', 'speech.server.checkWorkspace', 'speech.server.describeDrafts', 'speech.server.exportWord', 'speech.server.importWord', 'speech.server.compile'],
    });
  });

  it('completes the next markers at a paragraph start, then the snippets', async function () {
    const items = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: DRAFT_URI }, position: { line: 6, character: 0 } })) as CompletionItem[];
    assert.deepEqual(
      items.slice(0, 3).map((i) => [i.label, i.detail, i.textEdit]),
      [
        ['二、', '第2个一级标题', { range: at(6, 0, 6, 0), newText: '二、' }],
        ['（一）', '第1个二级标题', { range: at(6, 0, 6, 0), newText: '（一）' }],
        ['二是', '接“一是”的第2项', { range: at(6, 0, 6, 0), newText: '二是' }],
      ],
    );
    // This client did not say it shows the snippets itself: the five snippets follow, by their Chinese names.
    assert.equal(items.length, 8);
    assert.deepEqual(items.slice(3).map((i) => i.label), ['发言稿全文', '发言人行', '一级标题', '分项表述', '发言摘登标题']);
  });

  it('offers the quick fix for the half-width comma', async function () {
    const { diagnostics } = await client.diagnostics(DRAFT_URI);
    const comma = diagnostics.find((d) => d.code === 'halfwidth-punctuation')!;
    assert.deepEqual(comma.range, at(4, 2, 4, 3));
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: DRAFT_URI }, range: comma.range, context: { diagnostics: [comma], only: ['quickfix'] } })) as CodeAction[];
    assert.deepEqual([actions[0].title, actions[0].edit], ['改为“，”', { changes: { [DRAFT_URI]: [{ range: at(4, 2, 4, 3), newText: '，' }] } }]);
  });

  it('formats with the blank-line setting, leaving the numbering to the renumber command', async function () {
    const format = () => client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: DRAFT_URI }, options: { tabSize: 4, insertSpaces: true } });
    assert.deepEqual(await format(), [
      { range: at(4, 2, 4, 3), newText: '，' },
      { range: at(4, 6, 4, 8), newText: '\n' },
    ]);
    blankLines = 'none';
    try {
      assert.deepEqual(await format(), [
        { range: at(1, 0, 2, 0), newText: '' },
        { range: at(3, 0, 4, 0), newText: '' },
        { range: at(4, 2, 4, 3), newText: '，' },
        { range: at(4, 6, 4, 8), newText: '' },
        { range: at(6, 0, 7, 0), newText: '' },
      ]);
    } finally {
      blankLines = 'one';
    }
    const ranged = await client.connection.sendRequest(DocumentRangeFormattingRequest.type, { textDocument: { uri: DRAFT_URI }, range: at(4, 0, 5, 0), options: { tabSize: 4, insertSpaces: true } });
    assert.deepEqual(ranged, [
      { range: at(4, 2, 4, 3), newText: '，' },
      { range: at(4, 6, 4, 8), newText: '' },
    ]);
  });

  it('shows each speech’s and each section’s length at the configured pace in code lenses, hover and the status bar', async function () {
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: DRAFT_URI } });
    assert.deepEqual(lenses, [
      { range: at(0, 4, 0, 6), command: { title: '14字 · 约1.4分钟', command: '' } },
      { range: at(5, 0, 5, 4), command: { title: '6字 · 约0.6分钟', command: '' } },
      { range: at(7, 0, 7, 4), command: { title: '2字 · 约0.2分钟', command: '' } },
    ]);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: DRAFT_URI }, position: { line: 0, character: 5 } });
    assert.match((hover!.contents as { value: string }).value, /^\*\*标题\*\* — 张三\n\n- 正文 14 字（不含标题、发言人行、标题序号）\n- 2 个部分，0 个小节，1 个分项\n- 按每分钟 10 字计，约 1.4 分钟\n- 排版后在第 1 页$/);
    const statistics = (await client.connection.sendRequest('speech/statistics', { textDocument: { uri: DRAFT_URI }, position: { line: 5, character: 3 } })) as { text: string; charsPerMinute: number };
    assert.equal(statistics.text, '14字 · 约1.4分钟 · 1页');
    assert.equal(statistics.charsPerMinute, 10);
    assert.equal(await client.connection.sendRequest('speech/statistics', { textDocument: { uri: 'untitled:not-open.speech' }, position: { line: 0, character: 0 } }), null);
  });

  it('renumbers the speech under the cursor in one workspace edit', async function () {
    const result = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'speech.server.renumber', arguments: [DRAFT_URI, { line: 7, character: 0 }] });
    assert.deepEqual(result, { applied: true });
    assert.deepEqual(applied, [{ label: '重新编号', edit: { changes: { [DRAFT_URI]: [{ range: at(7, 0, 7, 2), newText: '二、' }] } } }]);
  });

  it('says so when there is nothing to renumber', async function () {
    const uri = 'untitled:clean.speech.md';
    await client.open(uri, '### 标题\n某市政协主席 张三\n一、甲。\n');
    const result = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'speech.server.renumber', arguments: [uri] });
    assert.deepEqual(result, { applied: false });
    assert.equal(applied.length, 1);
    await waitFor(() => shown.includes('序号都已连续，无须重新编号'));
  });

  it('checks every draft of the workspace with progress, publishing each file’s diagnostics', async function () {
    const progress: Array<WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd> = [];
    const listener = client.connection.onProgress(WorkDoneProgress.type, 'check-1', (value) => {
      progress.push(value);
    });
    try {
      const result = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'speech.server.checkWorkspace', arguments: [], workDoneToken: 'check-1' });
      assert.deepEqual(result, { files: 2, done: 2, problems: 2, withProblems: 1, cancelled: false, message: '已检查2份发言稿：1份有问题，共2处' });
      await waitFor(() => progress.some((p) => p.kind === 'end'));
    } finally {
      listener.dispose();
    }
    assert.deepEqual(progress, [
      { kind: 'begin', title: '检查工作区中的发言稿', percentage: 0, message: '', cancellable: true },
      { kind: 'report', percentage: 0, message: '1/2：compilation.speech.md' },
      { kind: 'report', percentage: 50, message: '2/2：plain.speech.txt' },
      { kind: 'end' },
    ]);
    const plain = await client.diagnostics(PLAIN_URI);
    assert.deepEqual(plain.diagnostics.map((d) => [d.code, d.range]), [
      ['halfwidth-punctuation', at(2, 14, 2, 15)],
      ['section-numbering', at(4, 2, 4, 4)],
    ]);
    assert.deepEqual((await client.diagnostics(COMPILATION_URI)).diagnostics, []);
  });

  it('finds speeches on disk by speaker or title, and open drafts as they are in the editor', async function () {
    const find = async (query: string) => (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query })) as SymbolInformation[];
    assert.deepEqual(await find('李四'), [
      { name: '凝聚委员力量（李四）', kind: SymbolKind.File, location: { uri: COMPILATION_URI, range: at(12, 4, 12, 10) }, containerName: '履职工作交流会发言摘登' },
    ]);
    assert.deepEqual((await find('王五')).map((s) => [s.name, s.containerName]), [['提升履职能力 服务发展大局（王五）', 'plain.speech.txt']]);
    assert.deepEqual((await find('标题')).map((s) => [s.name, s.location.uri]), [['标题（张三）', DRAFT_URI], ['标题（张三）', 'untitled:clean.speech.md']]);
    await client.open(PLAIN_URI, '提升履职能力 服务发展新局\n某市政协副主席 王五\n　　一、抓学习。\n');
    assert.deepEqual((await find('王五')).map((s) => s.name), ['提升履职能力 服务发展新局（王五）']);
    assert.equal((await find('')).length, 5);
  });

  it('describes drafts for the compile picker by title and speaker, from disk or the editor', async function () {
    const described = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'speech.server.describeDrafts', arguments: [[COMPILATION_URI, DRAFT_URI]] });
    assert.deepEqual(described, [
      { uri: COMPILATION_URI, label: '履职工作交流会发言摘登', description: '2篇发言' },
      { uri: DRAFT_URI, label: '标题', description: '张三' },
    ]);
    assert.equal(await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'speech.server.describeDrafts', arguments: ['not a list'] }), null);
  });
});

/** Resolves once `condition` holds (checked every 20 ms), or fails after 5 s. */
async function waitFor(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > 5000) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
