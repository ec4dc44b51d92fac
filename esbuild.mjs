// Bundles the four entry points. `--production` minifies (used for the .vsix);
// `--watch` rebuilds on change.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  legalComments: 'none',
  // jsonc-parser's `main` is a UMD build esbuild cannot follow; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  logLevel: 'warning',
};

const entries = [
  // vscode is provided by the editor at run time.
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The Word engine (docx, mammoth, jszip), loaded by the server and the CLI only when a Word command runs.
  { entryPoints: ['server/src/word/index.ts'], outfile: 'dist/word.js' },
];

// The segmenter loads jieba (WebAssembly, dictionary inside) from beside the bundles at run time.
mkdirSync('dist', { recursive: true });
const jiebaWasm = join(dirname(createRequire(import.meta.url).resolve('jieba-wasm/web')), 'jieba_rs_wasm_bg.wasm');
copyFileSync(jiebaWasm, 'dist/jieba_rs_wasm_bg.wasm');

const contexts = await Promise.all(entries.map((e) => esbuild.context({ ...common, ...e })));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
