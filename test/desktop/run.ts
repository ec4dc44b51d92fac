/**
 * `npm run test:desktop`: the API-level suite in test/desktop/suite, run in a
 * desktop VS Code that @vscode/test-electron downloads from
 * update.code.visualstudio.com (kept in .e2e/vscode-desktop for later runs),
 * with this folder as the extension under development and a copy of the e2e
 * fixtures (test/e2e/workspace) as the workspace.
 *
 * For maintainers whose machine can reach that download. CI cannot, and runs
 * the same features through code-server instead (`npm run test:e2e`).
 *
 *   VSCODE_TEST_VERSION=1.100.0 npm run test:desktop   pin a version (default: the newest
 *                                                      release package.json's engines allow)
 *   xvfb-run -a npm run test:desktop                   on Linux without a display
 *
 * The suite runs inside VS Code's extension host, which loads plain
 * JavaScript: it is bundled first, `vscode` (given by the host) and mocha
 * (found in node_modules from .e2e/) left out.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { build } from 'esbuild';

const ROOT = join(__dirname, '..', '..');
const DOWNLOADS = join(ROOT, '.e2e', 'vscode-desktop');
const SUITE = join(ROOT, '.e2e', 'desktop-suite', 'index.js');
/** How long a download may go without receiving data before it is given up (test-electron's idle timeout). */
const DOWNLOAD_IDLE_MS = 20_000;

const UNREACHABLE_NOTE = `
The desktop tests need a VS Code download from update.code.visualstudio.com,
which this machine cannot reach. Nothing was tested. The same features are
tested in a real VS Code served by code-server, which installs from npm:

  npm run test:e2e
`;

function describeError(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

async function bundleSuite(): Promise<void> {
  await build({
    entryPoints: [join(ROOT, 'test', 'desktop', 'suite', 'index.ts')],
    outfile: SUITE,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
    // Failures then point at the TypeScript lines.
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

async function main(): Promise<number> {
  await bundleSuite();

  let vscodeExecutablePath: string;
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({
      version: process.env.VSCODE_TEST_VERSION,
      cachePath: DOWNLOADS,
      extensionDevelopmentPath: ROOT,
      timeout: DOWNLOAD_IDLE_MS,
    });
  } catch (err) {
    console.error(`\nCould not download VS Code: ${describeError(err)}`);
    console.error(UNREACHABLE_NOTE);
    return 1;
  }

  // A throw-away profile and workspace: the tests edit a draft (and revert it), and no setting of the maintainer's own VS Code applies.
  const run = mkdtempSync(join(tmpdir(), 'speech-desktop-'));
  try {
    const workspace = join(run, 'workspace');
    cpSync(join(ROOT, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: SUITE,
      launchArgs: [workspace, '--disable-extensions', `--user-data-dir=${join(run, 'user-data')}`, `--extensions-dir=${join(run, 'extensions')}`],
    });
    return 0;
  } catch (err) {
    console.error(`Desktop tests failed: ${describeError(err)}`);
    return 1;
  } finally {
    rmSync(run, { recursive: true, force: true });
  }
}

main().then(
  (status) => process.exit(status),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
