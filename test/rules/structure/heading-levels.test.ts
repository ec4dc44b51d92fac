import { rule } from '../../../server/src/core/rules/structure/heading-levels';
import { runRuleTests } from '../../helpers/ruleTester';

/** A speech whose body, from line 3 on, is `body`. */
const speech = (...body: string[]): string => `构建理论武装大格局\n唐山市政协主席、党组书记 胡国辉\n近五年来，唐山市政协以理论学习为切入点。\n${body.join('\n')}\n`;

runRuleTests(rule, {
  valid: [
    { name: 'full hierarchy, restarting under each parent', text: speech('一、甲。', '（一）子。', '1.孙。', '（1）曾孙。', '（2）曾孙。', '2.孙。', '（1）曾孙。', '（二）子。', '1.孙。', '二、乙。', '（一）子。') },
    { name: 'a level skipped under a parent is allowed', text: speech('一、甲。', '1.孙。', '2.孙。', '二、乙。', '1.孙。') },
    { name: 'seed: level-1 sections only', text: speech('一、强化组织建设，筑牢政协党建工作基石。正文。', '二、强化制度建设，推动政协党建“两个全覆盖”。正文。') },
    { name: 'no sections', text: speech('正文第二段。') },
    {
      name: 'a quoted regulation: （一） restarts under each article',
      text: speech('第八条 检举控告工作应当遵循以下原则：', '（一）实事求是。', '（二）依规依纪依法。', '第九条 可以通过以下方式提出：', '（一）邮寄信件的；', '（二）当面反映的；', '（三）其他渠道的。'),
    },
  ],
  invalid: [
    {
      name: 'level-2 sections with no level-1 above: reported once',
      text: speech('（一）甲。', '（二）乙。'),
      errors: [{ messageId: 'noParent', line: 3, character: 0, endLine: 3, endCharacter: 3, message: '"（一）" has no higher-level heading above it: start with "一、"', zh: '“（一）”之前没有上一级标题，应先用“一、”' }],
    },
    {
      name: 'a gap under one article is still a gap',
      text: speech('第八条 遵循以下原则：', '（一）实事求是。', '（三）依规依纪依法。'),
      errors: [{ messageId: 'numbering', line: 5, character: 0, endLine: 5, endCharacter: 3, message: 'This level-2 heading should be numbered "（二）", found "（三）"' }],
    },
    {
      name: 'a level-3 section before the first level-1',
      text: speech('1.甲。', '一、乙。'),
      errors: [{ messageId: 'noParent', line: 3, character: 0, endLine: 3, endCharacter: 2, message: '"1." has no higher-level heading above it: start with "一、"' }],
    },
    {
      name: 'orphans are numbered too',
      text: speech('（一）甲。', '（三）乙。'),
      errors: [
        { messageId: 'noParent', line: 3, character: 0, endLine: 3, endCharacter: 3 },
        { messageId: 'numbering', line: 4, character: 0, endLine: 4, endCharacter: 3, message: 'This level-2 heading should be numbered "（二）", found "（三）"' },
      ],
    },
    {
      name: 'gap at level 2',
      text: speech('一、甲。', '（一）子。', '（三）子。'),
      errors: [{ messageId: 'numbering', line: 5, character: 0, endLine: 5, endCharacter: 3, message: 'This level-2 heading should be numbered "（二）", found "（三）"', zh: '此处二级标题序号应为“（二）”，现为“（三）”' }],
    },
    {
      name: 'not restarting under a new parent',
      text: speech('一、甲。', '（一）子。', '（二）子。', '二、乙。', '（三）子。'),
      errors: [{ messageId: 'numbering', line: 7, character: 0, endLine: 7, endCharacter: 3, message: 'This level-2 heading should be numbered "（一）", found "（三）"' }],
    },
    {
      name: 'repeat at level 3',
      text: speech('一、甲。', '（一）子。', '1.孙。', '2.孙。', '2.孙。'),
      errors: [{ messageId: 'numbering', line: 7, character: 0, endLine: 7, endCharacter: 2, message: 'This level-3 heading should be numbered "3.", found "2."', zh: '此处三级标题序号应为“3.”，现为“2.”' }],
    },
    {
      name: 'level 4 continuing across level-3 parents',
      text: speech('一、甲。', '1.孙。', '（1）曾孙。', '2.孙。', '（2）曾孙。'),
      errors: [{ messageId: 'numbering', line: 7, character: 0, endLine: 7, endCharacter: 3, message: 'This level-4 heading should be numbered "（1）", found "（2）"' }],
    },
    {
      name: 'the expected number is given in the standard form',
      text: speech('一、甲。', '(一)子。', '(三)子。'),
      errors: [{ messageId: 'numbering', line: 5, character: 0, endLine: 5, endCharacter: 3, message: 'This level-2 heading should be numbered "（二）", found "(三)"' }],
    },
  ],
});
