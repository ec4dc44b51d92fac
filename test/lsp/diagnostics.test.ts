/** Findings → LSP diagnostics (no server). */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { parse, type Finding } from '../../server/src/core';
import { capFindings, isDiagnosticData, toDiagnostics } from '../../server/src/lsp/diagnostics';
import { ruleDocsLinker } from '../../server/src/lsp/docsLinks';

const docsUrl = (id: string): string => `https://docs.example/${id}`;
const finding = (over: Partial<Finding>): Finding => ({
  ruleId: 'some-rule',
  severity: 'warning',
  span: { start: 0, end: 1 },
  messageId: 'm',
  message: { zh: '中文消息', en: 'English message' },
  ...over,
});

describe('toDiagnostics', function () {
  it('maps severity, rule id, docs link, source and the message in the chosen language', function () {
    const doc = parse('甲乙丙丁');
    const severities = (['error', 'warning', 'info', 'hint'] as const).map((severity) => finding({ severity }));
    const zh = toDiagnostics(doc, severities, { version: 1, locale: 'zh', docsUrl });
    assert.deepEqual(zh.map((d) => d.severity), [DiagnosticSeverity.Error, DiagnosticSeverity.Warning, DiagnosticSeverity.Information, DiagnosticSeverity.Hint]);
    assert.deepEqual(zh[0], {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      severity: DiagnosticSeverity.Error,
      code: 'some-rule',
      codeDescription: { href: 'https://docs.example/some-rule' },
      source: 'speechlint',
      message: '中文消息',
    });
    assert.equal(toDiagnostics(doc, [finding({})], { version: 1, locale: 'en', docsUrl })[0].message, 'English message');
  });

  it('counts characters in UTF-16 units, past surrogate pairs, a BOM and CRLF line breaks', function () {
    // Line 1 is `𠀀,b`: the astral character takes two units, so `,` is character 2.
    const text = '\uFEFF甲\r\n𠀀,b';
    const doc = parse(text);
    const comma = text.indexOf(',');
    const [d] = toDiagnostics(doc, [finding({ span: { start: comma, end: comma + 1 } })], { version: 1, locale: 'zh', docsUrl });
    assert.deepEqual(d.range, { start: { line: 1, character: 2 }, end: { line: 1, character: 3 } });
  });

  it('carries a fix as LSP edits with the document version, and only when there is one', function () {
    const text = '一、甲。\n三、乙。';
    const doc = parse(text);
    const withFix = finding({ span: { start: 5, end: 7 }, fix: [{ span: { start: 5, end: 6 }, text: '二' }] });
    const [fixed, plain] = toDiagnostics(doc, [withFix, finding({ fix: [] })], { version: 7, locale: 'zh', docsUrl });
    assert.deepEqual(fixed.data, { version: 7, fix: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, newText: '二' }] });
    assert.ok(isDiagnosticData(fixed.data));
    assert.equal(plain.data, undefined);
    assert.ok(!isDiagnosticData(undefined));
    assert.ok(!isDiagnosticData({ version: '7', fix: [] }));
  });
});

describe('ruleDocsLinker', function () {
  it('makes a file URL for the rule page in the given folder, escaping what a URL must', function () {
    assert.equal(ruleDocsLinker('/opt/ext/docs/rules')('section-numbering'), 'file:///opt/ext/docs/rules/section-numbering.md');
    assert.equal(ruleDocsLinker('/home/张 三/ext/docs/rules')('terms'), 'file:///home/%E5%BC%A0%20%E4%B8%89/ext/docs/rules/terms.md');
  });

  it('links a Chinese client to the Chinese page, and to the English one where no translation exists', function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rule-docs-'));
    try {
      for (const page of ['terms.md', 'terms.zh-CN.md', 'new-rule.md']) fs.writeFileSync(path.join(dir, page), '# page\n');
      const zh = ruleDocsLinker(dir, { locale: 'zh' });
      assert.equal(zh('terms'), pathToFileURL(path.join(dir, 'terms.zh-CN.md')).href);
      assert.equal(zh('new-rule'), pathToFileURL(path.join(dir, 'new-rule.md')).href);
      assert.equal(ruleDocsLinker(dir, { locale: 'en' })('terms'), pathToFileURL(path.join(dir, 'terms.md')).href);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('wraps the page in a command link for a client that shows pages itself', function () {
    const href = ruleDocsLinker('/opt/ext/docs/rules', { viewCommand: 'speech.showRuleDocs' })('terms');
    const url = new URL(href);
    assert.equal(url.protocol, 'command:');
    assert.equal(url.pathname, 'speech.showRuleDocs');
    assert.deepEqual(JSON.parse(decodeURIComponent(url.search.slice(1))), ['file:///opt/ext/docs/rules/terms.md']);
  });
});

describe('diagnostic cap', () => {
  it('keeps the most severe findings, in document order, when a file has too many', () => {
    const at = (start: number, severity: 'error' | 'warning' | 'info'): Finding => finding({ severity, span: { start, end: start + 1 } });
    const findings = [at(0, 'info'), at(1, 'warning'), at(2, 'error'), at(3, 'info'), at(4, 'error')];
    assert.deepEqual(capFindings(findings, 3).map((f) => [f.span.start, f.severity]), [[1, 'warning'], [2, 'error'], [4, 'error']]);
    assert.equal(capFindings(findings, 5), findings);
  });
});
