/**
 * The language features through VS Code's own API, in a desktop VS Code
 * (test/desktop/run.ts): diagnostics, document symbols and completion. The
 * workspace is a copy of test/e2e/workspace; the fixtures and their expected
 * faults are the ones the code-server suite (test/e2e) checks in the UI.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** faults.speech.md's faults (1-based lines), as in test/e2e/problems.test.ts. */
const FAULTS = [
  { line: 7, code: 'speaker-form' },
  { line: 9, code: 'latin-word' },
  { line: 11, code: 'number-range' },
  { line: 13, code: 'section-numbering' },
  { line: 13, code: 'unmatched-pair' },
];

/** seed.speech.md: a compilation of eight speeches under its title. */
const SEED_TITLE = '以高水平党建工作引领政协事业高质量发展';
/** The outline cuts long titles (server/src/lsp/documentSymbols.ts, OUTLINE_TITLE_MAX) so the speaker beside them stays in view. */
const SEED_SPEECHES = [
  '构建理论武装大格局 推动政协党…',
  '把思想政治引领深植委员心中',
  '以“四个强化”为抓手 激发政协…',
  '以强化党组织建设为重点 提升政…',
  '立足政协特点 推动党建工作',
  '抓好政协临时党支部建设 提升政…',
  '突出特色 把牢方向 推动党的工…',
  '打造政治过硬、形象过硬、本领过…',
];

function fixture(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'VS Code was started without the fixture workspace');
  return vscode.Uri.joinPath(folder.uri, name);
}

async function open(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixture(name));
  const editor = await vscode.window.showTextDocument(document);
  assert.equal(document.languageId, 'speech', `${name} did not open in the speech language`);
  return editor;
}

/** Polls `read` until `accept` holds or `timeoutMs` passes; returns the last value either way. */
async function until<T>(read: () => T | Thenable<T>, accept: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A diagnostic's rule id: the server links each code to its docs page, so VS Code hands it over as `{ value, target }`. */
function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' ? code.value : code);
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

describe('speech drafts in desktop VS Code', function () {
  it('reports the known faults of faults.speech.md with their rule codes', async function () {
    const { document } = await open('faults.speech.md');
    const read = () => vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'speechlint');
    // Read a little longer once the expected number arrived, so extra diagnostics show too.
    await until(read, (ds) => ds.length >= FAULTS.length);
    await new Promise((r) => setTimeout(r, 1_500));
    const found = read().map((d) => `${d.range.start.line + 1}:${ruleOf(d)}`);
    assert.deepEqual(found.sort(), FAULTS.map((f) => `${f.line}:${f.code}`).sort());
  });

  it('lists the eight speeches of seed.speech.md as document symbols under the compilation title', async function () {
    const { document } = await open('seed.speech.md');
    const symbols = await until(
      () => vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', document.uri),
      (s) => (s?.length ?? 0) > 0,
    );
    assert.deepEqual(symbols?.map((s) => s.name), [SEED_TITLE]);
    const speeches = symbols?.[0]?.children ?? [];
    assert.deepEqual(speeches.map((s) => s.name), SEED_SPEECHES);
    for (const speech of speeches) assert.equal(speech.kind, vscode.SymbolKind.File, `"${speech.name}" is not a speech symbol`);
  });

  it('offers 二、 (and not 三、) in a new paragraph after the section 一、 of completion.speech.md', async function () {
    const editor = await open('completion.speech.md');
    const { document } = editor;
    try {
      // The fixture ends with 一、's paragraph and a line break: one more makes a blank line, then the new paragraph.
      const end = document.lineAt(document.lineCount - 1).range.end;
      assert.ok(await editor.edit((edit) => edit.insert(end, '\n')), 'the edit was not applied');
      const at = new vscode.Position(document.lineCount - 1, 0);
      const labels = await until(
        async () => {
          const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, at);
          return list.items.map(labelOf);
        },
        (ls) => ls.includes('二、'),
      );
      assert.ok(labels.includes('二、'), `二、 is not offered: ${JSON.stringify(labels)}`);
      assert.ok(!labels.includes('三、'), `三、 is offered after 一、: ${JSON.stringify(labels)}`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
