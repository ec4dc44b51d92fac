/**
 * The server's Word commands over stdio, as the VS Code client calls them:
 * export an open draft (its current text, its configuration's layout), import
 * a .docx, compile drafts in order with the blocked ones listed.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ExecuteCommandRequest } from 'vscode-languageserver-protocol/node';
import { Document, Packer, Paragraph } from 'docx';
import { child, elements, openDocx, paragraphs, style } from '../word/ooxml';
import { LspTestClient } from './lspClient';

const A = '### 甲篇\n\n某市政协主席 张三\n\n今年以来，我们抓学习、促落实。\n\n一、抓学习。我们组织学习。\n';
const B = '### 乙篇\n\n某县政协主席 李四\n\n今年以来，我们抓调研。\n\n一、抓调研。我们深入基层。\n';
/** As open in the editor: the only section numbered 二、 (section-numbering, an error, line 6 character 0). */
const B_EDITED = B.replace('一、抓调研', '二、抓调研');

describe('Word commands over LSP', function () {
  this.timeout(30_000);
  let root: string;
  let client: LspTestClient;
  const uri = (name: string) => pathToFileURL(path.join(root, name)).href;
  const command = (name: string, ...args: unknown[]) => client.connection.sendRequest(ExecuteCommandRequest.type, { command: `speech.server.${name}`, arguments: args });
  const docxOf = (result: unknown) => openDocx(Buffer.from((result as { docx: string }).docx, 'base64'));
  const bodyTexts = (documentXml: string) => paragraphs(documentXml).map((p) => p.runs.map((r) => r.text).join(''));

  before(async function () {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-word-lsp-'));
    const files: Record<string, string> = {
      'house/.speechlintrc.json': '{ "export": { "titleFont": "黑体", "pageNumbers": false } }',
      'house/c.speech.md': '# 旧标题\n\n某市政协主席 张三\n\n正文。\n',
      'house/a.speech.md': A,
      'house/b.speech.md': B,
      'bad/.speechlintrc.json': '{\n  "export": { "linesPerPage": 40 }\n}\n',
      'bad/d.speech.md': A,
    };
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      fs.writeFileSync(path.join(root, name), text);
    }
    client = await LspTestClient.start('zh-CN');
  });

  after(async function () {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('announces the three commands', function () {
    const commands = client.initializeResult!.capabilities.executeCommandProvider!.commands;
    for (const name of ['exportWord', 'importWord', 'compile']) assert.ok(commands.includes(`speech.server.${name}`), name);
  });

  it('exports an open draft as it is in the editor, with its configuration’s layout', async function () {
    await client.open(uri('house/c.speech.md'), '# 改过的标题\n\n某市政协主席 张三\n\n正文。\n');
    const parts = await docxOf(await command('exportWord', { uri: uri('house/c.speech.md') }));
    assert.deepEqual(bodyTexts(parts.document), ['改过的标题', '某市政协主席 张三', '正文。']);
    assert.equal(elements(child(style(parts.styles, 'SpeechTitle'), 'w:rPr'), 'w:rFonts')[0]['w:eastAsia'], '黑体');
    assert.deepEqual(parts.footers, {});
  });

  it('exports a closed draft as saved', async function () {
    const parts = await docxOf(await command('exportWord', { uri: uri('house/a.speech.md') }));
    assert.deepEqual(bodyTexts(parts.document), ['甲篇', '某市政协主席 张三', '今年以来，我们抓学习、促落实。', '一、抓学习。我们组织学习。']);
  });

  it('refuses to export with a faulty configuration, saying where the fault is', async function () {
    const result = await command('exportWord', { uri: uri('bad/d.speech.md') });
    assert.deepEqual(result, { error: `配置文件有错误，请先改正：${path.join(root, 'bad', '.speechlintrc.json')}:2:31: 导出选项“linesPerPage”应为 15 到 30 之间的整数` });
  });

  it('says so for a draft it cannot read', async function () {
    const result = (await command('exportWord', { uri: uri('house/gone.speech.md') })) as { error: string };
    assert.match(result.error, /^无法读取 gone\.speech\.md：/);
  });

  it('imports a .docx: the draft back, its notes, a summary', async function () {
    const exported = (await command('exportWord', { uri: uri('house/a.speech.md') })) as { docx: string };
    assert.deepEqual(await command('importWord', { docx: exported.docx }), { text: A.replace('### 甲篇', '# 甲篇'), notes: [], summary: '已从 Word 导入' });
  });

  it('tells dropped empty paragraphs as information in the summary, and a change the reader will read as a warning', async function () {
    const docx = async (...texts: string[]) =>
      (await Packer.toBuffer(new Document({ sections: [{ children: texts.map((text) => new Paragraph(text)) }] }))).toString('base64');
    const quiet = (await command('importWord', { docx: await docx('加强学习', '', '某区政协主席 赵志强') })) as { notes: unknown[]; summary: string };
    assert.deepEqual(quiet.notes, [{ severity: 'info', message: '已忽略 1 个空段落' }]);
    assert.equal(quiet.summary, '已从 Word 导入；已忽略 1 个空段落');
  });

  it('refuses bytes that are not a .docx', async function () {
    const result = await command('importWord', { docx: Buffer.from('not a word file').toString('base64') });
    assert.deepEqual(result, { error: '这不是 .docx 格式的 Word 文档（旧的 .doc 文件请先在 Word 中另存为 .docx）' });
  });

  it('compiles drafts in order, open ones as edited, listing those with structure errors', async function () {
    await client.open(uri('house/b.speech.md'), B_EDITED);
    const result = await command('compile', { uris: [uri('house/b.speech.md'), uri('house/a.speech.md')], title: '经验交流会发言摘登', subtitle: '某市政协' });
    assert.deepEqual(result, {
      text:
        '# 经验交流会发言摘登\n\n## ——某市政协\n\n' +
        '### 乙篇\n\n某县政协主席 李四\n\n今年以来，我们抓调研。\n\n二、抓调研。我们深入基层。\n\n' +
        '### 甲篇\n\n某市政协主席 张三\n\n今年以来，我们抓学习、促落实。\n\n一、抓学习。我们组织学习。\n',
      blocked: [{ uri: uri('house/b.speech.md'), errors: [{ line: 6, character: 0, message: '第1个一级标题的序号应为“一、”，现为“二、”', ruleId: 'section-numbering' }] }],
      summary: '1 份发言稿有结构错误：b.speech.md',
    });
  });

  it('compiles to Word with the export settings of the output’s folder', async function () {
    const result = await command('compile', { uris: [uri('house/a.speech.md')], title: '汇编', docxFor: uri('house/out.docx') });
    const parts = await docxOf(result);
    assert.deepEqual(bodyTexts(parts.document), ['汇编', '甲篇', '某市政协主席 张三', '今年以来，我们抓学习、促落实。', '一、抓学习。我们组织学习。']);
    assert.deepEqual(parts.footers, {});
    assert.equal((result as { blocked: unknown[] }).blocked.length, 0);
  });

  it('answers null to malformed arguments', async function () {
    assert.equal(await command('exportWord', uri('house/a.speech.md')), null);
    assert.equal(await command('importWord', {}), null);
    assert.equal(await command('compile', { uris: 'x', title: 't' }), null);
    assert.equal(await command('compile'), null);
  });

  it('speaks English to an English client', async function () {
    const english = await LspTestClient.start('en');
    try {
      const result = await english.connection.sendRequest(ExecuteCommandRequest.type, { command: 'speech.server.importWord', arguments: [{ docx: '' }] });
      assert.deepEqual(result, { error: 'This is not a Word document in .docx format (save an old .doc file as .docx in Word first)' });
    } finally {
      await english.stop();
    }
  });
});
