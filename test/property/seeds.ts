/**
 * Seeds and run counts for the randomized suites. Every property runs twice:
 * once with a fixed seed (the same cases on every machine) and once with a
 * fresh seed, printed in the test title so a failure can be replayed:
 *
 *   SPEECH_PROP_SEED=<seed> npx mocha <test file> --grep "<title>"   replay that seed (it replaces the fresh one)
 *   SPEECH_PROP_RUNS=<n>                                 cases per seed (default: each suite's own)
 *   SPEECH_FUZZ_RUNS=<n>                                 the same for the protocol fuzzer's sessions
 *
 * (`--grep` rather than a file name: .mocharc.json's spec list would add every
 * other test file to one named on the command line.)
 *
 * fast-check's failure message also names the shrunk counterexample and its
 * `path`, so the exact failing case is in the mocha output. Asynchronous
 * properties shrink for at most SHRINK_BUDGET_MS and then report the smallest
 * counterexample found by then.
 */
import fc from 'fast-check';

const FIXED_SEED = 20_240_917;

/**
 * Longest an asynchronous property may spend shrinking once a case failed. Each of its cases is
 * a language-server session (most of a second when it passes), and shrinking a failed sequence
 * of ops tries thousands of smaller ones: unbounded, a failure took hours to report.
 */
const SHRINK_BUDGET_MS = 60_000;

function envInt(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new Error(`${name} must be an integer, got "${raw}"`);
  return n;
}

/** The exploring seed of this process: from SPEECH_PROP_SEED, else fresh. */
const RANDOM_SEED = envInt('SPEECH_PROP_SEED') ?? (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;

/** Cases per seed: the environment variable `variable` when set, else `fallback`. */
function runs(fallback: number, variable: string): number {
  return envInt(variable) ?? fallback;
}

/** The two seeds every property runs with, labelled for test titles. */
const SEEDS: ReadonlyArray<{ label: string; seed: number }> = [
  { label: `fixed seed ${FIXED_SEED}`, seed: FIXED_SEED },
  { label: `seed ${RANDOM_SEED} (replay: SPEECH_PROP_SEED=${RANDOM_SEED})`, seed: RANDOM_SEED },
];

/** Adds the replay command to a failure's message: the property's title without the seed label, which differs per seed. */
function withReplayHint(error: unknown, seed: number, test: Mocha.Runnable | undefined, title: string): unknown {
  const grep = [test?.parent?.fullTitle(), title].filter(Boolean).join(' ');
  if (error instanceof Error) error.message += `\n\nReplay: SPEECH_PROP_SEED=${seed} npx mocha 'test/**/*.test.ts' --grep ${JSON.stringify(grep)}`;
  return error;
}

/** Declares one mocha test per seed checking `predicate` on `numRuns` cases of `arbitrary`. */
export function itHolds<T>(title: string, arbitrary: fc.Arbitrary<T>, predicate: (value: T) => void, numRuns: number): void {
  for (const { label, seed } of SEEDS) {
    it(`${title} (${label})`, function () {
      try {
        fc.assert(fc.property(arbitrary, predicate), { seed, numRuns: runs(numRuns, 'SPEECH_PROP_RUNS') });
      } catch (error) {
        throw withReplayHint(error, seed, this.test, title);
      }
    });
  }
}

/** `itHolds` for a predicate that runs asynchronously (a session with a language server); SPEECH_FUZZ_RUNS sets its cases per seed. */
export function itHoldsAsync<T>(title: string, arbitrary: fc.Arbitrary<T>, predicate: (value: T) => Promise<void>, numRuns: number): void {
  for (const { label, seed } of SEEDS) {
    it(`${title} (${label})`, async function () {
      let firstFailure: number | undefined;
      let shrinkingCut = false;
      const shrinkingBounded = async (value: T): Promise<void> => {
        if (firstFailure !== undefined && Date.now() - firstFailure > SHRINK_BUDGET_MS) {
          shrinkingCut = true;
          // Interrupts the run; fast-check then reports the last counterexample that failed.
          throw new fc.PreconditionFailure(true);
        }
        try {
          await predicate(value);
        } catch (error) {
          firstFailure ??= Date.now();
          throw error;
        }
      };
      try {
        await fc.assert(fc.asyncProperty(arbitrary, shrinkingBounded), { seed, numRuns: runs(numRuns, 'SPEECH_FUZZ_RUNS') });
      } catch (error) {
        if (shrinkingCut && error instanceof Error) error.message += `\n\nShrinking stopped after ${SHRINK_BUDGET_MS / 1000} s: the counterexample is the smallest failing one found by then.`;
        throw withReplayHint(error, seed, this.test, title);
      }
    });
  }
}
