/** Builds the bundles when they are missing or older than the sources, so `npx mocha test/lsp/...` works without `npm run build`. */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
const SOURCES = ['server/src', 'client/src', 'esbuild.mjs', 'package.json'];
const BUNDLES = ['dist/server.js', 'dist/cli.js', 'dist/word.js'];

function newestMtime(p: string): number {
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(p).map((name) => newestMtime(path.join(p, name))));
}

export function ensureBuilt(): void {
  const sources = Math.max(...SOURCES.map((s) => newestMtime(path.join(ROOT, s))));
  const stale = BUNDLES.some((b) => {
    const file = path.join(ROOT, b);
    return !fs.existsSync(file) || fs.statSync(file).mtimeMs < sources;
  });
  if (stale) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
}
