import { rule } from '../../../server/src/core/rules/structure/title-missing';
import { runRuleTests } from '../../helpers/ruleTester';

const message = 'Speech has no title: add a title line above the speaker line';

runRuleTests(rule, {
  valid: [
    '',
    '\uFEFF',
    { name: 'seed speech (Markdown)', text: '### 构建理论武装大格局 推动政协党建与履职双提升\n\n唐山市政协主席、党组书记 胡国辉\n\n近五年来，唐山市政协以“理论学习+思想大武装”为切入点。\n' },
    { name: 'people-daily speech (plain, indented)', text: '　　做强平台 纵深推进 双向发力\n　　浙江省政协主席 葛慧君\n　　浙江省政协搭建与新时代要求相契合的双向发力平台。\n' },
    { name: 'a lone title line: the speaker line is what is missing', text: '强化责任担当 推进工作落实\n' },
    { name: 'spc speech (two-space separator)', text: '珍惜成绩 开创未来\n最高人民法院原经济审判庭副庭长  费宗祎\n　　参加座谈会，心情十分激动。\n' },
  ],
  invalid: [
    {
      name: 'speaker line with nothing above it',
      text: '唐山市政协主席、党组书记 胡国辉\n近五年来，唐山市政协以理论学习为切入点。',
      errors: [{ messageId: 'missing', line: 0, character: 0, endLine: 0, endCharacter: 16, message, zh: '发言缺少标题，应在发言人行上方加一行标题' }],
    },
    {
      name: 'second speech of a plain compilation without title',
      text: '构建理论武装大格局\n唐山市政协主席 胡国辉\n正文。\n省政协委员 韩咏梅\n正文二。',
      errors: [{ messageId: 'missing', line: 3, character: 0, endLine: 3, endCharacter: 9, message }],
    },
    {
      name: 'Markdown compilation: a speaker line with no heading',
      text: '# 发言摘登\n\n### 标题一\n\n唐山市政协主席 胡国辉\n\n正文。\n\n省政协委员 韩咏梅\n\n正文二。\n',
      errors: [{ messageId: 'missing', line: 8, character: 0, endLine: 8, endCharacter: 9, message }],
    },
    {
      name: 'BOM and CRLF: ranges count the BOM as one UTF-16 unit',
      text: '\uFEFF唐山市政协主席 胡国辉\r\n正文。\r\n',
      errors: [{ messageId: 'missing', line: 0, character: 1, endLine: 0, endCharacter: 12, message }],
    },
  ],
});
