import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../../server/src/core';
import { rule } from '../../../server/src/core/rules/text/placeholder';
import { findingOn, runRuleTests } from '../../helpers/ruleTester';

const ROOT = join(__dirname, '..', '..', '..');
const blank = (character: number, endCharacter: number, messages: { message?: string; zh?: string } = {}) => findingOn('blank', 0, character, endCharacter, messages);
const note = (character: number, endCharacter: number, messages: { message?: string; zh?: string } = {}) => findingOn('note', 0, character, endCharacter, messages);

runRuleTests(rule, {
  valid: [
    // Corpus fixture (People's Daily selection).
    { name: 'a formula with one X', text: '构建“1+X”民营经济司法保护体系，首发民营经济司法保护白皮书。' },
    // The bulk archive (People's Daily, January–February 2020).
    { name: 'an anonymised name', text: '鹿泉区人民检察院以敲诈勒索罪对张某某提起公诉，法院最终支持了检察机关的指控。' },
    { name: 'an anonymised name in crosses', text: '“我是侯××的辩护律师，现在可以来阅卷吗？”' },
    { name: 'a radio call quoted as said', text: '“方位××，距离××，发现不明空中目标，立即前往识别、拦截……”战机升空。' },
    { name: 'a variable in a formula', text: '“量子+××=高科技”的观念颇有市场。' },
    { name: 'multiplication', text: '实行口岸“7×24小时”预约通关，还有两块是61米×30米的标准场地。' },
    { name: 'a template quoted in instructions', text: '（请以“应聘XX单位XX岗位+姓名”为邮件标题）' },
    { name: 'rumour headlines quoted', text: '《请扩散，××小区出现疑似病例》《这些小区已经封闭，××人感染》' },
    { name: 'an e-mail address', text: '投稿邮箱：yxxz849@163.com' },
    { name: 'a size and a Roman numeral', text: '尺码XXL，第XX届运动会。' },
    { name: 'a bracket that is no note', text: '（补）缺的短板要补上，【编者按】如下。' },
  ],
  invalid: [
    {
      name: 'the speaker-line template',
      text: '××市政协主席、党组书记 姓名',
      errors: [blank(0, 2, { zh: '“××”是未填写的占位符，定稿前须补全', message: '"××" is a placeholder left unfilled: fill it in before the meeting' }), blank(13, 15)],
    },
    { name: 'a name to fill', text: '尊敬的某某同志：', errors: [blank(3, 5)] },
    { name: 'three Xs', text: 'XXX同志在会上讲话。', errors: [blank(0, 3)] },
    { name: 'a campaign name to fill', text: '开展“××行动”。', errors: [blank(3, 5)] },
    { name: 'a place after 在', text: '在××市召开。', errors: [blank(1, 3)] },
    { name: 'boxes', text: '增长率为□□。', errors: [blank(4, 6)] },
    {
      name: 'a to-do note',
      text: '全年增长【待补】个百分点。',
      errors: [note(4, 8, { zh: '待办批注“【待补】”须在定稿前处理并删除', message: 'To-do note "【待补】" left in the draft: resolve it and delete it before the meeting' })],
    },
    { name: 'a bracketed instruction', text: '成效显著（此处补充数据）。', errors: [note(4, 12)] },
    { name: 'an English to-do', text: '成效显著[TODO: 数据]。', errors: [note(4, 14)] },
    {
      name: 'the speaker template left unfilled: its name is the field label',
      text: '### 标题\n\n单位负责人 姓名\n\n一、第一部分标题句。\n',
      errors: [findingOn('blank', 2, 6, 8, { zh: '“姓名”是未填写的占位符，定稿前须补全' })],
    },
  ],
});

describe('placeholder: the repository’s own texts', () => {
  it('reports the speaker snippets left as inserted: their name field shows the label 姓名', () => {
    const snippets = JSON.parse(readFileSync(join(ROOT, 'snippets', 'speech.code-snippets'), 'utf8')) as Record<string, { body: string | string[] }>;
    for (const name of ['发言稿全文', '发言人行']) assert.match([snippets[name].body].flat().join('\n'), /\$\{\d+:姓名\}/, name);
  });

  it('finds nothing in the example drafts', () => {
    for (const name of readdirSync(join(ROOT, 'examples'))) {
      const found = check(readFileSync(join(ROOT, 'examples', name), 'utf8')).findings.filter((f) => ['placeholder', 'doc-number', 'formulations'].includes(f.ruleId));
      assert.deepEqual(found, [], name);
    }
  });
});
