/**
 * Huge and hostile drafts (inputs.ts) through the whole checker, each in a
 * worker thread with a deadline and a heap cap: a hang or a runaway
 * allocation fails the test instead of stalling or killing the suite. The
 * deadline is a hang detector, not a speed target (issue 8's benchmark
 * measures speed); the times are printed for the record.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { HOSTILE_INPUTS } from './inputs';
import type { RunResult } from './runInput';

const DEADLINE_MS = 30_000;
const HEAP_CAP_MB = 2048;

/** Runs runInput.ts in a worker (through tsx, as the tests run) and resolves with its measurements. */
function runInWorker(name: string): Promise<RunResult> {
  const entry = path.join(__dirname, 'runInput.ts');
  const worker = new Worker(`require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(entry)});`, {
    eval: true,
    workerData: name,
    resourceLimits: { maxOldGenerationSizeMb: HEAP_CAP_MB },
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`not done within ${DEADLINE_MS / 1000} s`));
    }, DEADLINE_MS);
    worker.once('message', (result: RunResult) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

describe('hostile and huge drafts, checked by the core', function () {
  this.timeout(DEADLINE_MS + 15_000);

  for (const [name, input] of Object.entries(HOSTILE_INPUTS)) {
    it(`${name}: ${input.fix ? 'checked and fixed' : 'checked'} within ${DEADLINE_MS / 1000} s and a ${HEAP_CAP_MB} MB heap`, async function () {
      const r = await runInWorker(name);
      const fixed = r.fixMs === undefined ? '' : `, ${r.fixesApplied} fixes applied in ${seconds(r.fixMs)}`;
      console.log(`      ${(r.length / 2 ** 20).toFixed(2)} M code units, ${r.findings} findings in ${seconds(r.checkMs)}${fixed}; heap ${r.heapMb.toFixed(0)} MB`);
      assert.equal(r.outside, 0, 'findings outside the text');
      if (input.fix) assert.ok(r.fixesApplied! > 0, 'no fix applied');
    });
  }
});
