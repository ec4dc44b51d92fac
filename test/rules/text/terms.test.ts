import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import shipped from '../../../server/src/core/data/terms.json';
import { rule } from '../../../server/src/core/rules/text/terms';
import { findingOn, runRuleTests } from '../../helpers/ruleTester';

const at = (line: number, character: number, endCharacter: number, message?: string, zh?: string) =>
  findingOn('term', line, character, endCharacter, { ...(message !== undefined ? { message } : {}), ...(zh !== undefined ? { zh } : {}) });

runRuleTests(rule, {
  valid: [
    '认真部署各项工作，即使困难再大也要迎难而上。',
    { name: 'an exception holding a wrong form', text: '他在人民日报发布署名文章。' },
    { name: 'another exception', text: '骏马轻松驰骋在草原上。' },
    { name: 'a shipped pair switched off', text: '认真布署工作。', options: { pairs: { 布署: '' } } },
    { name: 'a user pair mapped to itself is ignored', text: '认真做好工作。', options: { pairs: { 工作: '工作' } } },
    { name: 'ambiguous forms are not shipped: 既使…又使', text: '既使群众满意，又使企业受益。' },
    { name: 'ambiguous forms are not shipped: 拼凑和', text: '避免简单拼凑和罗列。' },
    { name: 'ambiguous forms are not shipped: 有关健康', text: '普及有关健康的知识。' },
  ],
  invalid: [
    {
      name: 'a shipped misspelling',
      text: '认真布署各项工作。',
      errors: [at(0, 2, 4, '"布署" should be "部署"', '“布署”应为“部署”')],
      output: '认真部署各项工作。',
    },
    {
      name: 'two in one paragraph',
      text: '再接再励，针贬时弊。',
      errors: [at(0, 0, 4, '"再接再励" should be "再接再厉"'), at(0, 5, 7, '"针贬" should be "针砭"')],
      output: '再接再厉，针砭时弊。',
    },
    {
      name: 'an exception does not hide a match elsewhere in the paragraph',
      text: '发布署名文章，认真布署工作。',
      errors: [at(0, 9, 11)],
      output: '发布署名文章，认真部署工作。',
    },
    {
      name: 'on a later line, CRLF kept',
      text: '第一段。\r\n\r\n第二段要布署。',
      errors: [at(2, 4, 6)],
      output: '第一段。\r\n\r\n第二段要部署。',
    },
    {
      name: 'UTF-16 offsets after a supplementary character',
      text: '𠀀布署。',
      errors: [at(0, 2, 4)],
      output: '𠀀部署。',
    },
    {
      name: 'a user pair',
      text: '请登陆系统。',
      options: { pairs: { 登陆: '登录' } },
      errors: [at(0, 1, 3, '"登陆" should be "登录"', '“登陆”应为“登录”')],
      output: '请登录系统。',
    },
    {
      name: 'a user pair overrides a shipped one',
      text: '认真布署。',
      options: { pairs: { 布署: '布置' } },
      errors: [at(0, 2, 4, '"布署" should be "布置"')],
      output: '认真布置。',
    },
    {
      name: 'a user pair of one character',
      text: '记帐，对帐。',
      options: { pairs: { 帐: '账' } },
      errors: [at(0, 1, 2, '"帐" should be "账"'), at(0, 4, 5)],
      output: '记账，对账。',
    },
    {
      name: 'a user term that is half a surrogate pair never matches half a character',
      text: '𠀀布署。',
      options: { pairs: { '\ud840': '某' } },
      errors: [at(0, 2, 4)],
      output: '𠀀部署。',
    },
    {
      name: 'the longest of overlapping forms wins',
      text: '要认真布署。',
      options: { pairs: { 认真布署: '认真部署' } },
      errors: [at(0, 1, 5, '"认真布署" should be "认真部署"')],
      output: '要认真部署。',
    },
  ],
});

describe('terms: the shipped list', () => {
  const pairs = Object.entries(shipped.pairs);
  const wrongForms = pairs.map(([wrong]) => wrong);

  it('holds a few dozen pairs, each changing the word', () => {
    assert.ok(pairs.length >= 30, `only ${pairs.length} pairs`);
    for (const [wrong, right] of pairs) assert.notEqual(wrong, right);
  });

  it('never turns a word into another wrong form', () => {
    for (const [, right] of pairs) for (const wrong of wrongForms) assert.ok(!right.includes(wrong), `"${right}" contains "${wrong}"`);
  });

  it('lists only exceptions that hold a wrong form', () => {
    for (const e of shipped.exceptions) assert.ok(wrongForms.some((w) => e.includes(w)), e);
  });

  it('finds no wrong form in the corpus texts', () => {
    const dir = join(__dirname, '../../fixtures/corpus');
    // The People's Daily selection sits in a subfolder: every text at any depth is read.
    const names = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.txt'));
    assert.ok(names.length > 28, `only ${names.length} corpus texts`);
    for (const name of names) {
      const text = readFileSync(join(dir, name), 'utf8');
      for (const wrong of wrongForms) assert.ok(!text.includes(wrong), `${name} contains "${wrong}"`);
    }
  });
});
