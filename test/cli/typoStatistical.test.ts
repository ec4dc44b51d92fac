/**
 * `speechlint` runs the `typo` rule's statistical tier when the configuration
 * switches it on (`level` holding `statistical`), and only then; its findings
 * are info.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { speechlint, writeTree } from './run';

/** A published sentence (People's Daily, January 2020) with `安装` misspelt `按装`. */
const DRAFT = '# 交流发言\n\n　　此外，北京市和中科院共建的5个第一批交叉研究平台土建工程全部完工，进入科研设备按装阶段。\n';

interface JsonReport {
  file: string;
  diagnostics: Array<{ rule: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }>;
}

describe('CLI: typo statistical tier', function () {
  this.timeout(60_000);
  let tmp: string;

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'speechlint-stat-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const typoFindings = (stdout: string) =>
    (JSON.parse(stdout) as JsonReport[]).flatMap((r) => r.diagnostics.filter((d) => d.rule === 'typo').map((d) => [d.severity, d.range.start.line, d.range.start.character, d.range.end.character, d.message]));

  it('reports a suspicion as info when the configuration asks for the tier', () => {
    writeTree(tmp, { '.speechlintrc.json': JSON.stringify({ rules: { typo: ['warning', { level: ['list', 'idiom', 'statistical'] }] } }), 'a.speech.md': DRAFT });
    const r = speechlint(['--format', 'json', 'a.speech.md'], { cwd: tmp });
    assert.equal(r.stderr, '');
    assert.deepEqual(typoFindings(r.stdout), [['info', 2, 41, 42, '“按装”疑为“安装”之误：“按”应为“安”（同音；据上下文统计推断，请核对）']]);
  });

  it('does not run it by default', () => {
    writeTree(tmp, { 'a.speech.md': DRAFT });
    const r = speechlint(['--format', 'json', 'a.speech.md'], { cwd: tmp });
    assert.equal(r.stderr, '');
    assert.deepEqual(typoFindings(r.stdout), []);
  });
});
