/**
 * The language server's diagnostics reach VS Code's Problems panel.
 * Fixture: workspace/faults.speech.md, a one-speech compilation that is clean
 * except for the faults listed in FAULTS (1-based lines, as the panel shows them).
 */
import assert from 'node:assert/strict';
import { closeWorkbench, describeProblems, openWorkbench, problemsFor, screenshot, showProblems, until, type Workbench } from './workbench';

const FILE = 'faults.speech.md';

const FAULTS = [
  { line: 7, code: 'speaker-form' }, // 某市政协主席、党组书记张明远: no space before the name
  { line: 9, code: 'latin-word' }, // 部署 and 全会
  { line: 11, code: 'number-range' }, // 1-2名
  { line: 13, code: 'section-numbering' }, // 一、 then 三、
  { line: 13, code: 'unmatched-pair' }, // “政协声音 never closed
];

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

    assert.deepEqual(
      problems.map(key).sort(),
      FAULTS.map(key).sort(),
      `Problems panel for ${FILE}:\n${describeProblems(problems)}`,
    );
  });
});
