/**
 * What `speechlint` prints when the input is hostile: control characters in
 * file names, draft text, configuration keys and Word comments; a draft with
 * more problems than anyone reads; a reader that stops early.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CommentRangeEnd, CommentRangeStart, CommentReference, Document, Packer, Paragraph, TextRun } from 'docx';
import { ensureBuilt } from '../lsp/ensureBuilt';
import { CLI, FIXTURES, speechlint, writeTree } from './run';

const FAULTS = fs.readFileSync(path.join(FIXTURES, 'faults.speech.md'), 'utf8');

/** ESC, CSI "clear screen"; BEL; CR; DEL; a C1 CSI; RIGHT-TO-LEFT OVERRIDE; a first-strong isolate. */
const HOSTILE = '\x1b[2J\x07\r\x7f\x9b\u202e\u2068';
const HOSTILE_SHOWN = '\\x1b[2J\\x07\\x0d\\x7f\\x9b\\u202e\\u2068';
/** The same without CR, which would end a line of a draft. */
const HOSTILE_INLINE = '\x1b[2J\x07\x7f\x9b\u202e\u2068';
const HOSTILE_INLINE_SHOWN = '\\x1b[2J\\x07\\x7f\\x9b\\u202e\\u2068';
/** What must never reach a terminal raw (tab and newline may). */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * A draft with `count` warnings, from two rules (so that a cap on one rule's
 * findings does not hide them): paragraphs each with a half-width comma and a
 * doubled full stop, the last one without the comma when `count` is odd.
 */
/** Problems per speech: 200 of each of two rules, under the engine's 500 of one rule per speech, so the CLI's own cap is what shows. */
const PER_SPEECH = 400;

function draftWithProblems(count: number): string {
  const speeches: string[] = [];
  for (let left = count; left > 0; left -= PER_SPEECH) {
    const n = Math.min(left, PER_SPEECH);
    const body = '这是一段话,真的。。\n\n'.repeat(Math.floor(n / 2)) + (n % 2 ? '这是一段话。。\n\n' : '');
    speeches.push(`# 关于加强基层协商的发言\n\n青山县政协主席 王小明\n\n${body}`);
  }
  return speeches.join('');
}

describe('speechlint output', function () {
  this.timeout(60_000);
  let tmp: string;

  before(function () {
    ensureBuilt();
  });

  beforeEach(function () {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'speechlint-output-'));
  });

  afterEach(function () {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  describe('control characters', function () {
    it('shows them escaped in a file name, in every problem line', function () {
      const name = `a${HOSTILE}.speech.md`;
      writeTree(tmp, { [name]: FAULTS });
      const r = speechlint([name], { cwd: tmp });
      assert.doesNotMatch(r.stdout, UNSAFE);
      const lines = r.stdout.split('\n');
      assert.equal(lines[0], `a${HOSTILE_SHOWN}.speech.md:9:1  error  第2个一级标题的序号应为“二、”，现为“三、”  section-numbering`);
      assert.equal(lines.filter((l) => l.startsWith(`a${HOSTILE_SHOWN}.speech.md:`)).length, 3);
      assert.equal(r.status, 1);
    });

    it('shows them escaped in a failure naming a file, and in an unknown option', function () {
      const r = speechlint([`missing${HOSTILE}.speech.md`], { cwd: tmp });
      assert.equal(r.stderr, `speechlint: 无法读取 missing${HOSTILE_SHOWN}.speech.md：文件不存在\n`);
      const o = speechlint([`--x${HOSTILE}`, 'a.speech.md'], { cwd: tmp });
      assert.equal(o.stderr.split('\n')[0], `speechlint: 未知选项 --x${HOSTILE_SHOWN}`);
      assert.equal(o.status, 2);
    });

    it('shows them escaped in a finding message that quotes the draft', function () {
      writeTree(tmp, {
        '.speechlintrc.json': JSON.stringify({ rules: { terms: ['warning', { pairs: { [`坏${HOSTILE_INLINE}`]: '好' } }] } }),
        'a.speech.md': `# 关于加强基层协商的发言\n\n青山县政协主席 王小明\n\n这是坏${HOSTILE_INLINE}的。\n`,
      });
      const r = speechlint(['a.speech.md'], { cwd: tmp });
      assert.doesNotMatch(r.stdout, UNSAFE);
      assert.equal(r.stdout.split('\n')[0], `a.speech.md:5:3  warning  “坏${HOSTILE_INLINE_SHOWN}”应为“好”  terms`);
    });

    it('shows them escaped in a configuration fault: the file’s folder and an unknown key', function () {
      const folder = `d${HOSTILE}`;
      writeTree(tmp, { [`${folder}/.speechlintrc.json`]: '{ "\\u001b]0;owned\\u0007": 1 }', [`${folder}/a.speech.md`]: FAULTS });
      const r = speechlint([`${folder}/a.speech.md`], { cwd: tmp, env: { SPEECHLINT_LOCALE: 'en' } });
      assert.equal(r.stderr, `d${HOSTILE_SHOWN}/.speechlintrc.json:1:3: Unknown configuration key "\\x1b]0;owned\\x07"\n`);
      assert.equal(r.stdout, '');
      assert.equal(r.status, 2);
    });

    it('shows them escaped in an import note quoting a Word comment', async function () {
      const doc = new Document({
        comments: { children: [{ id: 0, author: '审稿人', date: new Date(0), children: [new Paragraph(`请核实${HOSTILE_INLINE}。`)] }] },
        sections: [
          {
            children: [
              new Paragraph('关于加强基层协商的发言'),
              new Paragraph('青山县政协主席 王小明'),
              new Paragraph({ children: [new CommentRangeStart(0), new TextRun('协商活动开展了120次。'), new CommentRangeEnd(0), new TextRun({ children: [new CommentReference(0)] })] }),
            ],
          },
        ],
      });
      fs.writeFileSync(path.join(tmp, 'in.docx'), await Packer.toBuffer(doc));
      const r = speechlint(['import', 'in.docx'], { cwd: tmp });
      assert.equal(r.status, 0, r.stderr);
      assert.doesNotMatch(r.stderr, UNSAFE);
      // XML 1.0 cannot hold ESC or BEL, so they do not arrive; DEL, C1 controls and bidi marks do, and are shown escaped.
      assert.equal(r.stderr, 'in.speech.md:5: 批注未导入，内容为：请核实[2J\\x7f\\x9b\\u202e\\u2068。\n');
    });

    it('escapes them in JSON and SARIF too, the values read back unchanged', function () {
      const name = `a${HOSTILE}.speech.md`;
      writeTree(tmp, {
        [name]: FAULTS,
        '.speechlintrc.json': JSON.stringify({ rules: { terms: ['warning', { pairs: { [`坏${HOSTILE_INLINE}`]: '好' } }] } }),
        'b.speech.md': `# 关于加强基层协商的发言\n\n青山县政协主席 王小明\n\n这是坏${HOSTILE_INLINE}的。\n`,
      });
      const json = speechlint(['--format', 'json', name, 'b.speech.md'], { cwd: tmp });
      assert.doesNotMatch(json.stdout, UNSAFE);
      assert.ok(json.stdout.includes('"file": "a\\u001b[2J\\u0007\\r\\u007f\\u009b\\u202e\\u2068.speech.md"'), json.stdout.slice(0, 200));
      const files = JSON.parse(json.stdout) as Array<{ file: string; diagnostics: Array<{ message: string }> }>;
      assert.equal(files[0].file, name);
      assert.equal(files[1].diagnostics[0].message, `“坏${HOSTILE_INLINE}”应为“好”`);
      // SARIF names files by URI, percent-encoded; messages are JSON strings.
      const sarif = speechlint(['--format', 'sarif', name, 'b.speech.md'], { cwd: tmp });
      assert.doesNotMatch(sarif.stdout, UNSAFE);
      const run = (JSON.parse(sarif.stdout) as { runs: Array<{ artifacts: Array<{ location: { uri: string } }>; results: Array<{ message: { text: string } }> }> }).runs[0];
      assert.equal(decodeURIComponent(run.artifacts[0].location.uri), name);
      assert.ok(run.results.some((r) => r.message.text === `“坏${HOSTILE_INLINE}”应为“好”`));
    });
  });

  describe('many problems in one file', function () {
    it('prints the first 1000 and a line counting the rest; the summary counts all', function () {
      writeTree(tmp, { 'big.speech.md': draftWithProblems(1500), 'small.speech.md': draftWithProblems(2) });
      const r = speechlint(['big.speech.md', 'small.speech.md'], { cwd: tmp });
      const lines = r.stdout.split('\n');
      assert.equal(lines.filter((l) => l.startsWith('big.speech.md:')).length, 1000);
      assert.equal(lines.filter((l) => l.startsWith('small.speech.md:')).length, 2);
      assert.equal(lines[1000], 'big.speech.md：另有 500 个问题未列出（摘要计入全部；--format json 列出全部）');
      assert.match(lines[1001], /^small\.speech\.md:/);
      assert.equal(lines.at(-2), '检查 2 个文件，发现 1502 个问题（错误 0，警告 1502，提示 0）。');
      assert.equal(lines.length, 1000 + 1 + 2 + 1 + 1);
    });

    it('says so in English too, and prints no such line at the limit', function () {
      writeTree(tmp, { 'big.speech.md': draftWithProblems(1001), 'edge.speech.md': draftWithProblems(1000) });
      const r = speechlint(['big.speech.md', 'edge.speech.md'], { cwd: tmp, env: { SPEECHLINT_LOCALE: 'en' } });
      const lines = r.stdout.split('\n');
      assert.equal(lines[1000], 'big.speech.md: 1 more problems not listed (counted in the summary; --format json lists all)');
      assert.equal(lines.filter((l) => l.includes('more problems not listed')).length, 1);
      assert.equal(lines.filter((l) => l.startsWith('edge.speech.md:')).length, 1000);
    });

    it('quotes at most 40 characters of a long run, with …, in text and JSON alike', function () {
      writeTree(tmp, { 'run.speech.md': `# 关于加强基层协商的发言\n\n青山县政协主席 王小明\n\n这是${'、'.repeat(20_000)}\n` });
      const r = speechlint(['run.speech.md'], { cwd: tmp });
      const line = r.stdout.split('\n').find((l) => l.endsWith('punctuation-run'));
      assert.ok(line);
      const message = line.split('  ')[2];
      assert.ok(message.includes(`${'、'.repeat(40)}…`) && !message.includes('、'.repeat(41)), message);
      const json = speechlint(['--format', 'json', 'run.speech.md'], { cwd: tmp });
      const diagnostics = (JSON.parse(json.stdout) as Array<{ diagnostics: Array<{ rule: string; message: string }> }>)[0].diagnostics;
      assert.equal(diagnostics.find((d) => d.rule === 'punctuation-run')!.message, message);
    });

    it('never cuts a character outside the BMP in half', function () {
      const wrong = '𠀀'.repeat(300);
      writeTree(tmp, {
        '.speechlintrc.json': JSON.stringify({ rules: { terms: ['warning', { pairs: { [wrong]: '好' } }] } }),
        'a.speech.md': `# 关于加强基层协商的发言\n\n青山县政协主席 王小明\n\n这是${wrong}的。\n`,
      });
      const r = speechlint(['a.speech.md'], { cwd: tmp });
      // 40 UTF-16 units are 20 such characters; a lone surrogate would reach the pipe as U+FFFD.
      assert.equal(r.stdout.split('\n')[0], `a.speech.md:5:3  warning  “${'𠀀'.repeat(20)}…”应为“好”  terms`);
    });

    it('lists them all in JSON', function () {
      writeTree(tmp, { 'big.speech.md': draftWithProblems(1500) });
      const r = speechlint(['--format', 'json', 'big.speech.md'], { cwd: tmp });
      assert.equal((JSON.parse(r.stdout) as Array<{ diagnostics: unknown[] }>)[0].diagnostics.length, 1500);
    });
  });

  describe('a reader that stops early', function () {
    /**
     * Runs the CLI with the reading end of its standard output (or error) closed
     * straight away, as `| head -c 0` would; resolves to the exit status.
     */
    function statusWithStdoutClosed(args: string[], closed: 'stdout' | 'stderr' = 'stdout'): Promise<number | null> {
      return new Promise((resolve, reject) => {
        const stdio = closed === 'stdout' ? (['ignore', 'pipe', 'ignore'] as const) : (['ignore', 'ignore', 'pipe'] as const);
        const child = spawn(process.execPath, [CLI, ...args], { cwd: tmp, env: { PATH: process.env.PATH ?? '', SPEECHLINT_LOCALE: 'en' }, stdio: [...stdio] });
        (closed === 'stdout' ? child.stdout : child.stderr)!.destroy();
        child.on('error', reject);
        child.on('close', (code) => resolve(code));
      });
    }

    /** The same, closing it after the first bytes arrive. */
    function statusClosedAfterFirstBytes(args: string[]): Promise<{ status: number | null; received: number }> {
      return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [CLI, ...args], { cwd: tmp, env: { PATH: process.env.PATH ?? '', SPEECHLINT_LOCALE: 'en' }, stdio: ['ignore', 'pipe', 'ignore'] });
        let received = 0;
        child.stdout.once('data', (chunk: Buffer) => {
          received = chunk.length;
          child.stdout.destroy();
        });
        child.on('error', reject);
        child.on('close', (code) => resolve({ status: code, received }));
      });
    }

    it('still exits 1 on errors and 2 on a failure', async function () {
      writeTree(tmp, { 'bad.speech.md': FAULTS, 'big.speech.md': draftWithProblems(3000) });
      assert.equal(await statusWithStdoutClosed(['bad.speech.md']), 1);
      assert.equal(await statusWithStdoutClosed(['--format', 'json', 'big.speech.md']), 0);
      assert.equal(await statusWithStdoutClosed(['--format', 'sarif', 'bad.speech.md', 'missing.speech.md']), 2);
      const afterBytes = await statusClosedAfterFirstBytes(['--format', 'json', 'bad.speech.md', 'big.speech.md']);
      assert.ok(afterBytes.received > 0);
      assert.equal(afterBytes.status, 1);
    });

    it('still exits 2 when standard error is the stream closed', async function () {
      writeTree(tmp, { 'bad.speech.md': FAULTS });
      assert.equal(await statusWithStdoutClosed(['bad.speech.md', 'missing.speech.md'], 'stderr'), 2);
      assert.equal(await statusWithStdoutClosed(['--nope'], 'stderr'), 2);
    });
  });

  describe('configuration keys named like Object.prototype members', function () {
    it('reports them as unknown, never printing [object Object] or a function', function () {
      writeTree(tmp, {
        '.speechlintrc.json': '{ "export": { "__proto__": 1, "toString": 2 }, "rules": { "length-limit": ["warning", { "__proto__": { "maxChars": 1 } }] } }',
        'a.speech.md': FAULTS,
      });
      const r = speechlint(['a.speech.md'], { cwd: tmp, env: { SPEECHLINT_LOCALE: 'en' } });
      assert.equal(
        r.stderr,
        [
          '.speechlintrc.json:1:15: Unknown export option "__proto__"',
          '.speechlintrc.json:1:31: Unknown export option "toString"',
          '.speechlintrc.json:1:89: Rule "length-limit" has no option "__proto__" (known: maxChars, maxMinutes, charsPerMinute, maxPages)',
          '',
        ].join('\n'),
      );
      assert.equal(r.status, 2);
    });
  });

  describe('options named like Object.prototype members', function () {
    for (const option of ['--__proto__', '--toString', '--constructor', '--hasOwnProperty']) {
      it(`${option} is an unknown option`, function () {
        const r = speechlint([option, 'a.speech.md'], { cwd: tmp, env: { SPEECHLINT_LOCALE: 'en' } });
        assert.equal(r.stderr, `speechlint: unknown option ${option}\nRun speechlint --help for usage.\n`);
        assert.equal(r.status, 2);
        const sub = speechlint(['export', option, 'a.speech.md'], { cwd: tmp, env: { SPEECHLINT_LOCALE: 'en' } });
        assert.equal(sub.stderr, `speechlint: unknown option ${option}\nRun speechlint --help for usage.\n`);
        assert.equal(sub.status, 2);
      });
    }
  });
});
