/** Finding the workspace's drafts on disk and caching what they hold until they change. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ReadRefusal } from '../../server/src/io/boundedRead';
import { FileCache, fileUri, folderPaths, listDrafts, readWorkspaceDraft, uriFileName } from '../../server/src/workspaceDrafts';

describe('workspace drafts', function () {
  let root: string;

  before(function () {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-drafts-'));
    for (const f of ['a.speech.md', 'c.speech', 'd.md', 'sub/b.speech.txt', 'node_modules/x.speech.md', '.hidden/y.speech.md']) {
      fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
      fs.writeFileSync(path.join(root, f), '一、甲。\n');
    }
  });

  after(function () {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('lists *.speech.md, *.speech.txt and *.speech files, skipping node_modules and dot folders', function () {
    assert.deepEqual(listDrafts([root]), ['a.speech.md', 'c.speech', 'sub/b.speech.txt'].map((f) => path.join(root, f)));
  });

  it('lists nothing for a folder that is not there, and each file once for nested folders', function () {
    assert.deepEqual(listDrafts([path.join(root, 'missing')]), []);
    assert.deepEqual(listDrafts([root, path.join(root, 'sub')]).length, 3);
  });

  it('reads the local folders from workspaceFolders, else rootUri', function () {
    assert.deepEqual(folderPaths([{ uri: fileUri(root) }, { uri: 'vscode-vfs://github/x' }], 'file:///ignored'), [root]);
    assert.deepEqual(folderPaths(null, fileUri(root)), [root]);
    assert.deepEqual(folderPaths(undefined, null), []);
  });

  it('names a document by the decoded last part of its URI', function () {
    assert.equal(uriFileName('file:///w/%E5%8F%91%E8%A8%80.speech.md'), '发言.speech.md');
    assert.equal(uriFileName('untitled:Untitled-1'), 'Untitled-1');
  });

  it('derives a file’s value once, again when the file changes, and forgets what is gone', function () {
    const file = path.join(root, 'cache.speech.md');
    fs.writeFileSync(file, '甲');
    const seen: string[] = [];
    const cache = new FileCache((_file, text) => {
      seen.push(text);
      return text.length;
    });
    assert.equal(cache.get(file), 1);
    assert.equal(cache.get(file), 1);
    assert.deepEqual(seen, ['甲']);
    fs.writeFileSync(file, '甲乙');
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(file, later, later);
    assert.equal(cache.get(file), 2);
    assert.deepEqual(seen, ['甲', '甲乙']);
    fs.rmSync(file);
    assert.equal(cache.get(file), undefined);
  });

  it('drops entries for files no longer listed', function () {
    const file = path.join(root, 'a.speech.md');
    let calls = 0;
    const cache = new FileCache(() => ++calls);
    cache.get(file);
    cache.retain([]);
    cache.get(file);
    assert.equal(calls, 2);
  });

  it('reads no FIFO or device under a draft’s name: refused at once, never waited on or read without end', function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-drafts-hostile-'));
    try {
      const fifo = path.join(dir, 'fifo.speech.md');
      const zero = path.join(dir, 'zero.speech.md');
      execFileSync('mkfifo', [fifo]);
      fs.symlinkSync('/dev/zero', zero);
      for (const file of [fifo, zero]) {
        assert.throws(() => readWorkspaceDraft(file), (e: unknown) => e instanceof ReadRefusal && e.kind === 'not-regular');
        assert.equal(new FileCache((_file, text) => text).get(file), undefined);
      }
      fs.writeFileSync(path.join(dir, 'ok.speech.md'), '一、甲。\n');
      assert.equal(readWorkspaceDraft(path.join(dir, 'ok.speech.md')), '一、甲。\n');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
