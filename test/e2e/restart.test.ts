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
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { closeWorkbench, env, openWorkbench, runCommand, screenshot, settled, until, type Workbench } from './workbench';

const FILE = 'faults.speech.md';
const CHANNEL = '发言稿检查 / Speech';
/** Both halves of the client's restart notice (client/src/extension.ts). */
const RESTART_NOTICE = ['正在重新启动', 'is being restarted'];

interface ServerProcess {
  pid: number;
  /** When it started (ms since the epoch, to the second). */
  started: number;
}

/**
 * Our language servers: node processes running the e2e install's dist/server.js.
 * Earlier test files' windows may keep theirs (code-server keeps an extension
 * host for a while after its browser window closes), hence the start times.
 */
function serverProcesses(): ServerProcess[] {
  const extensions = join(dirname(env.workspace), 'extensions');
  return execFileSync('ps', ['-eo', 'pid=,etimes=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(extensions) && /\/dist\/server\.js\b/.test(line))
    .map((line) => {
      const [pid, elapsed] = line.trim().split(/\s+/, 2).map(Number);
      return { pid, started: Date.now() - elapsed * 1000 };
    });
}

/** The servers started at or after `since` (one second of slack for `ps`'s whole seconds). */
const startedSince = (since: number): ServerProcess[] => serverProcesses().filter((p) => p.started >= since - 1000);

/** The status bar's problem counts, e.g. "Errors: 2, Warnings: 3" (its accessible label). */
async function problemCounts(page: Page): Promise<string> {
  const item = page.locator('[id="status.problems"]');
  return ((await item.getAttribute('aria-label')) ?? (await item.textContent()) ?? '').trim();
}

const hasProblems = (counts: string): boolean => /[1-9]/.test(counts);
const warnings = (counts: string): number => Number(/Warnings: (\d+)/.exec(counts)?.[1] ?? NaN);

/** The text the Output panel shows for our channel (the lines in view; new ones are scrolled to). */
async function outputText(page: Page): Promise<string> {
  const lines = await page.locator('.panel .output-view .view-lines .view-line, .panel [id="workbench.panel.output"] .view-lines .view-line').allTextContents();
  // Monaco renders spaces as no-break spaces.
  return lines.join('\n').replace(/\u00a0/g, ' ');
}

/** Shows an output channel through the palette: "Output: Show Output Channels...", then the channel in the second picker. */
async function showOutputChannel(page: Page, name: string): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  const pick = async (text: string, row: string): Promise<void> => {
    await input.waitFor();
    await input.fill(text);
    await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: row }).waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
  };
  await page.keyboard.press('F1');
  await pick('>Output: Show Output Channels', 'Output: Show Output Channels');
  await pick(name, name);
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

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

    await showOutputChannel(page, CHANNEL);
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
