/**
 * The peer linters, called through their library APIs the way their own
 * tools call them (facts and traps: /work/shared/notes/peer-linters.md).
 * A peer that is not installed is reported as such, never a crash.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './corpora';
import type { Tool } from './tools';

/** Every peer reads the compilation as this file name: the corpus mixes Markdown and plain-text speeches. */
const FILE_NAME = 'draft.md';

const markdownlint: Tool = {
  id: 'markdownlint',
  label: 'markdownlint',
  packageName: 'markdownlint',
  call: '`lint({ strings })` from `markdownlint/sync`, default rules',
  async load() {
    const { lint } = await import('markdownlint/sync');
    return (text) => ({ problems: lint({ strings: { [FILE_NAME]: text } })[FILE_NAME]?.length ?? 0 });
  },
};

const zhlint: Tool = {
  id: 'zhlint',
  label: 'zhlint',
  packageName: 'zhlint',
  // `run(text)` alone enables no rule at all.
  call: "`runWithConfig(text, { preset: 'default' })`",
  async load() {
    const { runWithConfig } = await import('zhlint');
    return (text) => ({ problems: runWithConfig(text, { preset: 'default' }).validations.length });
  },
};

const autocorrect: Tool = {
  id: 'autocorrect',
  label: 'AutoCorrect',
  packageName: 'autocorrect-node',
  call: "`lintFor(text, 'draft.md')` (Rust via Node-API)",
  async load() {
    const { lintFor } = await import('autocorrect-node');
    return (text) => {
      const result = lintFor(text, FILE_NAME);
      return { problems: result.lines.length, error: result.error || undefined };
    };
  },
  // In one process only the first call on Markdown over ~650 KB is right; later
  // calls return nothing plus a parse error ("call limit reached").
  freshProcessFrom: 600_000,
  note:
    'AutoCorrect from 600 KB up: each sample is the first call of a fresh process (its later calls on large Markdown fail with ' +
    '"call limit reached"), so these times include its one-time set-up and no warm-up.',
};

export const peers: readonly Tool[] = [markdownlint, zhlint, autocorrect];

/** The installed version of a package, or undefined when it is not installed. */
export function installedVersion(packageName: string): string | undefined {
  const manifest = join(ROOT, 'node_modules', packageName, 'package.json');
  if (!existsSync(manifest)) return undefined;
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version;
}
