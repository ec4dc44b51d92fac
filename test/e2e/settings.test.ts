/**
 * The Settings UI: a click on the status bar's speaking time opens Settings at
 * the reading pace, a number whose change the status bar follows; and a rule's
 * severity is a choice there whose change the Problems panel follows.
 * Fixture: workspace/quickfix.speech.md (one speech with half-width commas).
 * Every setting changed is put back, since later test files share the profile.
 */
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { closeWorkbench, openFile, openWorkbench, problemsFor, runCommand, screenshot, showProblems, until, type Workbench } from './workbench';

const FILE = 'quickfix.speech.md';
const RULE = 'halfwidth-punctuation';
/** `1234 chars · ~5.7 min` (English UI) or `1234字 · 约5.7分钟` (Chinese UI): one speech, one pair. */
const FIGURES = /(\d[\d,]*) ?(?:chars|字) · (?:~|约)(\d+\.\d)(?: min|分钟)/;

describe('Settings UI', function () {
  let wb: Workbench | undefined;

  before(async function () {
    wb = await openWorkbench(FILE);
  });

  afterEach(async function () {
    await screenshot(wb?.page, 'settings', this.currentTest?.title ?? '');
  });

  after(async function () {
    await closeWorkbench(wb);
  });

  it('opens at the reading pace from the status bar, and the speaking time follows a new pace', async function () {
    const page = wb!.page;
    const before = await until(() => figures(page), (f) => f !== undefined, 45_000);
    assert.ok(before, 'no speaking time in the status bar');
    await page.locator('.statusbar-item[id$=".speech.statistics"]').click();
    const pace = settingRow(page, 'speech.readingPace');
    await pace.waitFor({ timeout: 20_000 });
    const input = pace.locator('input').first();
    await screenshot(page, 'settings', 'reading-pace');
    // Half the default pace of 220: the minutes double (to the one decimal shown).
    // Typed as a user types: the Settings UI writes the value a moment after the last key.
    await input.click();
    await page.keyboard.type('110');
    await until(() => input.inputValue(), (v) => v === '110', 5_000);
    await page.waitForTimeout(1_500);
    await screenshot(page, 'settings', 'reading-pace-110');
    try {
      await openFile(page, FILE);
      const after = await until(() => figures(page), (f) => f !== undefined && f.minutes !== before.minutes, 45_000);
      assert.ok(after, 'the speaking time disappeared');
      assert.equal(after.chars, before.chars);
      assert.ok(Math.abs(after.minutes - (before.chars / 110)) <= 0.051, `at 110 characters a minute, ${after.chars} characters read as ${after.minutes} minutes`);
      // The lens over the title follows too: its minutes are the status bar's.
      const lens = `${after.minutes.toFixed(1)}`;
      const lenses = await until(
        () => page.locator('.editor-group-container.active .contentWidgets .codelens-decoration, .editor-group-container.active .codelens-decoration').allTextContents(),
        (texts) => texts.some((t) => t.includes(lens)),
        30_000,
      );
      assert.ok(lenses.some((t) => t.includes(lens)), `no code lens shows ${lens} minutes: ${lenses.join(' | ')}`);
      await screenshot(page, 'settings', 'status-bar-at-110');
    } finally {
      // Emptied, the pace is unset again: the configuration's pace counts.
      await page.locator('.tabs-container .tab', { hasText: /Settings|设置/ }).first().click();
      await input.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace');
      await until(() => input.inputValue(), (v) => v === '', 5_000);
      await page.waitForTimeout(1_500);
    }
  });

  it('offers each rule’s severity as a choice, and the Problems panel follows it', async function () {
    const page = wb!.page;
    await openFile(page, FILE);
    await showProblems(page);
    const ruleProblems = async () => (await problemsFor(page, FILE)).filter((p) => p.code === RULE);
    // Earlier test files may have fixed one of the two commas: count what is there.
    const before = await until(ruleProblems, (ps) => ps.length > 0, 45_000);
    assert.ok(before.length > 0, `no ${RULE} problem in ${FILE}`);

    await runCommand(page, 'Preferences: Open Settings (UI)');
    await page.locator('.settings-editor').waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(`speech.severity.${RULE}`);
    const row = settingRow(page, `speech.severity.${RULE}`);
    await row.waitFor({ timeout: 20_000 });
    await chooseSeverity(page, 1, /^\s*(Off|关闭)/, 'rule-severity');
    try {
      await openFile(page, FILE);
      await showProblems(page);
      const after = await until(ruleProblems, (ps) => ps.length === 0, 45_000);
      assert.deepEqual(after, [], `${RULE} still reported with its severity set to off`);
    } finally {
      await runCommand(page, 'Preferences: Open Settings (UI)');
      await page.locator('.settings-editor').waitFor();
      await page.keyboard.press('Control+A');
      await page.keyboard.type(`speech.severity.${RULE}`);
      await settingRow(page, `speech.severity.${RULE}`).waitFor({ timeout: 20_000 });
      await chooseSeverity(page, 0, /^\s*(Default|默认)/);
    }
    await openFile(page, FILE);
    await showProblems(page);
    const back = await until(ruleProblems, (ps) => ps.length === before.length, 45_000);
    assert.equal(back.length, before.length, `${RULE} not reported again with its severity back to default`);
  });
});

/** The Settings UI row of a setting, found by its key in the row's accessible label or its data attribute. */
function settingRow(page: Page, key: string): Locator {
  return page.locator(`.settings-editor .setting-item-contents[data-key="${key}"], .settings-editor .monaco-list-row:has([data-key="${key}"])`).first();
}

async function figures(page: Page): Promise<{ chars: number; minutes: number } | undefined> {
  const item = page.locator('.statusbar-item[id$=".speech.statistics"]');
  if (!(await item.isVisible())) return undefined;
  const m = FIGURES.exec(((await item.textContent()) ?? '').replace(/\u00a0/g, ' '));
  return m ? { chars: Number(m[1].replace(/,/g, '')), minutes: Number(m[2]) } : undefined;
}

/**
 * Picks entry `index` of the rule's severity choice, drawn by VS Code itself
 * (its labels are in the display language): `default`, `off`, `hint`…
 */
async function chooseSeverity(page: Page, index: number, label: RegExp, shot?: string): Promise<void> {
  await settingRow(page, `speech.severity.${RULE}`).locator('select').click();
  const choices = page.locator('.select-box-dropdown-list-container .monaco-list-row');
  await choices.nth(index).waitFor({ timeout: 10_000 });
  if (shot) await screenshot(page, 'settings', shot);
  assert.match((await choices.nth(index).textContent()) ?? '', label);
  await choices.nth(index).click();
}
