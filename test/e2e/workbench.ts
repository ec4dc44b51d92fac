/**
 * Drives a real VS Code (code-server, started by scripts/e2e/run.sh) from
 * Debian's Chromium through playwright-core. Everything the tests need to
 * know about the server comes from environment variables, so the suite can
 * also be pointed at a code-server started by hand:
 *
 *   E2E_URL        base URL of code-server, e.g. http://127.0.0.1:41234/
 *   E2E_URL_ZH     base URL of a code-server in the Chinese display language (zh-cn)
 *   E2E_WORKSPACE  folder code-server should open (a path on the server)
 *   E2E_ARTIFACTS  where screenshots go (default test-artifacts/e2e)
 *   E2E_CHROMIUM   browser binary (default /usr/bin/chromium)
 *   E2E_HEADED     set to 1 to watch the browser (needs a display)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

// The callbacks passed to `evaluate` run in the page, where these globals
// exist. The project's tsconfig has no DOM lib (the server must not see
// one), so the few members used here are declared locally to this module.
interface PageElement {
  readonly textContent: string | null;
  readonly children: ArrayLike<PageElement>;
  getBoundingClientRect(): { top: number; left: number };
  getAttribute(name: string): string | null;
  querySelector(selector: string): PageElement | null;
}
declare function getComputedStyle(element: PageElement): { color: string };

export const env = {
  url: process.env.E2E_URL ?? '',
  urlZh: process.env.E2E_URL_ZH ?? '',
  workspace: process.env.E2E_WORKSPACE ?? '',
  artifacts: resolve(process.env.E2E_ARTIFACTS ?? 'test-artifacts/e2e'),
  chromium: process.env.E2E_CHROMIUM ?? '/usr/bin/chromium',
  headed: process.env.E2E_HEADED === '1',
};

// Flags from the shared notes (notes/real-vscode.md): no sandbox (we run as root in a
// container), no GPU, and nothing that reaches for Google's servers, which are
// unreachable here and would only add timeouts.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Docker's default 64 MB /dev/shm is too small for Chromium's renderer.
  '--disable-dev-shm-usage',
];

export interface Workbench {
  browser: Browser;
  page: Page;
}

/**
 * Launches Chromium, opens the workbench (in VS Code's display language `displayLanguage`: run.sh serves English and Chinese) on the test workspace (or one of its
 * folders, as a workspace of its own) and, if given, a file in it. A failure
 * here leaves a screenshot named after the file, since mocha runs no
 * afterEach hook for a failed `before`.
 */
export async function openWorkbench(fileName?: string, subfolder?: string, displayLanguage: 'en' | 'zh-cn' = 'en'): Promise<Workbench> {
  const base = displayLanguage === 'zh-cn' ? env.urlZh : env.url;
  if (!base || !env.workspace) {
    throw new Error('E2E_URL, E2E_URL_ZH and E2E_WORKSPACE are not set: run the suite through scripts/e2e/run.sh');
  }
  const browser = await chromium.launch({
    executablePath: env.chromium,
    headless: !env.headed,
    args: CHROMIUM_ARGS,
  });
  let page: Page | undefined;
  try {
    // A fixed size keeps screenshots comparable and every panel roomy enough
    // that the lists under test are not cut off by virtual scrolling.
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const url = new URL(base);
    url.searchParams.set('folder', subfolder ? join(env.workspace, subfolder) : env.workspace);
    await page.goto(url.toString());
    await page.locator('.monaco-workbench').waitFor({ timeout: 30_000 });
    // The explorer fills in once the remote file system answers; before that,
    // Quick Open may find nothing.
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 30_000 });
    // Quick Open, as a user opens a file: a click in the Explorer would leave the focus there, and the
    // activation test's Output picker then never lists the extension's channel.
    if (fileName) await quickOpen(page, fileName);
    return { browser, page };
  } catch (err) {
    await screenshot(page, 'setup-failed', fileName ?? 'workbench').catch(() => undefined);
    await browser.close();
    throw err;
  }
}

/**
 * Leaves the workbench the way a closed tab does, then closes the browser.
 * Leaving runs the workbench's shutdown, which ends this window's extension
 * host and our language server with it; a bare `browser.close()` only drops
 * the connection, and code-server keeps the extension host for a reconnect,
 * so every test file would leave one more language server running.
 */
export async function closeWorkbench(wb: Workbench | undefined): Promise<void> {
  if (!wb) return;
  await wb.page.goto('about:blank').catch(() => undefined);
  await wb.browser.close();
}

/**
 * Opens a workspace file, or brings its tab to the front: a click on its tab or
 * on its row in the Explorer when it shows there (no file search, which can
 * take long on a loaded machine), else Quick Open.
 */
export async function openFile(page: Page, fileName: string): Promise<void> {
  const tab = page.locator(`.tabs-container .tab[data-resource-name="${fileName}"]`);
  const row = page.locator('.explorer-folders-view .monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });
  if ((await tab.count()) > 0) await tab.first().click();
  else if ((await row.count()) > 0) await row.first().click();
  else {
    await quickOpen(page, fileName);
    return;
  }
  await page.locator(`.tabs-container .tab.active[data-resource-name="${fileName}"]`).waitFor();
  await page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line').first().waitFor();
}

/** Opens a workspace file the way a user would: Ctrl+P, its name, Enter. */
export async function quickOpen(page: Page, fileName: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor();
  await input.fill(fileName);
  // Enter picks the focused row; wait until the file search has put our file
  // there, not a stale "recently opened" entry.
  // The file search runs ripgrep over the workspace: on a loaded machine it takes its time.
  await page
    .locator('.quick-input-widget .monaco-list-row.focused', { hasText: fileName })
    .waitFor({ timeout: 45_000 });
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab.active[data-resource-name="${fileName}"]`).waitFor();
  await page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line').first().waitFor();
}

/** Runs a command from the palette by its full label, e.g. "View: Focus Problems (Errors, Warnings, Infos)". */
export async function runCommand(page: Page, label: string, then: 'closes' | 'opensPicker' = 'closes'): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor();
  await input.fill(`>${label}`);
  await page
    .locator('.quick-input-widget .monaco-list-row.focused', { hasText: label })
    .waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  // A command that asks for a choice (`Welcome: Open Walkthrough...`) puts its own picker where the palette was.
  if (then === 'opensPicker') await until(() => input.inputValue(), (value) => !value.startsWith('>'));
  else await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** The label in the status bar's language-mode item ("Plain Text", "发言稿", ...). */
export async function languageMode(page: Page): Promise<string> {
  const item = page.locator('[id="status.editor.mode"]');
  return ((await item.textContent()) ?? '').trim();
}

/** One coloured run of text as the editor rendered it. */
export interface TokenSpan {
  /** Index of the rendered (visual) line from the top of the viewport. */
  row: number;
  text: string;
  color: string;
}

/**
 * The token spans of the lines the active editor currently renders, top to
 * bottom. Monaco positions its line divs absolutely and not in DOM order,
 * so rows are sorted by their on-screen position.
 */
export async function renderedTokens(page: Page): Promise<TokenSpan[]> {
  const lines = page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line');
  const rows = await lines.evaluateAll((elements: PageElement[]) =>
    elements
      .map((line) => ({
        top: line.getBoundingClientRect().top,
        spans: Array.from(line.children[0]?.children ?? []).map((span) => ({
          text: span.textContent ?? '',
          color: getComputedStyle(span).color,
        })),
      }))
      .sort((a, b) => a.top - b.top),
  );
  return rows.flatMap((r, row) => r.spans.map((s) => ({ row, ...s })));
}

/** A row of a VS Code list or tree (Problems, Outline, ...). */
export interface ListRow {
  /** Position in the whole list, not just the rendered part. */
  index: number;
  /** Depth in a tree, 1 for top-level rows. */
  level: number;
  ariaLabel: string;
  /** Trimmed text of the first element matching each requested selector ('' if none). */
  parts: Record<string, string>;
}

/**
 * The rendered rows of the list matching `rowSelector`, in list order. Lists
 * are virtual: only rows in view exist, and the DOM order is not the list
 * order, so rows are sorted by their `data-index`.
 */
export async function listRows(page: Page, rowSelector: string, parts: Record<string, string>): Promise<ListRow[]> {
  return page.locator(rowSelector).evaluateAll(
    (elements: PageElement[], selectors: Record<string, string>) =>
      elements
        .map((row) => ({
          index: Number(row.getAttribute('data-index')),
          level: Number(row.getAttribute('aria-level') ?? '1'),
          ariaLabel: row.getAttribute('aria-label') ?? '',
          parts: Object.fromEntries(
            Object.entries(selectors).map(([name, selector]) => [name, row.querySelector(selector)?.textContent?.trim() ?? '']),
          ),
        }))
        .sort((a, b) => a.index - b.index),
    parts,
  );
}

/** One row of the Problems panel under a file. */
export interface Problem {
  /** 1-based, as the panel shows it. */
  line: number;
  /** The rule id ('' for diagnostics without a code, such as configuration faults). */
  code: string;
  /** Who reported it: "speechlint" for our server. */
  source: string;
  severity: string;
  message: string;
}

/** Opens the Problems panel unless it is showing. */
export async function showProblems(page: Page): Promise<void> {
  if (!(await page.locator('.markers-panel').isVisible())) {
    await page.keyboard.press('Control+Shift+M');
  }
  await page.locator('.markers-panel').waitFor();
}

/**
 * The marker rows under the file's row in the Problems tree. The tree is
 * flat in the DOM: a file row (aria-level 1) is followed by its markers
 * (level 2) and their related information (level 3).
 */
export async function problemsFor(page: Page, fileName: string): Promise<Problem[]> {
  const rows = await listRows(page, '.markers-panel .monaco-list-row', {
    file: '.label-name',
    message: '.marker-message',
    source: '.marker-source',
    code: '.marker-code',
    line: '.marker-line',
  });
  const problems: Problem[] = [];
  let inFile = false;
  for (const row of rows) {
    if (row.level === 1) inFile = row.parts.file === fileName;
    if (!inFile || row.level !== 2) continue;
    problems.push({
      line: Number(/Ln (\d+)/.exec(row.parts.line ?? '')?.[1] ?? NaN),
      code: row.parts.code ?? '',
      source: row.parts.source ?? '',
      // "Error: <message> at line 13 ..."
      severity: /^(\w+):/.exec(row.ariaLabel)?.[1] ?? '?',
      message: row.parts.message ?? '',
    });
  }
  return problems;
}

/** The problems as the panel lists them, one per line, for assertion messages. */
export function describeProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `  [Ln ${p.line}] ${p.severity} ${p.source}(${p.code}): ${p.message}`).join('\n') || '  (none)';
}

const ACTIVE_EDITOR = '.editor-group-container.active .monaco-editor';

/**
 * The text of the lines the active editor renders, top to bottom (one entry
 * per visual row). Monaco draws spaces as no-break spaces; they are turned back.
 */
export async function editorRows(page: Page): Promise<string[]> {
  const rows = await page.locator(`${ACTIVE_EDITOR} .view-lines .view-line`).evaluateAll((elements: PageElement[]) =>
    elements.map((line) => ({ top: line.getBoundingClientRect().top, text: line.textContent ?? '' })).sort((a, b) => a.top - b.top),
  );
  return rows.map((r) => r.text.replace(/\u00a0/g, ' '));
}

/** Puts the cursor at the end of the active editor's text, with the focus in the editor. */
export async function goToEnd(page: Page): Promise<void> {
  await page.locator(`${ACTIVE_EDITOR} .view-lines`).click();
  await page.keyboard.press('Control+End');
}

/** Moves the cursor to a 1-based line and column with Go to Line (Ctrl+G), as a user would. */
export async function goToPosition(page: Page, line: number, column: number): Promise<void> {
  await page.locator(`${ACTIVE_EDITOR} .view-lines`).click();
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor();
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Throws away the active editor's unsaved edits, so the next test (and the next window) sees the fixture as it is on disk. */
export async function revertActiveEditor(page: Page | undefined): Promise<void> {
  if (!page || page.isClosed()) return;
  await page.keyboard.press('Escape');
  await runCommand(page, 'File: Revert File');
}

/** Polls `read` until `accept` holds or `timeoutMs` passes; returns the last value either way. */
export async function until<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Polls `read` until `accept` holds and the value has stayed the same for
 * `quietMs`, for figures that arrive in several updates; returns the last
 * value when `timeoutMs` passes first.
 */
export async function settled<T>(read: () => Promise<T>, accept: (value: T) => boolean, quietMs: number, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  let since = Date.now();
  for (;;) {
    if (accept(last) && Date.now() - since >= quietMs) return last;
    if (Date.now() > deadline) return last;
    await new Promise((r) => setTimeout(r, 250));
    const value = await read();
    if (JSON.stringify(value) !== JSON.stringify(last)) {
      last = value;
      since = Date.now();
    }
  }
}

/**
 * Saves a screenshot under E2E_ARTIFACTS. Names are ASCII slugs of the test
 * titles so the files survive any CI artifact store.
 */
export async function screenshot(page: Page | undefined, ...nameParts: string[]): Promise<string | undefined> {
  if (!page || page.isClosed()) return undefined;
  mkdirSync(env.artifacts, { recursive: true });
  const slug = nameParts
    .join('--')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-{3,}/g, '--')
    .replace(/^-+|-+$/g, '');
  const path = join(env.artifacts, `${slug || 'screenshot'}.png`);
  await page.screenshot({ path });
  return path;
}

/** The extension's output channel (client/src/extension.ts). */
export const OUTPUT_CHANNEL = '发言稿检查 / Speech';

export interface ServerProcess {
  pid: number;
  /** When it started (ms since the epoch, to the second). */
  started: number;
}

/**
 * Our language servers: node processes running the e2e install's dist/server.js.
 * Earlier test files' windows may keep theirs (code-server keeps an extension
 * host for a while after its browser window closes), hence the start times.
 */
export function serverProcesses(): ServerProcess[] {
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
export const startedSince = (since: number): ServerProcess[] => serverProcesses().filter((p) => p.started >= since - 1000);

/** The text the Output panel shows for the channel in view (the lines in view; new ones are scrolled to). */
export async function outputText(page: Page): Promise<string> {
  const lines = await page.locator('.panel .output-view .view-lines .view-line, .panel [id="workbench.panel.output"] .view-lines .view-line').allTextContents();
  // Monaco renders spaces as no-break spaces.
  return lines.join('\n').replace(/\u00a0/g, ' ');
}

/** Shows an output channel through the palette: "Output: Show Output Channels...", then the channel in the second picker. */
export async function showOutputChannel(page: Page, name: string): Promise<void> {
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
