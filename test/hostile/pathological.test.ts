/**
 * A draft of one character repeated (issue 20: a 6 MB page of `的` took 23 s
 * and 3 GB in the CLI and stalled the server): a run is one finding, each
 * rule lists at most MAX_FINDINGS_PER_RULE findings per speech and sums up
 * the rest in one finding, the CLI checks such a draft on a small heap, and
 * the server keeps answering while it checks one.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DocumentSymbolRequest, type DocumentSymbol } from 'vscode-languageserver-protocol/node';
import { check, LintCache, lint, MAX_FINDINGS_PER_RULE, parse, UNLISTED_MESSAGE_ID, type Finding } from '../../server/src/core';
import { loadSegmenter } from '../../server/src/segmenter';
import { CLI } from '../cli/run';
import { LspTestClient } from '../lsp/lspClient';

const services = { segmenter: loadSegmenter() };
const HEADER = '### 标题\n\n某市政协主席 张三\n\n';

const ofRule = (findings: readonly Finding[], ruleId: string): Finding[] => findings.filter((f) => f.ruleId === ruleId);

describe('a draft of one character repeated', function () {
  this.timeout(60_000);

  it('gives one finding for the run, whatever its length', () => {
    const text = '的'.repeat(100_000);
    const { findings } = check(text, { services });
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.messageId, f.span.start, f.span.end]),
      [
        ['repeated-char', 'charRun', 0, 100_000],
        ['title-missing', 'missing', 0, 100_000],
      ],
    );
    assert.equal(findings[0].message.en, 'Character "的" is written 100000 times in a row; keep one');
    assert.deepEqual(findings[0].fix, [{ span: { start: 1, end: 100_000 }, text: '' }]);
  });

  it('lists at most 500 findings of a rule in a speech, then one finding without a fix that counts the rest, at the first left out', () => {
    assert.equal(MAX_FINDINGS_PER_RULE, 500);
    // 1,000 unclosed brackets: `（` at HEADER.length + 1, + 3, …; the 501st is the first left out.
    const text = HEADER + '中（'.repeat(1000);
    const findings = ofRule(check(text, { services }).findings, 'unmatched-pair');
    assert.equal(findings.length, 501);
    const listed = findings.filter((f) => f.messageId !== UNLISTED_MESSAGE_ID);
    assert.deepEqual(
      listed.map((f) => f.span.start),
      Array.from({ length: 500 }, (_, k) => HEADER.length + 1 + 2 * k),
    );
    const [summary] = findings.filter((f) => f.messageId === UNLISTED_MESSAGE_ID);
    assert.deepEqual(summary.span, { start: HEADER.length + 1 + 2 * 500, end: HEADER.length + 2 + 2 * 500 });
    assert.deepEqual(summary.message, { zh: '此规则在本篇中还有 500 处问题未列出', en: '500 more problems of this rule in this speech are not listed' });
    assert.equal(summary.severity, listed[0].severity);
    assert.equal(summary.fix, undefined);
  });

  it('says "1 more problem" when one is left out', () => {
    const findings = ofRule(check(HEADER + '中（'.repeat(501), { services }).findings, 'unmatched-pair');
    assert.equal(findings.length, 501);
    assert.equal(findings[500].message.en, '1 more problem of this rule in this speech is not listed');
  });

  it('counts per speech, so an edit of one speech leaves the other speech’s findings and summary as a fresh check has them', () => {
    const speech = (n: number, brackets: number): string => `### 标题${n}\n\n某市政协主席 张三\n\n${'中（'.repeat(brackets)}\n\n`;
    const text = speech(1, 700) + speech(2, 600);
    const cache = new LintCache();
    lint(parse(text), { services, cache });
    const edited = speech(1, 701) + speech(2, 600);
    const incremental = lint(parse(edited), { services, cache });
    const fresh = lint(parse(edited), { services });
    assert.deepEqual(incremental, fresh);
    const summaries = fresh.filter((f) => f.messageId === UNLISTED_MESSAGE_ID).map((f) => f.message.en);
    assert.deepEqual(summaries, ['201 more problems of this rule in this speech are not listed', '100 more problems of this rule in this speech are not listed']);
  });

  describe('through the CLI, on a 256 MB heap', () => {
    let dir: string;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'speechlint-pathological-'));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    const run = (file: string, format: string) =>
      spawnSync(process.execPath, ['--max-old-space-size=256', CLI, '--format', format, file], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', SPEECHLINT_LOCALE: 'en' } });

    it('checks 2 MB of one character and reports the run once', () => {
      const file = path.join(dir, 'one-char.speech.md');
      fs.writeFileSync(file, '的'.repeat(700_000));
      const r = run(file, 'json');
      assert.equal(r.stderr, '');
      assert.equal(r.status, 1, 'title-missing is an error');
      const [report] = JSON.parse(r.stdout) as Array<{ diagnostics: Array<{ rule: string; message: string; range: unknown }> }>;
      assert.deepEqual(
        report.diagnostics.map((d) => [d.rule, d.message, d.range]),
        [
          ['repeated-char', 'Character "的" is written 700000 times in a row; keep one', { start: { line: 0, character: 0 }, end: { line: 0, character: 700_000 } }],
          ['title-missing', report.diagnostics[1].message, { start: { line: 0, character: 0 }, end: { line: 0, character: 700_000 } }],
        ],
      );
    });

    it('prints the summary finding in JSON and SARIF', () => {
      const file = path.join(dir, 'brackets.speech.md');
      fs.writeFileSync(file, HEADER + '中（'.repeat(1000));
      const json = run(file, 'json');
      const [report] = JSON.parse(json.stdout) as Array<{ diagnostics: Array<{ rule: string; message: string; range: { start: { line: number; character: number } } }> }>;
      const brackets = report.diagnostics.filter((d) => d.rule === 'unmatched-pair');
      assert.equal(brackets.length, 501);
      const summary = brackets.find((d) => d.message === '500 more problems of this rule in this speech are not listed');
      assert.deepEqual(summary?.range.start, { line: 4, character: 1001 });

      const sarif = JSON.parse(run(file, 'sarif').stdout) as { runs: Array<{ results: Array<{ ruleId: string; message: { text: string } }> }> };
      const results = sarif.runs[0].results.filter((x) => x.ruleId === 'unmatched-pair');
      assert.equal(results.length, 501);
      assert.ok(results.some((x) => x.message.text === '500 more problems of this rule in this speech are not listed'));
    });
  });

  describe('in the language server', function () {
    let client: LspTestClient;
    beforeEach(async () => {
      client = await LspTestClient.start('en');
    });
    afterEach(async () => {
      if (client.process.exitCode === null) assert.equal(await client.stop(), 0, 'the server did not exit cleanly');
    });

    it('answers another draft’s outline before it has checked 6 MB of one character, then publishes that draft’s two diagnostics', async () => {
      const small = 'untitled:small.speech.md';
      const big = 'untitled:one-char.speech.md';
      await client.open(small, '### 标题\n\n某市政协主席 张三\n\n一、第一部分。\n');
      await client.diagnostics(small);
      await client.open(big, '的'.repeat(2_000_000));
      // The check runs in slices; a request read meanwhile is answered between two of them.
      const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: small } })) as DocumentSymbol[];
      assert.equal(client.published.some((p) => p.uri === big), false, 'the big draft was checked before the outline was answered');
      assert.equal(symbols[0]?.name, '标题');
      const { diagnostics } = await client.diagnostics(big, () => true, 120_000);
      assert.deepEqual(
        diagnostics.map((d) => [d.code, d.message]),
        [
          ['repeated-char', 'Character "的" is written 2000000 times in a row; keep one'],
          ['title-missing', diagnostics[1]?.message],
        ],
      );
    });
  });
});
