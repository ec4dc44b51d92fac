// TEMPORARY hand check of the drafting client glue; deleted after the run.
import assert from 'node:assert/strict';
import { closeWorkbench, openWorkbench, runCommand, screenshot, until, type Workbench } from './workbench';

describe('HANDCHECK drafting', function () {
  let wb: Workbench | undefined;
  before(async function () {
    wb = await openWorkbench('faults.speech.md');
  });
  after(async function () {
    await closeWorkbench(wb);
  });

  it('status bar, code lens, renumber, format, completion, check workspace, walkthrough', async function () {
    const page = wb!.page;
    const status = page.locator('[id="speech-tools.speech-drafts.speech.statistics"]');
    const text = await until(async () => ((await status.textContent().catch(() => '')) ?? '').trim(), (t) => t.length > 0, 45_000);
    console.log('STATUS BAR:', text);
    const lenses = await until(async () => page.locator('.contentWidgets .codelens-decoration').allTextContents(), (l) => l.length > 0, 30_000);
    console.log('CODE LENSES:', JSON.stringify(lenses));
    await screenshot(page, 'handcheck', '1-status-lens');
    // cursor to line 13 (三、)
    await page.keyboard.press('Control+G');
    await page.keyboard.type('13');
    await page.keyboard.press('Enter');
    await runCommand(page, 'Speech: Renumber Sections and Items');
    await page.waitForTimeout(1500);
    const lines = await page.locator('.editor-group-container.active .monaco-editor .view-lines').textContent();
    console.log('AFTER RENUMBER has 二、完善:', (lines ?? '').includes('二、完善协商机制'));
    await screenshot(page, 'handcheck', '2-renumbered');
    await page.keyboard.press('Control+Z');
    await page.waitForTimeout(800);
    const undone = await page.locator('.editor-group-container.active .monaco-editor .view-lines').textContent();
    console.log('AFTER UNDO back to 三、:', (undone ?? '').includes('三、完善协商机制'));
    await runCommand(page, 'Format Document');
    await page.waitForTimeout(1500);
    const formatted = await page.locator('.editor-group-container.active .monaco-editor .view-lines').textContent();
    console.log('AFTER FORMAT has 1～2名:', (formatted ?? '').includes('1～2名'));
    await screenshot(page, 'handcheck', '3-formatted');
    // completion at end of document on a new line
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Space');
    const suggest = await until(async () => page.locator('.suggest-widget .monaco-list-row').allTextContents(), (r) => r.length > 0, 15_000).catch(() => []);
    console.log('SUGGEST:', JSON.stringify(suggest.slice(0, 8)));
    await screenshot(page, 'handcheck', '4-completion');
    await page.keyboard.press('Escape');
    await runCommand(page, 'Speech: Check All Speech Drafts in the Workspace');
    const note = await until(async () => page.locator('.notifications-toasts .notification-list-item-message').allTextContents(), (n) => n.some((x) => x.includes('Checked')), 30_000).catch(() => []);
    console.log('NOTIFICATIONS:', JSON.stringify(note));
    await screenshot(page, 'handcheck', '5-checked');
    await runCommand(page, 'Welcome: Open Walkthrough...');
    await page.keyboard.type('Drafting speeches');
    await page.waitForTimeout(1500);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(3000);
    await screenshot(page, 'handcheck', '6-walkthrough');
    assert.ok(true);
  });
});
