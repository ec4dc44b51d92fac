/**
 * Reading the People's Daily archive and showing findings in it: shared by
 * `npm run corpus` (scripts/corpus.ts) and `npm run eval:typos`
 * (scripts/eval-typos.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TextSpan } from '../server/src/core';

/** The archive beside the repository (`../shared/corpus/rmrb/`), as the corpus README names it. */
export const DEFAULT_ARCHIVE = resolve(__dirname, '..', '..', 'shared', 'corpus', 'rmrb', 'rmrb-2020-01-02.tar.xz');

/** Every `.txt` file under `dir`, in a stable order. */
export function listTexts(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.txt'))
    .map((name) => join(dir, name))
    .filter((file) => statSync(file).isFile())
    .sort();
}

/**
 * Calls `use` with a folder of texts: `target` itself, or a `.tar.xz` archive
 * extracted into a temporary folder that is removed afterwards.
 */
export function withTextFolder<T>(target: string, use: (dir: string) => T): T {
  if (!statSync(target).isFile()) return use(target);
  const tmp = mkdtempSync(join(tmpdir(), 'speechlint-corpus-'));
  try {
    execFileSync('tar', ['xJf', target, '-C', tmp]);
    return use(tmp);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The line around `span`, with the span in ⟦ ⟧ and line breaks shown as ⏎; `context` characters either side. */
export function contextOf(text: string, span: TextSpan, context: number): string {
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  let lineEnd = text.indexOf('\n', span.end);
  if (lineEnd < 0) lineEnd = text.length;
  const from = Math.max(lineStart, span.start - context);
  const to = Math.min(lineEnd, span.end + context);
  const show = (s: string): string => s.replace(/\r?\n/g, '⏎');
  return `${from > lineStart ? '…' : ''}${show(text.slice(from, span.start))}⟦${show(text.slice(span.start, span.end))}⟧${show(text.slice(span.end, to))}${to < lineEnd ? '…' : ''}`;
}

/** Characters as the corpus README counts them: everything but line breaks. */
export function charCount(text: string): number {
  let n = 0;
  for (const ch of text) if (ch !== '\n' && ch !== '\r') n++;
  return n;
}

/** A fixed-seed generator: the same corpus gives the same samples on every run. */
export function seededRandom(seed = 0x2f6b3c1d): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Reservoir sampling: keeps `size` of the `seen` items offered, spread over
 * the whole corpus rather than its first files. `make` runs only for an item
 * that is kept.
 */
export function keepSample<T>(samples: T[], size: number, seen: number, make: () => T, random: () => number): void {
  if (samples.length < size) samples.push(make());
  else {
    const slot = Math.floor(random() * seen);
    if (slot < size) samples[slot] = make();
  }
}
