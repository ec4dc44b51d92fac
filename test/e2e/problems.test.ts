/**
 * The language server's diagnostics reach VS Code's Problems panel.
 * Fixture: workspace/faults.speech.md, a one-speech compilation that is clean
 * except for the faults listed in FAULTS (1-based lines, as the panel shows them).
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { closeWorkbench, listRows, openWorkbench, screenshot, until, type Workbench } from './workbench';

const FILE = 'faults.speech.md';

const FAULTS = [
  { line: 7, code: 'speaker-form' }, // 某市政协主席、党组书记张明远: no space before the name
  { line: 9, code: 'latin-word' }, // 部署 and 全会
  { line: 11, code: 'number-range' }, // 1-2名
  { line: 13, code: 'section-numbering' }, // 一、 then 三、
  { line: 13, code: 'unmatched-pair' }, // “政协声音 never closed
];

interface Problem {
  line: number;
  code: string;
  severity: string;
  message: string;
}

const key = (p: { line: number; code: string }) => `${p.line}:${p.code}`;

describe('Problems panel', function () {
  let wb: Workbench | undefined;

  before(async function () {
    wb = await openWorkbench(FILE);
  });

  afterEach(async function () {
    await screenshot(wb?.page, 'problems', this.currentTest?.title ?? '');
  });

  after(async function () {
    await closeWorkbench(wb);
  });

  it(`lists the known faults of ${FILE} with their rule codes`, async function () {
    const page = wb!.page;
    await showProblems(page);
    // The server starts with the first speech file; give it time, then
    // keep reading a little longer so late extra diagnostics are caught too.
    await until(() => problemsFor(page, FILE), (ps) => ps.length >= FAULTS.length, 45_000);
    await page.waitForTimeout(1_500);
    const problems = await problemsFor(page, FILE);
    const listing = problems.map((p) => `  [Ln ${p.line}] ${p.severity} ${p.code}: ${p.message}`).join('\n');

    assert.deepEqual(
      problems.map(key).sort(),
      FAULTS.map(key).sort(),
      `Problems panel for ${FILE}:\n${listing || '  (none)'}`,
    );
  });
});

async function showProblems(page: Page): Promise<void> {
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
async function problemsFor(page: Page, fileName: string): Promise<Problem[]> {
  const rows = await listRows(page, '.markers-panel .monaco-list-row', {
    file: '.label-name',
    message: '.marker-message',
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
      // "Error: <message> at line 13 ..."
      severity: /^(\w+):/.exec(row.ariaLabel)?.[1] ?? '?',
      message: row.parts.message ?? '',
    });
  }
  return problems;
}
