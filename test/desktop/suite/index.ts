/**
 * What VS Code's extension host loads for `npm run test:desktop`
 * (`--extensionTestsPath`): runs the suite with mocha and rejects when a test
 * fails, which makes VS Code exit with a failure status.
 */
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: true });
  // The tests are bundled into this file rather than loaded by mocha from disk:
  // give them mocha's `describe` and `it` before their module body runs.
  mocha.suite.emit('pre-require', globalThis, 'extension.test.ts', mocha);
  await import('./extension.test');
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} desktop test${failures === 1 ? '' : 's'} failed`);
}
