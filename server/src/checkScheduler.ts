/**
 * Checking a draft without holding up the server: parse a thousand lines at a
 * time, then lint speech by speech and rule by rule, handing the event loop
 * back every few milliseconds so requests about other drafts are answered
 * meanwhile, and giving up as soon as the draft has changed (its newer version
 * gets its own check).
 */
import { checkSteps, type Checked, type LintOptions } from './core';

/** Longest stretch of checking between two chances for other work. */
const SLICE_MS = 10;

export async function checkInSlices(text: string, options: LintOptions, isStale: () => boolean): Promise<Checked | undefined> {
  const steps = checkSteps(text, options);
  let until = performance.now() + SLICE_MS;
  for (;;) {
    const step = steps.next();
    if (step.done) {
      // A long last step may have outlived the draft: let an edit that came meanwhile be read first.
      await afterPendingInput();
      return isStale() ? undefined : step.value;
    }
    if (performance.now() < until) continue;
    await afterPendingInput();
    if (isStale()) return undefined;
    until = performance.now() + SLICE_MS;
  }
}

/**
 * Resolves once messages that arrived meanwhile have been handled. The connection reads them
 * in the loop's poll phase and handles them in an immediate queued there, after the one this
 * check queued before: so two turns, not one.
 */
async function afterPendingInput(): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  await new Promise<void>((resolve) => setImmediate(resolve));
}
