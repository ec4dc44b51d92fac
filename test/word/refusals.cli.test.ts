/**
 * `speechlint import` refusing hostile files as a user runs it: the built CLI
 * in a child process, with the default limits.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI, speechlint } from '../cli/run';
import { ensureBuilt } from '../lsp/ensureBuilt';
import { bombDocx, DOCUMENT_END, DOCUMENT_START, entry, oleFile, packageParts, paragraph, zip } from './hostile';

describe('speechlint import refuses hostile files', function () {
  this.timeout(60_000);
  let tmp: string;

  before(function () {
    ensureBuilt();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-docx-bounds-'));
  });

  after(function () {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('a 200 MB zip bomb, under a 300 MB heap: exit 2, "part too large", nothing written', function () {
    fs.writeFileSync(path.join(tmp, 'bomb.docx'), bombDocx(200));
    const env = { PATH: process.env.PATH ?? '', SPEECHLINT_LOCALE: 'zh-CN' };
    const r = spawnSync(process.execPath, ['--max-old-space-size=300', CLI, 'import', 'bomb.docx'], { cwd: tmp, env, encoding: 'utf8' });
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stderr, 'speechlint: bomb.docx：文件中的“word/document.xml”解压后超过 64 MB，不像正常的 Word 文档，已拒绝\n');
    assert.ok(!fs.existsSync(path.join(tmp, 'bomb.speech.md')));
    const en = spawnSync(process.execPath, ['--max-old-space-size=300', CLI, 'import', 'bomb.docx'], { cwd: tmp, env: { ...env, SPEECHLINT_LOCALE: 'en' }, encoding: 'utf8' });
    assert.equal(en.status, 2);
    assert.equal(en.stderr, 'speechlint: bomb.docx: Its part "word/document.xml" inflates to more than 64 MB, which no ordinary Word document does; refused\n');
  });

  it('names each cause: encrypted, old .doc, damaged, too deep', function () {
    const files: Record<string, Buffer> = {
      'locked.docx': oleFile(['EncryptionInfo', 'EncryptedPackage']),
      'old.docx': oleFile(['WordDocument', '1Table']),
      'cut.docx': zip([...packageParts(), entry('word/document.xml', DOCUMENT_START + paragraph('正文。') + DOCUMENT_END)]).subarray(0, 200),
      'deep.docx': zip([...packageParts(), entry('word/document.xml', DOCUMENT_START + '<w:x>'.repeat(10_000) + '</w:x>'.repeat(10_000) + DOCUMENT_END)]),
    };
    for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(tmp, name), bytes);
    const stderr = (name: string, locale: string) => {
      const r = speechlint(['import', name], { cwd: tmp, env: { SPEECHLINT_LOCALE: locale } });
      assert.equal(r.status, 2, name);
      assert.ok(!fs.existsSync(path.join(tmp, name.replace('.docx', '.speech.md'))), name);
      return r.stderr;
    };
    assert.equal(stderr('locked.docx', 'zh-CN'), 'speechlint: locked.docx：文档设有打开密码（已加密），无法导入；请在 Word 中取消密码，另存一份后再导入\n');
    assert.equal(stderr('locked.docx', 'en'), 'speechlint: locked.docx: The document is password-protected (encrypted); remove the password in Word, save a copy and import that\n');
    assert.equal(stderr('old.docx', 'zh-CN'), 'speechlint: old.docx：这是旧版 Word 的 .doc 文件；请先在 Word 中另存为 .docx 再导入\n');
    assert.equal(stderr('cut.docx', 'zh-CN'), 'speechlint: cut.docx：文件已损坏或不完整（zip 压缩包结构有误或被截断），请重新获取原文件\n');
    assert.equal(stderr('deep.docx', 'en'), 'speechlint: deep.docx: Its part "word/document.xml" nests elements more than 256 deep, which no ordinary Word document does; refused\n');
  });

  it('a zip entry named ../../x writes nothing outside: only the draft is written', function () {
    const inner = path.join(tmp, 'a', 'b');
    fs.mkdirSync(inner, { recursive: true });
    const parts = [...packageParts(), entry('word/document.xml', DOCUMENT_START + paragraph('正文。') + DOCUMENT_END), entry('../../x', 'escaped')];
    fs.writeFileSync(path.join(inner, 'in.docx'), zip(parts));
    const r = speechlint(['import', 'in.docx'], { cwd: inner });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(fs.readdirSync(inner).sort(), ['in.docx', 'in.speech.md']);
    assert.equal(fs.readFileSync(path.join(inner, 'in.speech.md'), 'utf8'), '正文。\n');
    assert.ok(!fs.existsSync(path.join(tmp, 'x')));
  });
});
