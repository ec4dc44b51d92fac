/**
 * Huge drafts over LSP: the server stays up and answers, and what it publishes
 * last is the draft's latest version. The times are measured and printed, not
 * asserted (a generous bound only catches hangs): how long a small draft's
 * outline waits while a 10 MB draft is being checked is the number issue 8's
 * responsiveness work has to bring down.
 */
import * as assert from 'node:assert/strict';
import { DocumentSymbolRequest, type DocumentSymbol } from 'vscode-languageserver-protocol/node';
import { HOSTILE_INPUTS } from './inputs';
import { LspTestClient } from '../lsp/lspClient';

const HANG_BOUND_MS = 120_000;
const BIG_URI = 'untitled:huge.speech.md';
const SMALL_URI = 'untitled:small.speech.md';
const SMALL = '### 标题\n\n某市政协主席 张三\n\n导语。\n\n一、第一部分。正文。\n\n二、第二部分。正文。\n';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

describe('hostile and huge drafts over LSP', function () {
  this.timeout(HANG_BOUND_MS + 30_000);
  let client: LspTestClient;

  beforeEach(async function () {
    client = await LspTestClient.start('zh-cn');
  });

  afterEach(async function () {
    if (client.process.exitCode === null) assert.equal(await client.stop(), 0, 'the server did not exit cleanly');
  });

  it('answers an outline request for a small draft while a 10 MB draft is being checked, and then publishes the big one', async function () {
    const big = HOSTILE_INPUTS['a 10 MB single line of real prose'].build();
    await client.open(SMALL_URI, SMALL);
    await client.diagnostics(SMALL_URI);
    const opened = Date.now();
    await client.open(BIG_URI, big);
    // Give the server time to start on the big draft before asking about the small one.
    await new Promise((r) => setTimeout(r, 200));
    const asked = Date.now();
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: SMALL_URI } })) as DocumentSymbol[];
    const answered = Date.now();
    await client.diagnostics(BIG_URI, () => true, HANG_BOUND_MS);
    const published = Date.now();
    console.log(`      outline of the small draft answered after ${seconds(answered - asked)}; the 10 MB draft's diagnostics came ${seconds(published - opened)} after it was opened`);
    assert.equal(symbols[0]?.name, '标题');
    assert.equal(client.process.exitCode, null);
  });

  it('publishes last the diagnostics of the latest version when a 2 MB draft is edited during its check', async function () {
    const text = HOSTILE_INPUTS['a 10 MB single line of real prose'].build().slice(0, 2 * 2 ** 20);
    const opened = Date.now();
    await client.open(BIG_URI, text, 1);
    for (let version = 2; version <= 4; version++) {
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: BIG_URI, version },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '政' }],
      });
    }
    await client.diagnostics(BIG_URI, (p) => p.version === 4, HANG_BOUND_MS);
    const latest = Date.now();
    // Anything still queued would arrive within a debounce period or two.
    await new Promise((r) => setTimeout(r, 1000));
    const versions = client.published.filter((p) => p.uri === BIG_URI).map((p) => p.version);
    console.log(`      versions published, in order: ${versions.join(', ')}; version 4 published ${seconds(latest - opened)} after the open`);
    assert.equal(versions[versions.length - 1], 4, 'a stale result was published after the latest one');
    assert.deepEqual(versions, [...versions].sort((a, b) => a! - b!), 'versions went backwards');
  });

  it('stays up through drafts of 100,000 unclosed brackets, control characters and lone surrogates', async function () {
    const names = ['100,000 unclosed （', 'a 1 MB line of control and format characters', 'a 1 MB line of lone and reversed surrogates', '100,000 empty lines'];
    for (const [i, name] of names.entries()) {
      const uri = `untitled:hostile-${i}.speech.md`;
      const started = Date.now();
      await client.open(uri, HOSTILE_INPUTS[name].build());
      const { diagnostics } = await client.diagnostics(uri, () => true, HANG_BOUND_MS);
      const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
      console.log(`      ${name}: ${diagnostics.length} diagnostics in ${seconds(Date.now() - started)}`);
      assert.ok(Array.isArray(symbols), `${name}: no outline`);
    }
    assert.equal(client.process.exitCode, null);
  });
});
