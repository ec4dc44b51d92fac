/**
 * `--fix` on drafts that are not UTF-8: each is written back in its own
 * encoding, BOM and line endings, and a file whose encoding cannot be told
 * is checked but never written.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import { ensureBuilt } from '../lsp/ensureBuilt';
import { speechlint } from './run';

/** One fixable fault: `(1)` should be `（1）`. */
const DRAFT = '工作报告\r\n\r\n市委办公室主任 张三\r\n\r\n一、加强学习\r\n\r\n(1)做好工作。\r\n';
const FIXED = DRAFT.replace('(1)', '（1）');

describe('speechlint --fix and encodings', function () {
  this.timeout(60_000);
  let tmp: string;
  const at = (name: string) => path.join(tmp, name);
  const run = (args: string[], locale = 'zh-CN') => speechlint(args, { cwd: tmp, env: { SPEECHLINT_LOCALE: locale } });

  before(function () {
    ensureBuilt();
  });

  beforeEach(function () {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'speechlint-encoding-'));
  });

  afterEach(function () {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('fixes a GBK draft and writes it back in GBK, every other byte as it was', function () {
    const gbk = iconv.encode(DRAFT, 'gbk');
    fs.writeFileSync(at('a.speech.txt'), gbk);
    const r = run(['--fix', 'a.speech.txt']);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /^已自动修复 1 处问题。\n/);
    const expected = iconv.encode(FIXED, 'gbk');
    // Checked by hand: `(1)` (28 31 29) became `（1）` (A3 A8 31 A3 A9), 工 is B9 A4, CRLF stays 0D 0A.
    const at7 = gbk.indexOf(Buffer.from([0x28, 0x31, 0x29]));
    assert.deepEqual(expected.subarray(at7, at7 + 5), Buffer.from([0xa3, 0xa8, 0x31, 0xa3, 0xa9]));
    assert.deepEqual(expected.subarray(0, 2), Buffer.from([0xb9, 0xa4]));
    assert.deepEqual(fs.readFileSync(at('a.speech.txt')), expected);
    assert.deepEqual(expected.subarray(0, at7), gbk.subarray(0, at7));
    assert.deepEqual(expected.subarray(at7 + 5), gbk.subarray(at7 + 3));
  });

  for (const [name, encode] of [
    ['UTF-16LE', (text: string) => Buffer.from(`\ufeff${text}`, 'utf16le')],
    ['UTF-16BE', (text: string) => Buffer.from(`\ufeff${text}`, 'utf16le').swap16()],
    ['UTF-8 with a BOM', (text: string) => Buffer.from(`\ufeff${text}`, 'utf8')],
  ] as const) {
    it(`fixes a ${name} draft and writes it back in ${name}, BOM and CRLF kept`, function () {
      fs.writeFileSync(at('a.speech.md'), encode(DRAFT));
      const r = run(['--fix', 'a.speech.md']);
      assert.equal(r.stderr, '');
      assert.equal(r.status, 0);
      assert.deepEqual(fs.readFileSync(at('a.speech.md')), encode(FIXED));
    });
  }

  it('reports positions in UTF-16 units of the text with its BOM, as for UTF-8 with a BOM', function () {
    const report = (bytes: Buffer) => {
      fs.writeFileSync(at('a.speech.md'), bytes);
      return run(['a.speech.md', '--format', 'json']).stdout;
    };
    // The title's `。` is UTF-16 unit 4 of its line, 5 counting the BOM.
    const text = DRAFT.replace('工作报告', '工作报告。');
    const utf16 = JSON.parse(report(Buffer.from(`\ufeff${text}`, 'utf16le')));
    assert.deepEqual(utf16, JSON.parse(report(Buffer.from(`\ufeff${text}`, 'utf8'))));
    const titleForm = utf16[0].diagnostics.find((d: { rule: string }) => d.rule === 'title-form');
    assert.deepEqual(titleForm.range.start, { line: 0, character: 5 });
  });

  it('checks but refuses to fix a file whose encoding cannot be told, naming it and why; exit 2', function () {
    // Valid neither as UTF-8 nor as GB18030 (FF is no GB18030 lead byte).
    const bytes = Buffer.concat([Buffer.from(DRAFT, 'utf8'), Buffer.from([0xff, 0x0a])]);
    fs.writeFileSync(at('a.speech.md'), bytes);
    const r = run(['--fix', 'a.speech.md']);
    assert.equal(r.stderr, 'speechlint: a.speech.md 的编码无法确定（既不是有效的 UTF-8，也不是有效的 GB18030），只检查、未修复；可用 --encoding 指定编码\n');
    assert.match(r.stdout, /^已自动修复 0 处问题。\n/);
    assert.match(r.stdout, /a\.speech\.md:7:1 .*（1）/);
    assert.equal(r.status, 2);
    assert.deepEqual(fs.readFileSync(at('a.speech.md')), bytes);

    const checked = run(['a.speech.md'], 'en');
    assert.equal(checked.stderr, '');
    assert.match(checked.stdout, /a\.speech\.md:7:1 /);
  });

  it('refuses to fix a GB18030 reading that is mostly private-use characters', function () {
    const bytes = Buffer.concat([Buffer.from('(1)', 'ascii'), Buffer.from([0xaa, 0xa1, 0xaa, 0xa2, 0xaa, 0xa3, 0x0a])]);
    fs.writeFileSync(at('a.speech.md'), bytes);
    const r = run(['--fix', 'a.speech.md'], 'en');
    assert.equal(r.stderr, 'speechlint: cannot tell the encoding of a.speech.md (read as GB18030 it is mostly rare or private-use characters): checked but not fixed; name it with --encoding\n');
    assert.equal(r.status, 2);
    assert.deepEqual(fs.readFileSync(at('a.speech.md')), bytes);
  });

  it('--encoding overrides detection: a GBK draft named as gbk is fixed in GBK, named as UTF-8 is refused', function () {
    fs.writeFileSync(at('a.speech.txt'), iconv.encode(DRAFT, 'gbk'));
    const wrong = run(['--fix', '--encoding', 'utf-8', 'a.speech.txt']);
    assert.equal(wrong.stderr, 'speechlint: a.speech.txt 不是有效的 utf-8 文本\n');
    assert.equal(wrong.status, 2);
    assert.deepEqual(fs.readFileSync(at('a.speech.txt')), iconv.encode(DRAFT, 'gbk'));
    const right = run(['--fix', '--encoding=GBK', 'a.speech.txt']);
    assert.equal(right.stderr, '');
    assert.deepEqual(fs.readFileSync(at('a.speech.txt')), iconv.encode(FIXED, 'gbk'));
  });

  it('refuses an unknown --encoding as bad usage', function () {
    const r = run(['--encoding', 'big5', 'a.speech.md'], 'en');
    assert.equal(r.stderr, 'speechlint: unsupported encoding "big5"; use utf-8, utf-16le, utf-16be, gb18030 or gbk\nRun speechlint --help for usage.\n');
    assert.equal(r.status, 2);
  });

  it('documents --encoding and --force in --help, in both languages', function () {
    const zh = run(['--help']).stdout;
    assert.match(zh, /--encoding <编码> +按此编码读写发言稿，不再自动识别：utf-8、utf-16le、utf-16be、\n +gb18030、gbk\n/);
    assert.ok(zh.includes('输出文件已存在时不覆盖，加 --force 才替换'));
    const en = run(['--help'], 'en').stdout;
    assert.match(en, /--encoding <name> +read and write drafts in this encoding instead of telling it from\n +the bytes: utf-8, utf-16le, utf-16be, gb18030, gbk\n/);
    assert.ok(en.includes('An existing output is never replaced without --force'));
  });

  it('exports a GBK draft with its Chinese intact', function () {
    fs.writeFileSync(at('a.speech.txt'), iconv.encode(FIXED, 'gbk'));
    const r = run(['export', 'a.speech.txt']);
    assert.equal(r.status, 0, r.stderr);
    const back = run(['import', 'a.docx', '-o', 'back.speech.md']);
    assert.equal(back.status, 0, back.stderr);
    assert.match(fs.readFileSync(at('back.speech.md'), 'utf8'), /市委办公室主任 张三[\s\S]*做好工作。/);
  });
});
