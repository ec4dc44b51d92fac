/**
 * Configuration in the editor, end to end over stdio: `.speechlintrc.json`
 * files found from the draft, `speech.*` settings pulled with
 * `workspace/configuration`, changes to either re-checking open drafts, and
 * faults shown on the configuration file itself.
 *
 * The draft is test/fixtures/lsp/faults.speech.md, copied into a fresh
 * workspace (0-based lines): line 8 `三、` (section-numbering, error), line 10
 * `四.` (section-marker, warning, and section-numbering, error).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DocumentSymbolRequest, ExecuteCommandRequest, FileChangeType, WorkspaceSymbolRequest, type Diagnostic, type PublishDiagnosticsParams, type SymbolInformation } from 'vscode-languageserver-protocol/node';
import { CHECK_WORKSPACE_COMMAND, STATISTICS_REQUEST, WORKSPACE_TRUSTED_NOTIFICATION, type CheckResult, type StatisticsResult } from '../../server/src/lsp/protocol';
import { ROOT } from './ensureBuilt';
import { LspTestClient } from './lspClient';

const FAULTS = fs.readFileSync(path.join(ROOT, 'test/fixtures/lsp/faults.speech.md'), 'utf8');

/** Each diagnostic as `code@line:severity` (severity 1 error … 4 hint). */
const summary = (diagnostics: readonly Diagnostic[]): string[] => diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.severity}`);
const DEFAULT_SUMMARY = ['section-numbering@8:1', 'section-marker@10:2', 'section-numbering@10:1'];

describe('configuration in the language server', function () {
  this.timeout(60_000);
  let root: string;
  let client: LspTestClient | undefined;
  let settings: Record<string, unknown>;

  const write = (rel: string, body: unknown): string => {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, typeof body === 'string' ? body : JSON.stringify(body, null, 2));
    return file;
  };
  const uriOf = (rel: string): string => pathToFileURL(path.join(root, rel)).href;
  const start = async (initializationOptions?: unknown): Promise<LspTestClient> =>
    (client = await LspTestClient.start('zh-cn', { settings: () => settings, folders: [pathToFileURL(root).href], initializationOptions }));
  /** The next diagnostics for `uri` published after this call. */
  const next = (c: LspTestClient, uri: string, matches: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> => {
    const from = c.published.length;
    return c.diagnostics(uri, (p) => c.published.indexOf(p) >= from && matches(p));
  };
  const filesChanged = (c: LspTestClient, ...changes: Array<[string, FileChangeType]>) =>
    c.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: changes.map(([rel, type]) => ({ uri: uriOf(rel), type })) });
  const settingsChanged = (c: LspTestClient) => c.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });

  beforeEach(function () {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'speechlint-lsp-config-'));
    settings = {};
  });

  afterEach(async function () {
    await client?.stop();
    client = undefined;
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('checks with the nearest configuration file in a parent folder', async function () {
    write('.speechlintrc.json', { rules: { 'section-marker': 'error', 'section-numbering': 'off' } });
    write('office/.speechlintrc.json', { rules: { 'section-marker': 'info' } });
    const c = await start();
    const uri = uriOf('office/drafts/faults.speech.md');
    await c.open(uri, FAULTS);
    // The nearer file wins outright: section-numbering is back at its default.
    assert.deepEqual(summary((await c.diagnostics(uri)).diagnostics), ['section-numbering@8:1', 'section-marker@10:3', 'section-numbering@10:1']);
    assert.ok(c.settingsAsked.includes(uri), 'settings were not asked for the draft');
  });

  it('layers speech.rules over the file, and re-checks when settings change', async function () {
    write('.speechlintrc.json', { rules: { 'section-marker': 'error', 'section-numbering': 'off' } });
    settings = { rules: { 'section-marker': 'hint' } };
    const c = await start();
    const uri = uriOf('faults.speech.md');
    await c.open(uri, FAULTS);
    assert.deepEqual(summary((await c.diagnostics(uri)).diagnostics), ['section-marker@10:4']);
    settings = { rules: { 'section-numbering': 'warning' } };
    const rechecked = next(c, uri);
    await settingsChanged(c);
    assert.deepEqual(summary((await rechecked).diagnostics), ['section-numbering@8:2', 'section-marker@10:1', 'section-numbering@10:2']);
  });

  it('registers for settings changes and watches every configuration file it read', async function () {
    write('.speechlintrc.json', { extends: './shared/base.json' });
    write('shared/base.json', { rules: {} });
    const c = await start();
    const uri = uriOf('faults.speech.md');
    await c.open(uri, FAULTS);
    await c.diagnostics(uri);
    assert.ok(c.registrations.some((r) => r.method === 'workspace/didChangeConfiguration' && (r.registerOptions as { section: string }).section === 'speech'));
    // Registration runs beside the check: wait for the watchers of both files, and for the first set (no file yet) to be withdrawn.
    const watches = () => c.registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles');
    await eventually(() => watches().length === 1 && (watches()[0].registerOptions as { watchers: unknown[] }).watchers.length === 3);
    assert.deepEqual((watches()[0].registerOptions as { watchers: unknown[] }).watchers, [
      { globPattern: '**/.speechlintrc.json' },
      { globPattern: { baseUri: pathToFileURL(root).href, pattern: '.speechlintrc.json' } },
      { globPattern: { baseUri: uriOf('shared'), pattern: 'base.json' } },
    ]);
  });

  it('re-checks open drafts when a configuration file changes on disk', async function () {
    const c = await start();
    const uri = uriOf('faults.speech.md');
    await c.open(uri, FAULTS);
    assert.deepEqual(summary((await c.diagnostics(uri)).diagnostics), DEFAULT_SUMMARY);
    write('.speechlintrc.json', { rules: { 'section-numbering': 'off' } });
    const rechecked = next(c, uri);
    await filesChanged(c, ['.speechlintrc.json', FileChangeType.Created]);
    assert.deepEqual(summary((await rechecked).diagnostics), ['section-marker@10:2']);
    fs.rmSync(path.join(root, '.speechlintrc.json'));
    const restored = next(c, uri);
    await filesChanged(c, ['.speechlintrc.json', FileChangeType.Deleted]);
    assert.deepEqual(summary((await restored).diagnostics), DEFAULT_SUMMARY);
  });

  it('follows a change to a file named in extends', async function () {
    write('.speechlintrc.json', { extends: './base.json' });
    write('base.json', { rules: { 'section-marker': 'off' } });
    const c = await start();
    const uri = uriOf('faults.speech.md');
    await c.open(uri, FAULTS);
    assert.deepEqual(summary((await c.diagnostics(uri)).diagnostics), ['section-numbering@8:1', 'section-numbering@10:1']);
    write('base.json', { rules: { 'section-numbering': 'off' } });
    const rechecked = next(c, uri);
    await filesChanged(c, ['base.json', FileChangeType.Changed]);
    assert.deepEqual(summary((await rechecked).diagnostics), ['section-marker@10:2']);
  });

  it('marks a broken configuration at the faulty spot, keeps checking with the last good one, and clears the mark when fixed', async function () {
    const configUri = uriOf('.speechlintrc.json');
    write('.speechlintrc.json', { rules: { 'section-numbering': 'off' } });
    const c = await start();
    const uri = uriOf('faults.speech.md');
    await c.open(uri, FAULTS);
    assert.deepEqual(summary((await c.diagnostics(uri)).diagnostics), ['section-marker@10:2']);

    write('.speechlintrc.json', '{\n  "rules": {\n    "section-numbering": "of"\n  }\n}\n');
    const marked = next(c, configUri);
    const rechecked = next(c, uri);
    await filesChanged(c, ['.speechlintrc.json', FileChangeType.Changed]);
    assert.deepEqual((await marked).diagnostics, [
      {
        range: { start: { line: 2, character: 25 }, end: { line: 2, character: 29 } },
        severity: 1,
        source: 'speechlint',
        message: '级别应为 off、hint、info、warning、error 之一',
      },
    ]);
    // Still checked, still with section-numbering off as the last good file said.
    assert.deepEqual(summary((await rechecked).diagnostics), ['section-marker@10:2']);

    write('.speechlintrc.json', { rules: { 'section-numbering': 'warning' } });
    const cleared = next(c, configUri);
    const fixed = next(c, uri);
    await filesChanged(c, ['.speechlintrc.json', FileChangeType.Changed]);
    assert.deepEqual((await cleared).diagnostics, []);
    assert.deepEqual(summary((await fixed).diagnostics), ['section-numbering@8:2', 'section-marker@10:2', 'section-numbering@10:2']);
  });

  it('checks with the defaults when the configuration never read cleanly, and marks invalid JSON', async function () {
    write('.speechlintrc.json', '{ "rules": { "section-numbering": "off", }');
    const c = await start();
    const uri = uriOf('faults.speech.md');
    const marked = c.diagnostics(uriOf('.speechlintrc.json'));
    await c.open(uri, FAULTS);
    assert.deepEqual(summary((await c.diagnostics(uri)).diagnostics), DEFAULT_SUMMARY);
    const [problem] = (await marked).diagnostics;
    assert.match(String(problem.message), /^JSON 语法错误/);
    assert.equal(problem.range.start.line, 0);
  });

  it('marks broken configurations in the workspace before any draft is opened', async function () {
    write('a/b/.speechlintrc.json', '{\n  "rules": { "no-such-rule": "off" }\n}');
    write('c/.speechlintrc.json', { extends: './missing.json' });
    write('node_modules/x/.speechlintrc.json', '{ broken');
    const c = await start();
    const unknown = await c.diagnostics(uriOf('a/b/.speechlintrc.json'));
    assert.deepEqual(unknown.diagnostics.map((d) => [d.message, d.range]), [['未知的规则“no-such-rule”', { start: { line: 1, character: 13 }, end: { line: 1, character: 27 } }]]);
    const missing = await c.diagnostics(uriOf('c/.speechlintrc.json'));
    assert.deepEqual(missing.diagnostics.map((d) => d.message), [`找不到 "extends" 指向的文件：${path.join(root, 'c/missing.json')}`]);
    assert.ok(!c.published.some((p) => p.uri.includes('node_modules')));
  });

  it('follows a folder added after start-up (its configuration validated, its drafts found) and let go again when removed', async function () {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'speechlint-lsp-folder-'));
    try {
      const file = path.join(other, 'sub', '.speechlintrc.json');
      fs.mkdirSync(path.dirname(file));
      fs.writeFileSync(file, '{\n  "rules": { "no-such-rule": "off" }\n}');
      fs.writeFileSync(path.join(other, 'sub', 'far.speech.md'), '# 远方的发言\n\n某县政协主席 赵六\n\n正文。\n');
      const c = await start();
      const speakers = async (): Promise<string[]> =>
        ((await c.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '赵六' })) as SymbolInformation[]).map((s) => s.name);
      assert.deepEqual(await speakers(), []);
      const uri = pathToFileURL(file).href;
      const added = next(c, uri);
      await c.changeFolders([pathToFileURL(other).href], []);
      assert.deepEqual((await added).diagnostics.map((d) => d.message), ['未知的规则“no-such-rule”']);
      assert.deepEqual(await speakers(), ['远方的发言（赵六）']);
      const removed = next(c, uri);
      await c.changeFolders([], [pathToFileURL(other).href]);
      assert.deepEqual((await removed).diagnostics, []);
      assert.deepEqual(await speakers(), []);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it('checks an untitled draft with the workspace folder’s configuration', async function () {
    write('.speechlintrc.json', { rules: { 'section-numbering': 'off' } });
    const c = await start();
    const uri = 'untitled:Untitled-1';
    await c.open(uri, FAULTS);
    assert.deepEqual(summary((await c.diagnostics(uri)).diagnostics), ['section-marker@10:2']);
  });

  it('leaves Markdown and plain text alone until switched on, and lets go again when switched off', async function () {
    const c = await start();
    const md = uriOf('notes.md');
    const txt = uriOf('notes.txt');
    const speech = uriOf('faults.speech.md');
    await c.open(md, FAULTS, 1, 'markdown');
    await c.open(txt, FAULTS, 1, 'plaintext');
    await c.open(speech, FAULTS);
    // The speech draft, opened last, is published: the others were looked at first and passed over.
    await c.diagnostics(speech);
    assert.ok(!c.published.some((p) => p.uri === md || p.uri === txt), 'unchecked documents got diagnostics');
    assert.equal(await c.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: md } }), null);

    settings = { checkMarkdown: true };
    const mdChecked = next(c, md);
    await settingsChanged(c);
    assert.deepEqual(summary((await mdChecked).diagnostics), DEFAULT_SUMMARY);
    assert.ok(Array.isArray(await c.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: md } })));

    settings = { checkPlaintext: true };
    const txtChecked = next(c, txt);
    const mdCleared = next(c, md);
    await settingsChanged(c);
    assert.deepEqual(summary((await txtChecked).diagnostics), DEFAULT_SUMMARY);
    assert.deepEqual((await mdCleared).diagnostics, []);
  });

  it('with speech.run onSave, checks on open and on save but not while typing', async function () {
    settings = { run: 'onSave' };
    const c = await start();
    const uri = uriOf('faults.speech.md');
    await c.open(uri, FAULTS);
    assert.equal((await c.diagnostics(uri)).version, 1);
    await c.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 8, character: 0 }, end: { line: 8, character: 1 } }, text: '二' }],
    });
    await new Promise((resolve) => setTimeout(resolve, 600));
    assert.ok(!c.published.some((p) => p.uri === uri && p.version === 2), 'checked while typing');
    const saved = next(c, uri);
    await c.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    const after = await saved;
    assert.equal(after.version, 2);
    assert.deepEqual(summary(after.diagnostics), ['section-marker@10:2', 'section-numbering@10:1']);
  });

  it('says once which settings it ignored, and checks with the rest', async function () {
    settings = { rules: { 'section-marker': 'off', 'no-such-rule': 'error' }, run: 'sometimes' };
    const c = await start();
    const messages: Array<{ type: number; message: string }> = [];
    c.connection.onNotification('window/showMessage', (params: { type: number; message: string }) => {
      messages.push(params);
    });
    const first = uriOf('a.speech.md');
    const second = uriOf('b.speech.md');
    await c.open(first, FAULTS);
    await c.open(second, FAULTS);
    assert.deepEqual(summary((await c.diagnostics(first)).diagnostics), ['section-numbering@8:1', 'section-numbering@10:1']);
    await c.diagnostics(second);
    assert.deepEqual(messages, [{ type: 2, message: 'speech.rules：未知的规则“no-such-rule”\nspeech.run 应为 "onType" 或 "onSave"' }]);
  });

  it('warns about a control comment naming an unknown rule, on the name', async function () {
    const c = await start();
    const uri = uriOf('faults.speech.md');
    const lines = FAULTS.split('\n');
    lines.splice(8, 0, '<!-- speechlint-disable-next-line section-numbers -->');
    await c.open(uri, lines.join('\n'));
    const { diagnostics } = await c.diagnostics(uri);
    const comment = diagnostics.find((d) => d.code === undefined);
    assert.deepEqual(comment, {
      range: { start: { line: 8, character: 34 }, end: { line: 8, character: 49 } },
      severity: 2,
      source: 'speechlint',
      message: '未知的规则“section-numbers”，此注释对它不起作用',
    });
    // The misspelt id silences nothing.
    assert.deepEqual(summary(diagnostics.filter((d) => d !== comment)), ['section-numbering@9:1', 'section-marker@11:2', 'section-numbering@11:1']);
  });
  describe('a repository’s configuration is not trusted', function () {
    /** Somewhere else on the machine: the user's own file, outside the workspace folder. */
    let outside: string;
    beforeEach(function () {
      outside = fs.mkdtempSync(path.join(os.tmpdir(), 'speechlint-lsp-outside-'));
      fs.writeFileSync(path.join(outside, 'office.json'), '{ "rules": { "section-marker": "off" } }');
      fs.writeFileSync(path.join(outside, 'broken.json'), '{ "rules": { "no-such-rule": "off" } }');
    });
    afterEach(function () {
      fs.rmSync(outside, { recursive: true, force: true });
    });
    const outsideFile = (): string => path.join(outside, 'office.json');
    const outsideUris = (c: LspTestClient): string[] => c.published.map((p) => p.uri).filter((uri) => !uri.startsWith(pathToFileURL(root).href));

    it('refuses "extends" into /proc, a FIFO and a file outside the folder, on the "extends" value, and keeps answering', async function () {
      fs.symlinkSync('/proc/self/pagemap', path.join(root, 'pagemap.json'));
      fs.mkdirSync(path.join(root, 'fifo'));
      execFileSync('mkfifo', [path.join(root, 'fifo', 'pipe.json')]);
      write('proc/.speechlintrc.json', '{ "extends": "/proc/self/status" }');
      write('map/.speechlintrc.json', '{ "extends": "../pagemap.json" }');
      write('fifo/.speechlintrc.json', '{ "extends": "./pipe.json" }');
      write('out/.speechlintrc.json', `{ "extends": ${JSON.stringify(outsideFile())}, "rules": { "section-numbering": "off" } }`);
      const c = await start();
      const messages = async (rel: string): Promise<string[]> => (await c.diagnostics(uriOf(rel))).diagnostics.map((d) => `${d.range.start.character}-${d.range.end.character} ${d.message}`);
      assert.deepEqual(await messages('proc/.speechlintrc.json'), ['13-32 "extends" 只能指向 .json 文件：/proc/self/status']);
      assert.match((await messages('map/.speechlintrc.json'))[0], /^13-30 "extends" 只能指向普通文件，不能是文件夹、设备、管道、套接字或 \/proc、\/sys 下的文件：.*pagemap\.json → \/proc\/\d+\/pagemap$/);
      assert.deepEqual(await messages('fifo/.speechlintrc.json'), [`13-26 "extends" 只能指向普通文件，不能是文件夹、设备、管道、套接字或 /proc、/sys 下的文件：${path.join(root, 'fifo', 'pipe.json')}`]);
      assert.deepEqual(await messages('out/.speechlintrc.json'), [`13-${15 + outsideFile().length} "extends" 指向工作区文件夹之外的文件，只在受信任的工作区中读取：${outsideFile()}`]);
      // The draft is still checked: with the defaults, since a configuration with a fault is never applied half-read.
      const uri = uriOf('out/faults.speech.md');
      await c.open(uri, FAULTS);
      assert.deepEqual(summary((await c.diagnostics(uri)).diagnostics), DEFAULT_SUMMARY);
      assert.ok(Array.isArray(await c.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })));
      assert.deepEqual(outsideUris(c), [], 'published diagnostics for a file outside the workspace');
      assert.equal(await c.stop(), 0);
      client = undefined;
    });

    it('in a trusted workspace follows "extends" outside the folder, telling its faults on the "extends" value only', async function () {
      write('a/.speechlintrc.json', `{ "extends": ${JSON.stringify(outsideFile())} }`);
      const broken = path.join(outside, 'broken.json');
      write('b/.speechlintrc.json', `{ "extends": ${JSON.stringify(broken)} }`);
      const c = await start({ workspaceTrusted: true });
      const uri = uriOf('a/faults.speech.md');
      await c.open(uri, FAULTS);
      assert.deepEqual(summary((await c.diagnostics(uri)).diagnostics), ['section-numbering@8:1', 'section-numbering@10:1']);
      const marked = await c.diagnostics(uriOf('b/.speechlintrc.json'));
      assert.deepEqual(
        marked.diagnostics.map((d) => [d.range.start.character, d.range.end.character, d.message]),
        [[13, 15 + broken.length, `"extends" 引入的 ${broken} 有误：未知的规则“no-such-rule”`]],
      );
      assert.deepEqual(outsideUris(c), []);
    });

    it('in Restricted Mode reads no workspace configuration and searches nothing, until the folder is trusted', async function () {
      write('.speechlintrc.json', { rules: { 'section-numbering': 'off' } });
      write('c/.speechlintrc.json', { extends: './missing.json' });
      write('c/far.speech.md', '# 远方的发言\n\n某县政协主席 赵六\n\n正文。\n');
      settings = { rules: { 'section-marker': 'info' } };
      const c = await start({ workspaceTrusted: false });
      const uri = uriOf('faults.speech.md');
      await c.open(uri, FAULTS);
      // The user's own setting applies; the workspace file that turns section-numbering off does not.
      assert.deepEqual(summary((await c.diagnostics(uri)).diagnostics), ['section-numbering@8:1', 'section-marker@10:3', 'section-numbering@10:1']);
      const speakers = async (): Promise<string[]> => ((await c.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '赵六' })) as SymbolInformation[]).map((s) => s.name);
      assert.deepEqual(await speakers(), [], 'a draft on disk was listed');
      const checked = (await c.connection.sendRequest(ExecuteCommandRequest.type, { command: CHECK_WORKSPACE_COMMAND, arguments: [] })) as CheckResult;
      assert.deepEqual(checked, { files: 0, done: 0, problems: 0, withProblems: 0, cancelled: false, message: '受限模式下不检查整个工作区；信任此文件夹后即可检查' });
      const statistics = (await c.connection.sendRequest(STATISTICS_REQUEST, { textDocument: { uri }, position: { line: 0, character: 0 } })) as StatisticsResult;
      assert.match(statistics.tooltip, /\n\n受限模式：未读取工作区的配置文件（\.speechlintrc\.json），只按默认规则和用户设置检查；信任此文件夹后即按其配置检查$/);
      assert.ok(!c.published.some((p) => p.uri.endsWith('.json')), 'a configuration file was read and marked');

      const rechecked = next(c, uri);
      const marked = next(c, uriOf('c/.speechlintrc.json'));
      await c.connection.sendNotification(WORKSPACE_TRUSTED_NOTIFICATION);
      assert.deepEqual(summary((await rechecked).diagnostics), ['section-marker@10:3']);
      assert.deepEqual((await marked).diagnostics.map((d) => d.message), [`找不到 "extends" 指向的文件：${path.join(root, 'c/missing.json')}`]);
      assert.deepEqual(await speakers(), ['远方的发言（赵六）']);
      const trusted = (await c.connection.sendRequest(STATISTICS_REQUEST, { textDocument: { uri }, position: { line: 0, character: 0 } })) as StatisticsResult;
      assert.doesNotMatch(trusted.tooltip, /受限模式/);
    });

    it('in Restricted Mode speaks English to an English client', async function () {
      client = await LspTestClient.start('en', { settings: () => settings, folders: [pathToFileURL(root).href], initializationOptions: { workspaceTrusted: false } });
      const uri = uriOf('faults.speech.md');
      await client.open(uri, FAULTS);
      const statistics = (await client.connection.sendRequest(STATISTICS_REQUEST, { textDocument: { uri }, position: { line: 0, character: 0 } })) as StatisticsResult;
      assert.match(statistics.tooltip, /\n\nRestricted Mode: the workspace configuration files \(\.speechlintrc\.json\) are not read; drafts are checked with the defaults and user settings until the folder is trusted$/);
    });
  });
});

/** Waits until `condition` holds, failing after `timeoutMs`. */
async function eventually(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
