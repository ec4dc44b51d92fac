/**
 * `speechlint layout` as a user runs it: `node dist/cli.js` in a child process, in a scratch
 * folder. The expected lines are counted by hand from the page: a 2号 title holds 20 characters a
 * line, a body line 28 (26 after the two-character indent), and 20 lines of body (18 after the
 * indent) when `.speechlintrc.json` asks for 20 characters a line.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureBuilt } from '../lsp/ensureBuilt';
import { speechlint, writeTree } from './run';

/** 59 characters of body with nothing a line break must respect: 15 × 3 + 14. */
const PHRASE = '我们坚持以人民为中心的发展思想';
const BODY = PHRASE.repeat(3) + PHRASE.slice(0, 14);
const DRAFT = `# 学习体会\n\n某市政协主席 张三\n\n${BODY}\n`;

interface JsonLine {
  text: string;
  start: number;
  end: number;
  line: number;
  row: number;
  kind: string;
}
interface JsonPage {
  number: number;
  chars: number;
  seconds: number;
  lines: JsonLine[];
}

describe('speechlint layout', function () {
  this.timeout(60_000);
  let tmp: string;
  const run = (args: string[], env?: Record<string, string>) => speechlint(args, { cwd: tmp, env });

  before(function () {
    ensureBuilt();
  });

  beforeEach(function () {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'speechlint-layout-'));
  });

  afterEach(function () {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('prints one JSON object with the pages, each with its lines (text and source range), characters and speaking time', () => {
    writeTree(tmp, { 'a.speech.md': DRAFT });
    const r = run(['layout', 'a.speech.md', '--format', 'json']);
    assert.equal(r.status, 0, r.stderr);
    const { pages } = JSON.parse(r.stdout) as { pages: JsonPage[] };
    assert.equal(pages.length, 1);
    const bodyStart = DRAFT.indexOf(BODY);
    assert.deepEqual(pages[0].lines, [
      { text: '学习体会', start: 2, end: 6, line: 1, row: 0, kind: 'title' },
      { text: '某市政协主席 张三', start: 8, end: 17, line: 3, row: 1, kind: 'speaker' },
      // A blank row after the speaker line.
      { text: BODY.slice(0, 26), start: bodyStart, end: bodyStart + 26, line: 5, row: 3, kind: 'body' },
      { text: BODY.slice(26, 54), start: bodyStart + 26, end: bodyStart + 54, line: 5, row: 4, kind: 'body' },
      { text: BODY.slice(54), start: bodyStart + 54, end: bodyStart + 59, line: 5, row: 5, kind: 'body' },
    ]);
    // 59 characters at the default 220 a minute: 16.09 seconds.
    assert.equal(pages[0].chars, 59);
    assert.equal(pages[0].seconds, 16.1);
  });

  it('takes the grid from "export" and the pace from length-limit in .speechlintrc.json', () => {
    writeTree(tmp, {
      'a.speech.md': DRAFT,
      '.speechlintrc.json': JSON.stringify({ export: { charsPerLine: 20 }, rules: { 'length-limit': ['off', { charsPerMinute: 120 }] } }),
    });
    const r = run(['layout', 'a.speech.md', '--format', 'json']);
    assert.equal(r.status, 0, r.stderr);
    const [page] = (JSON.parse(r.stdout) as { pages: JsonPage[] }).pages;
    assert.deepEqual(
      page.lines.filter((l) => l.kind === 'body').map((l) => l.text),
      [BODY.slice(0, 18), BODY.slice(18, 38), BODY.slice(38, 58), BODY.slice(58)],
    );
    // 59 characters at 120 a minute.
    assert.equal(page.seconds, 29.5);
  });

  it('breaks the page after its 22nd line', () => {
    // 11 paragraphs of two lines each after the title, speaker and blank rows: rows 3–21 hold 19 lines.
    const paragraph = PHRASE.repeat(3);
    writeTree(tmp, { 'a.speech.md': `# 学习体会\n\n某市政协主席 张三\n\n${`${paragraph}\n\n`.repeat(11)}` });
    const { pages } = JSON.parse(run(['layout', 'a.speech.md', '--format', 'json']).stdout) as { pages: JsonPage[] };
    assert.deepEqual(pages.map((p) => p.lines.length), [21, 3]);
    // Line 20 of the body (the 10th paragraph's second line) is the first on page 2.
    assert.deepEqual(pages[1].lines[0], { text: paragraph.slice(26), start: pages[1].lines[0].start, end: pages[1].lines[0].start + 19, line: 23, row: 0, kind: 'body' });
  });

  it('prints the pages as text, in Chinese or English', () => {
    writeTree(tmp, { 'a.speech.md': DRAFT });
    const zh = run(['layout', 'a.speech.md']);
    assert.equal(zh.status, 0, zh.stderr);
    assert.equal(
      zh.stdout,
      ['第 1 页　59 字，约 0 分 17 秒', '   1  学习体会', '   2  某市政协主席 张三', `   4  ${BODY.slice(0, 26)}`, `   5  ${BODY.slice(26, 54)}`, `   6  ${BODY.slice(54)}`, '', '共 1 页，59 字，约 0 分 17 秒', ''].join('\n'),
    );
    const en = run(['layout', 'a.speech.md'], { SPEECHLINT_LOCALE: 'en' });
    assert.match(en.stdout, /^Page 1: 59 characters, about 0 min 17 s\n/);
    assert.match(en.stdout, /\nPages: 1, characters: 59, about 0 min 17 s\n$/);
  });

  it('refuses a missing draft, two drafts and an unknown format with status 2', () => {
    writeTree(tmp, { 'a.speech.md': DRAFT });
    for (const args of [['layout'], ['layout', 'a.speech.md', 'a.speech.md']]) {
      const r = run(args);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /用法：speechlint layout <发言稿>/);
    }
    const r = run(['layout', 'a.speech.md', '--format', 'xml'], { SPEECHLINT_LOCALE: 'en' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /unsupported format "xml"; use text or json/);
    const missing = run(['layout', 'none.speech.md']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /none\.speech\.md/);
  });
});
