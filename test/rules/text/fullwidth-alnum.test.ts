import { rule } from '../../../server/src/core/rules/text/fullwidth-alnum';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(rule, {
  valid: ['2021年GDP增长6%。', { name: 'full-width punctuation is not alphanumeric', text: '（一）学习：“好”！％' }],
  invalid: [
    {
      text: '２０２１年ＧＤＰ增长。',
      errors: [
        {
          messageId: 'fullwidth',
          line: 0,
          character: 0,
          endLine: 0,
          endCharacter: 4,
          message: 'Full-width "２０２１" should be half-width "2021"',
          zh: '全角字符“２０２１”应为半角“2021”',
        },
        { messageId: 'fullwidth', line: 0, character: 5, endLine: 0, endCharacter: 8, message: 'Full-width "ＧＤＰ" should be half-width "GDP"' },
      ],
      output: '2021年GDP增长。',
    },
    {
      name: 'letters and digits in one run, lower case kept',
      text: '用５Ｇｐｌｕｓ。',
      errors: [{ messageId: 'fullwidth', line: 0, character: 1, endLine: 0, endCharacter: 7, message: 'Full-width "５Ｇｐｌｕｓ" should be half-width "5Gplus"' }],
      output: '用5Gplus。',
    },
    {
      name: 'a title and a level-4 marker',
      text: '２０２１年工作\n唐山市政协主席、党组书记 胡国辉\n（１）加强学习。',
      errors: [
        { messageId: 'fullwidth', line: 0, character: 0, endLine: 0, endCharacter: 4 },
        { messageId: 'fullwidth', line: 2, character: 1, endLine: 2, endCharacter: 2 },
      ],
      output: '2021年工作\n唐山市政协主席、党组书记 胡国辉\n（1）加强学习。',
    },
  ],
});
