/**
 * Checking a draft without holding up the server: parse a thousand lines at a
 * time, then lint speech by speech and rule by rule, handing the event loop
 * back every few milliseconds so requests about other drafts are answered
 * meanwhile, and giving up as soon as the draft has changed (its newer version
 * gets its own check).
 *
 * When to check after a keystroke is decided here too (`CheckCosts`): at once
 * when the draft's last check was cheap, after a quiet time as long as that
 * check when it was not, so a burst of typing into a huge draft coalesces
 * into one check instead of starting (and dropping) one per key.
 */
import { checkSteps, type Checked, type LintOptions, type SpeechDocument } from './core';

/** Longest stretch of checking between two chances for other work. */
const SLICE_MS = 10;

/**
 * A check of at most this much work runs at once after an edit: it is within
 * the editor's median target (keystroke → diagnostics ≤ 50 ms, issue 18), no
 * quiet time can bring its squiggles sooner, and a keystroke arriving while it
 * runs drops it within a slice, so typing wastes at most a slice per key.
 * Dearer checks wait for a pause: typed into a 10 MB draft (about 300 ms a
 * check), checking at once would keep a core busy for as long as the typing
 * lasts, starting and dropping a check per key.
 */
const CHEAP_MS = 50;
/** The longest quiet time asked of a typist, whatever a check costs: the fixed debounce the server had before. */
const MAX_QUIET_MS = 150;

/**
 * What the last check of each draft cost, in milliseconds of CPU time (the
 * slices, not the time spent answering other requests between them), and so
 * how long to wait after an edit before checking again.
 */
export class CheckCosts {
  private readonly costs = new Map<string, number>();

  /** A finished check's cost replaces the last one; a dropped check's work so far is a lower bound of it. */
  record(key: string, busyMs: number, finished: boolean): void {
    this.costs.set(key, finished ? busyMs : Math.max(busyMs, this.costs.get(key) ?? 0));
  }

  /** The quiet time to wait after an edit of `key` before checking it: 0 for a draft never checked or cheap to check. */
  delayAfterEdit(key: string): number {
    const cost = this.costs.get(key) ?? 0;
    return cost <= CHEAP_MS ? 0 : Math.min(cost, MAX_QUIET_MS);
  }

  forget(key: string): void {
    this.costs.delete(key);
  }
}

/**
 * `checkSteps` in slices; undefined when `isStale` says a newer text has come.
 * `spent`, when given, learns how much work the check took, finished or dropped.
 * `previous`, the model of the draft's last check, is re-parsed where the text changed.
 */
export async function checkInSlices(
  text: string,
  options: LintOptions,
  isStale: () => boolean,
  spent?: (busyMs: number, finished: boolean) => void,
  previous?: SpeechDocument,
): Promise<Checked | undefined> {
  const steps = checkSteps(text, options, previous);
  // The steps hold it as long as they need it (see checkSteps).
  previous = undefined;
  let busyMs = 0;
  let sliceCpu = cpuMs();
  let until = performance.now() + SLICE_MS;
  for (;;) {
    const step = steps.next();
    if (step.done) {
      busyMs += cpuMs() - sliceCpu;
      // A long last step may have outlived the draft: let an edit that came meanwhile be read first.
      await afterPendingInput();
      const stale = isStale();
      spent?.(busyMs, !stale);
      return stale ? undefined : step.value;
    }
    const now = performance.now();
    if (now < until) continue;
    busyMs += cpuMs() - sliceCpu;
    await afterPendingInput();
    if (isStale()) {
      spent?.(busyMs, false);
      return undefined;
    }
    sliceCpu = cpuMs();
    until = performance.now() + SLICE_MS;
  }
}

/**
 * The process's CPU time so far, in milliseconds. A check's cost is counted in it, not in wall
 * time: on a loaded machine a slice's wall time holds whatever else ran meanwhile, and a cheap
 * check of a 1 MB draft then looked dear enough to make the next keystroke wait for a pause.
 */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
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
