/**
 * `speechlint` as a user runs it: `node dist/cli.js` in a child process.
 *
 * Fixtures (test/fixtures/cli), 0-based lines as the JSON reports them:
 *   faults.speech.md   line 8 `三、` should be 二、 (error, a quick fix); line 10 `四.` is
 *                      non-standard (warning, a bulk fix) and should be 三 (error, a
 *                      quick fix): --fix writes `四、` and leaves the numbering
 *   warnings.speech.md line 6 `一.` non-standard (one warning)
 *   clean.speech.md    nothing to report
 *   astral.speech.md   title `𠀀𠀀工作报告。` ends in `。` at UTF-16 character 12
 *                      (code point 10): the column must count UTF-16 units
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureBuilt, ROOT } from '../lsp/ensureBuilt';
import { FIXTURES, speechlint, writeTree } from './run';

const FAULTS = fs.readFileSync(path.join(FIXTURES, 'faults.speech.md'), 'utf8');

const FAULT_LINES = [
  'faults.speech.md:9:1  error  第2个一级标题的序号应为“二、”，现为“三、”  section-numbering',
  'faults.speech.md:11:1  warning  标题序号“四.”应写作“四、”  section-marker',
  'faults.speech.md:11:1  error  第3个一级标题的序号应为“三、”，现为“四.”  section-numbering',
];

describe('speechlint CLI', function () {
  this.timeout(60_000);
  let tmp: string;

  before(function () {
    ensureBuilt();
  });

  beforeEach(function () {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'speechlint-'));
  });

  afterEach(function () {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  describe('text format', function () {
    it('prints path:line:column  severity  message  rule-id per problem, then a summary, and exits 1 on errors', function () {
      const r = speechlint(['faults.speech.md']);
      assert.equal(r.stdout, [...FAULT_LINES, '检查 1 个文件，发现 3 个问题（错误 2，警告 1，提示 0）。', ''].join('\n'));
      assert.equal(r.stderr, '');
      assert.equal(r.status, 1);
    });

    it('counts the column in UTF-16 units, 1-based', function () {
      const r = speechlint(['astral.speech.md']);
      assert.equal(r.stdout.split('\n')[0], 'astral.speech.md:1:13  warning  标题末尾不应有标点“。”，应删去  title-form');
      assert.equal(r.status, 0);
    });

    it('exits 0 and says so when there is nothing to report', function () {
      const r = speechlint(['clean.speech.md']);
      assert.equal(r.stdout, '检查 1 个文件，未发现问题。\n');
      assert.equal(r.status, 0);
    });

    it('exits 0 on warnings alone', function () {
      const r = speechlint(['warnings.speech.md']);
      assert.equal(r.stdout, 'warnings.speech.md:7:1  warning  标题序号“一.”应写作“一、”  section-marker\n检查 1 个文件，发现 1 个问题（错误 0，警告 1，提示 0）。\n');
      assert.equal(r.status, 0);
    });
  });

  describe('language', function () {
    it('speaks English when SPEECHLINT_LOCALE starts with en', function () {
      const r = speechlint(['faults.speech.md'], { env: { SPEECHLINT_LOCALE: 'en' } });
      assert.equal(
        r.stdout,
        [
          'faults.speech.md:9:1  error  Level-1 section 2 should be numbered "二、", found "三、"  section-numbering',
          'faults.speech.md:11:1  warning  Section marker "四." should be written "四、"  section-marker',
          'faults.speech.md:11:1  error  Level-1 section 3 should be numbered "三、", found "四."  section-numbering',
          'Files checked: 1. Problems: 3 (errors: 2, warnings: 1, info: 0).',
          '',
        ].join('\n'),
      );
    });

    it('follows LANG when SPEECHLINT_LOCALE is not set, and SPEECHLINT_LOCALE when both are', function () {
      assert.equal(speechlint(['clean.speech.md'], { env: { LANG: 'en_US.UTF-8' } }).stdout, 'Files checked: 1. No problems.\n');
      assert.equal(speechlint(['clean.speech.md'], { env: { LANG: 'zh_CN.UTF-8' } }).stdout, '检查 1 个文件，未发现问题。\n');
      assert.equal(speechlint(['clean.speech.md'], { env: { LANG: 'C.UTF-8' } }).stdout, '检查 1 个文件，未发现问题。\n');
      assert.equal(speechlint(['clean.speech.md'], { env: { LANG: 'en_US.UTF-8', SPEECHLINT_LOCALE: 'zh' } }).stdout, '检查 1 个文件，未发现问题。\n');
    });
  });

  describe('json format', function () {
    it('prints one object per file with 0-based LSP ranges', function () {
      const r = speechlint(['--format', 'json', 'faults.speech.md', 'clean.speech.md']);
      const range = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });
      assert.deepEqual(JSON.parse(r.stdout), [
        {
          file: 'faults.speech.md',
          diagnostics: [
            { rule: 'section-numbering', severity: 'error', message: '第2个一级标题的序号应为“二、”，现为“三、”', range: range(8, 0, 2) },
            { rule: 'section-marker', severity: 'warning', message: '标题序号“四.”应写作“四、”', range: range(10, 0, 2) },
            { rule: 'section-numbering', severity: 'error', message: '第3个一级标题的序号应为“三、”，现为“四.”', range: range(10, 0, 2) },
          ],
        },
        { file: 'clean.speech.md', diagnostics: [] },
      ]);
      assert.equal(r.status, 1);
    });

    it('accepts --format=json and keeps UTF-16 characters', function () {
      const r = speechlint(['--format=json', 'astral.speech.md']);
      assert.deepEqual(JSON.parse(r.stdout)[0].diagnostics[0].range, { start: { line: 0, character: 12 }, end: { line: 0, character: 13 } });
    });
  });

  describe('inputs', function () {
    it('reads standard input for `-`, shown as <stdin>', function () {
      const r = speechlint(['-'], { input: FAULTS });
      assert.equal(r.stdout.split('\n')[0], '<stdin>:9:1  error  第2个一级标题的序号应为“二、”，现为“三、”  section-numbering');
      assert.equal(r.status, 1);
    });

    it('searches directories for speech drafts, skipping dot-folders and node_modules', function () {
      writeTree(tmp, {
        'drafts/a.speech.md': FAULTS,
        'drafts/e.speech': read('warnings.speech.md'),
        'drafts/sub/b.speech.txt': read('clean.speech.md'),
        'drafts/notes.md': FAULTS,
        'drafts/.hidden/c.speech.md': FAULTS,
        'drafts/node_modules/d.speech.md': FAULTS,
      });
      const r = speechlint(['--format', 'json', 'drafts'], { cwd: tmp });
      assert.deepEqual(
        JSON.parse(r.stdout).map((f: { file: string }) => f.file),
        ['drafts/a.speech.md', 'drafts/e.speech', 'drafts/sub/b.speech.txt'],
      );
    });

    it('checks a file named explicitly whatever its extension', function () {
      writeTree(tmp, { 'notes.md': FAULTS });
      const r = speechlint(['notes.md'], { cwd: tmp });
      assert.equal(r.stdout.split('\n')[0], 'notes.md:9:1  error  第2个一级标题的序号应为“二、”，现为“三、”  section-numbering');
    });

    it('expands * and ** globs itself', function () {
      writeTree(tmp, {
        'a.speech.md': read('clean.speech.md'),
        'x/b.speech.md': read('clean.speech.md'),
        'x/y/c.speech.md': read('clean.speech.md'),
        'x/y/c.txt': read('clean.speech.md'),
      });
      const files = (pattern: string): string[] => JSON.parse(speechlint(['--format', 'json', pattern], { cwd: tmp }).stdout).map((f: { file: string }) => f.file);
      assert.deepEqual(files('*.speech.md'), ['a.speech.md']);
      assert.deepEqual(files('x/*.speech.md'), ['x/b.speech.md']);
      assert.deepEqual(files('**/*.speech.md'), ['a.speech.md', 'x/b.speech.md', 'x/y/c.speech.md']);
      assert.deepEqual(files('x/**/c.*'), ['x/y/c.speech.md', 'x/y/c.txt']);
      assert.deepEqual(files('x/?/c.txt'), ['x/y/c.txt']);
    });

    it('checks each file once when targets overlap', function () {
      const r = speechlint(['--format', 'json', 'clean.speech.md', 'clean.speech.md']);
      assert.equal(JSON.parse(r.stdout).length, 1);
    });
  });

  describe('exit status 2', function () {
    const cases: Array<[string, string[], RegExp]> = [
      ['an unknown option', ['--frobnicate', 'clean.speech.md'], /未知选项 --frobnicate/],
      ['an unknown format', ['--format', 'xml', 'clean.speech.md'], /不支持的输出格式“xml”，可用：text、json、sarif/],
      ['a format with no value', ['clean.speech.md', '--format'], /选项 --format 缺少取值/],
      ['no files', [], /没有指定要检查的文件/],
      ['a bad --max-warnings', ['--max-warnings', 'many', 'clean.speech.md'], /--max-warnings 的取值“many”不是非负整数/],
      ['a value given to a switch', ['--fix=false', 'clean.speech.md'], /未知选项 --fix=false/],
      ['--fix with standard input', ['--fix', '-'], /--fix 不能用于标准输入/],
    ];
    for (const [what, args, message] of cases) {
      it(`on ${what}, with a message and a pointer to --help`, function () {
        const r = speechlint(args);
        assert.equal(r.status, 2);
        assert.match(r.stderr, message);
        assert.match(r.stderr, /speechlint --help/);
      });
    }

    it('on a file that cannot be read, naming it, after checking the others', function () {
      const r = speechlint(['missing.speech.md', 'faults.speech.md']);
      assert.equal(r.status, 2);
      assert.equal(r.stderr, 'speechlint: 无法读取 missing.speech.md：文件不存在\n');
      assert.equal(r.stdout.split('\n')[0], FAULT_LINES[0]);
    });

    it('on a glob that matches nothing, and on a directory without drafts', function () {
      writeTree(tmp, { 'empty/readme.md': 'x' });
      const glob = speechlint(['*.nothing'], { cwd: tmp });
      assert.equal(glob.status, 2);
      assert.equal(glob.stderr, 'speechlint: 没有文件匹配 *.nothing\n');
      const dir = speechlint(['empty'], { cwd: tmp });
      assert.equal(dir.status, 2);
      assert.match(dir.stderr, /目录 empty 中没有发言稿文件/);
    });

    it('on a configuration file that is missing or names an unknown rule, naming the file', function () {
      const missing = speechlint(['--config', 'nope.json', 'clean.speech.md']);
      assert.equal(missing.status, 2);
      assert.equal(missing.stderr, `nope.json:1:1: 无法读取配置文件：${path.join(FIXTURES, 'nope.json')}\n`);
      assert.equal(missing.stdout, '');
      const unknown = speechlint(['--config', 'unknown-rule.json', 'clean.speech.md']);
      assert.equal(unknown.status, 2);
      // path:line:column: message, the form problem matchers read.
      assert.equal(unknown.stderr, 'unknown-rule.json:2:14: 未知的规则“no-such-rule”\n');
    });
  });

  describe('--config', function () {
    it('applies the file’s rule settings', function () {
      const r = speechlint(['--config', 'rules-off.json', 'faults.speech.md']);
      assert.equal(r.stdout, [FAULT_LINES[1], '检查 1 个文件，发现 1 个问题（错误 0，警告 1，提示 0）。', ''].join('\n'));
      assert.equal(r.status, 0);
    });
  });

  describe('--max-warnings', function () {
    it('exits 1 only when the warnings exceed the limit', function () {
      const over = speechlint(['--max-warnings', '0', 'warnings.speech.md']);
      assert.equal(over.status, 1);
      assert.match(over.stdout, /警告数 1 超过上限 0。\n$/);
      assert.equal(speechlint(['--max-warnings', '1', 'warnings.speech.md']).status, 0);
      assert.equal(speechlint(['--max-warnings=1', 'warnings.speech.md']).status, 0);
    });
  });

  describe('--fix', function () {
    it('fixes the form in place, keeping the BOM and CRLF, every unfixed byte and the numbering', function () {
      const lines = FAULTS.split('\n');
      const file = path.join(tmp, 'draft.speech.md');
      fs.writeFileSync(file, '\uFEFF' + lines.join('\r\n'));
      const r = speechlint(['--fix', 'draft.speech.md'], { cwd: tmp });
      const expected = [...lines];
      // Only the marker's form: `四.` becomes `四、`; renumbering `三、` `四、` is a quick fix the user accepts one at a time.
      expected[10] = '四、加强督促检查。组织委员开展专项视察。';
      assert.equal(fs.readFileSync(file, 'utf8'), '\uFEFF' + expected.join('\r\n'));
      assert.equal(
        r.stdout,
        [
          '已自动修复 1 处问题。',
          'draft.speech.md:9:1  error  第2个一级标题的序号应为“二、”，现为“三、”  section-numbering',
          'draft.speech.md:11:1  error  第3个一级标题的序号应为“三、”，现为“四、”  section-numbering',
          '检查 1 个文件，发现 2 个问题（错误 2，警告 0，提示 0）。',
          '',
        ].join('\n'),
      );
      assert.equal(r.status, 1);
    });

    it('fixes half-width commas over several passes, leaves a numbering gap, and reports what it did not fix', function () {
      const file = path.join(tmp, 'untitled.speech.md');
      fs.writeFileSync(file, '某区政协主席 赵志强\n\n导语,,甲。\n\n一、甲。\n\n三、乙。\n');
      const r = speechlint(['--fix', 'untitled.speech.md'], { cwd: tmp });
      // Checked by hand: the run of two commas (one finding) becomes U+FF0C U+FF0C (ef bc 8c), then the doubled one goes: two fixes; `三、` stays.
      const expected = Buffer.from(
        'e69f90e58cbae694bfe58d8fe4b8bbe5b8ad20e8b5b5e5bf97e5bcba0a0a' + // 某区政协主席 赵志强\n\n
          'e5afbce8afadefbc8ce794b2e380820a0a' + // 导语，甲。\n\n
          'e4b880e38081e794b2e380820a0a' + // 一、甲。\n\n
          'e4b889e38081e4b999e380820a', // 三、乙。\n
        'hex',
      );
      assert.deepEqual(fs.readFileSync(file), expected);
      assert.equal(
        r.stdout,
        '已自动修复 2 处问题。\n' +
          'untitled.speech.md:1:1  error  发言缺少标题，应在发言人行上方加一行标题  title-missing\n' +
          'untitled.speech.md:7:1  error  第2个一级标题的序号应为“二、”，现为“三、”  section-numbering\n' +
          '检查 1 个文件，发现 2 个问题（错误 2，警告 0，提示 0）。\n',
      );
      assert.equal(r.status, 1);
    });

    it('leaves a file with nothing to fix untouched', function () {
      const file = path.join(tmp, 'clean.speech.md');
      fs.copyFileSync(path.join(FIXTURES, 'clean.speech.md'), file);
      const before = fs.statSync(file).mtimeMs;
      const r = speechlint(['--fix', 'clean.speech.md'], { cwd: tmp });
      assert.equal(r.stdout, '已自动修复 0 处问题。\n检查 1 个文件，未发现问题。\n');
      assert.equal(fs.statSync(file).mtimeMs, before);
    });
  });

  describe('--help and --version', function () {
    it('prints usage and exits 0', function () {
      const r = speechlint(['--help']);
      assert.equal(r.status, 0);
      assert.match(r.stdout, /^用法：speechlint \[选项\] <文件\|目录\|通配符>\.\.\./);
      assert.match(r.stdout, /--format text\|json\|sarif\n/);
      assert.match(speechlint(['--help'], { env: { SPEECHLINT_LOCALE: 'en' } }).stdout, /^Usage: speechlint \[options\] <file\|dir\|glob>\.\.\./);
    });

    it('prints the package version', function () {
      const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
      const r = speechlint(['--version']);
      assert.equal(r.stdout, `${version}\n`);
      assert.equal(r.status, 0);
    });
  });
});

function read(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}
