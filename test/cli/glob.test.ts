import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expandTargets } from '../../server/src/cli/files';
import { compileGlob, isGlob } from '../../server/src/cli/glob';
import { writeTree } from './run';

describe('compileGlob', function () {
  const table: Array<[string, string, number, string[], string[]]> = [
    // pattern, base, maxDepth, matching relative paths, non-matching ones
    ['*.speech.md', '.', 0, ['a.speech.md', '.speech.md'], ['a.speech.txt', 'x/a.speech.md', 'a.speechxmd']],
    ['drafts/*.speech', 'drafts', 0, ['b.speech'], ['b.speech.md', 'sub/b.speech']],
    ['drafts/**/*.speech.txt', 'drafts', Infinity, ['c.speech.txt', 'x/c.speech.txt', 'x/y/c.speech.txt'], ['x/c.speech.md']],
    ['a/**', 'a', Infinity, ['f', 'x/y/f'], []],
    ['/abs/dir/?.md', '/abs/dir', 0, ['a.md'], ['ab.md', 'x/a.md']],
    ['/*.md', '/', 0, ['a.md'], ['x/a.md']],
    ['稿件(2024)/*+1.md', '稿件(2024)', 0, ['甲+1.md'], ['甲1.md', '甲+1xmd']],
    ['x/*/y/*.md', 'x', 2, ['a/y/b.md'], ['a/b/y/b.md', 'y/b.md']],
    ['**/a/**/b.md', '.', Infinity, ['a/b.md', 'x/a/b.md', 'a/x/y/b.md', 'a/a/b.md'], ['b.md', 'ab/b.md', 'a/b.mdx', 'x/a']],
    ['**/*a?c*.md', '.', Infinity, ['abc.md', 'x/xxaxcx.md', 'aabbc/a-c.md'], ['ac.md', 'abc/x.md', 'abc.md/x']],
    ['d/**/**/*.md', 'd', Infinity, ['a.md', 'x/a.md', 'x/y/z/a.md'], ['a.txt']],
    ['*', '.', 0, ['a', '*'], ['a/b']],
    ['*/**', '.', Infinity, ['a/b', 'a/b/c'], ['a']],
  ];
  for (const [pattern, base, maxDepth, yes, no] of table) {
    it(pattern, function () {
      const glob = compileGlob(pattern);
      assert.equal(glob.base, base);
      assert.equal(glob.maxDepth, maxDepth);
      for (const p of yes) assert.ok(glob.matches(p), `${pattern} should match ${p}`);
      for (const p of no) assert.ok(!glob.matches(p), `${pattern} should not match ${p}`);
    });
  }

  // Each of these took a backtracking RegExp exponential time: the default
  // mocha timeout fails them should that come back.
  it('matches `**/` repeated 20 times as one `**/`', function () {
    const glob = compileGlob(`${'**/'.repeat(20)}*.md`);
    assert.ok(glob.matches('a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/x.md'));
    assert.ok(!glob.matches('a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/x.txt'));
  });

  it('rejects `**/a/` repeated 16 times against a deep path of a/ that ends wrong', function () {
    const glob = compileGlob(`${'**/a/'.repeat(16)}*.md`);
    assert.ok(!glob.matches(`${'a/'.repeat(40)}x.txt`));
    assert.ok(glob.matches(`${'a/'.repeat(40)}x.md`));
    assert.ok(!glob.matches(`${'a/'.repeat(15)}x.md`));
  });

  it('rejects `*a` repeated 30 times against a long run of a that ends wrong', function () {
    const glob = compileGlob(`${'*a'.repeat(30)}*b`);
    assert.ok(!glob.matches('a'.repeat(200)));
    assert.ok(glob.matches(`${'a'.repeat(200)}b`));
  });

  it('expands `**/` repeated 12 to 20 times over a small tree, skipping dot-entries and node_modules', function () {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'speechlint-glob-'));
    try {
      writeTree(tmp, {
        'a.speech.md': '',
        'x/b.speech.md': '',
        'x/y/z/c.speech.md': '',
        'x/y/z/c.txt': '',
        '.hidden/d.speech.md': '',
        'node_modules/e.speech.md': '',
      });
      for (const repeats of [12, 16, 20]) {
        const pattern = `${tmp}/${'**/'.repeat(repeats)}*.speech.md`;
        const { files, failures } = expandTargets([pattern]);
        assert.deepEqual(files, ['a.speech.md', 'x/b.speech.md', 'x/y/z/c.speech.md'].map((f) => path.join(tmp, f)), pattern);
        assert.deepEqual(failures, []);
      }
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('tells globs from plain paths', function () {
    assert.deepEqual(['a/*.md', 'a/?.md', 'a/**', 'a/b.md', 'a.speech'].map(isGlob), [true, true, true, false, false]);
  });
});
