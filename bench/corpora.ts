/**
 * The benchmark's texts: the real corpus repeated up to fixed sizes, so every
 * tool reads the same realistic compilations (Markdown and plain-text
 * speeches, real mistakes included). Sizes are UTF-8 bytes as a file on disk
 * holds them, decimal (1 MB = 1,000,000 bytes); a Han character is 3 bytes.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORD_LIST_FILE } from '../server/src/segmenter';

export const ROOT = join(__dirname, '..');
/** The segmenter's word list as the build writes it (the bench builds first): sources run through tsx have none beside them. */
export const WORD_LIST = join(ROOT, 'dist', WORD_LIST_FILE);
/** Git-ignored scratch space: the corpora are written here for the worker processes. */
export const SCRATCH = join(ROOT, '.bench');
const CORPUS_DIR = join(ROOT, 'test', 'fixtures', 'corpus');

export const MB = 1_000_000;

export interface Corpus {
  label: string;
  /** The text as a file, for worker processes. */
  file: string;
  bytes: number;
  chars: number;
  lines: number;
}

export const SIZES: ReadonlyArray<{ label: string; bytes: number }> = [
  { label: '100 KB', bytes: 100_000 },
  { label: '1 MB', bytes: MB },
  { label: '10 MB', bytes: 10 * MB },
];

/** The three corpus texts as one compilation, ending in a blank line so copies join cleanly. */
export function corpusUnit(): string {
  const files = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.txt')).sort();
  return files.map((f) => readFileSync(join(CORPUS_DIR, f), 'utf8').trimEnd() + '\n\n').join('');
}

/**
 * Copies of the unit up to `bytes`, cut at the last paragraph break that fits,
 * so the text ends with a whole paragraph and stays within the size.
 */
export function compilation(unit: string, bytes: number): string {
  const unitBytes = Buffer.byteLength(unit);
  const copies = Math.ceil(bytes / unitBytes);
  const whole = Buffer.from(unit.repeat(copies));
  const cut = whole.lastIndexOf('\n\n', bytes - 2);
  return whole.subarray(0, cut + 2).toString('utf8');
}

export function lineCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Writes the compilations to the scratch folder; `sizes` limits them (quick runs). */
export function writeCorpora(sizes = SIZES): Corpus[] {
  mkdirSync(SCRATCH, { recursive: true });
  const unit = corpusUnit();
  return sizes.map(({ label, bytes }) => {
    const text = compilation(unit, bytes);
    const file = join(SCRATCH, `corpus-${label.replace(/\s/g, '')}.md`);
    writeFileSync(file, text);
    return { label, file, bytes: Buffer.byteLength(text), chars: text.length, lines: lineCount(text) };
  });
}
