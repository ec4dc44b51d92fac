/**
 * The status bar shows the speaking time of the active draft: characters and
 * minutes for the speech under the cursor and for the whole file (the client's
 * `speech.statistics` item, worded by the server: server/src/lsp/statistics.ts),
 * and the figures follow the typing.
 * Fixture: workspace/seed.speech.md, the real compilation of 8 speeches; the
 * cursor goes to its end, in the last speech.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { closeWorkbench, goToEnd, openWorkbench, revertActiveEditor, screenshot, settled, until, type Workbench } from './workbench';

const FILE = 'seed.speech.md';
/** Eleven counted characters: ten Han characters and a full stop (whitespace and line breaks are not counted). */
const ADDED = '增加了十个字的一句话。';
const ADDED_CHARS = 11;

/** `1234 chars · ~5.7 min` (English UI) or `1234字 · 约5.7分钟` (Chinese UI). */
const FIGURES = /(\d[\d,]*) ?(?:chars|字) · (?:~|约)(\d+\.\d)(?: min|分钟)/g;

interface Figures {
  chars: number;
  minutes: number;
}

/** With more than one speech in the file the item reads "This speech <figures> | File <figures>". */
interface SpeakingTime {
  text: string;
  speech: Figures;
  file: Figures;
}

describe('Status bar', function () {
  let wb: Workbench | undefined;

  before(async function () {
    wb = await openWorkbench(FILE);
  });

  afterEach(async function () {
    await screenshot(wb?.page, 'statusbar', this.currentTest?.title ?? '');
  });

  after(async function () {
    await revertActiveEditor(wb?.page);
    await closeWorkbench(wb);
  });

  it('shows characters and minutes of the speech and the file, and counts what is typed', async function () {
    const page = wb!.page;
    await goToEnd(page);
    // goToEnd clicks into the text before Ctrl+End: the item may first show the speech clicked into. Wait for the figures to rest.
    const before = await settled(() => speakingTime(page), (t) => t !== undefined, 1_500, 45_000);
    assert.ok(before, `no speaking time in the status bar: "${await statisticsText(page)}"`);
    assert.ok(before.speech.chars > 0 && before.speech.minutes > 0, `empty figures for the last speech: "${before.text}"`);
    // The last speech is one of eight: the file holds more than it.
    assert.ok(before.file.chars > before.speech.chars, `the file's figures do not exceed the speech's: "${before.text}"`);
    assert.ok(before.file.minutes > before.speech.minutes, `the file's minutes do not exceed the speech's: "${before.text}"`);

    await page.keyboard.type(`\n\n${ADDED}`);
    // The item may update while the sentence is half typed: wait for the count of the whole of it.
    const after = await until(() => speakingTime(page), (t) => t?.speech.chars === before.speech.chars + ADDED_CHARS, 15_000);
    assert.ok(after, `the speaking time disappeared after typing: "${await statisticsText(page)}"`);
    assert.equal(after.speech.chars, before.speech.chars + ADDED_CHARS, `speech characters after typing "${ADDED}": "${before.text}" → "${after.text}"`);
    assert.equal(after.file.chars, before.file.chars + ADDED_CHARS, `file characters after typing "${ADDED}": "${before.text}" → "${after.text}"`);
    assert.ok(after.speech.minutes >= before.speech.minutes, `the speech's minutes went down: "${before.text}" → "${after.text}"`);
  });
});

/** The text of our status bar item ('' while it is hidden). */
async function statisticsText(page: Page): Promise<string> {
  const item = page.locator('.statusbar-item[id$=".speech.statistics"]');
  if (!(await item.isVisible())) return '';
  return ((await item.textContent()) ?? '').replace(/\u00a0/g, ' ').trim();
}

async function speakingTime(page: Page): Promise<SpeakingTime | undefined> {
  const text = await statisticsText(page);
  const figures = [...text.matchAll(FIGURES)].map((m) => ({ chars: Number(m[1].replace(/,/g, '')), minutes: Number(m[2]) }));
  if (figures.length !== 2) return undefined;
  return { text, speech: figures[0], file: figures[1] };
}
