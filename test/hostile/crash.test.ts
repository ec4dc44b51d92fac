/**
 * The server outlives faults: a request whose params make its handler throw
 * is answered (null or an error response) and logged, and an exception or a
 * rejected promise that escapes every handler is logged to the client (the
 * output channel) while the server goes on answering and checking.
 *
 * No real input reaches an uncaught exception today (every handler is
 * guarded), so one is injected from outside the product: a preload module
 * (fixtures/fault-on-signal.cjs, via NODE_OPTIONS) throws inside the server
 * process when it receives SIGUSR2.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { DocumentSymbolRequest, FoldingRangeRequest, type DocumentSymbol } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../lsp/lspClient';

const URI = 'untitled:crash.speech.md';
const DRAFT = '### 标题\n\n某市政协主席 张三\n\n导语。\n\n一、第一部分。正文。\n\n三、第二部分。正文。\n';
const PRELOAD = path.join(__dirname, 'fixtures', 'fault-on-signal.cjs');

/** Polls until `accept` holds; fails after `timeoutMs`. */
async function until(accept: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!accept()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('server fault handling', function () {
  this.timeout(60_000);
  let client: LspTestClient;

  beforeEach(async function () {
    const saved = process.env.NODE_OPTIONS;
    process.env.NODE_OPTIONS = `${saved ?? ''} --require ${JSON.stringify(PRELOAD)}`.trim();
    try {
      client = await LspTestClient.start('en');
    } finally {
      if (saved === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = saved;
    }
    await client.open(URI, DRAFT);
    await client.diagnostics(URI);
  });

  afterEach(async function () {
    if (client.process.exitCode === null && client.process.signalCode === null) assert.equal(await client.stop(), 0);
  });

  it('answers requests whose params make the handler throw, logs the failure, and keeps answering', async function () {
    const logged = client.log.length;
    const nothing = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: null } as never);
    assert.equal(nothing, null);
    assert.ok(client.log.slice(logged).some((line) => /outline failed: TypeError/.test(line)), `not logged:\n${client.log.join('\n')}`);
    await assert.rejects(client.connection.sendRequest(FoldingRangeRequest.method, null), 'params of null should get an error response');
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: URI } })) as DocumentSymbol[];
    assert.equal(symbols[0].name, '标题');
  });

  it('logs an uncaught exception and an unhandled rejection to the client and goes on checking', async function () {
    const logged = client.log.length;
    client.process.kill('SIGUSR2');
    const fresh = (): string[] => client.log.slice(logged);
    await until(() => fresh().some((l) => /uncaught exception .*injected uncaught exception/s.test(l)), 'the uncaught exception in the log');
    await until(() => fresh().some((l) => /unhandled promise rejection .*injected unhandled rejection/s.test(l)), 'the unhandled rejection in the log');
    assert.equal(client.process.exitCode, null, 'the server exited');

    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: URI } })) as DocumentSymbol[];
    assert.equal(symbols[0].name, '标题');
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: 8, character: 0 }, end: { line: 8, character: 1 } }, text: '二' }],
    });
    const { diagnostics } = await client.diagnostics(URI, (p) => p.version === 2);
    assert.deepEqual(diagnostics.filter((d) => d.code === 'section-numbering'), [], 'the fixed numbering is still reported');
  });
});
