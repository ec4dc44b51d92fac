/**
 * The Outline view shows the document symbols the language server gives:
 * each speech, with its level-1 sections nested under it.
 * Fixture: workspace/outline.speech.md, a compilation of two short speeches
 * with three sections each.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { closeWorkbench, listRows, openWorkbench, runCommand, screenshot, until, type Workbench } from './workbench';

const FILE = 'outline.speech.md';

const SPEECHES = [
  {
    // 构建理论武装大格局 推动政协党建与履职双提升, cut so the speaker beside it stays in view.
    title: '构建理论武装大格局 推动政协党…',
    speaker: '胡国辉',
    sections: ['以加强理论武装为中心', '以创新学习载体为重点', '以推动工作发展为目的'],
  },
  {
    title: '把思想政治引领深植委员心中',
    speaker: '韩咏梅',
    sections: ['坚持以学促悟', '坚持走亲交心', '坚持党建引领'],
  },
];

interface OutlineRow {
  level: number;
  label: string;
}

describe('Outline view', function () {
  let wb: Workbench | undefined;

  before(async function () {
    wb = await openWorkbench(FILE);
  });

  afterEach(async function () {
    await screenshot(wb?.page, 'outline', this.currentTest?.title ?? '');
  });

  after(async function () {
    await closeWorkbench(wb);
  });

  it('lists the speeches with their sections nested under them', async function () {
    const page = wb!.page;
    await showOutline(page);
    const wanted = SPEECHES.reduce((n, s) => n + 1 + s.sections.length, 0);
    const rows = await until(() => outlineRows(page), (rs) => rs.length >= wanted, 45_000);
    const listing = rows.map((r) => `${'  '.repeat(r.level)}${r.label}`).join('\n');

    let from = 0;
    for (const speech of SPEECHES) {
      const at = rows.findIndex((r, i) => i >= from && r.label.includes(speech.title));
      assert.ok(at >= 0, `speech "${speech.title}" missing from the outline (in order):\n${listing}`);
      const speechRow = rows[at]!;
      // The speech's subtree: the rows after it that are nested deeper.
      let end = at + 1;
      while (end < rows.length && rows[end]!.level > speechRow.level) end++;
      const children = rows.slice(at + 1, end);
      let after = 0;
      for (const heading of speech.sections) {
        const found = children.findIndex((r, i) => i >= after && r.label.includes(heading));
        assert.ok(found >= 0, `section "${heading}" not nested under "${speech.title}" (in order):\n${listing}`);
        after = found + 1;
      }
      from = end;
    }
  });

  it('shows each speech with a document icon and its speaker in view beside the title', async function () {
    const page = wb!.page;
    await showOutline(page);
    const pane = await page.locator('.outline-pane').boundingBox();
    for (const speech of SPEECHES) {
      const row = page.locator('.outline-pane .monaco-list-row', { has: page.locator('.label-name', { hasText: speech.title }) }).first();
      await row.waitFor({ timeout: 45_000 });
      const speaker = row.locator('.label-description');
      assert.equal(((await speaker.textContent()) ?? '').trim(), speech.speaker);
      const box = await speaker.boundingBox();
      assert.ok(pane && box && box.x + box.width <= pane.x + pane.width, `the speaker of "${speech.title}" is cut off at the pane's edge`);
      // A speech is a document: VS Code draws SymbolKind.File with the file icon, not the module, namespace or enum ones.
      const icon = (await row.locator('.outline-element-icon, .codicon[class*="symbol-"]').first().getAttribute('class')) ?? '';
      assert.match(icon, /symbol-file/, `the speech's icon is "${icon}"`);
    }
  });
});

async function showOutline(page: Page): Promise<void> {
  await runCommand(page, 'Explorer: Focus on Outline View');
  await page.locator('.outline-pane').waitFor();
  // The outline shares the side bar with the file tree and the timeline;
  // collapse those so virtual scrolling renders every row of the outline.
  const others = page.locator('.sidebar .pane:not(:has(.outline-pane)) > .pane-header[aria-expanded="true"]');
  for (let n = await others.count(); n > 0; n--) {
    await others.first().click();
  }
}

async function outlineRows(page: Page): Promise<OutlineRow[]> {
  const rows = await listRows(page, '.outline-pane .monaco-list-row', { label: '.label-name' });
  return rows.map((r) => ({ level: r.level, label: r.parts.label ?? '' }));
}
