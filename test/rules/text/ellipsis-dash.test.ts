import { rule } from '../../../server/src/core/rules/text/ellipsis-dash';
import { findingOn, runRuleTests } from '../../helpers/ruleTester';

const at = (messageId: string, character: number, endCharacter: number, messages: { message?: string; zh?: string } = {}) => findingOn(messageId, 0, character, endCharacter, messages);

runRuleTests(rule, {
  valid: [
    '学习……研究——发展。',
    { name: 'dots between numbers', text: '从1...10依次编号。' },
    { name: 'a one-em dash next to a digit is a range dash', text: '每名委员联系1—2名，时间为2021年—2022年。' },
    { name: 'a twelve-dot ellipsis', text: '…………' },
    { name: 'a Markdown rule', text: '---' },
    { name: 'hyphens between Latin letters', text: '采用A--B方案。' },
    { name: 'inline comment syntax', text: '正文<!--注释-->结束。' },
  ],
  invalid: [
    {
      text: '等等...',
      errors: [at('ellipsis', 2, 5, { message: '"..." should be the ellipsis "……"', zh: '“...”应为省略号“……”' })],
      output: '等等……',
    },
    { text: '等等。。。', errors: [at('ellipsis', 2, 5, { message: '"。。。" should be the ellipsis "……"' })], output: '等等……' },
    { name: 'six dots', text: '等等......', errors: [at('ellipsis', 2, 8)], output: '等等……' },
    { name: 'a lone …', text: '等等…然后。', errors: [at('ellipsis', 2, 3)], output: '等等……然后。' },
    {
      text: '改革--发展。',
      errors: [at('dash', 2, 4, { message: '"--" should be the dash "——"', zh: '“--”应为破折号“——”' })],
      output: '改革——发展。',
    },
    { name: 'English-style spaces around -- go with it', text: '改革 -- 发展。', errors: [at('dash', 2, 6)], output: '改革——发展。' },
    { name: 'English-style space before ... goes with it', text: '等等 ...', errors: [at('ellipsis', 2, 6)], output: '等等……' },
    { name: 'spaces around a Chinese dash are stray-space’s', text: '改革 — 发展。', errors: [at('dash', 3, 4)], output: '改革 —— 发展。' },
    { name: 'a lone —', text: '改革—发展。', errors: [at('dash', 2, 3)], output: '改革——发展。' },
    { name: 'full-width hyphens', text: '改革－－发展。', errors: [at('dash', 2, 4)], output: '改革——发展。' },
    {
      name: 'a subtitle typed with hyphens',
      text: '# 以高水平党建工作引领发展\n## --全省政协系统发言摘登\n',
      errors: [{ messageId: 'dash', line: 1, character: 3, endLine: 1, endCharacter: 5 }],
      output: '# 以高水平党建工作引领发展\n## ——全省政协系统发言摘登\n',
    },
  ],
});
