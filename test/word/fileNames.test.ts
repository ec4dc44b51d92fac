import { strict as assert } from 'node:assert';
import { freeName } from '../../server/src/word/fileNames';

/** `exists` over a fixed set of names, recording what was asked. */
function folder(names: readonly string[]): { exists: (name: string) => Promise<boolean>; asked: string[] } {
  const asked: string[] = [];
  return { asked, exists: async (name) => (asked.push(name), names.includes(name)) };
}

describe('freeName: the name Import from Word proposes', function () {
  it('proposes the name itself when nothing is there', async function () {
    const { exists, asked } = folder(['b.speech.md']);
    assert.equal(await freeName('a.speech.md', exists), 'a.speech.md');
    assert.deepEqual(asked, ['a.speech.md']);
  });

  it('numbers it before the draft extension when a draft is there: x-2, then x-3', async function () {
    assert.equal(await freeName('发言.speech.md', folder(['发言.speech.md']).exists), '发言-2.speech.md');
    assert.equal(await freeName('发言.speech.md', folder(['发言.speech.md', '发言-2.speech.md']).exists), '发言-3.speech.md');
    assert.equal(await freeName('a.speech.txt', folder(['a.speech.txt']).exists), 'a-2.speech.txt');
    assert.equal(await freeName('a.docx', folder(['a.docx']).exists), 'a-2.docx');
    assert.equal(await freeName('a', folder(['a']).exists), 'a-2');
  });

  it('gives up after a thousand names rather than asking forever', async function () {
    const { asked } = folder([]);
    assert.equal(await freeName('a.speech.md', async (name) => (asked.push(name), true)), undefined);
    assert.equal(asked.length, 1000);
    assert.equal(asked[999], 'a-1000.speech.md');
  });
});
