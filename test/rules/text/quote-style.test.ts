import { rule } from '../../../server/src/core/rules/text/quote-style';
import { findingOn, runRuleTests } from '../../helpers/ruleTester';

const at = (messageId: string, character: number, endCharacter: number, messages: { message?: string; zh?: string } = {}) => findingOn(messageId, 0, character, endCharacter, messages);

runRuleTests(rule, {
  valid: [
    '他说“好”，又说‘行’。',
    { name: 'apostrophe inside a Latin word', text: "Xi'an是古都。" },
    { name: 'quotes in English text', text: 'the "A" class' },
    { name: 'titles are title-form’s', text: '以"四个强化"为抓手\n秦皇岛市政协主席、党组书记 闫五一\n正文。' },
  ],
  invalid: [
    {
      name: 'a formula in quotes (seed wording)',
      text: '构建"1+4"学习格局。',
      errors: [at('double', 2, 7, { message: 'Straight double quotes should be Chinese quotes “”', zh: '直双引号应为中文双引号“”' })],
      output: '构建“1+4”学习格局。',
    },
    {
      name: 'two pairs in one paragraph',
      text: '坚持"四个意识"和"两个维护"。',
      errors: [at('double', 2, 8), at('double', 9, 15)],
      output: '坚持“四个意识”和“两个维护”。',
    },
    {
      name: 'single quotes nested in double',
      text: "他说\"学习'十四五'规划\"。",
      errors: [at('double', 2, 13), at('single', 5, 10, { message: 'Straight single quotes should be Chinese quotes ‘’', zh: '直单引号应为中文单引号‘’' })],
      output: '他说“学习‘十四五’规划”。',
    },
    {
      name: 'English-style spaces outside the quotes go with them',
      text: '他说 "好" 了。',
      errors: [at('double', 2, 7)],
      output: '他说“好”了。',
    },
    {
      name: 'an odd number: every one reported, none fixed',
      text: '他说"学习"规划"。',
      errors: [
        at('doubleUnpaired', 2, 3, {
          message: 'Straight double quote should be a Chinese quote; this paragraph has an odd number of them, so change each to “ or ” by hand',
          zh: '直双引号应为中文双引号；本段直双引号个数为奇数，请逐个改为“或”',
        }),
        at('doubleUnpaired', 5, 6),
        at('doubleUnpaired', 8, 9),
      ],
      output: null,
    },
    {
      name: 'an odd single quote next to an apostrophe',
      text: "Xi'an的'古城。",
      errors: [at('singleUnpaired', 6, 7, { zh: '直单引号应为中文单引号；本段直单引号个数为奇数，请逐个改为‘或’' })],
      output: null,
    },
  ],
});
