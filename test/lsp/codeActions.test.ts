/**
 * Code actions from findings (no server). The findings are made by hand so the
 * test does not depend on which rules exist: two fixable findings of rule `a`
 * (one at each of two lines), one of rule `b`, one of `c` without a fix.
 */
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver';
import { parse, type Finding } from '../../server/src/core';
import { codeActions, FIX_ALL_KIND, type CodeActionInput } from '../../server/src/lsp/codeActions';
import { toDiagnostics } from '../../server/src/lsp/diagnostics';

const URI = 'file:///draft.speech.md';
const TEXT = '甲,乙\n丙,丁,戊';
const doc = parse(TEXT);
const comma = (n: number): Finding => {
  const at = [...TEXT.matchAll(/,/g)][n].index!;
  return { ruleId: 'a', severity: 'warning', span: { start: at, end: at + 1 }, messageId: 'm', message: { zh: '半角逗号', en: 'Half-width comma' }, fix: [{ span: { start: at, end: at + 1 }, text: '，' }] };
};
const FINDINGS: Finding[] = [
  comma(0),
  comma(1),
  { ruleId: 'b', severity: 'error', span: { start: 0, end: 1 }, messageId: 'm', message: { zh: '乙规则', en: 'rule b' }, fix: [{ span: { start: 0, end: 1 }, text: '甲甲' }] },
  { ruleId: 'c', severity: 'info', span: { start: 4, end: 5 }, messageId: 'm', message: { zh: '丙规则', en: 'rule c' } },
];
const DIAGNOSTICS = toDiagnostics(doc, FINDINGS, { version: 3, locale: 'zh', docsUrl: (id) => id });
const input = (over: Partial<CodeActionInput>): CodeActionInput => ({ uri: URI, version: 3, doc, findings: FINDINGS, diagnostics: [], locale: 'zh', ...over });
const at = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });

describe('codeActions', function () {
  it('offers a preferred quick fix for a fixable diagnostic, and a fix-all for its rule when the rule has more', function () {
    const actions = codeActions(input({ diagnostics: [DIAGNOSTICS[0]], only: ['quickfix'] }));
    assert.deepEqual(actions, [
      { title: '修复：半角逗号', kind: 'quickfix', diagnostics: [DIAGNOSTICS[0]], isPreferred: true, edit: { changes: { [URI]: [{ range: at(0, 1, 2), newText: '，' }] } } },
      {
        title: '修复本文件中所有 a 问题（2 处）',
        kind: 'quickfix',
        edit: { changes: { [URI]: [{ range: at(0, 1, 2), newText: '，' }, { range: at(1, 1, 2), newText: '，' }] } },
      },
    ]);
  });

  it('offers no fix-all for a rule with a single fix, and nothing for a diagnostic without a fix', function () {
    const bOnly = codeActions(input({ diagnostics: [DIAGNOSTICS[2]], only: ['quickfix'] }));
    assert.deepEqual(bOnly.map((a) => a.title), ['修复：乙规则']);
    assert.deepEqual(codeActions(input({ diagnostics: [DIAGNOSTICS[3]], only: ['quickfix'] })), []);
  });

  it('offers the rule fix-all once when several of its diagnostics are in range', function () {
    const actions = codeActions(input({ diagnostics: [DIAGNOSTICS[0], DIAGNOSTICS[1]], only: ['quickfix'] }));
    assert.deepEqual(actions.map((a) => a.title), ['修复：半角逗号', '修复本文件中所有 a 问题（2 处）', '修复：半角逗号']);
  });

  it('ignores diagnostics of other tools and fixes computed for another version', function () {
    const foreign: Diagnostic = { ...DIAGNOSTICS[0], source: 'cspell' };
    assert.deepEqual(codeActions(input({ diagnostics: [foreign], only: ['quickfix'] })), []);
    assert.deepEqual(codeActions(input({ version: 4, diagnostics: [DIAGNOSTICS[0]], only: ['quickfix'] })), []);
  });

  it('fixes everything at once under source.fixAll.speech, editing only the fixed spans', function () {
    const actions = codeActions(input({ only: ['source.fixAll'] }));
    assert.deepEqual(actions, [
      {
        title: '修复所有可自动修复的问题',
        kind: FIX_ALL_KIND,
        edit: {
          changes: {
            [URI]: [
              { range: at(0, 0, 1), newText: '甲甲' },
              { range: at(0, 1, 2), newText: '，' },
              { range: at(1, 1, 2), newText: '，' },
            ],
          },
        },
      },
    ]);
  });

  it('answers each kind filter with the kinds it covers', function () {
    const kinds = (only?: string[]) => codeActions(input({ diagnostics: [DIAGNOSTICS[2]], only })).map((a) => a.kind);
    assert.deepEqual(kinds(undefined), ['quickfix', FIX_ALL_KIND]);
    assert.deepEqual(kinds(['source']), [FIX_ALL_KIND]);
    assert.deepEqual(kinds(['source.fixAll.speech']), [FIX_ALL_KIND]);
    assert.deepEqual(kinds(['refactor']), []);
    assert.deepEqual(kinds(['source.organizeImports']), []);
  });

  it('offers no fix-all when nothing is fixable', function () {
    assert.deepEqual(codeActions(input({ findings: [FINDINGS[3]], only: ['source.fixAll'] })), []);
  });

  it('titles actions in English for an English client', function () {
    const en = toDiagnostics(doc, FINDINGS, { version: 3, locale: 'en', docsUrl: (id) => id });
    assert.deepEqual(
      codeActions(input({ locale: 'en', diagnostics: [en[0]] })).map((a) => a.title),
      ['Fix: Half-width comma', 'Fix all a problems in this file (2)', 'Fix all auto-fixable problems'],
    );
  });
});
