/**
 * When the language server checks a draft that is being typed into (issue
 * 18): a burst of edits ends in one publish, of the final version; a version
 * is never published after a newer one; a check that a newer edit overtakes
 * is dropped, not published. Observed over stdio by the versions and the
 * contents of the `publishDiagnostics` messages, never by timing.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import { CheckCosts } from '../../server/src/checkScheduler';
import { ROOT } from './ensureBuilt';
import { LspTestClient } from './lspClient';

const SEED = fs.readFileSync(path.join(ROOT, 'test/fixtures/corpus/000_0f1e9368376be244.txt'), 'utf8');

/** A diagnostic without the version its quick fix was computed for, to compare two versions' findings. */
const finding = (d: Diagnostic): string => JSON.stringify({ code: d.code, range: d.range, message: d.message, fix: (d.data as { fix?: unknown } | undefined)?.fix });

/** One-character edits spread over the draft's body lines: `的` typed at the start of every `step`-th long line. */
function edits(text: string, count: number, step: number): TextDocumentContentChangeEvent[] {
  const lines = text.split('\n');
  const body = lines.flatMap((l, i) => (l.length >= 40 && !l.startsWith('#') ? [i] : []));
  return Array.from({ length: count }, (_, k) => {
    const at = { line: body[(k * step) % body.length], character: 2 };
    return { range: { start: at, end: at }, text: '的' };
  });
}

describe('check scheduling in the language server', function () {
  this.timeout(120_000);
  let client: LspTestClient | undefined;

  afterEach(async function () {
    await client?.stop();
    client = undefined;
  });

  /** Sends `changes` as versions 2, 3, …, pausing (without a timer) after every `pauseEvery`-th; returns the final text. */
  async function type(c: LspTestClient, uri: string, text: string, changes: readonly TextDocumentContentChangeEvent[], pauseEvery = Infinity): Promise<TextDocument> {
    const model = TextDocument.create(uri, 'speech', 1, text);
    const sent: Array<Promise<void>> = [];
    for (const change of changes) {
      const version = model.version + 1;
      TextDocument.update(model, [change], version);
      sent.push(c.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] }));
      if (version % pauseEvery === 0) {
        await Promise.all(sent.splice(0));
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    await Promise.all(sent);
    return model;
  }

  /** The diagnostics of `text` opened afresh in another document: what a check of the final version must publish. */
  async function fresh(c: LspTestClient, uri: string, text: string): Promise<string[]> {
    const other = `${uri}.fresh.speech.md`;
    await c.open(other, text);
    return (await c.diagnostics(other, () => true, 60_000)).diagnostics.map(finding);
  }

  const versionsOf = (c: LspTestClient, uri: string): Array<number | undefined> => c.published.filter((p) => p.uri === uri).map((p) => p.version);

  it('ends a burst of edits sent at once in one publish, of the final version', async function () {
    const c = (client = await LspTestClient.start('zh-cn'));
    const uri = 'untitled:burst.speech.md';
    await c.open(uri, SEED);
    await c.diagnostics(uri, (p) => p.version === 1, 30_000);
    const model = await type(c, uri, SEED, edits(SEED, 12, 3));
    const last: PublishDiagnosticsParams = await c.diagnostics(uri, (p) => p.version === model.version, 30_000);
    const expected = await fresh(c, uri, model.getText());
    assert.deepEqual(versionsOf(c, uri), [1, model.version], 'the burst was checked more than once, or an older version was published');
    assert.deepEqual(last.diagnostics.map(finding), expected, 'the publish does not hold the final text’s findings');
  });

  it('never publishes a version after a newer one while edits keep coming', async function () {
    const c = (client = await LspTestClient.start('zh-cn'));
    const uri = 'untitled:typing.speech.md';
    // Some 300,000 characters: a check long enough to be overtaken by the next edits.
    const text = `${SEED.trimEnd()}\n\n`.repeat(20);
    await c.open(uri, text);
    await c.diagnostics(uri, (p) => p.version === 1, 60_000);
    const model = await type(c, uri, text, edits(text, 30, 17), 3);
    const last = await c.diagnostics(uri, (p) => p.version === model.version, 60_000);
    // Another draft checked after it: by then any check of an older version has had its turns and must have given up.
    const expected = await fresh(c, uri, model.getText());
    const versions = versionsOf(c, uri);
    assert.deepEqual(
      versions.filter((v, i) => i > 0 && v! <= versions[i - 1]!),
      [],
      `versions published out of order: ${versions.join(', ')}`,
    );
    assert.equal(versions[versions.length - 1], model.version, `the last publish is not of the final version: ${versions.join(', ')}`);
    assert.deepEqual(last.diagnostics.map(finding), expected, 'the final publish does not hold the final text’s findings');
  });

  it('publishes only the newer version when an edit overtakes a long check', async function () {
    const c = (client = await LspTestClient.start('zh-cn'));
    const uri = 'untitled:overtaken.speech.md';
    // Some 3 million characters: its check is still running when the edit below arrives.
    const big = `${SEED.trimEnd()}\n\n`.repeat(200);
    await c.open(uri, big);
    // Answered between two slices of that check (or before it began): either way the edit then comes while version 1 is unpublished.
    await c.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: 'untitled:absent.speech.md' } });
    await c.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: SEED }] });
    const second = await c.diagnostics(uri, (p) => p.version === 2, 60_000);
    const expected = await fresh(c, uri, SEED);
    assert.deepEqual(versionsOf(c, uri), [2], 'the overtaken version 1 was published');
    assert.deepEqual(second.diagnostics.map(finding), expected);
  });
});

describe('CheckCosts', function () {
  it('checks a draft never checked, or cheap to check, at once', function () {
    const costs = new CheckCosts();
    assert.equal(costs.delayAfterEdit('a'), 0);
    costs.record('a', 3, true);
    assert.equal(costs.delayAfterEdit('a'), 0);
  });

  it('waits as long as an expensive check took, never longer than the old fixed debounce', function () {
    const costs = new CheckCosts();
    costs.record('a', 80, true);
    assert.equal(costs.delayAfterEdit('a'), 80);
    costs.record('a', 900, true);
    assert.equal(costs.delayAfterEdit('a'), 150);
    assert.equal(costs.delayAfterEdit('b'), 0, 'one draft’s cost leaked to another');
  });

  it('takes a dropped check’s work as a floor, and a finished check’s as the new cost', function () {
    const costs = new CheckCosts();
    costs.record('a', 80, true);
    costs.record('a', 40, false);
    assert.equal(costs.delayAfterEdit('a'), 80, 'a check dropped early lowered the cost');
    costs.record('a', 120, false);
    assert.equal(costs.delayAfterEdit('a'), 120);
    costs.record('a', 5, true);
    assert.equal(costs.delayAfterEdit('a'), 0);
    costs.record('a', 90, true);
    costs.forget('a');
    assert.equal(costs.delayAfterEdit('a'), 0, 'a closed draft kept its cost');
  });
});
