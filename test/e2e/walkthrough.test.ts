/**
 * The Get Started walkthrough, clicked through as a new user would: its
 * buttons act on the example draft it opened beside it, not on the
 * walkthrough page, whose sample fits its panel.
 * - Open Example: the example opens; the sample panel shows no scrollbar.
 * - Show the Outline: the outline lists the example's sections.
 * - Show Quick Fixes: the menu opens on the misnumbered 三、, its fix titled by its action.
 * - Renumber: the example's 三、 and 四. become 二、 and 三、.
 */
import assert from 'node:assert/strict';
import type { Frame, Page } from 'playwright-core';
import { closeWorkbench, editorRows, listRows, openWorkbench, runCommand, screenshot, until, type Workbench } from './workbench';

/** The walkthrough's title in either display language. */
const WALKTHROUGH = /Drafting speeches|起草发言稿/;

describe('Walkthrough', function () {
  let wb: Workbench | undefined;

  before(async function () {
    wb = await openWorkbench();
    const page = wb.page;
    await runCommand(page, 'Welcome: Open Walkthrough...', 'opensPicker');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.fill('Drafting speeches');
    await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: WALKTHROUGH }).waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await page.locator('.gettingStartedContainer .getting-started-step').first().waitFor({ timeout: 20_000 });
  });

  afterEach(async function () {
    await screenshot(wb?.page, 'walkthrough', this.currentTest?.title ?? '');
  });

  after(async function () {
    await closeWorkbench(wb);
  });

  it('opens the example beside it, in a sample panel without a scrollbar', async function () {
    const page = wb!.page;
    await step(page, /Open an example draft|打开示例发言稿/);
    const sample = await until(() => sampleFrame(page), (f) => f !== undefined, 20_000);
    assert.ok(sample, 'the sample panel never rendered');
    const overflow = await sample.evaluate(() => {
      // Runs in the webview; `document` is its own.
      const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number; scrollHeight: number; clientHeight: number }; querySelectorAll(s: string): ArrayLike<{ scrollWidth: number; clientWidth: number }> } }).document;
      const root = d.documentElement;
      const pres = Array.from(d.querySelectorAll('pre')).map((p) => p.scrollWidth - p.clientWidth);
      return { width: root.scrollWidth - root.clientWidth, height: root.scrollHeight - root.clientHeight, pres };
    });
    assert.deepEqual(overflow, { width: 0, height: 0, pres: overflow.pres.map(() => 0) }, `the sample overflows its panel: ${JSON.stringify(overflow)}`);
    await button(page, /Open the Example|打开示例/);
    await until(() => editorRows(page), (rows) => rows.some((r) => r.includes('三、完善工作机制')), 20_000);
  });

  it('shows the example’s outline', async function () {
    const page = wb!.page;
    await backToWalkthrough(page);
    await step(page, /See the speech’s outline|查看发言大纲/);
    await button(page, /Show the Outline|显示大纲/);
    const rows = await until(
      async () => (await listRows(page, '.outline-pane .monaco-list-row', { label: '.label-name' })).map((r) => r.parts.label ?? ''),
      (labels) => labels.some((l) => l.includes('压实工作责任')),
      20_000,
    );
    assert.ok(rows.some((l) => l.includes('完善工作机制')), `the outline does not list the example's sections:\n${rows.join('\n')}`);
  });

  it('opens the quick fixes on the example’s misnumbered section, titled by what they do', async function () {
    const page = wb!.page;
    await backToWalkthrough(page);
    await step(page, /Fix a problem|修改一处问题/);
    await button(page, /Show Quick Fixes|显示快速修复/);
    const menu = page.locator('.action-widget .monaco-list-row.action');
    await menu.first().waitFor({ timeout: 20_000 });
    const labels = await menu.evaluateAll((rows) => rows.map((r) => (r as unknown as { getAttribute(n: string): string | null }).getAttribute('aria-label') ?? ''));
    await screenshot(page, 'walkthrough', 'quick-fix-menu');
    assert.ok(labels.some((l) => /^(Change to "二、"|改为“二、”)$/.test(l)), `the quick fixes offered:\n${labels.join('\n')}`);
    await page.keyboard.press('Escape');
  });

  it('renumbers the example', async function () {
    const page = wb!.page;
    await backToWalkthrough(page);
    await step(page, /Let the editor help you write|让编辑器帮你写/);
    await button(page, /Renumber|重新编号/);
    const rows = await until(() => editorRows(page), (rs) => rs.some((r) => r.includes('二、完善工作机制')) && rs.some((r) => r.includes('三、加强督促检查')), 20_000);
    assert.ok(rows.some((r) => r.includes('二、完善工作机制')) && rows.some((r) => r.includes('三、加强督促检查')), `the example after Renumber:\n${rows.join('\n')}`);
  });
});

/** Brings the walkthrough's tab, left open beside the example, to the front. */
async function backToWalkthrough(page: Page): Promise<void> {
  await page.locator('.tabs-container .tab', { hasText: /Walkthrough|演练/ }).first().click();
  await page.locator('.gettingStartedContainer .getting-started-step').first().waitFor({ timeout: 20_000 });
}

/** Expands a step of the walkthrough by its title. */
async function step(page: Page, title: RegExp): Promise<void> {
  await page.locator('.gettingStartedContainer .getting-started-step', { hasText: title }).first().click();
}

/** Clicks a button of the expanded step. */
async function button(page: Page, label: RegExp): Promise<void> {
  await page.locator('.gettingStartedContainer .getting-started-step.expanded .button-link, .gettingStartedContainer .getting-started-step.expanded a', { hasText: label }).first().click();
}

/** The webview frame that renders the open step's Markdown sample. */
async function sampleFrame(page: Page): Promise<Frame | undefined> {
  for (const frame of page.frames()) {
    const text = await frame.evaluate(() => (globalThis as unknown as { document?: { body?: { innerText?: string } } }).document?.body?.innerText ?? '').catch(() => '');
    if (text.includes('一篇发言稿')) return frame;
  }
  return undefined;
}
