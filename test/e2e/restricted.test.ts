/**
 * Restricted Mode: a folder the user has not trusted is checked with the
 * defaults, its `.speechlintrc.json` unread, and the status bar's tooltip
 * says so; trusting the folder applies the configuration without a restart.
 *
 * The shared code-server of scripts/e2e/run.sh runs with workspace trust off
 * (every other test wants a trusted folder without a prompt), so this file
 * starts a code-server of its own, with workspace trust on and no startup
 * prompt (an untrusted folder then opens in Restricted Mode), over the same
 * installed extension (`<run>/extensions` beside `<run>/workspace`), and
 * stops it by its process group at the end.
 * The folder is made here: a configuration turning `latin-word` off, workspace
 * settings turning `number-range` off through `speech.rules` (a restricted
 * setting: VS Code ignores its workspace value in Restricted Mode), and the
 * draft of workspace/broken-config with an English word on line 9 and a
 * number range on line 11.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { closeWorkbench, describeProblems, env, openWorkbench, problemsFor, runCommand, screenshot, showProblems, until, type Problem, type Workbench } from './workbench';

const ROOT = resolve(__dirname, '../..');
const CODE_SERVER = join(ROOT, '.e2e/code-server/node_modules/.bin/code-server');
const CS_CONFIG = join(ROOT, '.e2e/code-server.yaml');
const DRAFT = 'draft-under-broken-config.speech.md';
/** The draft's English word ("and", line 9), which the folder's configuration turns off. */
const LATIN_WORD = { line: 9, code: 'latin-word' };
/** The draft's "1-2" (line 11), which the folder's settings turn off. */
const NUMBER_RANGE = { line: 11, code: 'number-range' };
/** The server's note (server/src/lsp/workspaceConfig.ts), in either display language. */
const RESTRICTED_NOTE = /受限模式：未读取工作区的配置文件|Restricted Mode: the workspace configuration files \(\.speechlintrc\.json\) are not read/;

describe('Restricted Mode', function () {
  let run: string;
  let codeServer: ChildProcess | undefined;
  let wb: Workbench | undefined;
  const saved = { url: env.url, workspace: env.workspace };

  before(async function () {
    if (!env.workspace) throw new Error('E2E_WORKSPACE is not set: run the suite through scripts/e2e/run.sh');
    run = mkdtempSync(join(tmpdir(), 'speech-e2e-restricted-'));
    const folder = join(run, 'untrusted');
    mkdirSync(folder);
    writeFileSync(join(folder, '.speechlintrc.json'), JSON.stringify({ rules: { 'latin-word': 'off' } }, null, 2));
    mkdirSync(join(folder, '.vscode'));
    writeFileSync(join(folder, '.vscode', 'settings.json'), JSON.stringify({ 'speech.rules': { 'number-range': 'off' } }, null, 2));
    copyFileSync(join(ROOT, 'test/e2e/workspace/broken-config', DRAFT), join(folder, DRAFT));
    const userData = join(run, 'user-data');
    mkdirSync(join(userData, 'User'), { recursive: true });
    writeFileSync(
      join(userData, 'User', 'settings.json'),
      JSON.stringify({
        'workbench.startupEditor': 'none',
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
        'workbench.tips.enabled': false,
        'workbench.colorTheme': 'Default Dark Modern',
        'security.workspace.trust.enabled': true,
        // No dialog: an untrusted folder opens in Restricted Mode straight away.
        'security.workspace.trust.startupPrompt': 'never',
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'git.enabled': false,
        'editor.unicodeHighlight.ambiguousCharacters': false,
      }),
    );
    const port = await freePort();
    // detached: its own process group, so the extension host and our server stop with it.
    codeServer = spawn(
      CODE_SERVER,
      [
        '--config', CS_CONFIG,
        '--auth', 'none',
        '--bind-addr', `127.0.0.1:${port}`,
        '--disable-telemetry', '--disable-update-check',
        '--user-data-dir', userData,
        '--extensions-dir', join(dirname(env.workspace), 'extensions'),
        folder,
      ],
      { detached: true, stdio: 'ignore' },
    );
    env.url = `http://127.0.0.1:${port}/`;
    env.workspace = folder;
    await until(() => fetch(`${env.url}healthz`).then((r) => r.ok, () => false), (ok) => ok, 60_000);
    wb = await openWorkbench(DRAFT);
  });

  afterEach(async function () {
    await screenshot(wb?.page, 'restricted', this.currentTest?.title ?? '');
  });

  after(async function () {
    await closeWorkbench(wb);
    Object.assign(env, saved);
    // Gone before the next test file starts: a code-server still shutting down would load the machine under it.
    if (codeServer?.pid) await stopGroup(codeServer, codeServer.pid);
    if (run) rmSync(run, { recursive: true, force: true });
  });

  it('checks the draft without the folder’s configuration, and says so in the status bar', async function () {
    const page = wb!.page;
    await showProblems(page);
    const reported = (problems: Problem[], fault: { line: number; code: string }): boolean => problems.some((p) => p.line === fault.line && p.code === fault.code);
    const draft = await until(() => problemsFor(page, DRAFT), (problems) => reported(problems, LATIN_WORD) && reported(problems, NUMBER_RANGE), 45_000);
    const listing = `Problems panel for ${DRAFT}:\n${describeProblems(draft)}`;
    assert.ok(reported(draft, LATIN_WORD), `latin-word, which the untrusted folder's configuration turns off, is not reported. ${listing}`);
    assert.ok(reported(draft, NUMBER_RANGE), `number-range, which the untrusted folder's speech.rules turns off, is not reported. ${listing}`);
    assert.deepEqual(await problemsFor(page, '.speechlintrc.json'), [], 'the configuration file was read and marked');

    const tooltip = await until(() => statusTooltip(page), (text) => RESTRICTED_NOTE.test(text), 30_000);
    assert.match(tooltip, RESTRICTED_NOTE, `the status bar's tooltip does not mention Restricted Mode: "${tooltip}"`);
  });

  it('applies the configuration and the workspace settings once the folder is trusted, without a restart', async function () {
    const page = wb!.page;
    await runCommand(page, 'Workspaces: Manage Workspace Trust');
    await page.getByRole('button', { name: /^Trust( Folder)?$/ }).first().click();
    await showProblems(page);
    const silenced = [LATIN_WORD.code, NUMBER_RANGE.code];
    const draft = await until(() => problemsFor(page, DRAFT), (problems: Problem[]) => !problems.some((p) => silenced.includes(p.code)), 45_000);
    assert.ok(!draft.some((p) => silenced.includes(p.code)), `latin-word or number-range is still reported after trusting the folder:\n${describeProblems(draft)}`);
  });
});

/** The tooltip of our status bar item, read from the hover it shows ('' when none shows). */
async function statusTooltip(page: Page): Promise<string> {
  const item = page.locator('.statusbar-item[id$=".speech.statistics"]');
  if (!(await item.isVisible())) return '';
  await page.mouse.move(0, 0);
  await item.hover();
  const hover = page.locator('.workbench-hover, .monaco-hover').filter({ hasText: /\S/ }).last();
  try {
    await hover.waitFor({ timeout: 5_000 });
  } catch {
    return '';
  }
  return ((await hover.textContent()) ?? '').replace(/\u00a0/g, ' ');
}

/** Stops the process group led by `child`: SIGTERM, then SIGKILL if it is not gone within 10 s. */
async function stopGroup(child: ChildProcess, pid: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const signal = (name: NodeJS.Signals): void => {
    try {
      process.kill(-pid, name);
    } catch {
      // Already gone.
    }
  };
  signal('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const late = await Promise.race([exited.then(() => false), new Promise<boolean>((done) => (timer = setTimeout(() => done(true), 10_000)))]);
  clearTimeout(timer);
  // The group's other members (extension host, language server) go with the leader's SIGKILL too.
  signal(late ? 'SIGKILL' : 'SIGTERM');
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}
