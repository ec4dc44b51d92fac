import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { Debouncer } from '../../server/src/lsp/debounce';

describe('Debouncer', function () {
  it('runs only the last request of a burst for one key, after the delay', async function () {
    const debouncer = new Debouncer();
    const runs: string[] = [];
    debouncer.schedule('a', 30, () => runs.push('first'));
    debouncer.schedule('a', 30, () => runs.push('second'));
    assert.deepEqual(runs, []);
    await sleep(80);
    assert.deepEqual(runs, ['second']);
  });

  it('keeps keys apart', async function () {
    const debouncer = new Debouncer();
    const runs: string[] = [];
    debouncer.schedule('a', 10, () => runs.push('a'));
    debouncer.schedule('b', 10, () => runs.push('b'));
    await sleep(50);
    assert.deepEqual(runs.sort(), ['a', 'b']);
  });

  it('drops a cancelled request', async function () {
    const debouncer = new Debouncer();
    const runs: string[] = [];
    debouncer.schedule('a', 10, () => runs.push('a'));
    debouncer.cancel('a');
    await sleep(50);
    assert.deepEqual(runs, []);
  });
});
