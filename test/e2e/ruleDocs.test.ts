/**
 * A rule id in the Problems panel opens that rule's page in VS Code's display
 * language (Chinese here: the code-server run.sh starts with `--locale zh-cn`),
 * rendered in a Markdown preview, read-only, and no editable source of the page.
 * Fixture: workspace/faults.speech.md, whose third section skips a number
 * (section-numbering).
 */
import assert from 'node:assert/strict';
import type { Frame, Page } from 'playwright-core';
import { closeWorkbench, openWorkbench, problemsFor, screenshot, showProblems, until, type Workbench } from './workbench';

const FILE = 'faults.speech.md';
const RULE = 'section-numbering';
const PAGE = `${RULE}.zh-CN.md`;

describe('Rule pages', function () {
  let wb: Workbench | undefined;

  before(async function () {
    wb = await openWorkbench(undefined, undefined, 'zh-cn');
    // From the Explorer rather than Quick Open: a workbench just started may take long to search files.
    const page = wb.page;
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: FILE }).first().dblclick();
    await page.locator(`.tabs-container .tab.active[data-resource-name="${FILE}"]`).waitFor({ timeout: 30_000 });
  });

  afterEach(async function () {
    await screenshot(wb?.page, 'rule-docs', this.currentTest?.title ?? '');
  });

  after(async function () {
    await closeWorkbench(wb);
  });

  it(`opens the Chinese page of ${RULE} from its id in Problems, rendered and read-only`, async function () {
    const page = wb!.page;
    await showProblems(page);
    await until(() => problemsFor(page, FILE), (ps) => ps.some((p) => p.code === RULE), 45_000);

    await page.locator('.markers-panel .monaco-list-row a', { hasText: RULE }).first().click();

    // The preview's tab names the Chinese page; no text editor holds it.
    const tab = page.locator('.tabs-container .tab.active');
    await until(async () => (await tab.getAttribute('aria-label')) ?? '', (label) => label.includes(PAGE), 30_000);
    assert.equal(await page.locator(`.tabs-container .tab[data-resource-name="${PAGE}"]`).count(), 0, 'the page is open as an editable file');
    assert.equal(await page.locator('.editor-group-container.active .monaco-editor').count(), 0, 'the active group shows a text editor, not the rendered page');

    const rendered = await until(() => previewText(page), (text) => text.includes(RULE) && /[\u4e00-\u9fff]{4}/.test(text), 30_000);
    assert.match(rendered, /序号/, `the rendered page is not the Chinese one:\n${rendered.slice(0, 400)}`);
    await screenshot(page, 'rule-docs', 'preview');
  });
});

/** The text of the Markdown preview's content frame ('' until it has rendered). */
async function previewText(page: Page): Promise<string> {
  for (const frame of page.frames()) {
    const body = await bodyText(frame);
    if (body.includes(RULE)) return body;
  }
  return '';
}

async function bodyText(frame: Frame): Promise<string> {
  try {
    const markdown = frame.locator('.markdown-body');
    return (await markdown.count()) > 0 ? ((await markdown.first().textContent()) ?? '') : '';
  } catch {
    return '';
  }
}
