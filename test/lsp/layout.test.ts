/**
 * The print preview's request (`speech/layout`) over stdio, and the page facts the status bar and
 * the hover take from the same layout.
 *
 * DRAFT (0-based lines): 0 `### 标题`, 2 speaker, 4 `导语,很好。` (a half-width comma: a
 * finding), 5 `一、甲。一是学。`. Body: 导语,很好。 6 + 甲。一是学。 6 (the marker 一、 is not
 * counted) = 12 characters. Printed: the title on row 0 (2号), the speaker on row 1, a blank row,
 * the body from row 3, each paragraph one line indented two characters.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HoverRequest } from 'vscode-languageserver-protocol/node';
import { LAYOUT_REQUEST, STATISTICS_REQUEST, type LayoutResult, type StatisticsResult } from '../../server/src/lsp/protocol';
import { LspTestClient } from './lspClient';

const DRAFT_URI = 'untitled:draft.speech.md';
const DRAFT = '### 标题\n\n某市政协主席 张三\n\n导语,很好。\n一、甲。一是学。\n';
/** Twips of GB/T 9704 (A4, margins 37/35/28/26 mm, grid 579 × 314 twips) in millimetres, to the micrometre. */
const PAGE = {
  width: 210.009,
  height: 297.004,
  margin: { top: 37.006, bottom: 34.996, left: 27.993, right: 26 },
  linesPerPage: 22,
  charsPerLine: 28,
  linePitch: 10.213,
  charPitch: 5.539,
  pageNumbers: true,
};
/** The body's first-line indent: two 3号 characters, 640 twips. */
const INDENT = 11.289;

async function layoutOf(client: LspTestClient, uri: string): Promise<LayoutResult | null> {
  return (await client.connection.sendRequest(LAYOUT_REQUEST, { textDocument: { uri } })) as LayoutResult | null;
}

/** A line as the preview prints it: its runs' text with each run's font family, for comparing. */
function printed(layout: LayoutResult, page = 0): Array<{ row: number; text: string[]; fonts: string[] }> {
  return layout.pages[page].lines.map((line) => ({ row: line.row, text: line.runs.map((r) => r.text), fonts: line.runs.map((r) => layout.fonts[r.font].split(', ')[1]) }));
}

describe('speech/layout over stdio', function () {
  this.timeout(60_000);
  let client: LspTestClient;

  before(async function () {
    client = await LspTestClient.start('zh-cn');
    await client.open(DRAFT_URI, DRAFT);
  });

  after(async function () {
    await client?.stop();
  });

  it('lays a speech out on the GB/T 9704 page: rows, fonts, sizes, alignment and the source of each line', async function () {
    const layout = (await layoutOf(client, DRAFT_URI))!;
    assert.equal(layout.version, 1);
    assert.deepEqual(layout.page, PAGE);
    assert.deepEqual(printed(layout), [
      { row: 0, text: ['标题'], fonts: ['"方正小标宋简体"'] },
      { row: 1, text: ['某市政协主席 张三'], fonts: ['"楷体_GB2312"'] },
      { row: 3, text: ['导语,很好。'], fonts: ['"仿宋_GB2312"'] },
      // The level-1 heading sentence in 黑体, the rest of the paragraph in the body font.
      { row: 4, text: ['一、甲。', '一是学。'], fonts: ['"黑体"', '"仿宋_GB2312"'] },
    ]);
    const [title, speaker, lead, section] = layout.pages[0].lines;
    assert.deepEqual([title.size, title.align, title.grid, title.indent, title.start, title.endLine], [22, 'center', false, 0, { line: 0, character: 4 }, 0]);
    assert.deepEqual([speaker.size, speaker.align, speaker.start], [16, 'center', { line: 2, character: 0 }]);
    // A paragraph's last line is not spread to the width; body text sits on the character grid.
    assert.deepEqual([lead.size, lead.align, lead.grid, lead.indent, lead.start, lead.endLine], [16, 'left', true, INDENT, { line: 4, character: 0 }, 4]);
    assert.deepEqual(section.start, { line: 5, character: 0 });
    assert.deepEqual(layout.pages.map((p) => [p.number, p.chars, p.caption]), [[1, 12, '第 1 页 · 12字 · 约0.1分钟']]);
    assert.equal(layout.summary, '1页 · 12字 · 约0.1分钟');
    // Every font as the export names it, then the fallbacks an office PC substitutes, Latin letters in Times New Roman.
    assert.ok(layout.fonts.includes('"Times New Roman", "仿宋_GB2312", "仿宋", "FangSong", "STFangsong", serif'), layout.fonts.join('\n'));
    assert.equal(layout.fonts[layout.pageNumber.font], '"Times New Roman", "宋体", "SimSun", "STSong", serif');
    assert.equal(layout.pageNumber.size, 14);
  });

  it('marks each problem on the printed line holding it, worded as its diagnostic', async function () {
    const published = await client.diagnostics(DRAFT_URI, (p) => p.diagnostics.length > 0);
    const layout = (await layoutOf(client, DRAFT_URI))!;
    const lines = layout.pages.flatMap((p) => p.lines);
    for (const diagnostic of published.diagnostics) {
      const line = lines.find((l) => l.start.line <= diagnostic.range.start.line && diagnostic.range.start.line <= l.endLine);
      assert.ok(line?.marks?.some((m) => m.message === diagnostic.message), `no mark for "${diagnostic.message}" on line ${diagnostic.range.start.line}: ${JSON.stringify(line)}`);
    }
    const comma = published.diagnostics.find((d) => d.range.start.line === 4);
    assert.ok(comma, 'the half-width comma was not found');
    assert.equal(lines[2].marks?.[0].severity, ['error', 'warning', 'info', 'hint'][comma.severity! - 1]);
    assert.equal(lines[0].marks, undefined, 'a mark on the clean title');
  });

  it('follows an edit, and the status bar and the hover count the same pages', async function () {
    const uri = 'untitled:long.speech.md';
    await client.open(uri, DRAFT);
    assert.equal((await layoutOf(client, uri))!.pages.length, 1);
    // 1,200 characters more: 43 lines of body after the four of page 1, so three pages.
    const long = `${DRAFT}${'协商议政，'.repeat(240)}\n`;
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: long }] });
    const layout = (await layoutOf(client, uri))!;
    assert.equal(layout.version, 2);
    assert.deepEqual(
      layout.pages.map((p) => p.number),
      [1, 2, 3],
    );
    assert.equal(layout.summary, '3页 · 1212字 · 约5.6分钟');
    const statistics = (await client.connection.sendRequest(STATISTICS_REQUEST, { textDocument: { uri }, position: { line: 6, character: 0 } })) as StatisticsResult;
    assert.equal(statistics.text, '1212字 · 约5.6分钟 · 3页');
    assert.equal(statistics.file.pages, 3);
    assert.equal(layout.pages.reduce((n, p) => n + p.chars, 0), statistics.file.chars);
    assert.match(statistics.tooltip, /\n排版后全文共3页（GB\/T 9704 版面，每页22行、每行28字）\n/);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 5 } });
    assert.match((hover!.contents as { value: string }).value, /\n- 排版后占 3 页（第 1–3 页）$/);
  });

  it('answers null for a document it does not check', async function () {
    assert.equal(await layoutOf(client, 'untitled:not-open.speech.md'), null);
    await client.open('untitled:notes.md', DRAFT, 1, 'markdown');
    assert.equal(await layoutOf(client, 'untitled:notes.md'), null);
  });
});

describe('speech/layout in English', function () {
  this.timeout(60_000);

  it('words the figures in the client’s language', async function () {
    const client = await LspTestClient.start('en');
    try {
      await client.open(DRAFT_URI, DRAFT);
      const layout = (await layoutOf(client, DRAFT_URI))!;
      assert.equal(layout.summary, '1 page · 12 chars · ~0.1 min');
      assert.equal(layout.pages[0].caption, 'Page 1 · 12 chars · ~0.1 min');
    } finally {
      await client.stop();
    }
  });
});

describe('speech/layout and the configuration’s page', function () {
  this.timeout(60_000);
  let root: string;

  beforeEach(function () {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'speechlint-lsp-layout-'));
    fs.writeFileSync(path.join(root, '.speechlintrc.json'), JSON.stringify({ export: { linesPerPage: 20, charsPerLine: 25, pageNumbers: false } }));
  });

  afterEach(function () {
    fs.rmSync(root, { recursive: true, force: true });
  });

  const pageIn = async (workspaceTrusted: boolean): Promise<LayoutResult['page']> => {
    const client = await LspTestClient.start('zh-cn', { settings: () => ({}), folders: [pathToFileURL(root).href], initializationOptions: { workspaceTrusted } });
    try {
      const uri = pathToFileURL(path.join(root, 'draft.speech.md')).href;
      await client.open(uri, DRAFT);
      return (await layoutOf(client, uri))!.page;
    } finally {
      await client.stop();
    }
  };

  it('lays out on the grid the "export" options set in a trusted workspace', async function () {
    const page = await pageIn(true);
    assert.deepEqual([page.linesPerPage, page.charsPerLine, page.pageNumbers], [20, 25, false]);
  });

  it('in Restricted Mode reads no configuration file, and lays out on the default page', async function () {
    assert.deepEqual(await pageIn(false), PAGE);
  });
});
