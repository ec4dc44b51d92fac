/**
 * The server's Import from Word command given hostile files, over stdio as
 * the VS Code client calls it: it answers with the cause, and goes on
 * answering.
 */
import assert from 'node:assert/strict';
import { ExecuteCommandRequest } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../lsp/lspClient';
import { bombDocx, docx, DOCUMENT_END, DOCUMENT_START, oleFile, paragraph } from './hostile';

describe('Import from Word over LSP refuses hostile files', function () {
  this.timeout(60_000);

  for (const [locale, bomb, locked] of [
    ['zh-CN', '文件中的“word/document.xml”解压后超过 64 MB，不像正常的 Word 文档，已拒绝', '文档设有打开密码（已加密），无法导入；请在 Word 中取消密码，另存一份后再导入'],
    ['en', 'Its part "word/document.xml" inflates to more than 64 MB, which no ordinary Word document does; refused', 'The document is password-protected (encrypted); remove the password in Word, save a copy and import that'],
  ] as const) {
    it(`answers a 200 MB zip bomb with the cause, then goes on answering (${locale})`, async function () {
      const client = await LspTestClient.start(locale);
      try {
        const importWord = (bytes: Buffer) => client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'speech.server.importWord', arguments: [{ docx: bytes.toString('base64') }] });
        assert.deepEqual(await importWord(bombDocx(200)), { error: bomb });
        assert.deepEqual(await importWord(oleFile(['EncryptionInfo', 'EncryptedPackage'])), { error: locked });
        const after = (await importWord(docx(DOCUMENT_START + paragraph('关于基层协商的发言') + paragraph('某县政协主席 王小明') + DOCUMENT_END))) as { text: string };
        assert.equal(after.text, '# 关于基层协商的发言\n\n某县政协主席 王小明\n');
      } finally {
        assert.equal(await client.stop(), 0);
      }
    });
  }
});
