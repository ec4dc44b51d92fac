// Bundles the five entry points. `--production` minifies (used for the .vsix);
// `--watch` rebuilds on change. A build also writes dist/THIRD-PARTY-NOTICES.md:
// the licence of every package bundled, which the .vsix must carry.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
  metafile: true,
};

const entries = [
  // vscode is provided by the editor at run time.
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The Word engine (docx, mammoth, jszip), loaded by the server and the CLI only when a Word command runs.
  { entryPoints: ['server/src/word/index.ts'], outfile: 'dist/word.js' },
  // The print preview's webview script (and its stylesheet, dist/preview.css), run in the webview's browser.
  { entryPoints: ['client/src/preview/webview/main.ts'], outfile: 'dist/preview.js', platform: 'browser', format: 'iife', target: 'es2022' },
];

const contexts = await Promise.all(entries.map((e) => esbuild.context({ ...common, ...e })));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  const results = await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  writeFileSync('dist/THIRD-PARTY-NOTICES.md', notices(results.flatMap((r) => Object.keys(r.metafile.inputs))));
}

/** The hand-written notices (data derived from other projects) followed by each bundled package's licence. */
function notices(inputs) {
  const packages = new Set();
  for (const input of inputs) {
    const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (m) packages.add(m[1]);
  }
  const sections = [...packages]
    .map((dir) => ({ dir, meta: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
    .sort((a, b) => a.meta.name.localeCompare(b.meta.name) || a.dir.localeCompare(b.dir))
    .map(({ dir, meta }) => {
      const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
      const text = file ? readFileSync(join(dir, file), 'utf8').trim() : `(The package ships no licence file; its package.json says: ${meta.license ?? 'nothing'}.)`;
      return `## ${meta.name} ${meta.version}\n\nLicence: ${meta.license ?? 'see below'}\n\n\`\`\`\n${text}\n\`\`\`\n`;
    });
  const header = readFileSync('THIRD-PARTY-NOTICES.md', 'utf8').trim();
  return `${header}\n\n# Bundled packages\n\nThe bundles in dist/ include these packages.\n\n${sections.join('\n')}`;
}
