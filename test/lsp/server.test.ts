/**
 * The language server end to end: `node dist/server.js --stdio` driven by a
 * real JSON-RPC client, as any LSP editor would.
 *
 * Fixture test/fixtures/lsp/faults.speech.md (0-based lines):
 *   0 `### 强化责任担当 推进工作落实`   2 speaker line   4 lead
 *   6 `一、压实工作责任。…`   8 `三、完善工作机制。…` (should be 二、)
 *  10 `四.加强督促检查。…` (non-standard marker, and third section numbered 四)
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  DiagnosticSeverity,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  type CodeAction,
  type Diagnostic,
  type DocumentSymbol,
  type Range,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from './ensureBuilt';
import { LspTestClient } from './lspClient';
import { outlineTitle } from '../../server/src/lsp/documentSymbols';
import { SEED_SPEECHES } from '../helpers/seedSpeeches';

const FAULTS_PATH = path.join(ROOT, 'test/fixtures/lsp/faults.speech.md');
const FAULTS = fs.readFileSync(FAULTS_PATH, 'utf8');
const FAULTS_URI = pathToFileURL(FAULTS_PATH).href;
const SEED = fs.readFileSync(path.join(ROOT, 'test/fixtures/corpus/000_0f1e9368376be244.txt'), 'utf8');
const SEED_URI = 'untitled:seed.speech.md';

const range = (line: number, from: number, to: number): Range => ({ start: { line, character: from }, end: { line, character: to } });
// The client below speaks Chinese: its links go to the Chinese pages.
const docsHref = (id: string): string => pathToFileURL(path.join(ROOT, 'docs', 'rules', `${id}.zh-CN.md`)).href;

/** Applies LSP edits to a text (edits must not overlap, as LSP requires). */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }): number => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

function line(text: string, n: number): string {
  return text.split('\n')[n];
}

describe('language server over stdio', function () {
  this.timeout(60_000);

  describe('with a Chinese client', function () {
    let client: LspTestClient;
    let published: Diagnostic[];

    before(async function () {
      client = await LspTestClient.start('zh-cn');
      await client.open(FAULTS_URI, FAULTS);
      published = (await client.diagnostics(FAULTS_URI)).diagnostics;
    });

    after(async function () {
      await client?.stop();
    });

    it('announces incremental sync, outline, folding and both code action kinds', function () {
      const caps = client.initializeResult!.capabilities;
      assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
      assert.ok(caps.documentSymbolProvider);
      assert.equal(caps.foldingRangeProvider, true);
      assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.speech'] });
    });

    it('publishes the draft’s faults on open, with rule ids, UTF-16 ranges, severities, source and docs links', async function () {
      const first = client.published.find((p) => p.uri === FAULTS_URI)!;
      assert.equal(first.version, 1);
      const summary = published.map((d) => ({ code: d.code, range: d.range, severity: d.severity, source: d.source, href: d.codeDescription?.href }));
      assert.deepEqual(summary, [
        { code: 'section-numbering', range: range(8, 0, 2), severity: DiagnosticSeverity.Error, source: 'speechlint', href: docsHref('section-numbering') },
        { code: 'section-marker', range: range(10, 0, 2), severity: DiagnosticSeverity.Warning, source: 'speechlint', href: docsHref('section-marker') },
        { code: 'section-numbering', range: range(10, 0, 2), severity: DiagnosticSeverity.Error, source: 'speechlint', href: docsHref('section-numbering') },
      ]);
      assert.equal(published[0].message, '第2个一级标题的序号应为“二、”，现为“三、”');
      assert.equal(published[1].message, '标题序号“四.”应写作“四、”');
    });

    it('links each diagnostic to a docs page that ships in the package', function () {
      for (const d of published) {
        const file = new URL(d.codeDescription!.href);
        assert.ok(fs.existsSync(file), `missing docs page ${file.pathname}`);
      }
    });

    it('offers a preferred quick fix whose edit fixes the diagnostic', async function () {
      const diagnostic = published[0];
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: FAULTS_URI },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic] },
      })) as CodeAction[];
      const quickFix = actions.find((a) => a.kind === 'quickfix' && a.diagnostics?.length === 1);
      assert.ok(quickFix, JSON.stringify(actions));
      assert.equal(quickFix.title, '改为“二、”');
      assert.equal(quickFix.isPreferred, true);
      const edits = quickFix.edit!.changes![FAULTS_URI];
      assert.deepEqual(edits, [{ range: range(8, 0, 2), newText: '二、' }]);
      assert.equal(line(applyEdits(FAULTS, edits), 8), '二、完善工作机制。建立月调度、季通报制度。');
    });

    it('offers no fix of every problem of the same rule when its fixes are edits: a renumbering is accepted one at a time', async function () {
      const diagnostic = published[0];
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: FAULTS_URI },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic], only: ['quickfix'] },
      })) as CodeAction[];
      assert.deepEqual(
        actions.map((a) => a.title),
        // The file-wide fix-all takes the one fix of form (四. → 四、), not the renumbering.
        ['改为“二、”', '修复全部可自动修复的问题（1 处）', '禁用本行的 section-numbering 规则'],
      );
    });

    it('answers source.fixAll with one action that makes only the fixes of form, editing only their spans', async function () {
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: FAULTS_URI },
        range: range(0, 0, 0),
        context: { diagnostics: [], only: ['source.fixAll'] },
      })) as CodeAction[];
      assert.equal(actions.length, 1, JSON.stringify(actions));
      const [fixAll] = actions;
      assert.equal(fixAll.kind, 'source.fixAll.speech');
      assert.equal(fixAll.title, '修复所有格式问题（标点、引号、全半角等）');
      // Only the fix of form: 四. becomes 四、; the numbering (三、 for 二、, 四 for 三) is left to its quick fixes.
      const edits = fixAll.edit!.changes![FAULTS_URI];
      assert.deepEqual(edits, [{ range: range(10, 0, 2), newText: '四、' }]);
      const fixed = applyEdits(FAULTS, edits);
      assert.equal(line(fixed, 8), '三、完善工作机制。建立月调度、季通报制度。');
      assert.equal(line(fixed, 10), '四、加强督促检查。组织委员开展专项视察。');
    });

    it('returns no quick fixes when only source actions are asked for', async function () {
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: FAULTS_URI },
        range: published[0].range,
        context: { diagnostics: published, only: ['source'] },
      })) as CodeAction[];
      assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.speech']);
    });

    it('folds the speech (one-line sections do not fold)', async function () {
      const folds = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: FAULTS_URI } });
      assert.deepEqual(folds, [{ startLine: 0, endLine: 10 }]);
    });

    it('outlines the real seed compilation: 8 speeches with titles, speakers and sections', async function () {
      await client.open(SEED_URI, SEED);
      const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: SEED_URI } })) as DocumentSymbol[];
      assert.equal(symbols.length, 1);
      const [compilation] = symbols;
      assert.equal(compilation.name, '以高水平党建工作引领政协事业高质量发展');
      assert.equal(compilation.detail, '——全省政协系统党的建设工作经验交流会发言摘登');
      const speeches = compilation.children!;
      assert.deepEqual(
        speeches.map((s) => [s.name, s.detail]),
        // Long titles are cut so the speaker beside them stays in view.
        SEED_SPEECHES.map(([title, speaker]) => [outlineTitle(title), speaker]),
      );
      assert.deepEqual(
        speeches.map((s) => s.children!.length),
        [3, 3, 4, 3, 3, 3, 3, 3],
      );
      const first = speeches[0].children!;
      assert.deepEqual(
        first.map((s) => [s.name, s.detail]),
        [
          ['一、以加强理论武装为中心，夯实党建工作基础。', '一级标题'],
          ['二、以创新学习载体为重点，提升党建工作水平。', '一级标题'],
          ['三、以推动工作发展为目的，保障党建工作成效。', '一级标题'],
        ],
      );
      assert.deepEqual(
        first[0].children!.map((c) => [c.name, c.detail, c.selectionRange]),
        [['一是…三是', '3项', range(14, 22, 24)]],
      );
      assert.deepEqual(speeches[0].range, { start: { line: 8, character: 4 }, end: { line: 22, character: SEED.split('\n')[22].length } });
      assert.deepEqual(speeches[0].selectionRange, { start: { line: 8, character: 4 }, end: { line: 8, character: 4 + 22 } });
      assertNested(symbols, undefined);
    });

    it('folds the seed’s speeches and its multi-line sections', async function () {
      const folds = (await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: SEED_URI } }))!;
      const firstSpeech = folds.filter((f) => f.startLine >= 8 && f.endLine <= 22);
      assert.deepEqual(firstSpeech, [
        { startLine: 8, endLine: 22 },
        { startLine: 14, endLine: 16 },
        { startLine: 18, endLine: 20 },
      ]);
      assert.equal(folds.filter((f) => f.endLine - f.startLine >= 2 && /^### /.test(line(SEED, f.startLine))).length, 8);
    });

    it('re-checks after an incremental change, publishing only the newest version', async function () {
      const change = (version: number, text: string, at: Range) =>
        client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: FAULTS_URI, version }, contentChanges: [{ range: at, text }] });
      // Two quick edits: the debounce must check once, for the second.
      await change(2, '二', range(8, 0, 1));
      await change(3, '三', range(10, 0, 1));
      const after = await client.diagnostics(FAULTS_URI, (p) => p.version === 3);
      assert.deepEqual(
        after.diagnostics.map((d) => [d.code, d.range]),
        [['section-marker', range(10, 0, 2)]],
      );
      assert.equal(after.diagnostics[0].message, '标题序号“三.”应写作“三、”');
      assert.ok(!client.published.some((p) => p.uri === FAULTS_URI && p.version === 2), 'a stale version was published');
    });

    it('offers no quick fix computed for an older version of the text', async function () {
      const stale = published[1]; // section-marker on 四. from version 1
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: FAULTS_URI },
        range: stale.range,
        context: { diagnostics: [stale], only: ['quickfix'] },
      })) as CodeAction[];
      // Version 3 still has a section-marker finding at that spot (三.): it can be silenced, but the old fix is not offered.
      assert.deepEqual(actions.map((a) => a.title), ['禁用本行的 section-marker 规则']);
    });

    it('clears the diagnostics when the document closes', async function () {
      const before = client.published.length;
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: FAULTS_URI } });
      const cleared = await client.diagnostics(FAULTS_URI, (p) => client.published.indexOf(p) >= before);
      assert.deepEqual(cleared.diagnostics, []);
    });

    it('survives odd text and answers every request', async function () {
      const uri = 'untitled:odd.speech';
      await client.open(uri, '\uFEFF#\r\n一、\uD83D\r\n（一）\n\n\n1.');
      await client.diagnostics(uri);
      const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
      assert.ok(Array.isArray(symbols));
      assertNested(symbols as DocumentSymbol[], undefined);
      assert.ok(Array.isArray(await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } })));
    });
  });

  describe('with an English client', function () {
    let client: LspTestClient | undefined;

    before(async function () {
      client = await LspTestClient.start('en-us');
    });

    after(async function () {
      if (client) await client.stop();
    });

    it('speaks English in messages, titles and outline', async function () {
      const english = client!;
      await english.open(FAULTS_URI, FAULTS);
      const { diagnostics } = await english.diagnostics(FAULTS_URI);
      assert.equal(diagnostics[0].message, 'Level-1 section 2 should be numbered "二、", found "三、"');
      const actions = (await english.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: FAULTS_URI },
        range: diagnostics[0].range,
        context: { diagnostics: [diagnostics[0]] },
      })) as CodeAction[];
      assert.deepEqual(
        actions.map((a) => a.title),
        [
          'Change to "二、"',
          'Fix all auto-fixable problems in this file (1)',
          'Disable section-numbering for this line',
          'Fix all problems of form (punctuation, quotes, width…)',
        ],
      );
      const uri = 'untitled:untitled.speech';
      await english.open(uri, '某区政协主席、党组书记 赵志强\n\n一、压实工作责任。明确分工。\n');
      const symbols = (await english.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
      assert.deepEqual(
        symbols.map((s) => [s.name, s.detail, s.children!.map((c) => [c.name, c.detail])]),
        [['(untitled)', '赵志强', [['一、压实工作责任。', 'level 1']]]],
      );
    });

    it('shuts down and exits with status 0', async function () {
      const code = await client!.stop();
      client = undefined;
      assert.equal(code, 0);
    });
  });

  describe('with a client that names no locale', function () {
    it('speaks Chinese', async function () {
      const client = await LspTestClient.start(undefined);
      try {
        await client.open(FAULTS_URI, FAULTS);
        const { diagnostics } = await client.diagnostics(FAULTS_URI);
        assert.equal(diagnostics[0].message, '第2个一级标题的序号应为“二、”，现为“三、”');
      } finally {
        await client.stop();
      }
    });
  });
});

/** LSP's rule for hierarchical symbols: a range holds its selection range and its children's ranges. */
function assertNested(symbols: readonly DocumentSymbol[], parent: DocumentSymbol | undefined): void {
  const before = (a: { line: number; character: number }, b: { line: number; character: number }): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
  const contains = (outer: Range, inner: Range): boolean => before(outer.start, inner.start) && before(inner.end, outer.end);
  for (const s of symbols) {
    assert.ok(s.name.trim().length > 0, 'empty symbol name');
    assert.ok(contains(s.range, s.selectionRange), `${s.name}: selection ${JSON.stringify(s.selectionRange)} outside ${JSON.stringify(s.range)}`);
    if (parent) assert.ok(contains(parent.range, s.range), `${s.name}: range outside its parent ${parent.name}`);
    assertNested(s.children ?? [], s);
  }
}
