import assert from 'node:assert/strict';
import { compileGlob, isGlob } from '../../server/src/cli/glob';

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

  it('tells globs from plain paths', function () {
    assert.deepEqual(['a/*.md', 'a/?.md', 'a/**', 'a/b.md', 'a.speech'].map(isGlob), [true, true, true, false, false]);
  });
});
