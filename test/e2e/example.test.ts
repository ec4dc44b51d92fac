/**
 * The example draft opens in a tab titled by its file name, not by its first
 * line (as an untitled copy would be: `### 强化责任担当…`), and is checked
 * as a speech draft.
 */
import assert from 'node:assert/strict';
import { closeWorkbench, languageMode, openWorkbench, runCommand, screenshot, until, type Workbench } from './workbench';

const EXAMPLE = 'section-faults.speech.md';

describe('Example draft', function () {
  let wb: Workbench | undefined;

  before(async function () {
    wb = await openWorkbench();
  });

  afterEach(async function () {
    await screenshot(wb?.page, 'example', this.currentTest?.title ?? '');
  });

  after(async function () {
    await closeWorkbench(wb);
  });

  it('opens with its tab titled by its file name', async function () {
    const page = wb!.page;
    // A draft open first, from the Explorer: the extension is then active and the palette lists its commands at once.
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'faults.speech.md' }).first().dblclick();
    await page.locator('.tabs-container .tab.active[data-resource-name="faults.speech.md"]').waitFor({ timeout: 30_000 });
    // A palette opened while the workbench is still busy may list no extension commands yet: ask again once.
    await runCommand(page, 'Open an Example Draft').catch(async () => {
      await page.keyboard.press('Escape');
      await runCommand(page, 'Open an Example Draft');
    });
    const tab = page.locator('.tabs-container .tab.active');
    const name = await until(async () => (await tab.getAttribute('data-resource-name')) ?? '', (n) => n === EXAMPLE, 30_000);
    assert.equal(name, EXAMPLE);
    const label = ((await tab.locator('.label-name').textContent()) ?? '').trim();
    assert.equal(label, EXAMPLE, `the tab reads "${label}"`);
    assert.match(await languageMode(page), /发言稿|Speech/);
  });
});
