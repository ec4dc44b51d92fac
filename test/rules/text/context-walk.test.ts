/**
 * `chineseContext` answers each question by walking to the deciding
 * neighbour and remembers what it walked. These tests pin the answers to the
 * definition (the nearest character that is neither a space nor a looked-past
 * mark, read by brute force) for questions in any order, and check that many
 * questions inside one long stretch of non-deciding characters stay linear.
 */
import * as assert from 'node:assert/strict';
import { chineseContext, isChineseAt } from '../../../server/src/core/text/context';

/** Brute force: whether the nearest deciding character on one side of `i` is Chinese. */
function nearestIsChinese(text: string, lookPast: string, i: number, step: -1 | 1): boolean {
  const decides = (k: number): boolean => {
    const ch = text[k];
    if (' \t\u3000\u00a0'.includes(ch) || lookPast.includes(ch)) return false;
    // The second half of a surrogate pair: the first half decides for both.
    return !(/[\udc00-\udfff]/.test(ch) && /[\ud800-\udbff]/.test(text[k - 1] ?? ''));
  };
  let k = step < 0 ? Math.min(i, text.length) - 1 : Math.max(i, 0);
  while (k >= 0 && k < text.length && !decides(k)) k += step;
  return k >= 0 && k < text.length && isChineseAt(text, k);
}

/** A small deterministic generator, so a failure can be replayed. */
function randomTexts(count: number, seed: number): string[] {
  const pieces = ['党', '人', '。', '“', '—', ' ', '\u3000', '\t', ',', '!', ')', '(', '"', '.', 'a', '1', '\u{20000}', '\ud840', '\udc00'];
  let state = seed;
  const next = (n: number): number => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state % n;
  };
  return Array.from({ length: count }, () => Array.from({ length: next(20) }, () => pieces[next(pieces.length)]).join(''));
}

describe('Chinese context walk', () => {
  it('answers as the nearest deciding character does, whatever the order of questions', () => {
    let state = 7;
    const next = (n: number): number => {
      state = (state * 1103515245 + 12345) & 0x7fffffff;
      return state % n;
    };
    for (const text of randomTexts(3000, 42)) {
      for (const lookPast of ['', ',;:?!()', '"\'', '.-－']) {
        const chinese = chineseContext(text, lookPast);
        for (let q = 0; q < 30; q++) {
          const i = next(text.length + 5) - 2;
          const [side, expected] = next(2) === 0 ? ['before', nearestIsChinese(text, lookPast, i, -1)] : ['after', nearestIsChinese(text, lookPast, i, 1)];
          const actual = side === 'before' ? chinese.before(i) : chinese.after(i);
          assert.equal(actual, expected, `${side}(${i}) in ${JSON.stringify(text)}, looking past ${JSON.stringify(lookPast)}`);
        }
      }
    }
  });

  // A quadratic walk takes minutes here, a linear one milliseconds: the timeout is the bound (speed itself is the benchmark's).
  it('stays linear for every question inside one long stretch of looked-past marks and spaces', function () {
    this.timeout(60_000);
    const N = 200_000;
    const text = '党' + ', '.repeat(N) + 'a';
    const counts = (order: number[]): [number, number] => {
      const chinese = chineseContext(text, ',');
      let [before, after] = [0, 0];
      for (const i of order) {
        if (chinese.before(i)) before++;
        if (chinese.after(i)) after++;
      }
      return [before, after];
    };
    const positions = Array.from({ length: text.length + 1 }, (_, i) => i);
    const ascending = counts(positions);
    const descending = counts(positions.reverse());
    // `党` is behind every position from 1 up to the `a`; only position 0 has it ahead (nothing after `a` decides).
    assert.deepEqual(ascending, [2 * N + 1, 1]);
    assert.deepEqual(descending, [2 * N + 1, 1]);
  });
});
