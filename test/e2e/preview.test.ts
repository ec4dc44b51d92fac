/**
 * The print preview (client/src/preview, laid out by the server's `speech/layout`): opened from the
 * palette beside the seed, it shows the seed's pages — as many as `speechlint layout` counts —
 * follows a paragraph typed into the draft, and a click on a printed line puts the editor's cursor
 * at that line's source. The screenshot of the preview beside the draft is the README's.
 * Fixture: workspace/seed.speech.md, the real compilation of 8 speeches.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { closeWorkbench, env, goToEnd, openWorkbench, revertActiveEditor, runCommand, screenshot, serverProcesses, settled, startedSince, until, type Workbench } from './workbench';

const FILE = 'seed.speech.md';
/** 30 sentences of 20 characters: 600 characters, more than the 22 × 28 − 2 cells a page holds after the indent, so a page more at least. */
const PARAGRAPH = '加强协商议政能力建设，提升履职尽责水平。'.repeat(30);

describe('Print preview', function () {
  let wb: Workbench | undefined;
  let opened = 0;

  before(async function () {
    opened = Date.now();
    wb = await openWorkbench(FILE);
  });

  afterEach(async function () {
    await screenshot(wb?.page, 'preview', this.currentTest?.title ?? '');
  });

  after(async function () {
    await revertActiveEditor(wb?.page);
    await closeWorkbench(wb);
  });

  it('shows the seed’s pages as the layout engine counts them', async function () {
    const page = wb!.page;
    // The editor's title bar has the button for a speech draft.
    await page.locator('.editor-group-container.active .editor-actions [aria-label="Open Print Preview"]').waitFor({ timeout: 15_000 });
    await runCommand(page, 'Speech: Open Print Preview');
    const preview = previewFrame(page);
    const shown = await until(() => pageCount(preview), (n) => n !== undefined, 45_000);
    const expected = enginePages(join(env.workspace, FILE));
    assert.equal(shown, expected, `the preview's header says ${String(shown)} pages; speechlint layout counts ${expected}: "${await summaryText(preview)}"`);
    assert.equal(await preview.locator('.page').count(), expected, 'pages drawn');
    assert.equal(await preview.locator('.page-number').first().textContent(), '— 1 —');
    // Nothing runs or loads but the packaged script and stylesheet.
    const csp = (await preview.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
    assert.match(csp, /^default-src 'none'; style-src [^;]+; script-src 'nonce-[^']+'; /);
    assert.doesNotMatch(csp, /unsafe|\*(?!\.vscode-cdn\.net)/);
    // The status bar tells the same count.
    const status = await until(() => statusText(page), (text) => /\d+ pages?/.test(text), 15_000);
    assert.match(status, new RegExp(`\\b${expected} pages\\b`));
    // The README's picture: the draft and its pages side by side.
    await page.screenshot({ path: join(env.artifacts, 'print-preview.png') });
  });

  it('counts a page more once a long paragraph is typed', async function () {
    const page = wb!.page;
    const preview = previewFrame(page);
    const before = await settled(() => pageCount(preview), (n) => n !== undefined, 1_000, 30_000);
    assert.ok(before !== undefined, `no page count: "${await summaryText(preview)}"`);
    await goToEnd(page);
    await page.keyboard.press('Enter');
    await page.keyboard.insertText(PARAGRAPH);
    const after = await until(() => pageCount(preview), (n) => n !== undefined && n > before, 30_000);
    assert.ok(after !== undefined && after > before, `the page count stayed ${before} after typing ${PARAGRAPH.length} characters: "${await summaryText(preview)}"`);
    assert.equal(await preview.locator('.page').count(), after, 'pages drawn after typing');
  });

  it('moves the editor’s cursor to the source of a clicked line', async function () {
    const page = wb!.page;
    const preview = previewFrame(page);
    const seed = readFileSync(join(env.workspace, FILE), 'utf8').split(/\r?\n/);
    // The first line of the second page: a body line well inside the seed as saved.
    const line = preview.locator('.page-frame[data-page="2"] .line').first();
    const target = { line: Number(await line.getAttribute('data-line')), character: Number(await line.getAttribute('data-character')) };
    const printed = ((await line.textContent()) ?? '').trim();
    assert.ok(printed.length > 0, 'the clicked line prints nothing');
    assert.ok(
      seed[target.line]?.slice(target.character).startsWith(printed.slice(0, 4)),
      `line ${target.line + 1}, character ${target.character + 1} of the seed does not start with the printed "${printed.slice(0, 4)}": "${seed[target.line]}"`,
    );
    await line.click();
    const expected = `Ln ${target.line + 1}, Col ${target.character + 1}`;
    const cursor = await until(() => cursorText(page), (text) => text.includes(expected), 15_000);
    assert.ok(cursor.includes(expected), `cursor at "${cursor}", expected ${expected}`);
  });

  it('follows the draft again after the language server restarts', async function () {
    const page = wb!.page;
    const preview = previewFrame(page);
    const ours = startedSince(opened);
    assert.equal(ours.length, 1, `expected one language server started for this window, found ${JSON.stringify(ours)} among ${JSON.stringify(serverProcesses())}`);
    const before = await settled(() => pageCount(preview), (n) => n !== undefined, 1_000, 30_000);
    assert.ok(before !== undefined);
    const killed = Date.now();
    process.kill(ours[0].pid, 'SIGKILL');
    const restarted = await until(async () => startedSince(killed).filter((p) => p.pid !== ours[0].pid), (now) => now.length === 1, 30_000);
    assert.equal(restarted.length, 1, `no new server process after killing ${ours[0].pid}`);
    await goToEnd(page);
    await page.keyboard.press('Enter');
    await page.keyboard.insertText(PARAGRAPH);
    const after = await until(() => pageCount(preview), (n) => n !== undefined && n > before, 45_000);
    assert.ok(after !== undefined && after > before, `the page count stayed ${before} after the restart and typing: "${await summaryText(preview)}"`);
  });
});

/** The webview's document: VS Code puts it in an iframe inside the webview element's iframe. */
function previewFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

async function summaryText(preview: FrameLocator): Promise<string> {
  return ((await preview.locator('#summary').textContent({ timeout: 5_000 }).catch(() => '')) ?? '').trim();
}

/** The page count in the preview's header (`3 pages · …`), undefined until one shows. */
async function pageCount(preview: FrameLocator): Promise<number | undefined> {
  const match = /(\d+) pages?\b/.exec(await summaryText(preview));
  return match ? Number(match[1]) : undefined;
}

/** Pages of the draft as the engine lays it out, from the built CLI (`speechlint layout --format json`). */
function enginePages(file: string): number {
  const out = execFileSync(process.execPath, [join(__dirname, '..', '..', 'dist', 'cli.js'), 'layout', file, '--format', 'json'], { encoding: 'utf8' });
  return (JSON.parse(out) as { pages: unknown[] }).pages.length;
}

async function statusText(page: Page): Promise<string> {
  const item = page.locator('.statusbar-item[id$=".speech.statistics"]');
  return ((await item.textContent().catch(() => '')) ?? '').replace(/\u00a0/g, ' ').trim();
}

/** The editor's cursor as the status bar shows it: `Ln 12, Col 3`. */
async function cursorText(page: Page): Promise<string> {
  return ((await page.locator('[id="status.editor.selection"]').textContent().catch(() => '')) ?? '').trim();
}
