/**
 * A quick fix from the light bulb repairs a half-width comma: the text in the
 * editor changes, that one problem leaves the Problems panel and its squiggle
 * goes, while the other half-width comma in the file stays reported.
 * Fixture: workspace/quickfix.speech.md, clean except for the two commas in
 * FIXED and KEPT (1-based lines, as the panel shows them).
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import {
  closeWorkbench,
  describeProblems,
  editorRows,
  goToPosition,
  openWorkbench,
  problemsFor,
  revertActiveEditor,
  screenshot,
  showProblems,
  until,
  type Workbench,
} from './workbench';

const FILE = 'quickfix.speech.md';
const RULE = 'halfwidth-punctuation';
/** The comma the test fixes. */
const FIXED = { line: 9, column: 4, after: '近年来，某市政协' };
/** The comma it leaves alone. */
const KEPT = { line: 11, text: '坚持每月集中学习,组织委员' };
const COMMAS = [FIXED.line, KEPT.line];

describe('Quick fix', function () {
  let wb: Workbench | undefined;

  before(async function () {
    wb = await openWorkbench(FILE);
  });

  afterEach(async function () {
    await screenshot(wb?.page, 'quickfix', this.currentTest?.title ?? '');
  });

  after(async function () {
    await revertActiveEditor(wb?.page);
    await closeWorkbench(wb);
  });

  it('repairs a half-width comma from the light bulb, and its problem and squiggle go', async function () {
    const page = wb!.page;
    await showProblems(page);
    const ruleProblems = async () => (await problemsFor(page, FILE)).filter((p) => p.code === RULE);
    const before = await until(ruleProblems, (ps) => ps.length >= COMMAS.length, 45_000);
    assert.deepEqual(
      before.map((p) => p.line),
      COMMAS,
      `${RULE} problems before the fix:\n${describeProblems(before)}`,
    );
    // The editor draws its squiggles a moment after the Problems panel lists the problems.
    const squigglesBefore = await until(() => warningSquiggles(page), (n) => n === COMMAS.length, 10_000);
    assert.equal(squigglesBefore, COMMAS.length, `warning squiggles before the fix: ${squigglesBefore}`);

    await goToPosition(page, FIXED.line, FIXED.column);
    const bulb = page.locator('.editor-group-container.active .lightBulbWidget');
    await bulb.waitFor({ timeout: 15_000 });
    await bulb.click();
    // The comma's fix is the preferred action, so the menu opens with it selected, and Enter applies it.
    const selected = page.locator('.action-widget .monaco-list-row.action.focused');
    await selected.waitFor({ timeout: 10_000 });
    const label = (await selected.getAttribute('aria-label')) ?? '';
    // Titled by what it does, not by the problem.
    assert.match(label, /^(Change to "，"|改为“，”)$/, `the light bulb menu opened with "${label}" selected`);
    // The menu is what the user chooses from; keep it in the evidence.
    await screenshot(page, 'quickfix', 'light-bulb-menu');
    await page.keyboard.press('Enter');

    const rows = await until(() => editorRows(page), (rs) => rs.some((r) => r.includes(FIXED.after)), 10_000);
    assert.ok(rows.some((r) => r.includes(FIXED.after)), `the editor does not show "${FIXED.after}" after the fix:\n${rows.join('\n')}`);
    // The fix changes only its own comma.
    assert.ok(rows.some((r) => r.includes(KEPT.text)), `the other comma changed too:\n${rows.join('\n')}`);

    const after = await until(ruleProblems, (ps) => ps.length < before.length, 15_000);
    assert.deepEqual(
      after.map((p) => p.line),
      [KEPT.line],
      `${RULE} problems after the fix:\n${describeProblems(after)}`,
    );
    const squigglesAfter = await until(() => warningSquiggles(page), (n) => n < squigglesBefore, 10_000);
    assert.equal(squigglesAfter, COMMAS.length - 1, `warning squiggles after the fix: ${squigglesAfter}`);
  });
});

/** Warning squiggles the active editor draws (one per warning diagnostic in view). */
async function warningSquiggles(page: Page): Promise<number> {
  return page.locator('.editor-group-container.active .monaco-editor .view-overlays .squiggly-warning').count();
}
