/**
 * `speechlint import` of older formats (.doc, .wps, .odt, .rtf) through
 * LibreOffice. The files LibreOffice wrote are converted by the real soffice
 * (skipped, saying so, where it is not installed); the routing of .wps (which
 * LibreOffice cannot write), a missing soffice, a conversion that fails and one
 * that hangs are played by a stand-in soffice script.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConversionError, convertToDocx, findSoffice } from '../../server/src/word/convert';
import { speechlint } from '../cli/run';
import { oleFile } from './hostile';
import { assertSameDraft, REAL } from './realFixtures';

const soffice = findSoffice();
const posix = process.platform !== 'win32';

/** A folder with a stand-in `soffice` running `body` (sh), and the folder for what it records. */
function fakeSoffice(tmp: string, body: string): string {
  const bin = path.join(tmp, 'bin');
  fs.mkdirSync(bin, { recursive: true });
  fs.writeFileSync(path.join(bin, 'soffice'), `#!/bin/sh\nPATH=/usr/bin:/bin\n${body}\n`, { mode: 0o755 });
  return bin;
}

/** Arguments as the stand-in recorded them, one per line. */
const RECORD_ARGS = (file: string) => `printf '%s\\n' "$@" > '${file}'`;
/** The stand-in's conversion: the fixture's .docx, under the input's name, in the --outdir folder. */
const WRITE_DOCX = `out=""; prev=""; last=""
for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; last="$a"; done
base=$(basename "$last"); mkdir -p "$out" && cp '${path.join(REAL, 'older.docx')}' "$out/\${base%.*}.docx"`;

function gone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

describe('speechlint import of older formats through LibreOffice', function () {
  this.timeout(300_000);
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'speechlint-convert-test-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  describe(soffice ? 'files LibreOffice wrote, converted by soffice' : 'files LibreOffice wrote — SKIPPED: LibreOffice (soffice) is not on PATH', () => {
    for (const format of ['doc', 'rtf', 'odt']) {
      it(`.${format}: the draft reads as written, with no notes`, function () {
        if (!soffice) this.skip();
        fs.copyFileSync(path.join(REAL, `older.${format}`), path.join(tmp, `-发言.${format}`));
        // A name starting with "-" must not reach soffice as an option.
        const r = speechlint(['import', `./-发言.${format}`], { cwd: tmp, env: { SPEECHLINT_LOCALE: 'zh-CN', PATH: process.env.PATH ?? '' } });
        assert.equal(r.status, 0, r.stderr);
        assert.equal(r.stderr, '');
        assertSameDraft(fs.readFileSync(path.join(tmp, '-发言.speech.md'), 'utf8'), 'older.expected.md');
      });
    }
  });

  describe(soffice ? 'an old .doc renamed .docx, converted by soffice' : 'an old .doc renamed .docx — SKIPPED: LibreOffice (soffice) is not on PATH', () => {
    it('is read as the .doc it is', function () {
      if (!soffice) this.skip();
      fs.copyFileSync(path.join(REAL, 'older.doc'), path.join(tmp, '发言.docx'));
      const r = speechlint(['import', '发言.docx'], { cwd: tmp, env: { SPEECHLINT_LOCALE: 'zh-CN', PATH: process.env.PATH ?? '' } });
      assert.equal(r.status, 0, r.stderr);
      assertSameDraft(fs.readFileSync(path.join(tmp, '发言.speech.md'), 'utf8'), 'older.expected.md');
    });
  });

  describe('routing and failures, with a stand-in soffice', function () {
    before(function () {
      if (!posix) this.skip();
    });

    it('.wps (which LibreOffice cannot write) goes to soffice --headless --convert-to docx with a profile of its own, in a folder removed afterwards', () => {
      const args = path.join(tmp, 'args');
      const bin = fakeSoffice(tmp, `${RECORD_ARGS(args)}\n${WRITE_DOCX}`);
      fs.writeFileSync(path.join(tmp, '发言.wps'), 'bytes of a WPS file');
      const r = speechlint(['import', '发言.wps'], { cwd: tmp, env: { SPEECHLINT_LOCALE: 'zh-CN', PATH: bin } });
      assert.equal(r.status, 0, r.stderr);
      assertSameDraft(fs.readFileSync(path.join(tmp, '发言.speech.md'), 'utf8'), 'older.expected.md');
      const given = fs.readFileSync(args, 'utf8').trimEnd().split('\n');
      const profile = given.find((a) => a.startsWith('-env:UserInstallation=file://'));
      assert.ok(profile, given.join(' '));
      assert.deepEqual(given.slice(1, 5), ['--headless', '--norestore', '--convert-to', 'docx']);
      const input = given[given.length - 1];
      assert.equal(path.basename(input), 'source.wps');
      assert.equal(path.dirname(input), path.dirname(given[given.indexOf('--outdir') + 1]));
      assert.ok(!fs.existsSync(path.dirname(input)), 'the temporary folder is removed');
    });

    it('an old .doc renamed .docx: converted as a .doc when soffice is there, refused as an old .doc when it is not or cannot read it', () => {
      const bin = fakeSoffice(tmp, WRITE_DOCX);
      const empty = path.join(tmp, 'empty');
      fs.mkdirSync(empty);
      fs.writeFileSync(path.join(tmp, '发言.docx'), oleFile(['WordDocument']));
      const converted = speechlint(['import', '发言.docx'], { cwd: tmp, env: { SPEECHLINT_LOCALE: 'en', PATH: bin } });
      assert.equal(converted.status, 0, converted.stderr);
      assertSameDraft(fs.readFileSync(path.join(tmp, '发言.speech.md'), 'utf8'), 'older.expected.md');
      const refused = speechlint(['import', '发言.docx', '-o', 'again.speech.md'], { cwd: tmp, env: { SPEECHLINT_LOCALE: 'en', PATH: empty } });
      assert.equal(refused.status, 2);
      assert.equal(refused.stderr, 'speechlint: 发言.docx: This is an old Word .doc file; save it as .docx in Word first, then import that\n');
      // LibreOffice cannot read it either: the same refusal, not LibreOffice's words.
      const failing = fakeSoffice(path.join(tmp, 'failing'), `echo 'Error: source file could not be loaded' >&2`);
      const unread = speechlint(['import', '发言.docx', '-o', 'again.speech.md'], { cwd: tmp, env: { SPEECHLINT_LOCALE: 'en', PATH: failing } });
      assert.equal(unread.status, 2);
      assert.equal(unread.stderr, refused.stderr);
    });

    it('without soffice: exit 2, saying what to install, in Chinese and English; nothing written', () => {
      const empty = path.join(tmp, 'empty');
      fs.mkdirSync(empty);
      fs.writeFileSync(path.join(tmp, '发言.doc'), 'bytes of a .doc file');
      const zh = speechlint(['import', '发言.doc'], { cwd: tmp, env: { SPEECHLINT_LOCALE: 'zh-CN', PATH: empty } });
      assert.equal(zh.status, 2);
      assert.equal(
        zh.stderr,
        'speechlint: 发言.doc：导入 .doc 文件需要先用 LibreOffice 转换为 .docx，但未找到 soffice 命令；请安装 LibreOffice（如 Debian/Ubuntu：apt install libreoffice-writer），或在 Word、WPS 中另存为 .docx 后再导入\n',
      );
      const en = speechlint(['import', '发言.doc'], { cwd: tmp, env: { SPEECHLINT_LOCALE: 'en', PATH: empty } });
      assert.equal(en.status, 2);
      assert.match(en.stderr, /^speechlint: 发言\.doc: importing a \.doc file needs LibreOffice to convert it to \.docx, and no soffice command was found; install LibreOffice/);
      assert.ok(!fs.existsSync(path.join(tmp, '发言.speech.md')));
    });

    it('a file soffice cannot convert (it exits 0 and writes nothing): exit 2 with its error line', () => {
      const bin = fakeSoffice(tmp, `echo 'Warning: failed to launch javaldx - java may not function correctly' >&2; echo 'Error: source file could not be loaded' >&2`);
      fs.writeFileSync(path.join(tmp, '发言.rtf'), 'not really rtf');
      const r = speechlint(['import', '发言.rtf'], { cwd: tmp, env: { SPEECHLINT_LOCALE: 'en', PATH: bin } });
      assert.equal(r.status, 2);
      assert.equal(r.stderr, 'speechlint: 发言.rtf: LibreOffice could not convert this file (it may be damaged, or not a .rtf file): Error: source file could not be loaded\n');
    });

    it('a conversion past its time limit is killed, with what it started, and its folder removed', async () => {
      const pids = path.join(tmp, 'pids');
      const args = path.join(tmp, 'args');
      const bin = fakeSoffice(tmp, `${RECORD_ARGS(args)}\nsleep 600 &\necho $$ $! > '${pids}'\nwait`);
      await assert.rejects(convertToDocx(Buffer.from('x'), '.doc', path.join(bin, 'soffice'), 1_000), (error: unknown) => error instanceof ConversionError && error.kind === 'timeout');
      const [shell, sleeper] = fs.readFileSync(pids, 'utf8').trim().split(' ').map(Number);
      // A killed process is gone once reaped: wait for that, not for a time.
      for (let i = 0; i < 100 && !(gone(shell) && gone(sleeper)); i++) await new Promise((resolve) => setTimeout(resolve, 50));
      assert.ok(gone(shell), 'soffice stand-in killed');
      assert.ok(gone(sleeper), 'its child killed');
      const input = fs.readFileSync(args, 'utf8').trimEnd().split('\n').at(-1)!;
      assert.ok(!fs.existsSync(path.dirname(input)), 'the temporary folder is removed');
    });
  });
});
