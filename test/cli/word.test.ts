/**
 * `speechlint export|import|compile` as a user runs them: `node dist/cli.js`
 * in a child process, in a scratch folder, the .docx files opened as zips.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { parse } from '../../server/src/core';
import { ensureBuilt, ROOT } from '../lsp/ensureBuilt';
import { elements, openDocx, paragraphs, style, child } from '../word/ooxml';
import { speechlint, writeTree } from './run';

const CORPUS = path.join(ROOT, 'test', 'fixtures', 'corpus', 'people-daily-2020-cppcc-exchange.txt');

/** Two short speeches; `bad` numbers its only section 二、 (section-numbering, an error, at line 7 column 1). */
const A = '### 甲篇\n\n某市政协主席 张三\n\n今年以来，我们抓学习、促落实。\n\n一、抓学习。我们组织学习。\n';
const B = '### 乙篇\n\n某县政协主席 李四\n\n今年以来，我们抓调研。\n\n一、抓调研。我们深入基层。\n';
const BAD = '### 丙篇\n\n某区政协主席 王五\n\n今年以来，我们抓落实。\n\n二、抓落实。我们狠抓落实。\n';

/** Each body paragraph's text, in order. */
const texts = (documentXml: string): string[] => paragraphs(documentXml).map((p) => p.runs.map((r) => r.text).join(''));

describe('speechlint export, import, compile', function () {
  this.timeout(60_000);
  let tmp: string;
  const run = (args: string[], env?: Record<string, string>) => speechlint(args, { cwd: tmp, env });
  const read = (name: string) => fs.readFileSync(path.join(tmp, name));

  before(function () {
    ensureBuilt();
  });

  beforeEach(function () {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'speechlint-word-'));
  });

  afterEach(function () {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  describe('export', function () {
    it('writes a corpus text to <name>.docx by default, with its titles in the document', async function () {
      fs.copyFileSync(CORPUS, path.join(tmp, 'pd.speech.txt'));
      const r = run(['export', 'pd.speech.txt']);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, '已写入 pd.docx\n');
      const { document } = await openDocx(read('pd.docx'));
      const written = paragraphs(document);
      assert.equal(texts(document)[0], '全国地方政协工作经验交流会发言摘编');
      assert.equal(written[0].style, 'SpeechCompilationTitle');
      assert.equal(texts(document)[1], '做强平台 纵深推进 双向发力');
      assert.equal(written[1].style, 'SpeechTitle');
    });

    it('names the output after -o, and replaces any draft extension by default', async function () {
      writeTree(tmp, { 'a.speech.md': A, 'b.md': B });
      assert.equal(run(['export', 'a.speech.md', '-o', 'x.docx']).status, 0);
      assert.equal(run(['export', 'b.md']).status, 0);
      assert.deepEqual(fs.readdirSync(tmp).sort(), ['a.speech.md', 'b.docx', 'b.md', 'x.docx']);
    });

    it('takes the layout options from the draft’s nearest configuration', async function () {
      writeTree(tmp, {
        'house/.speechlintrc.json': '{ "export": { "titleFont": "黑体", "pageNumbers": false } }',
        'house/drafts/a.speech.md': A,
      });
      assert.equal(run(['export', 'house/drafts/a.speech.md']).status, 0);
      const parts = await openDocx(read('house/drafts/a.docx'));
      assert.equal(elements(child(style(parts.styles, 'SpeechTitle'), 'w:rPr'), 'w:rFonts')[0]['w:eastAsia'], '黑体');
      assert.deepEqual(parts.footers, {});
    });

    it('refuses a configuration the layout cannot follow: path:line:column: message, exit 2, nothing written', function () {
      writeTree(tmp, { '.speechlintrc.json': '{\n  "export": { "linesPerPage": 40, "charsPerLine": 28.5 }\n}\n', 'a.speech.md': A });
      const r = run(['export', 'a.speech.md']);
      assert.equal(r.status, 2);
      assert.equal(
        r.stderr,
        '.speechlintrc.json:2:31: 导出选项“linesPerPage”应为 15 到 30 之间的整数\n' + '.speechlintrc.json:2:51: 导出选项“charsPerLine”应为 20 到 35 之间的整数\n',
      );
      assert.ok(!fs.existsSync(path.join(tmp, 'a.docx')));
    });

    it('exits 2 on a wrong number of drafts, an unreadable draft, an unknown option', function () {
      writeTree(tmp, { 'a.speech.md': A });
      const none = run(['export']);
      assert.equal(none.status, 2);
      assert.equal(none.stderr, 'speechlint: 用法：speechlint export <发言稿> [-o <输出.docx>] [--force] [--encoding <编码>]\n运行 speechlint --help 查看用法。\n');
      const missing = run(['export', 'gone.speech.md']);
      assert.equal(missing.status, 2);
      assert.equal(missing.stderr, 'speechlint: 无法读取 gone.speech.md：文件不存在\n');
      const unknown = run(['export', 'a.speech.md', '--fix']);
      assert.equal(unknown.status, 2);
      assert.match(unknown.stderr, /^speechlint: 未知选项 --fix\n/);
    });
  });

  describe('import', function () {
    it('gives back an exported corpus text: the same titles, speakers, sections and paragraphs as the parser sees them', function () {
      const original = fs.readFileSync(CORPUS, 'utf8');
      fs.writeFileSync(path.join(tmp, 'pd.speech.txt'), original);
      assert.equal(run(['export', 'pd.speech.txt']).status, 0);
      const r = run(['import', 'pd.docx', '-o', 'back.speech.md']);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stderr, '');
      assert.equal(r.stdout, '已写入 back.speech.md\n');
      const before = parse(original);
      const after = parse(read('back.speech.md').toString('utf8'));
      const outline = (doc: typeof before) => ({
        title: doc.title?.text,
        speeches: doc.speeches.map((s) => [s.title?.text, s.speaker?.paragraph.content, s.sections.map((x) => x.heading.text)]),
        paragraphs: doc.paragraphs.map((p) => [p.role, p.content]),
      });
      assert.deepEqual(outline(after), outline(before));
      assert.equal(after.speeches.length, 15);
    });

    it('writes <name>.speech.md by default but never over an existing file, even one named with -o, without --force', function () {
      writeTree(tmp, { 'a.speech.md': A });
      assert.equal(run(['export', 'a.speech.md']).status, 0);
      for (const args of [['import', 'a.docx'], ['import', 'a.docx', '-o', 'a.speech.md']]) {
        const refused = run(args);
        assert.equal(refused.status, 2);
        assert.equal(refused.stderr, 'speechlint: a.speech.md 已存在，未覆盖；要覆盖请加 --force\n');
        assert.equal(read('a.speech.md').toString('utf8'), A);
      }
      fs.rmSync(path.join(tmp, 'a.speech.md'));
      assert.equal(run(['import', 'a.docx']).status, 0);
      assert.equal(read('a.speech.md').toString('utf8'), A.replace('### 甲篇', '# 甲篇'));
      fs.writeFileSync(path.join(tmp, 'a.speech.md'), A);
      assert.equal(run(['import', 'a.docx', '-o', 'a.speech.md', '--force']).status, 0);
      assert.equal(read('a.speech.md').toString('utf8'), A.replace('### 甲篇', '# 甲篇'));
    });

    it('prints each note as out:line: message on stderr, in the CLI’s language, and exits 0', async function () {
      const document = new Document({
        sections: [
          {
            children: [
              new Paragraph('关于政协工作的发言'),
              new Paragraph('某市政协主席 张三'),
              new Paragraph({ children: [new TextRun('第一行'), new TextRun({ text: '第二行', break: 1 })] }),
              new Paragraph(''),
            ],
          },
        ],
      });
      fs.writeFileSync(path.join(tmp, 'in.docx'), await Packer.toBuffer(document));
      const zh = run(['import', 'in.docx', '-o', 'zh.speech.md']);
      assert.equal(zh.status, 0);
      // The third paragraph lands on line 5: one paragraph per line, a blank line between.
      assert.equal(zh.stderr, 'zh.speech.md:5: 段内换行已合并为一段\nzh.speech.md: 已忽略 1 个空段落\n');
      const en = run(['import', 'in.docx', '-o', 'en.speech.md'], { SPEECHLINT_LOCALE: 'en' });
      assert.equal(en.stderr, 'en.speech.md:5: A line break inside a paragraph was joined into one line\nen.speech.md: 1 empty paragraph(s) ignored\n');
      assert.equal(en.stdout, 'Wrote en.speech.md\n');
    });

    it('exits 2 for a file that is not a .docx, and for one that cannot be read', function () {
      writeTree(tmp, { 'a.speech.md': A });
      const notWord = run(['import', 'a.speech.md', '-o', 'x.speech.md']);
      assert.equal(notWord.status, 2);
      assert.equal(notWord.stderr, 'speechlint: a.speech.md 不是 .docx 格式的 Word 文档（旧的 .doc 文件请先在 Word 中另存为 .docx）\n');
      assert.ok(!fs.existsSync(path.join(tmp, 'x.speech.md')));
      assert.equal(run(['import', 'gone.docx']).status, 2);
    });
  });

  describe('compile', function () {
    it('joins the drafts in the order given under the title and subtitle', function () {
      writeTree(tmp, { 'a.speech.md': A, 'b.speech.md': B });
      const r = run(['compile', 'b.speech.md', 'a.speech.md', '--title', '经验交流会发言摘登', '--subtitle', '某市政协', '-o', 'all.speech.md']);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, '已写入 all.speech.md\n');
      assert.equal(
        read('all.speech.md').toString('utf8'),
        '# 经验交流会发言摘登\n\n## ——某市政协\n\n' +
          '### 乙篇\n\n某县政协主席 李四\n\n今年以来，我们抓调研。\n\n一、抓调研。我们深入基层。\n\n' +
          '### 甲篇\n\n某市政协主席 张三\n\n今年以来，我们抓学习、促落实。\n\n一、抓学习。我们组织学习。\n',
      );
    });

    it('refuses drafts with structure errors, listing each error, exit 1, writing nothing', function () {
      writeTree(tmp, { 'a.speech.md': A, 'bad.speech.md': BAD });
      const r = run(['compile', 'a.speech.md', 'bad.speech.md', '--title', '汇编', '-o', 'all.speech.md']);
      assert.equal(r.status, 1);
      assert.equal(
        r.stderr,
        '以下发言稿有结构错误，未汇编，也未写入任何文件（加 --force 仍可汇编）：\n' + 'bad.speech.md:7:1  error  第1个一级标题的序号应为“一、”，现为“二、”  section-numbering\n',
      );
      assert.equal(r.stdout, '');
      assert.ok(!fs.existsSync(path.join(tmp, 'all.speech.md')));
    });

    it('compiles them anyway with --force, still listing the errors', function () {
      writeTree(tmp, { 'a.speech.md': A, 'bad.speech.md': BAD });
      const r = run(['compile', 'a.speech.md', 'bad.speech.md', '--title', '汇编', '-o', 'all.speech.md', '--force'], { SPEECHLINT_LOCALE: 'en' });
      assert.equal(r.status, 0);
      assert.equal(
        r.stderr,
        'These drafts have structure errors and were compiled anyway (--force):\n' +
          'bad.speech.md:7:1  error  Level-1 section 1 should be numbered "一、", found "二、"  section-numbering\n',
      );
      assert.match(read('all.speech.md').toString('utf8'), /^# 汇编\n\n### 甲篇\n[\s\S]*### 丙篇\n[\s\S]*二、抓落实。/);
    });

    it('follows a draft’s own configuration: an error turned off does not stop it', function () {
      writeTree(tmp, { 'lenient/.speechlintrc.json': '{ "rules": { "section-numbering": "warning" } }', 'lenient/bad.speech.md': BAD });
      assert.equal(run(['compile', 'lenient/bad.speech.md', '--title', '汇编', '-o', 'all.speech.md']).status, 0);
    });

    it('exports straight to Word for an output ending in .docx, with the output folder’s configuration', async function () {
      writeTree(tmp, {
        'a.speech.md': A,
        'b.speech.md': B,
        'print/.speechlintrc.json': '{ "export": { "pageBreakBetweenSpeeches": true } }',
      });
      const r = run(['compile', 'a.speech.md', 'b.speech.md', '--title', '经验交流会发言摘登', '-o', 'print/all.docx']);
      assert.equal(r.status, 0, r.stderr);
      const { document } = await openDocx(read('print/all.docx'));
      const titles = paragraphs(document).filter((p) => p.style === 'SpeechTitle');
      assert.deepEqual(texts(document)[0], '经验交流会发言摘登');
      assert.deepEqual(titles.map((p) => p.runs.map((x) => x.text).join('')), ['甲篇', '乙篇']);
      assert.deepEqual(titles.map((p) => p.properties.includes('<w:pageBreakBefore/>')), [false, true]);
    });

    it('exits 2 without a title, an output or any draft', function () {
      writeTree(tmp, { 'a.speech.md': A });
      const noTitle = run(['compile', 'a.speech.md', '-o', 'x.md']);
      assert.equal(noTitle.status, 2);
      assert.match(noTitle.stderr, /^speechlint: 缺少选项 --title\n/);
      const noOut = run(['compile', 'a.speech.md', '--title', '汇编']);
      assert.equal(noOut.status, 2);
      assert.match(noOut.stderr, /^speechlint: 缺少选项 -o\n/);
      assert.equal(run(['compile', '--title', '汇编', '-o', 'x.md']).status, 2);
      assert.equal(run(['compile', 'gone.speech.md', '--title', '汇编', '-o', 'x.md']).status, 2);
      assert.deepEqual(fs.readdirSync(tmp), ['a.speech.md']);
    });
  });

  it('documents the three commands in --help, in both languages', function () {
    const zh = run(['--help']);
    for (const line of ['speechlint export <发言稿> [-o <输出.docx>]', 'speechlint import <文件.docx> [-o <输出.speech.md>]', 'speechlint compile <发言稿>... --title <标题>']) {
      assert.ok(zh.stdout.includes(line), line);
    }
    const en = run(['export', '--help'], { SPEECHLINT_LOCALE: 'en' });
    assert.equal(en.status, 0);
    assert.ok(en.stdout.includes('speechlint compile <drafts>... --title <title> [--subtitle <subtitle>] -o <out> [--force]'));
  });
});
