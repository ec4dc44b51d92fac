/**
 * The CLI and `.speechlintrc.json`: found by walking up from each checked
 * file (nearest wins), replaced by `--config`, obeyed by every format and by
 * `--fix`; any fault in a configuration in use stops the run with
 * `path:line:col: message` on stderr and exit status 2, before anything is
 * checked or written.
 *
 * faults.speech.md (test/fixtures/cli), 1-based lines: 9 `三、` (section-numbering,
 * error), 11 `四.` (section-marker, warning; section-numbering, error).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureBuilt } from '../lsp/ensureBuilt';
import { FIXTURES, speechlint, writeTree } from './run';

const FAULTS = fs.readFileSync(path.join(FIXTURES, 'faults.speech.md'), 'utf8');
const NUMBERING_9 = '第2个一级标题的序号应为“二、”，现为“三、”  section-numbering';
const MARKER_11 = '标题序号“四.”应写作“四、”  section-marker';
const NUMBERING_11 = '第3个一级标题的序号应为“三、”，现为“四.”  section-numbering';
const json = (rules: unknown): string => JSON.stringify({ rules }, null, 2);

describe('speechlint CLI with configuration files', function () {
  this.timeout(60_000);
  let tmp: string;

  before(function () {
    ensureBuilt();
  });

  beforeEach(function () {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'speechlint-cli-config-'));
  });

  afterEach(function () {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  describe('finding the configuration', function () {
    beforeEach(function () {
      writeTree(tmp, {
        'office/.speechlintrc.json': json({ 'section-numbering': 'off' }),
        'office/drafts/a.speech.md': FAULTS,
        'office/team/.speechlintrc.json': json({ 'section-marker': 'off' }),
        'office/team/b.speech.md': FAULTS,
        'other.json': json({ 'section-numbering': 'info', 'section-marker': 'hint' }),
      });
    });

    it('uses the nearest file above each draft, walking up through folders', function () {
      const r = speechlint(['office'], { cwd: tmp });
      assert.equal(
        r.stdout,
        [
          `office/drafts/a.speech.md:11:1  warning  ${MARKER_11}`,
          `office/team/b.speech.md:9:1  error  ${NUMBERING_9}`,
          `office/team/b.speech.md:11:1  error  ${NUMBERING_11}`,
          '检查 2 个文件，发现 3 个问题（错误 2，警告 1，提示 0）。',
          '',
        ].join('\n'),
      );
      assert.equal(r.stderr, '');
      assert.equal(r.status, 1);
    });

    it('uses --config instead of searching, for every file', function () {
      const r = speechlint(['--config', 'other.json', '--format', 'json', 'office'], { cwd: tmp });
      const seen = (JSON.parse(r.stdout) as Array<{ file: string; diagnostics: Array<{ rule: string; severity: string }> }>).map((f) => [f.file, f.diagnostics.map((d) => `${d.rule}:${d.severity}`)]);
      const expected = ['section-numbering:info', 'section-marker:hint', 'section-numbering:info'];
      assert.deepEqual(seen, [
        ['office/drafts/a.speech.md', expected],
        ['office/team/b.speech.md', expected],
      ]);
      assert.equal(r.status, 0);
    });

    it('reads standard input with the configuration above the working folder', function () {
      const r = speechlint(['-'], { cwd: path.join(tmp, 'office/drafts'), input: FAULTS });
      assert.equal(r.stdout, [`<stdin>:11:1  warning  ${MARKER_11}`, '检查 1 个文件，发现 1 个问题（错误 0，警告 1，提示 0）。', ''].join('\n'));
    });

    it('decides the exit status by the configured severities', function () {
      writeTree(tmp, { 'strict/.speechlintrc.json': json({ 'section-marker': 'error' }), 'strict/w.speech.md': fs.readFileSync(path.join(FIXTURES, 'warnings.speech.md'), 'utf8') });
      assert.equal(speechlint(['strict/w.speech.md'], { cwd: tmp }).status, 1);
      assert.equal(speechlint(['office/drafts/a.speech.md', '--max-warnings', '0'], { cwd: tmp }).status, 1);
      assert.equal(speechlint(['office/drafts/a.speech.md', '--max-warnings', '1'], { cwd: tmp }).status, 0);
    });

    it('ignores a broken configuration that no checked file uses', function () {
      writeTree(tmp, { 'elsewhere/.speechlintrc.json': '{ broken' });
      assert.equal(speechlint(['office/team/b.speech.md'], { cwd: tmp }).status, 1);
      assert.equal(speechlint(['office/team/b.speech.md'], { cwd: tmp }).stderr, '');
    });
  });

  describe('--fix', function () {
    it('reports the configured number-range separator, and leaves the range to a quick fix', function () {
      const draft = '### 加强联系 凝聚共识\n\n某区政协主席 赵志强\n\n每名委员联系1-2名党外委员,共同推进。\n';
      writeTree(tmp, { '.speechlintrc.json': json({ 'number-range': ['info', { separator: '至' }] }), 'd.speech.md': draft });
      const r = speechlint(['--fix', 'd.speech.md'], { cwd: tmp });
      // `1-2` may be an identifier, so its fix is an edit, never applied in bulk; the comma's is a fix of form.
      assert.equal(fs.readFileSync(path.join(tmp, 'd.speech.md'), 'utf8'), draft.replace('党外委员,', '党外委员，'));
      assert.equal(
        r.stdout,
        '已自动修复 1 处问题。\nd.speech.md:5:7  info  数值范围“1-2”应写作“1至2”  number-range\n检查 1 个文件，发现 1 个问题（错误 0，警告 0，提示 1）。\n',
      );
    });

    it('applies no fix of a rule the configuration turns off', function () {
      const draft = FAULTS.replace('今年以来，', '今年以来,');
      assert.notEqual(draft, FAULTS);
      writeTree(tmp, { '.speechlintrc.json': json({ 'section-marker': 'off' }), 'd.speech.md': draft });
      const r = speechlint(['--fix', 'd.speech.md'], { cwd: tmp });
      // The comma is fixed; `四.` stays, its rule being off (and the numbering is never fixed in bulk).
      assert.equal(fs.readFileSync(path.join(tmp, 'd.speech.md'), 'utf8'), FAULTS);
      assert.match(r.stdout, /^已自动修复 1 处问题。\n/);
    });
  });

  describe('a faulty configuration: exit 2, path:line:col: message, nothing checked or written', function () {
    const cases: Array<[string, Record<string, string>, string]> = [
      ['an unknown rule', { '.speechlintrc.json': '{\n  "rules": {\n    "section-numbers": "off"\n  }\n}\n' }, '.speechlintrc.json:3:5: 未知的规则“section-numbers”'],
      [
        'a wrong option type',
        { '.speechlintrc.json': '{ "rules": { "length-limit": ["warning", { "maxChars": "1500" }] } }' },
        '.speechlintrc.json:1:56: 选项“maxChars”应为数字',
      ],
      ['invalid JSON', { '.speechlintrc.json': '{ "rules": { "lead-missing": "off" ' }, '.speechlintrc.json:1:36: JSON 语法错误：CloseBraceExpected'],
      ['a missing extends file', { '.speechlintrc.json': '{ "extends": "./base.json" }' }, `.speechlintrc.json:1:14: 找不到 "extends" 指向的文件：{tmp}/base.json`],
      [
        'an extends cycle',
        { '.speechlintrc.json': '{ "extends": "./a.json" }', 'a.json': '{\n  "extends": "./.speechlintrc.json"\n}' },
        'a.json:2:14: "extends" 形成循环：{tmp}/.speechlintrc.json → {tmp}/a.json → {tmp}/.speechlintrc.json',
      ],
      ['an unknown rule in an extended file', { '.speechlintrc.json': '{ "extends": "./shared/base.json" }', 'shared/base.json': '{"rules": {"no-rule": "off"}}' }, 'shared/base.json:1:12: 未知的规则“no-rule”'],
    ];
    for (const [what, files, message] of cases) {
      it(`on ${what}`, function () {
        writeTree(tmp, { ...files, 'd.speech.md': FAULTS });
        for (const format of ['text', 'json', 'sarif']) {
          const r = speechlint(['--fix', '--format', format, 'd.speech.md'], { cwd: tmp });
          assert.equal(r.stderr, `${message.replaceAll('{tmp}', tmp)}\n`, format);
          assert.equal(r.stdout, '', format);
          assert.equal(r.status, 2, format);
        }
        assert.equal(fs.readFileSync(path.join(tmp, 'd.speech.md'), 'utf8'), FAULTS);
      });
    }

    it('names a configuration outside the working folder by its absolute path, in English too', function () {
      writeTree(tmp, { '.speechlintrc.json': '{"rules": {"no-rule": "off"}}', 'sub/d.speech.md': FAULTS });
      const r = speechlint(['d.speech.md'], { cwd: path.join(tmp, 'sub'), env: { SPEECHLINT_LOCALE: 'en' } });
      assert.equal(r.stderr, `${path.join(tmp, '.speechlintrc.json')}:1:12: Unknown rule "no-rule"\n`);
      assert.equal(r.status, 2);
    });

    it('reports each fault once when several drafts share the file', function () {
      writeTree(tmp, { '.speechlintrc.json': '{"rules": {"no-rule": "off"}}', 'a.speech.md': FAULTS, 'b/b.speech.md': FAULTS });
      assert.equal(speechlint(['.'], { cwd: tmp }).stderr, '.speechlintrc.json:1:12: 未知的规则“no-rule”\n');
    });
  });
});
