import { rule } from '../../../server/src/core/rules/text/unmatched-pair';
import { runRuleTests } from '../../helpers/ruleTester';

const at = (messageId: string, line: number, character: number, extra: { message?: string; zh?: string } = {}) => ({
  messageId,
  line,
  character,
  endLine: line,
  endCharacter: character + 1,
  ...extra,
});

runRuleTests(rule, {
  valid: [
    '他说“好”，《通知》（一）【注】〈说明〉‘是’。',
    '《关于“两个维护”的意见》（试行）。',
    { name: 'a quotation over several paragraphs, each opening with “, the last closing it', text: '前言。\n\n他说：“第一层意思。\n\n“第二层意思。\n\n“第三层意思。”\n\n结语。' },
    { name: 'apostrophe in an English name', text: 'People’s Daily报道。' },
    {
      name: 'a pair split by a column break (seed, lines 50/52): broken-paragraph’s finding',
      text: '近年来，坚持学习。\n\n制定《学习制度》《学习贯彻中央决策部署的办\n\n法》等制度。',
    },
  ],
  invalid: [
    {
      text: '他说“好，走吧。',
      errors: [at('unclosed', 0, 2, { message: 'Opening double quote "“" has no closing "”"', zh: '左双引号缺少配对的右双引号' })],
    },
    {
      text: '他说好”，走吧。',
      errors: [at('unopened', 0, 3, { message: 'Closing double quote "”" has no opening "“"', zh: '右双引号缺少配对的左双引号' })],
    },
    {
      name: 'crossed pairs: the inner opener is unclosed, the late closer unopened',
      text: '《关于（试行》）。',
      errors: [
        at('unclosed', 0, 3, { message: 'Opening parenthesis "（" has no closing "）"', zh: '左括号缺少配对的右括号' }),
        at('unopened', 0, 7, { message: 'Closing parenthesis "）" has no opening "（"' }),
      ],
    },
    {
      name: 'each kind named',
      text: '‘甲【乙〈丙。',
      errors: [
        at('unclosed', 0, 0, { message: 'Opening single quote "‘" has no closing "’"', zh: '左单引号缺少配对的右单引号' }),
        at('unclosed', 0, 2, { message: 'Opening square bracket "【" has no closing "】"', zh: '左方头括号缺少配对的右方头括号' }),
        at('unclosed', 0, 4, { message: 'Opening angle bracket "〈" has no closing "〉"', zh: '左单书名号缺少配对的右单书名号' }),
      ],
    },
    {
      name: 'a mark carried over a break but never closed',
      text: '近年来，坚持学习。\n制定《学习制度的办\n法等制度。',
      errors: [at('unclosed', 1, 2, { zh: '左书名号缺少配对的右书名号' })],
    },
    {
      name: 'a quotation over several paragraphs that never closes: its first “',
      text: '他说：“第一层意思。\n“第二层意思。\n结语。',
      errors: [at('unclosed', 0, 3)],
    },
    {
      name: 'a paragraph with another mark open hands no quotation on',
      text: '他说：“第一（层意思。\n“第二层意思。”',
      errors: [at('unclosed', 0, 3), at('unclosed', 0, 6)],
    },
    {
      name: 'a finished paragraph carries nothing',
      text: '近年来，坚持“学习。\n正文”结束。',
      errors: [at('unclosed', 0, 6), at('unopened', 1, 2)],
    },
    {
      name: 'titles are checked too, and carry nothing into the speaker line',
      text: '以“四个强化为抓手\n秦皇岛市政协主席、党组书记 闫五一\n正文。',
      errors: [at('unclosed', 0, 1)],
    },
  ],
});
