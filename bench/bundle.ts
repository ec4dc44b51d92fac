/**
 * The size the extension ships: `dist/server.js` built minified
 * (`esbuild.mjs --production`, as `npm run package` does), then the dev build
 * restored so the working tree is as the bench found it.
 */
import { execFileSync, execSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './corpora';

export interface BundleSize {
  serverKB: number;
  /** Data files shipped next to the bundle (the segmenter's dictionary), not counted in the budget. */
  dataFiles: Array<{ name: string; kB: number }>;
}

const DIST = join(ROOT, 'dist');

export function measureMinifiedServer(): BundleSize {
  try {
    execFileSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: ROOT, stdio: 'pipe' });
    const serverKB = statSync(join(DIST, 'server.js')).size / 1024;
    const dataFiles = readdirSync(DIST)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => ({ name, kB: statSync(join(DIST, name)).size / 1024 }));
    return { serverKB, dataFiles };
  } finally {
    execSync('npm run build', { cwd: ROOT, stdio: 'pipe' });
  }
}
