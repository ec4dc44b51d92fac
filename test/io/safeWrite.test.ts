/** Atomic, link-safe, no-clobber writes: server/src/io/safeWrite.ts. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileState, WriteRefusal, writeFileSafely } from '../../server/src/io/safeWrite';

describe('writeFileSafely', function () {
  let tmp: string;
  const at = (name: string) => path.join(tmp, name);
  const refusal = (kind: string) => (error: unknown) => error instanceof WriteRefusal && error.kind === kind;
  const entries = () => fs.readdirSync(tmp).sort();

  beforeEach(function () {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'safe-write-'));
  });

  afterEach(function () {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('creates a new file with exactly the bytes, leaving no temporary file', function () {
    writeFileSafely(at('out.docx'), Buffer.from('new'), { overwrite: false });
    assert.equal(fs.readFileSync(at('out.docx'), 'utf8'), 'new');
    assert.deepEqual(entries(), ['out.docx']);
  });

  it('refuses an existing file unless allowed, then replaces it keeping its permissions', function () {
    fs.writeFileSync(at('out.docx'), 'old');
    fs.chmodSync(at('out.docx'), 0o640);
    assert.throws(() => writeFileSafely(at('out.docx'), Buffer.from('new'), { overwrite: false }), refusal('exists'));
    assert.equal(fs.readFileSync(at('out.docx'), 'utf8'), 'old');
    writeFileSafely(at('out.docx'), Buffer.from('new'), { overwrite: true });
    assert.equal(fs.readFileSync(at('out.docx'), 'utf8'), 'new');
    assert.equal(fs.statSync(at('out.docx')).mode & 0o777, 0o640);
    assert.deepEqual(entries(), ['out.docx']);
  });

  it('never writes through a symbolic link, dangling or not, even when allowed to overwrite', function () {
    fs.writeFileSync(at('elsewhere'), 'keep');
    fs.symlinkSync(at('elsewhere'), at('link.docx'));
    fs.symlinkSync(at('missing'), at('dangling.docx'));
    assert.throws(() => writeFileSafely(at('link.docx'), Buffer.from('x'), { overwrite: true }), refusal('symlink'));
    assert.throws(() => writeFileSafely(at('dangling.docx'), Buffer.from('x'), { overwrite: true }), refusal('symlink'));
    assert.equal(fs.readFileSync(at('elsewhere'), 'utf8'), 'keep');
    assert.deepEqual(entries(), ['dangling.docx', 'elsewhere', 'link.docx']);
  });

  it('refuses a target that is one of the inputs, by real path, even when allowed to overwrite', function () {
    fs.writeFileSync(at('a.speech.md'), 'draft');
    fs.mkdirSync(at('sub'));
    fs.symlinkSync(tmp, at('sub/up'));
    assert.throws(() => writeFileSafely(path.join(tmp, 'sub', 'up', 'a.speech.md'), Buffer.from('x'), { overwrite: true, inputs: [at('a.speech.md')] }), refusal('is-input'));
    assert.equal(fs.readFileSync(at('a.speech.md'), 'utf8'), 'draft');
  });

  it('refuses a folder at the target', function () {
    fs.mkdirSync(at('out.docx'));
    assert.throws(() => writeFileSafely(at('out.docx'), Buffer.from('x'), { overwrite: true }), refusal('not-regular'));
  });

  it('leaves a file rewritten in place alone when it changed since it was read, or went away', function () {
    fs.writeFileSync(at('a.speech.md'), 'read');
    const state = fileState(fs.statSync(at('a.speech.md')));
    fs.writeFileSync(at('a.speech.md'), 'edited meanwhile');
    assert.throws(() => writeFileSafely(at('a.speech.md'), Buffer.from('fixed'), { overwrite: true, unchangedSince: state }), refusal('changed'));
    assert.equal(fs.readFileSync(at('a.speech.md'), 'utf8'), 'edited meanwhile');
    fs.rmSync(at('a.speech.md'));
    assert.throws(() => writeFileSafely(at('a.speech.md'), Buffer.from('fixed'), { overwrite: true, unchangedSince: state }), refusal('changed'));
    assert.deepEqual(entries(), []);
  });

  it('fails with the system error when the temporary file cannot be made, creating nothing', function () {
    assert.throws(() => writeFileSafely(at('missing/out'), Buffer.from('x'), { overwrite: true }), (e: NodeJS.ErrnoException) => e.code === 'ENOENT');
    assert.deepEqual(entries(), []);
  });
});
