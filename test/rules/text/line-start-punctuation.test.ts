import { rule } from '../../../server/src/core/rules/text/line-start-punctuation';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(rule, {
  valid: [
    { name: 'an opening quote may start a paragraph (seed line 16)', text: '“1+4”学习格局，实现全覆盖。' },
    '（一）加强理论学习。',
    '……还有很多。',
    { name: 'indentation is not content', text: '\u3000\u3000近年来，坚持学习。' },
  ],
  invalid: [
    {
      text: '，实现机关干部全覆盖。',
      errors: [
        {
          messageId: 'leading',
          line: 0,
          character: 0,
          endLine: 0,
          endCharacter: 1,
          message: 'Paragraph starts with "，": check for a wrong paragraph break or a stray mark',
          zh: '段首不应出现“，”：检查是否断段有误或标点多余',
        },
      ],
    },
    {
      name: 'after indentation, the whole leading run',
      text: '近年来，坚持学习。\n\u3000\u3000。、下一段。',
      errors: [{ messageId: 'leading', line: 1, character: 2, endLine: 1, endCharacter: 4, message: 'Paragraph starts with "。、": check for a wrong paragraph break or a stray mark' }],
    },
    { text: '；？！：结束。', errors: [{ messageId: 'leading', line: 0, character: 0, endLine: 0, endCharacter: 4 }] },
  ],
});
