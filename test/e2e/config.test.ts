/**
 * A broken `.speechlintrc.json` is reported on the file itself, and the drafts
 * under it are still checked (with the default rules: a configuration with
 * faults is not applied, so its `"latin-word": "off"` does not silence the
 * English word in the draft).
 * Fixtures: workspace/broken-config/.speechlintrc.json (an unknown rule id and
 * a missing comma) and workspace/broken-config/draft-under-broken-config.speech.md.
 * They live in a folder of their own so the other tests' drafts keep the defaults.
 */
import assert from 'node:assert/strict';
import { closeWorkbench, describeProblems, openWorkbench, problemsFor, screenshot, showProblems, until, type Problem, type Workbench } from './workbench';

const CONFIG = '.speechlintrc.json';
const DRAFT = 'draft-under-broken-config.speech.md';

/** The configuration's faults: "halfwidth-comma" on line 3, no comma before "export" on line 6. */
const CONFIG_FAULTS = [
  { line: 3, message: /^Unknown rule "halfwidth-comma"$|^未知的规则“halfwidth-comma”$/ },
  { line: 6, message: /^Invalid JSON: CommaExpected$|^JSON 语法错误：CommaExpected$/ },
];
const DRAFT_FAULTS = [
  { line: 9, code: 'latin-word' }, // 部署 and 全会
  { line: 11, code: 'number-range' }, // 1-2名
];

describe('Broken configuration', function () {
  let wb: Workbench | undefined;

  before(async function () {
    wb = await openWorkbench(DRAFT);
  });

  afterEach(async function () {
    await screenshot(wb?.page, 'config', this.currentTest?.title ?? '');
  });

  after(async function () {
    await closeWorkbench(wb);
  });

  it('shows the faults on .speechlintrc.json while the draft under it is still checked', async function () {
    const page = wb!.page;
    await showProblems(page);
    const read = async (): Promise<{ config: Problem[]; draft: Problem[] }> => ({
      config: await problemsFor(page, CONFIG),
      draft: await problemsFor(page, DRAFT),
    });
    await until(read, (r) => r.config.length >= CONFIG_FAULTS.length && r.draft.length >= DRAFT_FAULTS.length, 45_000);
    // Late extra diagnostics must show up in the assertions too.
    await page.waitForTimeout(1_500);
    const { config, draft } = await read();

    const configListing = `Problems panel for broken-config/${CONFIG}:\n${describeProblems(config)}`;
    assert.equal(config.length, CONFIG_FAULTS.length, configListing);
    CONFIG_FAULTS.forEach((fault, i) => {
      const problem = config.find((p) => p.line === fault.line && fault.message.test(p.message));
      assert.ok(problem, `fault ${i + 1} (line ${fault.line}, ${fault.message}) is not listed. ${configListing}`);
      assert.equal(problem.source, 'speechlint', configListing);
      assert.equal(problem.severity, 'Error', configListing);
    });

    assert.deepEqual(
      draft.map((p) => `${p.line}:${p.code}`).sort(),
      DRAFT_FAULTS.map((p) => `${p.line}:${p.code}`).sort(),
      `Problems panel for broken-config/${DRAFT}:\n${describeProblems(draft)}`,
    );
  });
});
