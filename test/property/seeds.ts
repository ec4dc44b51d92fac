/**
 * Seeds and run counts for the randomized suites. Every property runs twice:
 * once with a fixed seed (the same cases on every machine) and once with a
 * fresh seed, printed in the test title so a failure can be replayed:
 *
 *   SPEECH_PROP_SEED=<seed> npx mocha test/property/...   replay that seed (it replaces the fresh one)
 *   SPEECH_PROP_RUNS=<n>                                  cases per seed (default: each suite's own)
 *
 * fast-check's failure message also names the shrunk counterexample and its
 * `path`, so the exact failing case is in the mocha output.
 */
import fc from 'fast-check';

export const FIXED_SEED = 20_240_917;

function envInt(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new Error(`${name} must be an integer, got "${raw}"`);
  return n;
}

/** The exploring seed of this process: from SPEECH_PROP_SEED, else fresh. */
export const RANDOM_SEED = envInt('SPEECH_PROP_SEED') ?? (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;

/** Cases per seed: SPEECH_PROP_RUNS when set, else `fallback`. */
export function runs(fallback: number): number {
  return envInt('SPEECH_PROP_RUNS') ?? fallback;
}

/** The two seeds every property runs with, labelled for test titles. */
export const SEEDS: ReadonlyArray<{ label: string; seed: number }> = [
  { label: `fixed seed ${FIXED_SEED}`, seed: FIXED_SEED },
  { label: `seed ${RANDOM_SEED} (replay: SPEECH_PROP_SEED=${RANDOM_SEED})`, seed: RANDOM_SEED },
];

/** Adds the replay command to a failure's message. */
function withReplayHint(error: unknown, seed: number, file: string | undefined): unknown {
  if (error instanceof Error) error.message += `\n\nReplay: SPEECH_PROP_SEED=${seed} npx mocha ${file ?? ''}`;
  return error;
}

/** Declares one mocha test per seed checking `predicate` on `numRuns` cases of `arbitrary`. */
export function itHolds<T>(title: string, arbitrary: fc.Arbitrary<T>, predicate: (value: T) => void, numRuns: number): void {
  for (const { label, seed } of SEEDS) {
    it(`${title} (${label})`, function () {
      try {
        fc.assert(fc.property(arbitrary, predicate), { seed, numRuns: runs(numRuns) });
      } catch (error) {
        throw withReplayHint(error, seed, this.test?.file);
      }
    });
  }
}

/** `itHolds` for a predicate that runs asynchronously (one that talks to a language server). */
export function itHoldsAsync<T>(title: string, arbitrary: fc.Arbitrary<T>, predicate: (value: T) => Promise<void>, numRuns: number): void {
  for (const { label, seed } of SEEDS) {
    it(`${title} (${label})`, async function () {
      try {
        await fc.assert(fc.asyncProperty(arbitrary, predicate), { seed, numRuns: runs(numRuns) });
      } catch (error) {
        throw withReplayHint(error, seed, this.test?.file);
      }
    });
  }
}
