/**
 * How far the language server's heap may grow between two full garbage
 * collections. V8 picks a factor of 1.1 to 4 of what survived the last one,
 * tuned for throughput; the server's garbage comes in large, short-lived
 * batches (each check of a 10 MB draft leaves its parse model, findings and
 * published diagnostics behind, tens of megabytes), so it took the largest
 * factor and its resident memory climbed with every keystroke: 370 MB peak
 * after 30 edits of a 10 MB draft, of which about 110 MB were alive. At 30%
 * the peak stayed near 170 MB with no measurable cost per keystroke on a
 * 1 MB compilation (docs/performance.md, "End to end: editor").
 */
import { setFlagsFromString } from 'node:v8';

const HEAP_GROWING_PERCENT = 30;

/** Read by V8 at each full collection, so setting it once the process runs takes effect from the next one. */
export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
