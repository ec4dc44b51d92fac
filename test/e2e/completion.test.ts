/**
 * Completion offers the next section marker: in a new paragraph after the
 * section `一、`, Ctrl+Space lists `二、` first (and never `三、`), and
 * accepting it writes `二、` into the draft.
 * Fixture: workspace/completion.speech.md, one speech whose body ends with
 * the section `一、` (and a final line break, so Ctrl+End lands on an empty line).
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { closeWorkbench, editorRows, goToEnd, listRows, openWorkbench, revertActiveEditor, screenshot, until, type Workbench } from './workbench';

const FILE = 'completion.speech.md';
const LAST_SECTION = '一、加强理论学习';

describe('Completion', function () {
  let wb: Workbench | undefined;

  before(async function () {
    wb = await openWorkbench(FILE);
  });

  afterEach(async function () {
    await screenshot(wb?.page, 'completion', this.currentTest?.title ?? '');
  });

  after(async function () {
    await revertActiveEditor(wb?.page);
    await closeWorkbench(wb);
  });

  it('offers 二、 after the section 一、 and inserts it', async function () {
    const page = wb!.page;
    // The draft must be on screen before the cursor goes to its end.
    await until(() => editorRows(page), (rs) => rs.some((r) => r.startsWith(LAST_SECTION)), 15_000);
    await goToEnd(page);
    // A blank line, then the new paragraph, as the fixture separates its paragraphs.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Space');

    const labels = await until(() => suggestions(page), (ls) => ls.includes('二、'), 30_000);
    assert.ok(labels.includes('二、'), `the suggest widget does not offer 二、: ${JSON.stringify(labels)}`);
    assert.ok(!labels.includes('三、'), `the suggest widget offers 三、 after 一、: ${JSON.stringify(labels)}`);
    const focused = await page.locator('.suggest-widget .monaco-list-row.focused .label-name').textContent();
    assert.equal(focused?.trim(), '二、', `the suggestion selected first is "${focused}", not 二、 (offered: ${JSON.stringify(labels)})`);
    // Keep the open widget in the evidence before accepting.
    await screenshot(page, 'completion', 'suggest-widget');

    await page.keyboard.press('Enter');
    // Poll for the whole shape: a line just added may be drawn for a moment before it is moved to its place.
    const tail = (rs: string[]): string[] => rs.slice(rs.findIndex((r) => r.startsWith(LAST_SECTION)) + 1);
    const rows = await until(() => editorRows(page), (rs) => tail(rs).join('\n') === '\n二、', 10_000);
    assert.deepEqual(tail(rows), ['', '二、'], `the draft does not end with a blank line and 二、:\n${rows.join('\n')}`);
  });
});

/** The labels of the open suggest widget, top to bottom. */
async function suggestions(page: Page): Promise<string[]> {
  if (!(await page.locator('.suggest-widget.visible').isVisible())) return [];
  const rows = await listRows(page, '.suggest-widget .monaco-list-row', { label: '.label-name' });
  return rows.map((r) => r.parts.label ?? '');
}
