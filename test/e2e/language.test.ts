/**
 * A `.speech.md` file opens in the speech language and the grammar colours
 * it. Fixture: workspace/seed.speech.md, the real compilation from the corpus.
 */
import assert from 'node:assert/strict';
import { closeWorkbench, openWorkbench, languageMode, renderedTokens, screenshot, until, type TokenSpan, type Workbench } from './workbench';

// The status bar shows the language's first alias; either name is fine so the
// test does not pin the order of `aliases` in package.json.
const LANGUAGE_LABELS = ['发言稿', 'Speech draft'];

describe('speech language in the editor', function () {
  let wb: Workbench | undefined;

  before(async function () {
    wb = await openWorkbench('seed.speech.md');
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
    // Tokenization is asynchronous; poll until the colours settle or time runs out.
    let fault: string | undefined;
    await until(
      () => renderedTokens(page),
      (tokens) => (fault = colourFault(tokens)) === undefined,
      15_000,
    );
    if (fault) assert.fail(fault);
  });
});

/** Why the rendered colours fall short, or undefined when they don't. */
function colourFault(tokens: TokenSpan[]): string | undefined {
  const summary = describeTokens(tokens);
  const body = tokenContaining(tokens, '近五年来');
  if (!body) return `lead paragraph not rendered:\n${summary}`;

  for (const [what, text] of [
    ['compilation title', '以高水平党建工作引领'],
    ['speech title', '构建理论武装大格局'],
  ] as const) {
    const title = tokenContaining(tokens, text);
    if (!title) return `${what} not rendered:\n${summary}`;
    if (title.color === body.color) return `${what} has the body colour ${body.color}:\n${summary}`;
  }

  // The marker is the first non-blank token of the section's first row.
  const sectionRow = rowStartingWith(tokens, '一、以加强理论武装为中心');
  if (!sectionRow) return `section 一、 not rendered:\n${summary}`;
  const marker = sectionRow.find((t) => t.text.trim() !== '');
  if (!marker?.text.trim().startsWith('一')) return `unexpected first token in section row: ${JSON.stringify(marker)}`;
  if (marker.color === body.color) return `section marker "${marker.text}" has the body colour ${body.color}:\n${summary}`;
  return undefined;
}

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
