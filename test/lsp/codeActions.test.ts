/**
 * Code actions from findings (no server). The findings are made by hand so the
 * test does not depend on which rules exist: two findings of rule `a` with a
 * bulk (`form`) fix (one at each of two lines), one of rule `b` with an `edit`
 * fix, one of `c` without a fix.
 */
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver';
import { check, LineIndex, parse, type Finding } from '../../server/src/core';
import { codeActions, FIX_ALL_KIND, type CodeActionInput } from '../../server/src/lsp/codeActions';
import { toDiagnostics } from '../../server/src/lsp/diagnostics';

const URI = 'file:///draft.speech.md';
const TEXT = '甲,乙\n丙,丁,戊';
const doc = parse(TEXT);
const comma = (n: number): Finding => {
  const at = [...TEXT.matchAll(/,/g)][n].index!;
  return { ruleId: 'a', severity: 'warning', span: { start: at, end: at + 1 }, messageId: 'm', message: { zh: '半角逗号', en: 'Half-width comma' }, fix: [{ span: { start: at, end: at + 1 }, text: '，' }], fixClass: 'form' };
};
const FINDINGS: Finding[] = [
  comma(0),
  comma(1),
  { ruleId: 'b', severity: 'error', span: { start: 0, end: 1 }, messageId: 'm', message: { zh: '乙规则', en: 'rule b' }, fix: [{ span: { start: 0, end: 1 }, text: '甲甲' }], fixClass: 'edit' },
  { ruleId: 'c', severity: 'info', span: { start: 4, end: 5 }, messageId: 'm', message: { zh: '丙规则', en: 'rule c' } },
];
const DIAGNOSTICS = toDiagnostics(doc, FINDINGS, { version: 3, locale: 'zh', docsUrl: (id) => id });
const input = (over: Partial<CodeActionInput>): CodeActionInput => ({ uri: URI, version: 3, doc, findings: FINDINGS, diagnostics: [], locale: 'zh', ...over });
const at = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });

describe('codeActions', function () {
  it('offers a preferred quick fix for a fixable diagnostic, and a fix-all for its rule when the rule has more', function () {
    const actions = codeActions(input({ diagnostics: [DIAGNOSTICS[0]], only: ['quickfix'] }));
    assert.deepEqual(actions, [
      { title: '改为“，”', kind: 'quickfix', diagnostics: [DIAGNOSTICS[0]], isPreferred: true, edit: { changes: { [URI]: [{ range: at(0, 1, 2), newText: '，' }] } } },
      {
        title: '修复本文件中所有 a 问题（2 处）',
        kind: 'quickfix',
        diagnostics: [DIAGNOSTICS[0]],
        edit: { changes: { [URI]: [{ range: at(0, 1, 2), newText: '，' }, { range: at(1, 1, 2), newText: '，' }] } },
      },
      {
        title: '禁用本行的 a 规则',
        kind: 'quickfix',
        diagnostics: [DIAGNOSTICS[0]],
        edit: { changes: { [URI]: [{ range: at(0, 0, 0), newText: '<!-- speechlint-disable-next-line a -->\n' }] } },
      },
    ]);
  });

  it('offers no fix-all for a rule with a single fix, and only the file-wide fix-all and the disable action for a diagnostic without a fix', function () {
    const bOnly = codeActions(input({ diagnostics: [DIAGNOSTICS[2]], only: ['quickfix'] }));
    // The file-wide fix-all is offered wherever the cursor is: here it fixes rule a's two commas.
    assert.deepEqual(bOnly.map((a) => a.title), ['改为“甲甲”', '修复全部可自动修复的问题（2 处）', '禁用本行的 b 规则']);
    assert.deepEqual(codeActions(input({ diagnostics: [DIAGNOSTICS[3]], only: ['quickfix'] })), [
      {
        title: '修复全部可自动修复的问题（2 处）',
        kind: 'quickfix',
        diagnostics: [DIAGNOSTICS[3]],
        edit: { changes: { [URI]: [{ range: at(0, 1, 2), newText: '，' }, { range: at(1, 1, 2), newText: '，' }] } },
      },
      {
        title: '禁用本行的 c 规则',
        kind: 'quickfix',
        diagnostics: [DIAGNOSTICS[3]],
        edit: { changes: { [URI]: [{ range: at(1, 0, 0), newText: '<!-- speechlint-disable-next-line c -->\n' }] } },
      },
    ]);
  });

  it('offers the rule fix-all once when several of its diagnostics are in range', function () {
    const actions = codeActions(input({ diagnostics: [DIAGNOSTICS[0], DIAGNOSTICS[1]], only: ['quickfix'] }));
    assert.deepEqual(actions.map((a) => a.title), ['改为“，”', '修复本文件中所有 a 问题（2 处）', '改为“，”', '禁用本行的 a 规则', '禁用本行的 a 规则']);
  });

  it('ignores diagnostics of other tools and fixes computed for another version', function () {
    const foreign: Diagnostic = { ...DIAGNOSTICS[0], source: 'cspell' };
    assert.deepEqual(codeActions(input({ diagnostics: [foreign], only: ['quickfix'] })), []);
    // The old fix is not offered; the finding is still there in the new version, so it can still be silenced.
    assert.deepEqual(codeActions(input({ version: 4, diagnostics: [DIAGNOSTICS[0]], only: ['quickfix'] })).map((a) => a.title), ['禁用本行的 a 规则']);
  });

  it('fixes every bulk fix at once under source.fixAll.speech, editing only the fixed spans and leaving edit fixes alone', function () {
    const actions = codeActions(input({ only: ['source.fixAll'] }));
    assert.deepEqual(actions, [
      {
        title: '修复所有格式问题（标点、引号、全半角等）',
        kind: FIX_ALL_KIND,
        edit: {
          changes: {
            [URI]: [
              { range: at(0, 1, 2), newText: '，' },
              { range: at(1, 1, 2), newText: '，' },
            ],
          },
        },
      },
    ]);
  });

  it('offers no fix-all, for its rule or the file, of fixes that are edits', function () {
    const edits = FINDINGS.slice(0, 2).map((f): Finding => ({ ...f, fixClass: 'edit' }));
    const diagnostics = toDiagnostics(doc, edits, { version: 3, locale: 'zh', docsUrl: (id) => id });
    assert.deepEqual(codeActions(input({ findings: edits, diagnostics: [diagnostics[0]] })).map((a) => a.title), ['改为“，”', '禁用本行的 a 规则']);
  });

  it('offers no fix-all whose edits would grow the text beyond the cap', function () {
    // 1,000 characters of insertion into a 13-character draft: more than a fix of form ever adds.
    const feeding: Finding = { ...FINDINGS[0], fix: [{ span: { start: 1, end: 2 }, text: '，'.repeat(1002) }] };
    assert.deepEqual(codeActions(input({ findings: [feeding, FINDINGS[1]], only: ['source.fixAll'] })), []);
    const modest: Finding = { ...FINDINGS[0], fix: [{ span: { start: 1, end: 2 }, text: '，'.repeat(1000) }] };
    assert.equal(codeActions(input({ findings: [modest, FINDINGS[1]], only: ['source.fixAll'] })).length, 1);
  });

  it('on a real draft, fixes the half-width comma under source.fixAll.speech and leaves the numbering gap to its quick fix', function () {
    const text = '### 加强学习 推动发展\n某区政协主席 赵志强\n\n导语,甲。\n\n一、学习。\n\n三、推动。\n';
    const { doc, findings } = check(text);
    assert.deepEqual(findings.map((f) => f.ruleId).sort(), ['halfwidth-punctuation', 'section-numbering']);
    const [fixAll] = codeActions({ uri: URI, version: 1, doc, findings, diagnostics: [], only: ['source.fixAll'], locale: 'zh' });
    const edits = fixAll.edit!.changes![URI];
    assert.deepEqual(edits, [{ range: at(3, 2, 3), newText: '，' }]);
    // The numbering gap is still offered, on its own, as a quick fix.
    const diagnostics = toDiagnostics(doc, findings, { version: 1, locale: 'zh', docsUrl: (id) => id });
    const gap = diagnostics.find((d) => d.code === 'section-numbering')!;
    const quick = codeActions({ uri: URI, version: 1, doc, findings, diagnostics: [gap], only: ['quickfix'], locale: 'zh' });
    // The fix writes the standard `二、` whole, and says so; the comma's fix is the light bulb's file-wide one.
    assert.deepEqual(
      quick.map((a) => [a.title, a.edit!.changes![URI]]),
      [
        ['改为“二、”', [{ range: at(7, 0, 2), newText: '二、' }]],
        ['修复全部可自动修复的问题（1 处）', [{ range: at(3, 2, 3), newText: '，' }]],
        ['禁用本行的 section-numbering 规则', [{ range: at(7, 0, 0), newText: '<!-- speechlint-disable-next-line section-numbering -->\n' }]],
      ],
    );
  });

  it('answers each kind filter with the kinds it covers', function () {
    const kinds = (only?: string[]) => codeActions(input({ diagnostics: [DIAGNOSTICS[2]], only })).map((a) => a.kind);
    assert.deepEqual(kinds(undefined), ['quickfix', 'quickfix', 'quickfix', FIX_ALL_KIND]);
    assert.deepEqual(kinds(['source']), [FIX_ALL_KIND]);
    assert.deepEqual(kinds(['source.fixAll.speech']), [FIX_ALL_KIND]);
    assert.deepEqual(kinds(['refactor']), []);
    assert.deepEqual(kinds(['source.organizeImports']), []);
  });

  it('offers no fix-all when nothing is fixable', function () {
    assert.deepEqual(codeActions(input({ findings: [FINDINGS[3]], only: ['source.fixAll'] })), []);
  });

  it('on a compilation whose second speaker line may be misread, Fix All fixes the comma and nothing of the numbering or the padding', function () {
    // The incident of issue 20: read as body, `某省委组织部部长  张  柱` made the second speech's correct 一、…四、 look like 三、…六、 and its padding stray.
    const text = [
      '加强基层建设 推动高质量发展', '', '某省委组织部常务副部长  李  明', '', '今年以来，我们认真落实部署。', '', '一、抓学习。认真学习。', '', '二、抓落实。狠抓落实。', '',
      '夯实组织基础 凝聚奋进力量', '', '某省委组织部部长  张  柱', '', '我们坚持问题导向,推动工作。', '', '一、强基础。打牢根基。', '', '二、建机制。完善制度。', '', '三、优服务。提升水平。', '', '四、促发展。推动发展。', '',
    ].join('\n');
    const { doc, findings } = check(text);
    const [fixAll] = codeActions({ uri: URI, version: 1, doc, findings, diagnostics: [], only: ['source.fixAll'], locale: 'zh' });
    assert.deepEqual(fixAll.edit!.changes![URI], [{ range: at(14, 8, 9), newText: '，' }]);
  });

  it('names what each real fix does, always proposing a form no rule flags', function () {
    const text = '### 加强学习 推动发展\n某区政协主席 赵志强\n\n导语,甲 乙。会议精神 and 中办印发。\n\n一、学习。一是学，三是做。\n\n三、推动。\n\n四.落实。\n';
    const { doc, findings } = check(text);
    const diagnostics = toDiagnostics(doc, findings, { version: 1, locale: 'zh', docsUrl: (id) => id });
    const titles = (locale: 'zh' | 'en') =>
      diagnostics.map((d) => {
        const [fix] = codeActions({ uri: URI, version: 1, doc, findings, diagnostics: [d], only: ['quickfix'], locale });
        return `${String(d.code)}: ${fix.title}`;
      });
    assert.deepEqual(titles('zh'), [
      'halfwidth-punctuation: 改为“，”',
      'stray-space: 删除多余空格',
      'latin-word: 改为“和”',
      'item-numbering: 改为“二是”',
      'section-numbering: 改为“二、”',
      'section-marker: 改为“四、”',
      'section-numbering: 改为“三、”',
    ]);
    assert.deepEqual(titles('en').slice(0, 3), ['halfwidth-punctuation: Change to "，"', 'stray-space: Delete the extra space', 'latin-word: Change to "和"']);
    // Each quick fix on its own leaves nothing the rules flag at its place.
    for (const d of diagnostics) {
      const [fix] = codeActions({ uri: URI, version: 1, doc, findings, diagnostics: [d], only: ['quickfix'], locale: 'zh' });
      const [edit] = fix.edit!.changes![URI];
      const start = doc.lines.offsetAt(edit.range.start);
      const after = text.slice(0, start) + edit.newText + text.slice(doc.lines.offsetAt(edit.range.end));
      const left = check(after).findings.filter((f) => f.span.start <= start + edit.newText.length && f.span.end >= start && f.ruleId !== 'section-numbering');
      assert.deepEqual(left.map((f) => f.ruleId), [], `${fix.title}: ${after}`);
    }
  });

  it('offers the file-wide fix-all in the light bulb only when it does more than the actions beside it', function () {
    const text = '### 加强学习 推动发展\n某区政协主席 赵志强\n\n导语,甲。\n\n一、学习“甲”。\n';
    const { doc, findings } = check(text);
    const diagnostics = toDiagnostics(doc, findings, { version: 1, locale: 'zh', docsUrl: (id) => id });
    const only = (rule: string) => codeActions({ uri: URI, version: 1, doc, findings, diagnostics: diagnostics.filter((d) => d.code === rule), only: ['quickfix'], locale: 'zh' }).map((a) => a.title);
    assert.deepEqual(findings.map((f) => f.ruleId), ['halfwidth-punctuation']);
    // One bulk fix in the file, and the quick fix is it: nothing more to offer.
    assert.deepEqual(only('halfwidth-punctuation'), ['改为“，”', '禁用本行的 halfwidth-punctuation 规则']);
  });

  it('titles actions in English for an English client', function () {
    const en = toDiagnostics(doc, FINDINGS, { version: 3, locale: 'en', docsUrl: (id) => id });
    assert.deepEqual(
      codeActions(input({ locale: 'en', diagnostics: [en[0]] })).map((a) => a.title),
      ['Change to "，"', 'Fix all a problems in this file (2)', 'Disable a for this line', 'Fix all problems of form (punctuation, quotes, width…)'],
    );
  });
});

describe('codeActions: disable a rule for one line', function () {
  /** The disable action's edit for a finding of `rule` at `offset` in `text`, applied to `text`. */
  function disabled(text: string, rule: string, offset: number, end = offset + 1, uri = URI): string {
    const doc = parse(text);
    const finding: Finding = { ruleId: rule, severity: 'warning', span: { start: offset, end }, messageId: 'm', message: { zh: '问题', en: 'problem' } };
    const [diagnostic] = toDiagnostics(doc, [finding], { version: 1, locale: 'zh', docsUrl: (id) => id });
    const actions = codeActions({ uri, version: 1, doc, findings: [finding], diagnostics: [diagnostic], only: ['quickfix'], locale: 'zh' });
    assert.deepEqual(actions.map((a) => a.title), [`禁用本行的 ${rule} 规则`]);
    const [edit] = actions[0].edit!.changes![uri];
    const lines = new LineIndex(text);
    return text.slice(0, lines.offsetAt(edit.range.start)) + edit.newText + text.slice(lines.offsetAt(edit.range.end));
  }

  it('inserts the comment on its own line above, with the paragraph’s indentation and the document’s CRLF', function () {
    const text = '标题\r\n\u3000\u3000甲,乙\r\n';
    assert.equal(disabled(text, 'x', text.indexOf(',')), '标题\r\n\u3000\u3000<!-- speechlint-disable-next-line x -->\r\n\u3000\u3000甲,乙\r\n');
  });

  it('writes a plain-text draft’s comment as a // line, indented like the paragraph it silences, and one that silences it', function () {
    const text = '标题\n某区政协主席 赵志强\n\u3000\u3000甲,乙。\n';
    const after = disabled(text, 'halfwidth-punctuation', text.indexOf(','), undefined, 'file:///draft.speech.txt');
    assert.equal(after, '标题\n某区政协主席 赵志强\n\u3000\u3000// speechlint-disable-next-line halfwidth-punctuation\n\u3000\u3000甲,乙。\n');
    assert.deepEqual(check(after).findings.map((f) => f.ruleId), []);
    // A draft with `#` titles is Markdown whatever its file name.
    const marked = '### 标题\n\u3000\u3000甲,乙。\n';
    assert.equal(disabled(marked, 'x', marked.indexOf(','), undefined, 'untitled:Untitled-1'), '### 标题\n\u3000\u3000<!-- speechlint-disable-next-line x -->\n\u3000\u3000甲,乙。\n');
  });

  it('keeps a BOM first', function () {
    assert.equal(disabled('\uFEFF甲,乙', 'x', 2), '\uFEFF<!-- speechlint-disable-next-line x -->\n甲,乙');
  });

  it('adds the id to a disable-next-line comment already above the line', function () {
    const text = '<!-- speechlint-disable-next-line y -->\n\n甲,乙\n';
    assert.equal(disabled(text, 'x', text.indexOf(',')), '<!-- speechlint-disable-next-line y x -->\n\n甲,乙\n');
  });

  it('writes a new comment when the one above belongs to an earlier line', function () {
    const text = '<!-- speechlint-disable-next-line y -->\n丙。\n甲,乙\n';
    assert.equal(disabled(text, 'x', text.indexOf(',')), '<!-- speechlint-disable-next-line y -->\n丙。\n<!-- speechlint-disable-next-line x -->\n甲,乙\n');
  });

  it('offers one action per rule and line, and none for a diagnostic that matches no current finding', function () {
    const text = '甲,乙,丙';
    const doc = parse(text);
    const findings: Finding[] = [1, 3].map((at) => ({ ruleId: 'a', severity: 'warning', span: { start: at, end: at + 1 }, messageId: 'm', message: { zh: '问题', en: 'problem' } }));
    const diagnostics = toDiagnostics(doc, findings, { version: 1, locale: 'zh', docsUrl: (id) => id });
    const base = { uri: URI, version: 1, doc, only: ['quickfix'], locale: 'zh' as const };
    assert.deepEqual(codeActions({ ...base, findings, diagnostics }).map((a) => a.title), ['禁用本行的 a 规则']);
    assert.deepEqual(codeActions({ ...base, findings: findings.slice(1), diagnostics: diagnostics.slice(0, 1) }), []);
  });

  it('silences a real finding once applied', function () {
    const text = '### 加强学习 推动发展\n某区政协主席 赵志强\n\n导语,甲。\n';
    const { doc, findings } = check(text);
    assert.deepEqual(findings.map((f) => f.ruleId), ['halfwidth-punctuation']);
    const diagnostics = toDiagnostics(doc, findings, { version: 1, locale: 'en', docsUrl: (id) => id });
    const [action] = codeActions({ uri: URI, version: 1, doc, findings, diagnostics, only: ['quickfix'], locale: 'en' }).filter((a) => a.title.startsWith('Disable'));
    assert.equal(action.title, 'Disable halfwidth-punctuation for this line');
    const [edit] = action.edit!.changes![URI];
    const offset = doc.lines.offsetAt(edit.range.start);
    const after = text.slice(0, offset) + edit.newText + text.slice(offset);
    assert.equal(after, '### 加强学习 推动发展\n某区政协主席 赵志强\n\n<!-- speechlint-disable-next-line halfwidth-punctuation -->\n导语,甲。\n');
    assert.deepEqual(check(after).findings, []);
  });
});
