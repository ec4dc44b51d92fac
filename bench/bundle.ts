/**
 * The size the extension ships: `dist/server.js` built minified
 * (`esbuild.mjs --production`, as `npm run package` does), then the dev build
 * restored so the working tree is as the bench found it.
 */
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
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
      .filter((name) => name.endsWith('.wasm'))
      .map((name) => ({ name, kB: statSync(join(DIST, name)).size / 1024 }));
    return { serverKB, dataFiles };
  } finally {
    execSync('npm run build', { cwd: ROOT, stdio: 'pipe' });
  }
}

/** The segmenter's `.wasm` in node_modules, for the notes when the build does not copy it into dist. */
export function segmenterWasmKB(): number | undefined {
  const file = join(ROOT, 'node_modules', 'jieba-wasm', 'pkg', 'web', 'jieba_rs_wasm_bg.wasm');
  return existsSync(file) ? statSync(file).size / 1024 : undefined;
}
