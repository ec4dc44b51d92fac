import { rule } from '../../../server/src/core/rules/text/punctuation-run';
import { findingOn, runRuleTests } from '../../helpers/ruleTester';

const run = (character: number, endCharacter: number, messages: { message?: string; zh?: string } = {}) => findingOn('run', 0, character, endCharacter, messages);

runRuleTests(rule, {
  valid: [
    { name: 'stacked ？ and ！ are allowed (GB/T 15834)', text: '真的吗？！太好了！！是吗？？？' },
    { name: 'quotes keep marks apart', text: '他说：“好。”然后“走”。' },
    { name: 'three full stops are ellipsis-dash’s', text: '等等。。。，然后。' },
    '学习……。研究——。',
  ],
  invalid: [
    {
      text: '我们，，要学习。',
      errors: [run(2, 4, { message: 'Doubled or clashing punctuation "，，": keep only "，"', zh: '标点“，，”重复或冲突，应只保留“，”' })],
      output: '我们，要学习。',
    },
    { text: '学习。。', errors: [run(2, 4)], output: '学习。' },
    {
      name: 'a run of 100,000 marks: one finding, its message quoting the first 40',
      text: `学习${'，'.repeat(50_000)}；${'，'.repeat(49_999)}`,
      errors: [run(2, 100_002, { message: `Doubled or clashing punctuation "${'，'.repeat(40)}…": keep only "；"` })],
      output: '学习；',
    },
    { name: 'comma then full stop keeps the full stop', text: '学习，。', errors: [run(2, 4, { message: 'Doubled or clashing punctuation "，。": keep only "。"' })], output: '学习。' },
    { text: '甲、，乙。', errors: [run(1, 3)], output: '甲，乙。' },
    { text: '学习；。', errors: [run(2, 4)], output: '学习。' },
    { text: '如下：，一是学习。', errors: [run(2, 4)], output: '如下：一是学习。' },
    { name: 'a question mark outranks the full stop', text: '是吗？。', errors: [run(2, 4)], output: '是吗？' },
    { name: 'stacked ？！ survive, the clash goes', text: '好！？。', errors: [run(1, 4, { message: 'Doubled or clashing punctuation "！？。": keep only "！？"' })], output: '好！？' },
    {
      name: 'titles and every other paragraph are checked',
      text: '发展，，新局\n唐山市政协主席、党组书记 胡国辉\n正文。。',
      errors: [
        { messageId: 'run', line: 0, character: 2, endLine: 0, endCharacter: 4 },
        { messageId: 'run', line: 2, character: 2, endLine: 2, endCharacter: 4 },
      ],
      output: '发展，新局\n唐山市政协主席、党组书记 胡国辉\n正文。',
    },
  ],
});
