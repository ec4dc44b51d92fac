/**
 * A `.speech.md` file opens in the speech language and the grammar colours
 * it. Fixture: workspace/seed.speech.md, the real compilation from the corpus.
 */
import assert from 'node:assert/strict';
import { closeWorkbench, openWorkbench, quickOpen, languageMode, renderedTokens, screenshot, until, type TokenSpan, type Workbench } from './workbench';

// The status bar shows the language's first alias; either name is fine so the
// test does not pin the order of `aliases` in package.json.
const LANGUAGE_LABELS = ['发言稿', 'Speech draft'];

describe('speech language in the editor', function () {
  let wb: Workbench | undefined;

  before(async function () {
    wb = await openWorkbench();
    await quickOpen(wb.page, 'seed.speech.md');
  });

  afterEach(async function () {
    await screenshot(wb?.page, 'language', this.currentTest?.title ?? '');
  });

  after(async function () {
    await closeWorkbench(wb);
  });

  it('shows the language mode in the status bar', async function () {
    const page = wb!.page;
    const mode = await until(() => languageMode(page), (m) => LANGUAGE_LABELS.includes(m), 15_000);
    assert.ok(LANGUAGE_LABELS.includes(mode), `status bar language mode is "${mode}", expected one of ${LANGUAGE_LABELS.join(', ')}`);
  });

  it('colours titles and section markers apart from body text', async function () {
    const page = wb!.page;
    // Tokenization is asynchronous; wait until the title line has left the default colour.
    const tokens = await until(
      () => renderedTokens(page),
      (ts) => new Set(ts.map((t) => t.color)).size >= 2,
      15_000,
    );
    const summary = describeTokens(tokens);

    const body = tokenContaining(tokens, '近五年来');
    assert.ok(body, `lead paragraph not rendered:\n${summary}`);

    const compilationTitle = tokenContaining(tokens, '以高水平党建工作引领');
    assert.ok(compilationTitle, `compilation title not rendered:\n${summary}`);
    assert.notEqual(compilationTitle.color, body.color, `compilation title has the body colour ${body.color}:\n${summary}`);

    const speechTitle = tokenContaining(tokens, '构建理论武装大格局');
    assert.ok(speechTitle, `speech title not rendered:\n${summary}`);
    assert.notEqual(speechTitle.color, body.color, `speech title has the body colour ${body.color}:\n${summary}`);

    // The marker is the first non-blank token of the section's first row.
    const sectionRow = rowStartingWith(tokens, '一、以加强理论武装为中心');
    assert.ok(sectionRow, `section 一、 not rendered:\n${summary}`);
    const marker = sectionRow.find((t) => t.text.trim() !== '');
    assert.ok(marker && marker.text.trim().startsWith('一'), `unexpected first token ${JSON.stringify(marker)}`);
    assert.notEqual(marker.color, body.color, `section marker "${marker.text}" has the body colour ${body.color}:\n${summary}`);
  });
});

function tokenContaining(tokens: TokenSpan[], text: string): TokenSpan | undefined {
  return tokens.find((t) => t.text.includes(text));
}

function rowStartingWith(tokens: TokenSpan[], text: string): TokenSpan[] | undefined {
  const rows = new Map<number, TokenSpan[]>();
  for (const t of tokens) rows.set(t.row, [...(rows.get(t.row) ?? []), t]);
  return [...rows.values()].find((r) => r.map((t) => t.text).join('').trimStart().startsWith(text));
}

/** First rows as "colour: text" so a failure shows what the grammar did. */
function describeTokens(tokens: TokenSpan[]): string {
  return tokens
    .filter((t) => t.text.trim() !== '')
    .slice(0, 30)
    .map((t) => `  row ${t.row} ${t.color}: ${t.text.slice(0, 24)}`)
    .join('\n');
}
