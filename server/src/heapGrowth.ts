/**
 * How far the language server's heap may grow between two full garbage
 * collections. V8 picks a factor of 1.1 to 4 of what survived the last one,
 * tuned for throughput. The server's garbage comes in batches as large as the
 * draft: each check of a 10 MB draft leaves its parse model, findings and
 * published diagnostics behind, tens of megabytes, so with V8's factor its
 * resident memory climbed with every keystroke (370 MB peak after 30 edits
 * of a 10 MB draft, about 110 MB of it alive). At 30% the peak stayed near
 * 170 MB; the price is more full collections, about 15% more CPU per
 * keystroke on a 1 MB compilation. So the limit is set only while the open
 * drafts are large enough for the memory to matter, and V8 decides below that
 * (docs/performance.md, "End to end: editor").
 */
import { setFlagsFromString } from 'node:v8';

const HEAP_GROWING_PERCENT = 30;
/**
 * Open drafts of more characters than this get the limit: about 3 MB of
 * UTF-8, three times the benchmark's 1 MB compilation, where V8's own growth
 * keeps the server well under 150 MB.
 */
const LARGE_DRAFTS_CHARS = 1_000_000;

let limited = false;

/** Sets the limit for drafts of `openChars` characters in all. V8 reads the flag at each full collection, so a change takes effect from the next one. */
export function fitHeapGrowth(openChars: number): void {
  const limit = openChars > LARGE_DRAFTS_CHARS;
  if (limit === limited) return;
  limited = limit;
  // 0 is V8's default: its own factor.
  setFlagsFromString(`--heap-growing-percent=${limit ? HEAP_GROWING_PERCENT : 0}`);
}
