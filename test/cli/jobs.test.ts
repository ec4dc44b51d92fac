/**
 * `--jobs`: a tree checked in worker threads gives the very output, messages
 * and exit status of the single-threaded run (`--jobs 1`), whatever the format,
 * and a file that cannot be read is reported while the others are checked.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import { ensureBuilt } from '../lsp/ensureBuilt';
import { speechlint, writeTree, type Run } from './run';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x28, 0x31, 0x29]);

/** Draft `i` of a generated tree: clean, or with errors and warnings of several rules, in turn. */
function draft(i: number): string {
  const head = `# 关于第${i}项工作的发言\n\n某某县政协委员 王小明\n\n`;
  switch (i % 4) {
    case 0:
      return `${head}今年以来，我们认真落实各项部署，推动工作有序开展。\n`;
    case 1:
      return `${head}一、压实工作责任。把年度重点任务分解到各专委会。\n\n三、完善工作机制。建立月调度、季通报制度。\n`;
    case 2:
      return `${head}${'这是一段话,真的。。\n\n'.repeat(1 + (i % 7))}`;
    default:
      return `${head}四.加强督促检查。组织委员开展专项视察,确保落实。\n`.replace(/\n/g, '\r\n');
  }
}

/** `count` drafts spread over nested folders; one folder turns a rule off in its own configuration. */
function generatedTree(root: string, count: number): void {
  const files: Record<string, string> = { 'quiet/.speechlintrc.json': '{ "rules": { "section-numbering": "off" } }' };
  for (let i = 0; i < count; i++) {
    const folder = ['', 'a/', 'a/b/', 'quiet/', 'z/'][i % 5];
    files[`${folder}draft-${String(i).padStart(3, '0')}.speech.md`] = draft(i);
  }
  writeTree(root, files);
}

/** The run with one thread, two, and the default (one per core; at least two threads are asked for by `--jobs 2` whatever the machine). */
function runs(args: string[], cwd: string): Record<string, Run> {
  return {
    'jobs 1': speechlint(['--jobs', '1', ...args], { cwd }),
    'jobs 2': speechlint(['--jobs', '2', ...args], { cwd }),
    'jobs 3': speechlint(['--jobs=3', ...args], { cwd }),
    default: speechlint(args, { cwd }),
  };
}

function assertSameRuns(all: Record<string, Run>): Run {
  const one = all['jobs 1'];
  for (const [name, r] of Object.entries(all)) {
    assert.equal(r.stdout, one.stdout, `${name}: stdout differs from --jobs 1`);
    assert.equal(r.stderr, one.stderr, `${name}: stderr differs from --jobs 1`);
    assert.equal(r.status, one.status, `${name}: exit status differs from --jobs 1`);
  }
  return one;
}

describe('speechlint --jobs', function () {
  this.timeout(120_000);
  let tmp: string;

  before(function () {
    ensureBuilt();
  });

  beforeEach(function () {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'speechlint-jobs-'));
  });

  afterEach(function () {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('gives byte-identical text, JSON and SARIF output and exit status on a tree of drafts', function () {
    generatedTree(tmp, 60);
    for (const format of ['text', 'json', 'sarif']) {
      const one = assertSameRuns(runs(['--format', format, '.'], tmp));
      assert.equal(one.status, 1, `${format}: the tree has errors`);
      assert.equal(one.stderr, '');
    }
    // The output compared is a real one: every draft, in path order, each folder with its own settings.
    const json = JSON.parse(speechlint(['--format', 'json', '.'], { cwd: tmp }).stdout) as { file: string; diagnostics: { rule: string }[] }[];
    assert.equal(json.length, 60);
    assert.deepEqual(
      json.map((f) => f.file),
      json.map((f) => f.file).sort(),
    );
    assert.ok(json.filter((f) => f.diagnostics.length > 0).length >= 40);
    assert.ok(json.some((f) => !f.file.startsWith('quiet/') && f.diagnostics.some((d) => d.rule === 'section-numbering')));
    assert.ok(json.every((f) => !f.file.startsWith('quiet/') || f.diagnostics.every((d) => d.rule !== 'section-numbering')));
  });

  it("counts length-limit's pages on each folder's export page, in threads as on one", function () {
    // 601 characters of body: 2 pages on the default 22 × 28 page, 3 on a 15 × 20 one (12 body lines of page 1 under the
    // title and speaker line, then 15 a page: 18 + 11 × 20 + 15 × 20 = 538 characters on the first two pages).
    const speech = `标题\n唐山市政协主席 胡国辉\n${'政'.repeat(600)}。\n`;
    const rules = '"rules": { "length-limit": ["warning", { "maxPages": 2 }] }';
    const files: Record<string, string> = {
      'small/.speechlintrc.json': `{ ${rules}, "export": { "linesPerPage": 15, "charsPerLine": 20 } }`,
      'plain/.speechlintrc.json': `{ ${rules} }`,
    };
    for (let i = 0; i < 6; i++) {
      files[`small/draft-${i}.speech.txt`] = speech;
      files[`plain/draft-${i}.speech.txt`] = speech;
    }
    writeTree(tmp, files);
    const one = assertSameRuns(runs(['--format', 'json', '.'], tmp));
    const json = JSON.parse(one.stdout) as { file: string; diagnostics: { rule: string; message: string }[] }[];
    const overLong = json.filter((f) => f.diagnostics.some((d) => d.rule === 'length-limit')).map((f) => f.file);
    assert.deepEqual(overLong, [0, 1, 2, 3, 4, 5].map((i) => path.join('small', `draft-${i}.speech.txt`)));
    assert.match(json.find((f) => f.file.startsWith('small'))!.diagnostics[0].message, /3页/);
  });

  it('reports a draft it may not read and checks the others, the same with one thread or several', function () {
    if (process.getuid?.() === 0) this.skip(); // root reads any file whatever its mode
    generatedTree(tmp, 12);
    const locked = path.join(tmp, 'a', 'draft-006.speech.md');
    fs.chmodSync(locked, 0o000);
    const one = assertSameRuns(runs(['--format', 'json', '.'], tmp));
    assert.equal(one.status, 2);
    assert.equal(one.stderr, `speechlint: 无法读取 ${path.join('a', 'draft-006.speech.md')}：没有权限\n`);
    assert.equal((JSON.parse(one.stdout) as unknown[]).length, 11);
  });

  it('reports a draft it refuses to read (over the size limit) and checks the others, the same with one thread or several, as root too', function () {
    generatedTree(tmp, 40);
    // Sparse: 64 MiB and one byte of zeros, taking no disk. Unlike a file without read permission, root cannot read it either.
    const big = path.join(tmp, 'a', 'b', 'draft-017.speech.md');
    const fd = fs.openSync(big, 'w');
    fs.ftruncateSync(fd, 64 * 1024 * 1024 + 1);
    fs.closeSync(fd);
    const notice = `speechlint: ${path.join('a', 'b', 'draft-017.speech.md')} 超过 64 MiB 的上限，未读取\n`;
    for (const format of ['json', 'sarif']) {
      const one = assertSameRuns(runs(['--format', format, '.'], tmp));
      assert.equal(one.status, 2, format);
      assert.equal(one.stderr, notice, format);
      // Every other draft is in the output, in path order, and the refused one is not.
      const files =
        format === 'json'
          ? (JSON.parse(one.stdout) as { file: string }[]).map((f) => f.file)
          : (JSON.parse(one.stdout) as { runs: { artifacts: { location: { uri: string } }[] }[] }).runs[0].artifacts.map((a) => a.location.uri.split('/').join(path.sep));
      assert.equal(files.length, 39, format);
      assert.equal(files.includes(path.join('a', 'b', 'draft-017.speech.md')), false, format);
      assert.deepEqual(files, [...files].sort(), format);
    }
  });

  it('reports a draft not valid in the encoding named and a file that is not text, and checks the others, the same with one thread or several', function () {
    generatedTree(tmp, 12);
    fs.writeFileSync(path.join(tmp, 'a', 'b', 'gbk.speech.md'), iconv.encode(draft(1), 'gb18030'));
    fs.writeFileSync(path.join(tmp, 'z', 'picture.speech.md'), PNG);
    for (const format of ['text', 'json', 'sarif']) {
      const one = assertSameRuns(runs(['--encoding', 'utf-8', '--format', format, '.'], tmp));
      assert.equal(one.status, 2);
      assert.equal(
        one.stderr,
        `speechlint: ${path.join('z', 'picture.speech.md')} 不是文本文件（PNG），已跳过，未改动\n` + `speechlint: ${path.join('a', 'b', 'gbk.speech.md')} 不是有效的 utf-8 文本\n`,
      );
    }
    assert.equal((JSON.parse(speechlint(['--jobs', '2', '--encoding', 'utf-8', '--format', 'json', '.'], { cwd: tmp }).stdout) as unknown[]).length, 12);
  });

  it('gives the same output for several files named one by one, a missing one among them', function () {
    generatedTree(tmp, 8);
    const one = assertSameRuns(runs(['draft-005.speech.md', 'a/draft-001.speech.md', 'missing.speech.md', 'z/draft-004.speech.md', 'quiet/draft-003.speech.md'], tmp));
    assert.equal(one.status, 2);
    assert.equal(one.stderr, 'speechlint: 无法读取 missing.speech.md：文件不存在\n');
    assert.match(one.stdout, /检查 4 个文件/);
  });

  describe('a bad value is a usage error, exit 2', function () {
    const cases: Array<[string[], string, string]> = [
      [['--jobs', '0'], '--jobs 的取值“0”不是正整数', '--jobs value "0" is not a positive integer'],
      [['--jobs', 'many'], '--jobs 的取值“many”不是正整数', '--jobs value "many" is not a positive integer'],
      [['--jobs=1.5'], '--jobs 的取值“1.5”不是正整数', '--jobs value "1.5" is not a positive integer'],
      [['--jobs', '-2'], '--jobs 的取值“-2”不是正整数', '--jobs value "-2" is not a positive integer'],
    ];
    for (const [args, zh, en] of cases) {
      it(`on ${args.join(' ')}, in Chinese and in English`, function () {
        const chinese = speechlint([...args, 'clean.speech.md']);
        assert.equal(chinese.status, 2);
        assert.equal(chinese.stdout, '');
        assert.equal(chinese.stderr, `speechlint: ${zh}\n运行 speechlint --help 查看用法。\n`);
        const english = speechlint([...args, 'clean.speech.md'], { env: { SPEECHLINT_LOCALE: 'en' } });
        assert.equal(english.status, 2);
        assert.equal(english.stderr, `speechlint: ${en}\nRun speechlint --help for usage.\n`);
      });
    }

    it('on --jobs with no value', function () {
      const r = speechlint(['clean.speech.md', '--jobs']);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /选项 --jobs 缺少取值/);
    });
  });
});
