/**
 * What the user keeps when the CLI writes: every file other than the one it
 * was asked to write stays byte-identical, whatever the hostile setting (a
 * folder glob over binaries, links planted at the output, an output that is
 * an input, a kill mid-write, an editor saving during a fix, a FIFO or a
 * device named as a draft). Each test makes its hostile input itself.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureBuilt } from '../lsp/ensureBuilt';
import { CLI, speechlint } from './run';

/** One fixable fault: `(1)` should be `（1）`. */
const DRAFT = '工作报告\n\n市委办公室主任 张三\n\n一、加强学习\n\n(1)做好工作。\n';
const FIXED = DRAFT.replace('(1)', '（1）');
const DOCX = Buffer.from('PK\u0003\u0004\u0014\u0000\u0006\u0000word/document.xml(1)', 'latin1');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x28, 0x31, 0x29]);

describe('speechlint never loses a file', function () {
  this.timeout(60_000);
  let tmp: string;
  const at = (name: string) => path.join(tmp, name);
  const run = (args: string[], locale = 'zh-CN') => speechlint(args, { cwd: tmp, env: { SPEECHLINT_LOCALE: locale } });

  /** Every entry of the folder (links as their target, files as their bytes), to compare before and after. */
  const snapshot = (dir = tmp): Map<string, string> => {
    const out = new Map<string, string>();
    for (const name of fs.readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      const stat = fs.lstatSync(p);
      out.set(name, stat.isSymbolicLink() ? `link → ${fs.readlinkSync(p)}` : stat.isFile() ? fs.readFileSync(p).toString('base64') : 'other');
    }
    return out;
  };

  /** The snapshot with `name` removed: what must be unchanged when `name` is the output. */
  const without = (snap: Map<string, string>, ...names: string[]) => new Map([...snap].filter(([n]) => !names.includes(n)));

  before(function () {
    ensureBuilt();
  });

  beforeEach(function () {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'speechlint-safety-'));
  });

  afterEach(function () {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  describe('--fix', function () {
    it('over a folder glob, skips a .docx and a .png beside the draft with a note, leaving them byte-identical', function () {
      fs.writeFileSync(at('a.speech.md'), DRAFT);
      fs.writeFileSync(at('b.docx'), DOCX);
      fs.writeFileSync(at('c.png'), PNG);
      const before = snapshot();
      const r = run(['--fix', './*']);
      assert.equal(
        r.stderr,
        'speechlint: b.docx 不是文本文件（ZIP (.docx/.xlsx/.pptx)），已跳过，未改动\n' + 'speechlint: c.png 不是文本文件（PNG），已跳过，未改动\n',
      );
      assert.match(r.stdout, /^已自动修复 1 处问题。\n/);
      assert.equal(r.status, 0);
      assert.deepEqual(without(snapshot(), 'a.speech.md'), without(before, 'a.speech.md'));
      assert.equal(fs.readFileSync(at('a.speech.md'), 'utf8'), FIXED);
    });

    it('refuses to fix through a symbolic link, naming it, still reporting; exit 2 and both files unchanged', function () {
      fs.mkdirSync(at('outside'));
      fs.writeFileSync(at('outside/real.speech.md'), DRAFT);
      fs.symlinkSync(at('outside/real.speech.md'), at('link.speech.md'));
      const r = run(['--fix', 'link.speech.md']);
      assert.equal(r.stderr, 'speechlint: link.speech.md 是符号链接，未写入\n');
      assert.match(r.stdout, /^已自动修复 0 处问题。\n/);
      assert.match(r.stdout, /^link\.speech\.md:7:1  warning  标题序号“\(1\)”应写作“（1）”/m);
      assert.equal(r.status, 2);
      assert.equal(fs.readFileSync(at('outside/real.speech.md'), 'utf8'), DRAFT);
      assert.equal(fs.readlinkSync(at('link.speech.md')), at('outside/real.speech.md'));
    });

    it('leaves a file changed between reading and renaming alone, says so, exit 2', function () {
      fs.writeFileSync(at('a.speech.md'), DRAFT);
      // An editor saves while the fix is being written: the preload appends to the draft as the temporary file is flushed.
      const preload = writePreload(`
        const fs = require('node:fs');
        const fsync = fs.fsyncSync;
        fs.fsyncSync = function (fd) {
          fs.appendFileSync(${JSON.stringify(at('a.speech.md'))}, '编辑器保存的一行。\\n');
          fs.fsyncSync = fsync;
          return fsync.apply(this, arguments);
        };`);
      const r = runWith(preload, ['--fix', 'a.speech.md'], tmp);
      assert.equal(r.stderr, 'speechlint: a.speech.md 在检查期间被其他程序修改，修复未写入，文件保留其修改\n');
      assert.match(r.stdout, /^已自动修复 0 处问题。\n/);
      assert.equal(r.status, 2);
      assert.equal(fs.readFileSync(at('a.speech.md'), 'utf8'), `${DRAFT}编辑器保存的一行。\n`);
      assert.deepEqual(fs.readdirSync(tmp).sort(), ['a.speech.md', 'preload.js']);
    });

    it('on a full disk leaves the draft byte-identical and no temporary file, reports the draft as it still is, exit 2', function () {
      fs.writeFileSync(at('a.speech.md'), DRAFT);
      // The disk fills after the first few bytes of the fixed text.
      const preload = writePreload(`
        const fs = require('node:fs');
        const write = fs.writeSync;
        fs.writeSync = function (fd, buffer, offset, length) {
          if (fd <= 2) return write.apply(this, arguments);
          if (typeof offset === 'number' && offset === 0) return write.call(this, fd, buffer, 0, 5);
          const error = new Error('ENOSPC: no space left on device, write');
          error.code = 'ENOSPC';
          throw error;
        };`);
      const r = runWith(preload, ['--fix', 'a.speech.md'], tmp);
      assert.equal(r.stderr, 'speechlint: 无法写入 a.speech.md：磁盘空间不足\n');
      assert.match(r.stdout, /^已自动修复 0 处问题。\n/);
      assert.match(r.stdout, /^a\.speech\.md:7:1  warning  标题序号“\(1\)”应写作“（1）”/m);
      assert.doesNotMatch(r.stdout, /未发现问题/);
      assert.equal(r.status, 2);
      assert.equal(fs.readFileSync(at('a.speech.md'), 'utf8'), DRAFT);
      assert.deepEqual(fs.readdirSync(tmp).sort(), ['a.speech.md', 'preload.js']);
    });

    it('killed between the temporary file and the rename, leaves the draft byte-identical and only the stale temporary file', async function () {
      fs.writeFileSync(at('a.speech.md'), DRAFT);
      const before = snapshot();
      const preload = writePreload(`
        const fs = require('node:fs');
        fs.renameSync = function () {
          fs.writeSync(2, 'ABOUT-TO-RENAME\\n');
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
        };`);
      const child = spawn(process.execPath, ['--require', preload, CLI, '--fix', 'a.speech.md'], { cwd: tmp, env: { PATH: process.env.PATH ?? '' } });
      await new Promise<void>((resolve, reject) => {
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          if (stderr.includes('ABOUT-TO-RENAME')) {
            child.kill('SIGKILL');
            resolve();
          }
        });
        child.on('exit', () => reject(new Error(`the CLI ended before the rename: ${stderr}`)));
      });
      await new Promise((resolve) => child.on('close', resolve));
      assert.deepEqual(without(snapshot(), 'preload.js', ...stale()), without(before, 'preload.js'));
      // What a kill leaves: one `.a.speech.md.<random>.speechlint-tmp` beside the draft, holding the fixed text.
      assert.equal(stale().length, 1);
      assert.match(stale()[0], /^\.a\.speech\.md\.[0-9a-f]{12}\.speechlint-tmp$/);
      assert.equal(fs.readFileSync(at(stale()[0]), 'utf8'), FIXED);
    });
  });

  describe('export, import, compile', function () {
    it('refuses a symbolic link at the export output, writing nothing through it', function () {
      fs.writeFileSync(at('a.speech.md'), DRAFT);
      fs.mkdirSync(at('outside'));
      fs.writeFileSync(at('outside/precious.docx'), 'precious');
      fs.symlinkSync(at('outside/precious.docx'), at('a.docx'));
      const before = snapshot();
      for (const args of [['export', 'a.speech.md'], ['export', 'a.speech.md', '--force']]) {
        const r = run(args);
        assert.equal(r.stderr, 'speechlint: a.docx 是符号链接，未写入\n');
        assert.equal(r.stdout, '');
        assert.equal(r.status, 2);
        assert.deepEqual(snapshot(), before);
        assert.equal(fs.readFileSync(at('outside/precious.docx'), 'utf8'), 'precious');
      }
    });

    it('refuses a dangling symbolic link at the import output, creating nothing at its target', function () {
      fs.writeFileSync(at('a.speech.md'), DRAFT);
      assert.equal(run(['export', 'a.speech.md', '-o', 'x.docx']).status, 0);
      fs.rmSync(at('a.speech.md'));
      fs.symlinkSync(at('planted.txt'), at('x.speech.md'));
      const before = snapshot();
      const r = run(['import', 'x.docx', '--force'], 'en');
      assert.equal(r.stderr, 'speechlint: x.speech.md is a symbolic link: nothing written\n');
      assert.equal(r.status, 2);
      assert.deepEqual(snapshot(), before);
      assert.ok(!fs.existsSync(at('planted.txt')));
    });

    it('refuses an output that is an input, even with --force', function () {
      fs.writeFileSync(at('a.speech.md'), DRAFT);
      fs.writeFileSync(at('b.speech.md'), DRAFT.replace('张三', '李四'));
      assert.equal(run(['export', 'a.speech.md', '-o', 'x.docx']).status, 0);
      const before = snapshot();
      for (const args of [
        ['export', 'a.speech.md', '-o', 'a.speech.md'],
        ['export', 'a.speech.md', '-o', './a.speech.md', '--force'],
        ['import', 'x.docx', '-o', 'x.docx', '--force'],
        ['compile', 'a.speech.md', 'b.speech.md', '--title', '汇编', '-o', 'a.speech.md', '--force'],
        ['compile', 'a.speech.md', 'b.speech.md', '--title', '汇编', '-o', 'b.speech.md'],
      ]) {
        const r = run(args);
        assert.equal(r.stderr, `speechlint: ${args[args.indexOf('-o') + 1]} 是输入文件，不能同时作为输出，未写入\n`, args.join(' '));
        assert.equal(r.status, 2);
        assert.deepEqual(snapshot(), before);
      }
    });

    it('refuses to replace an existing output without --force and replaces it with --force', function () {
      fs.writeFileSync(at('a.speech.md'), DRAFT);
      fs.writeFileSync(at('b.speech.md'), DRAFT);
      fs.writeFileSync(at('a.docx'), 'an older document');
      fs.writeFileSync(at('all.speech.md'), 'an older compilation');
      for (const [args, out] of [
        [['export', 'a.speech.md'], 'a.docx'],
        [['compile', 'a.speech.md', 'b.speech.md', '--title', '汇编', '-o', 'all.speech.md'], 'all.speech.md'],
      ] as const) {
        const before = snapshot();
        const refused = run([...args]);
        assert.equal(refused.stderr, `speechlint: ${out} 已存在，未覆盖；要覆盖请加 --force\n`);
        assert.equal(refused.status, 2);
        assert.deepEqual(snapshot(), before);
        const forced = run([...args, '--force']);
        assert.equal(forced.stderr, '');
        assert.equal(forced.stdout, `已写入 ${out}\n`);
        assert.equal(forced.status, 0);
        assert.deepEqual(without(snapshot(), out), without(before, out));
        assert.notEqual(snapshot().get(out), before.get(out));
      }
      assert.match(fs.readFileSync(at('all.speech.md'), 'utf8'), /^# 汇编\n/);
      assert.deepEqual(fs.readFileSync(at('a.docx')).subarray(0, 4), Buffer.from('PK\u0003\u0004', 'latin1'));
    });

    it('killed between the temporary file and the rename, leaves the replaced output byte-identical', async function () {
      fs.writeFileSync(at('a.speech.md'), DRAFT);
      fs.writeFileSync(at('a.docx'), 'an older document');
      const before = snapshot();
      const preload = writePreload(`
        const fs = require('node:fs');
        fs.renameSync = function () {
          fs.writeSync(2, 'ABOUT-TO-RENAME\\n');
          process.kill(process.pid, 'SIGKILL');
        };`);
      const r = runWith(preload, ['export', 'a.speech.md', '--force'], tmp);
      assert.equal(r.signal, 'SIGKILL');
      assert.equal(r.stderr, 'ABOUT-TO-RENAME\n');
      assert.deepEqual(without(snapshot(), 'preload.js', ...stale()), without(before, 'preload.js'));
      assert.equal(stale().length, 1);
    });
  });

  describe('inputs that are not files', function () {
    it('refuses a FIFO and /dev/zero named on the command line at once, exit 2', function () {
      execFileSync('mkfifo', [at('pipe.speech.md')]);
      for (const [target, shown] of [
        [at('pipe.speech.md'), at('pipe.speech.md')],
        ['/dev/zero', '/dev/zero'],
      ]) {
        for (const args of [[target], ['--fix', target], ['export', target, '-o', at('out.docx')], ['import', target, '-o', at('out.speech.md')]]) {
          // A hang would end in the spawn's timeout with no status.
          const r = speechlint(args, { cwd: tmp, env: { SPEECHLINT_LOCALE: 'en' }, timeout: 30_000 });
          assert.equal(r.status, 2, args.join(' '));
          assert.match(r.stderr, new RegExp(`^speechlint: ${shown.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is not a regular file \\(a directory, device or pipe\\): not read\n`), args.join(' '));
        }
      }
      assert.deepEqual(fs.readdirSync(tmp), ['pipe.speech.md']);
    });

    it('refuses a draft or a .docx over 64 MiB without reading it whole, exit 2, nothing written', function () {
      // Sparse: 64 MiB and one byte of zeros, taking no disk.
      for (const name of ['big.speech.md', 'big.docx']) {
        const fd = fs.openSync(at(name), 'w');
        fs.ftruncateSync(fd, 64 * 1024 * 1024 + 1);
        fs.closeSync(fd);
      }
      for (const [args, file] of [
        [['--fix', 'big.speech.md'], 'big.speech.md'],
        [['export', 'big.speech.md'], 'big.speech.md'],
        [['import', 'big.docx'], 'big.docx'],
      ] as const) {
        const r = run([...args], 'en');
        assert.equal(r.stderr, `speechlint: ${file} is larger than the limit of 64 MiB: not read\n`);
        assert.equal(r.status, 2);
      }
      // Still the same sparse files of zeros (the fix would have had nothing to change anyway: the point is nothing else appeared).
      assert.deepEqual(fs.readdirSync(tmp).sort(), ['big.docx', 'big.speech.md']);
      for (const name of ['big.speech.md', 'big.docx']) assert.equal(fs.statSync(at(name)).size, 64 * 1024 * 1024 + 1);
    });
  });

  function writePreload(code: string): string {
    fs.writeFileSync(at('preload.js'), code);
    return at('preload.js');
  }

  function stale(): string[] {
    return fs.readdirSync(tmp).filter((n) => n.endsWith('.speechlint-tmp'));
  }
});

function runWith(preload: string, args: string[], cwd: string): { status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string } {
  const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
  const r = spawnSync(process.execPath, ['--require', preload, CLI, ...args], { cwd, env: { PATH: process.env.PATH ?? '', SPEECHLINT_LOCALE: 'zh-CN' }, encoding: 'utf8', timeout: 30_000 });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}
