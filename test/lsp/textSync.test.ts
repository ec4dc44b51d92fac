/**
 * The server's copy of a draft follows edits whose ranges lie past the end of
 * the text, as the protocol reads them (the end), and places the edits after
 * them as the editor does. Found by the protocol fuzzer (seed 838377583): the
 * text library's line table went wrong after such an edit, and the server
 * published diagnostics of a text the editor never had.
 */
import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspTestClient } from './lspClient';

const URI = 'untitled:sync.speech.md';
const TIMEOUT_MS = 15_000;

const halfwidthColons = (diagnostics: readonly Diagnostic[]): number => diagnostics.filter((d) => d.code === 'halfwidth-punctuation' && String(d.message).includes(':')).length;

describe('text sync of the language server', function () {
  this.timeout(60_000);

  it('places an edit after one whose range lies past the last line where the editor places it', async function () {
    const client = await LspTestClient.start('zh-cn');
    try {
      await client.open(URI, '甲:\n乙', 1);
      await client.diagnostics(URI, (p) => p.version === 1, TIMEOUT_MS);
      // Lines 3 to 4 of a two-line text: the end, where a line break goes; then line 2, the line that break made.
      await client.notify('textDocument/didChange', {
        textDocument: { uri: URI, version: 2 },
        contentChanges: [
          { range: { start: { line: 3, character: 0 }, end: { line: 4, character: 0 } }, text: '\n' },
          { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '丙' },
        ],
      });
      const published = await client.diagnostics(URI, (p) => p.version === 2, TIMEOUT_MS);
      assert.equal(halfwidthColons(published.diagnostics), 1, 'the text holds one half-width colon');

      const freshUri = `${URI}.fresh`;
      await client.open(freshUri, '甲:\n乙\n丙', 2);
      const fresh = await client.diagnostics(freshUri, (p) => p.version === 2, TIMEOUT_MS);
      assert.deepEqual(published.diagnostics, fresh.diagnostics);
    } finally {
      await client.stop();
    }
  });
});
