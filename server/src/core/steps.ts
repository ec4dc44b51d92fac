/**
 * Work done in steps: a generator that pauses (`yield`) every so often, so a
 * host can answer other requests in between, and stop early when its result
 * is no longer wanted. Parsing and linting are written this way once, and
 * run straight through where nothing else waits (the CLI, tests).
 */
export type Steps<T> = Generator<void, T>;

/** How many lines or paragraphs a loop handles between two pauses: about a millisecond of work. */
export const STEP_SIZE = 1024;

export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
