/**
 * A crashed language server comes back: the test kills the server process
 * (SIGKILL, as a crash would end it), and the client restarts it, says so in
 * its output channel in both languages, the draft's problems come back, and
 * an edit is checked by the new server.
 * Fixture: workspace/faults.speech.md (its faults: problems.test.ts).
 *
 * The server is found with `ps`: the `dist/server.js` of the extension that
 * scripts/e2e/run.sh installed beside the workspace copy (`<run>/extensions`
 * next to `<run>/workspace`), started since this test's window opened — so
 * no other VS Code's server, nor an earlier test window's, is ever touched.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { closeWorkbench, openWorkbench, OUTPUT_CHANNEL, outputText, runCommand, screenshot, serverProcesses, settled, showOutputChannel, startedSince, until, type Workbench } from './workbench';

const FILE = 'faults.speech.md';
/** Both halves of the client's restart notice (client/src/extension.ts). */
const RESTART_NOTICE = ['正在重新启动', 'is being restarted'];

/** The status bar's problem counts, e.g. "Errors: 2, Warnings: 3" (its accessible label). */
async function problemCounts(page: Page): Promise<string> {
  const item = page.locator('[id="status.problems"]');
  return ((await item.getAttribute('aria-label')) ?? (await item.textContent()) ?? '').trim();
}

const hasProblems = (counts: string): boolean => /[1-9]/.test(counts);
const warnings = (counts: string): number => Number(/Warnings: (\d+)/.exec(counts)?.[1] ?? NaN);

describe('Server restart', function () {
  let wb: Workbench | undefined;
  let opened = 0;

  before(async function () {
    opened = Date.now();
    wb = await openWorkbench(FILE);
  });

  afterEach(async function () {
    await screenshot(wb?.page, 'restart', this.currentTest?.title ?? '');
  });

  after(async function () {
    await closeWorkbench(wb);
  });

  it('restarts a killed server, says so in its output channel, and the problems come back', async function () {
    const page = wb!.page;
    // The draft's problems and those of broken-config/.speechlintrc.json (found at start-up) arrive
    // in separate notifications: take the counts once they have stopped changing.
    const before = await settled(() => problemCounts(page), hasProblems, 3_000, 45_000);
    assert.ok(hasProblems(before), `no problems reported for ${FILE} before the kill: "${before}"`);
    const ours = startedSince(opened);
    assert.equal(ours.length, 1, `expected one language server started for this window, found ${JSON.stringify(ours)} among ${JSON.stringify(serverProcesses())}`);

    const killed = Date.now();
    process.kill(ours[0].pid, 'SIGKILL');

    const restarted = await until(async () => startedSince(killed).filter((p) => p.pid !== ours[0].pid), (now) => now.length === 1, 30_000);
    assert.equal(restarted.length, 1, `no new server process after killing ${ours[0].pid}: ${JSON.stringify(serverProcesses())}`);

    await showOutputChannel(page, OUTPUT_CHANNEL);
    const output = await until(() => outputText(page), (text) => RESTART_NOTICE.every((part) => text.includes(part)), 30_000);
    for (const part of RESTART_NOTICE) assert.ok(output.includes(part), `the output channel does not say "${part}":\n${output}`);

    // The client clears a crashed server's diagnostics before restarting it: problems now are the new server's.
    const after = await until(() => problemCounts(page), (counts) => counts === before, 45_000);
    assert.equal(after, before, 'the problems after the restart differ from those before');
    console.log(`      problems before and after the restart: ${before}`);

    // And the new server checks edits: a misspelt term at the end adds a warning.
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n\n布署工作。');
    const edited = await until(() => problemCounts(page), (counts) => warnings(counts) > warnings(before), 30_000);
    assert.ok(warnings(edited) > warnings(before), `no new warning after typing a misspelt term: "${edited}"`);
    await runCommand(page, 'File: Revert File');
  });
});
