/** Bounded reads: server/src/io/boundedRead.ts. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ReadRefusal, readRegularFile, readRegularFileWithStat } from '../../server/src/io/boundedRead';

describe('readRegularFile', function () {
  let tmp: string;

  beforeEach(function () {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bounded-read-'));
  });

  afterEach(function () {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('reads a file up to the limit, with its status, and refuses one byte more', function () {
    fs.writeFileSync(path.join(tmp, 'a'), 'abcd');
    const { bytes, stat } = readRegularFileWithStat(path.join(tmp, 'a'), 4);
    assert.equal(bytes.toString(), 'abcd');
    assert.equal(stat.size, 4);
    assert.throws(() => readRegularFile(path.join(tmp, 'a'), 3), (e: unknown) => e instanceof ReadRefusal && e.kind === 'too-large');
  });

  it('refuses a device, a FIFO and a folder without reading from them', function () {
    execFileSync('mkfifo', [path.join(tmp, 'fifo')]);
    for (const p of ['/dev/zero', path.join(tmp, 'fifo'), tmp]) {
      assert.throws(() => readRegularFile(p, 1024), (e: unknown) => e instanceof ReadRefusal && e.kind === 'not-regular', p);
    }
  });
});
