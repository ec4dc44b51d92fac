/** Finding speeches across drafts by title or speaker (no server, no files). */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SymbolKind } from 'vscode-languageserver';
import { parse } from '../../server/src/core';
import { draftDescription, draftOutline, workspaceSymbols, type DraftOutline } from '../../server/src/lsp/workspaceSymbols';

const SEED = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'corpus', '000_0f1e9368376be244.txt'), 'utf8');
const SEED_URI = 'file:///w/seed.speech.md';
const PLAIN_URI = 'file:///w/plain.speech.txt';
const PLAIN = '履职尽责 GDP增长\n某区政协主席、党组书记 赵志强\n一、甲。\n';

const outlines: DraftOutline[] = [draftOutline(SEED_URI, parse(SEED), 'seed.speech.md'), draftOutline(PLAIN_URI, parse(PLAIN), 'plain.speech.txt')];
const names = (query: string): string[] => workspaceSymbols(outlines, query, 'zh').map((s) => s.name);

describe('draftOutline', function () {
  it('lists each speech with title, speaker and where its title is; the compilation title names the draft', function () {
    const seed = outlines[0];
    assert.equal(seed.container, '以高水平党建工作引领政协事业高质量发展');
    assert.equal(seed.entries.length, 8);
    assert.deepEqual(seed.entries[0], {
      title: '构建理论武装大格局 推动政协党建与履职双提升',
      speakerLine: '唐山市政协主席、党组书记 胡国辉',
      speakerName: '胡国辉',
      range: { start: { line: 8, character: 4 }, end: { line: 8, character: 26 } },
    });
  });

  it('names a draft without a compilation title by its file', function () {
    assert.equal(outlines[1].container, 'plain.speech.txt');
  });
});

describe('workspaceSymbols', function () {
  it('finds a speech by its speaker’s name, unit or position', function () {
    assert.deepEqual(names('胡国辉'), ['构建理论武装大格局 推动政协党建与履职双提升（胡国辉）']);
    assert.deepEqual(names('唐山'), ['构建理论武装大格局 推动政协党建与履职双提升（胡国辉）']);
    assert.deepEqual(names('某区政协'), ['履职尽责 GDP增长（赵志强）']);
  });

  it('finds a speech by words of its title, across the space in a paired title, any letter case', function () {
    assert.deepEqual(names('大格局推动'), ['构建理论武装大格局 推动政协党建与履职双提升（胡国辉）']);
    assert.deepEqual(names('理论武装 胡国辉'), ['构建理论武装大格局 推动政协党建与履职双提升（胡国辉）']);
    assert.deepEqual(names('gdp'), ['履职尽责 GDP增长（赵志强）']);
    assert.deepEqual(names('临时党支部'), ['抓好政协临时党支部建设 提升政协工作质量和效能（李勤芳）']);
  });

  it('lists every speech for an empty query, and none for a miss', function () {
    assert.equal(names('').length, 9);
    assert.deepEqual(names('不存在的词'), []);
  });

  it('gives each symbol its file, title range and draft', function () {
    const [symbol] = workspaceSymbols(outlines, '赵志强', 'zh');
    assert.deepEqual(symbol, {
      name: '履职尽责 GDP增长（赵志强）',
      kind: SymbolKind.File,
      location: { uri: PLAIN_URI, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 10 } } },
      containerName: 'plain.speech.txt',
    });
  });

  it('names an untitled speech in the client’s language', function () {
    const untitled = [draftOutline('file:///u.speech', parse('某区政协主席、党组书记 赵志强\n一、甲。\n'), 'u.speech')];
    assert.deepEqual(workspaceSymbols(untitled, '', 'zh').map((s) => s.name), ['（无标题）（赵志强）']);
    assert.deepEqual(workspaceSymbols(untitled, '', 'en').map((s) => s.name), ['(untitled)（赵志强）']);
  });
});

describe('draftDescription (the compile picker)', function () {
  it('lists a single speech by its title and speaker, not its file name', function () {
    const outline = draftOutline('file:///w/a.speech.md', parse('### 履职尽责 GDP增长\n某区政协主席、党组书记 赵志强\n一、甲。\n'), 'a.speech.md');
    assert.deepEqual(draftDescription(outline, 'zh'), { label: '履职尽责 GDP增长', description: '赵志强' });
  });

  it('lists a compilation by its title and the number of its speeches', function () {
    assert.deepEqual(draftDescription(outlines[0], 'zh'), { label: outlines[0].container, description: `${outlines[0].entries.length}篇发言` });
    assert.equal(draftDescription(outlines[0], 'en').description, `${outlines[0].entries.length} speeches`);
  });

  it('falls back on the file name for a draft without a title', function () {
    const untitled = draftOutline('file:///w/u.speech', parse('某区政协主席、党组书记 赵志强\n一、甲。\n'), 'u.speech');
    assert.deepEqual(draftDescription(untitled, 'zh'), { label: 'u.speech', description: '赵志强' });
  });
});
