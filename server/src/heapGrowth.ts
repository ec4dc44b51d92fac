/**
 * How much memory V8 may take for the language server's garbage, by how much
 * the open drafts hold. Two of V8's heap flags are read as it runs, so they
 * can follow the drafts:
 *
 * - The old generation's growth between two full collections. V8 picks a
 *   factor of 1.1 to 4 of what survived the last one, tuned for throughput.
 *   The server's garbage comes in batches as large as the draft: each check of
 *   a 10 MB draft leaves its findings, published diagnostics and the text it
 *   replaced behind, tens of megabytes, so with V8's factor its resident memory
 *   climbed with every keystroke (370 MB peak after 30 edits of a 10 MB draft,
 *   about 110 MB of it alive). With small or large drafts open the growth is
 *   held to `HEAP_GROWING_PERCENT` (small: a full collection of a small heap
 *   is cheap; large: the memory matters most); the price is more full
 *   collections. In between V8 decides, as its factor costs less CPU.
 * - The young generation's growth. V8 doubles its semi-spaces (up to 16 MB
 *   each) whenever much of what it allocated survives a scavenge, as while the
 *   dictionary loads or a big draft is parsed, and keeps them: some 30 MB
 *   resident for good. Left at its first size the young generation costs more
 *   scavenges, which is cheap where each check allocates little (small drafts)
 *   and a price worth the memory with large ones; in between (a 1 MB
 *   compilation, where every keystroke's check allocates megabytes and the
 *   latency target is tight) it grew to V8's own measure: measured on the
 *   1 MB compilation, about 9 ms more server CPU per keystroke held, against
 *   20 MB less resident memory.
 *
 * (docs/performance.md, "Memory, and where it goes".)
 */
import { setFlagsFromString } from 'node:v8';

/** With small or large drafts open, the old generation grows by at most this share of what survived the last full collection. */
const HEAP_GROWING_PERCENT = 15;
/**
 * Open drafts of more characters than this are large: about 3 MB of UTF-8,
 * three times the benchmark's 1 MB compilation, where V8's own growth keeps the
 * server well under 150 MB.
 */
const LARGE_DRAFTS_CHARS = 1_000_000;
/** Open drafts of at most this many characters are small (a speech is ten thousand or so; the 1 MB compilation 340,000). */
const SMALL_DRAFTS_CHARS = 100_000;
/** V8's own growth factor of the young generation, restored for drafts in between. */
const V8_SEMI_SPACE_GROWTH = 2;

type Tier = 'small' | 'medium' | 'large';
let tier: Tier | undefined;

/** Fits the heap's growth to open drafts of `openChars` characters in all (0 at start-up, before anything loads). */
export function fitHeapGrowth(openChars: number): void {
  const now: Tier = openChars > LARGE_DRAFTS_CHARS ? 'large' : openChars > SMALL_DRAFTS_CHARS ? 'medium' : 'small';
  if (now === tier) return;
  tier = now;
  // 0 is V8's default: its own factor. V8 reads it at each full collection.
  setFlagsFromString(`--heap-growing-percent=${now === 'medium' ? 0 : HEAP_GROWING_PERCENT}`);
  // Read whenever the young generation would grow: a factor of 1 keeps it at the size it has.
  setFlagsFromString(`--semi-space-growth-factor=${now === 'medium' ? V8_SEMI_SPACE_GROWTH : 1}`);
}
