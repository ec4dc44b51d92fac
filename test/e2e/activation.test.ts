/**
 * The language server is a process of its own, started only when there is
 * something to check. VS Code activates the extension for any Markdown file
 * (activation cannot depend on `speech.checkMarkdown`), so opening notes.md
 * with the setting off must activate the extension without starting the
 * server; opening a speech draft then starts it.
 * Fixtures: workspace/markdown-only/ (opened as a workspace of its own, with no
 * `.speechlintrc.json`, which would start the server at once): notes.md, with
 * half-width commas that a check would report, and draft.speech.md.
 */
import assert from 'node:assert/strict';
import { closeWorkbench, OUTPUT_CHANNEL, openWorkbench, quickOpen, screenshot, serverProcesses, showOutputChannel, startedSince, until, type Workbench } from './workbench';

const FOLDER = 'markdown-only';
/** How long an unwanted server would have had to show up after activation. */
const GRACE_MS = 5_000;

describe('Server start', function () {
  let wb: Workbench | undefined;
  let opened = 0;

  before(async function () {
    opened = Date.now();
    wb = await openWorkbench('notes.md', FOLDER);
  });

  afterEach(async function () {
    await screenshot(wb?.page, 'activation', this.currentTest?.title ?? '');
  });

  after(async function () {
    await closeWorkbench(wb);
  });

  it('activates for a Markdown file without starting the server, and starts it for a speech draft', async function () {
    const page = wb!.page;
    // The output channel is made on activation: once it is listed, the extension is active.
    await showOutputChannel(page, OUTPUT_CHANNEL);
    await new Promise((resolve) => setTimeout(resolve, GRACE_MS));
    assert.deepEqual(startedSince(opened), [], `a language server started for a Markdown file with checkMarkdown off: ${JSON.stringify(serverProcesses())}`);

    await quickOpen(page, 'draft.speech.md');
    const started = await until(async () => startedSince(opened), (now) => now.length === 1, 30_000);
    assert.equal(started.length, 1, `no language server started for a speech draft: ${JSON.stringify(serverProcesses())}`);
  });
});
