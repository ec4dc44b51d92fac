/**
 * The `typo` rule's statistical tier in the language server (issue 21, tier
 * 3): a second phase after the first diagnostics are published, dropped when
 * a newer edit comes. Observed over stdio by the order of the
 * `publishDiagnostics` messages, never by timing.
 */
import assert from 'node:assert/strict';
import { DiagnosticSeverity, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from './lspClient';

/** A published sentence (People's Daily, January 2020) with `安装` misspelt `按装`, which the statistical tier finds. */
const PLANTED = '此外，北京市和中科院共建的5个第一批交叉研究平台土建工程全部完工，进入科研设备按装阶段。';
const DRAFT = `# 交流发言\n\n　　${PLANTED}\n`;
const STATISTICAL_ON = { rules: { typo: ['warning', { level: ['list', 'idiom', 'statistical'] }] } };

const isStatistical = (d: Diagnostic): boolean => d.code === 'typo' && d.severity === DiagnosticSeverity.Information;
const statistical = (p: PublishDiagnosticsParams): Diagnostic[] => p.diagnostics.filter(isStatistical);
const key = (d: Diagnostic): string => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`;

describe('typo statistical tier in the language server', function () {
  this.timeout(60_000);
  let client: LspTestClient | undefined;

  afterEach(async function () {
    await client?.stop();
    client = undefined;
  });

  it('publishes the cheap rules first, then adds the statistical findings in a second message', async function () {
    const c = (client = await LspTestClient.start('zh-cn', { settings: () => STATISTICAL_ON }));
    const uri = 'file:///tmp/statistical-phase.speech.md';
    await c.open(uri, DRAFT);
    const second = await c.diagnostics(uri, (p) => statistical(p).length > 0, 30_000);
    const mine = c.published.filter((p) => p.uri === uri);
    const first = mine[0];
    assert.notEqual(first, second, 'the statistical findings came in the first message: the second phase held it up');
    assert.deepEqual(statistical(first), [], 'the first message already had statistical findings');
    assert.equal(first.version, 1);
    assert.equal(second.version, 1);
    // The second message is the first one plus the statistical finding on `按`.
    const line = 2;
    const at = `　　${PLANTED}`.indexOf('按装');
    assert.deepEqual(statistical(second).map((d) => [d.range.start.line, d.range.start.character, d.range.end.character]), [[line, at, at + 1]]);
    assert.match(String(statistical(second)[0].message), /“按装”疑为“安装”之误/);
    assert.deepEqual(second.diagnostics.filter((d) => !isStatistical(d)).map(key), first.diagnostics.map(key));
  });

  it('drops the second phase of a version a newer edit replaced', async function () {
    const c = (client = await LspTestClient.start('zh-cn', { settings: () => STATISTICAL_ON }));
    const uri = 'file:///tmp/statistical-cancel.speech.md';
    // Long enough that its second phase is still running when the edit below arrives.
    const long = `# 交流发言\n\n${`　　${PLANTED}\n\n`.repeat(1500)}`;
    await c.open(uri, long);
    await c.diagnostics(uri, (p) => p.version === 1, 30_000);
    await c.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: DRAFT }] });
    const second = await c.diagnostics(uri, (p) => p.version === 2 && statistical(p).length > 0, 30_000);
    const mine = c.published.filter((p) => p.uri === uri);
    assert.deepEqual(
      mine.filter((p) => p.version === 1).map((p) => statistical(p).length),
      [0],
      'version 1 got a second-phase message after a newer edit',
    );
    const v2 = mine.filter((p) => p.version === 2);
    assert.equal(statistical(v2[0]).length, 0, 'version 2 published its statistical findings before the cheap rules');
    assert.equal(v2[v2.length - 1], second);
  });
});
