/**
 * Ours as it ships: the core and the segmenter bundled by esbuild, as in
 * `dist/`, not run from TypeScript sources through tsx (whose module wrappers
 * cost the hot loops time the shipped bundle never pays).
 */
import { buildSync } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

export interface OurBundle {
  check: typeof import('../server/src/core').check;
  loadSegmenter: typeof import('../server/src/segmenter').loadSegmenter;
}

export function loadOurBundle(): OurBundle {
  const out = join(ROOT, '.bench', 'ours.js');
  mkdirSync(join(ROOT, '.bench'), { recursive: true });
  buildSync({
    stdin: {
      contents: "export { check } from './server/src/core'; export { loadSegmenter } from './server/src/segmenter';",
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    mainFields: ['module', 'main'],
    outfile: out,
    logLevel: 'error',
  });
  return require(out) as OurBundle;
}
