import { rule } from '../../../server/src/core/rules/structure/heading-sentence';
import { runRuleTests } from '../../helpers/ruleTester';

/** A speech whose body, from line 3 on, is `body`. */
const speech = (...body: string[]): string => `构建理论武装大格局\n唐山市政协主席、党组书记 胡国辉\n近五年来，唐山市政协以理论学习为切入点。\n${body.join('\n')}\n`;

runRuleTests(rule, {
  valid: [
    { name: 'seed: run-in heading and body', text: speech('一、以加强理论武装为中心，夯实党建工作基础。一是学习内容突出“准”。坚持以习近平新时代中国特色社会主义思想为引领，把习近平总书记关于加强和改进人民政协工作的重要思想作为重点。') },
    { name: 'seed: the longest heading (27 characters)', text: speech('三、强化党建制度引领，全力筑牢党对各项工作领导的重要阵地。正文。') },
    { name: 'a heading of exactly 40 characters and its full stop', text: speech(`一、${'政'.repeat(40)}。正文。`) },
    { name: 'a heading on its own line without a full stop', text: speech('一、以加强理论武装为中心，夯实党建工作基础', '正文从下一段开始，这一段很长很长，远远超过四十个字，但它不是标题，而是标题下面的正文内容。') },
    { name: 'level-2 headings are not checked', text: speech('一、甲。', `（一）${'政'.repeat(45)}。`) },
  ],
  invalid: [
    {
      name: 'a heading sentence of 41 characters',
      text: speech(`一、${'政'.repeat(41)}。正文。`),
      errors: [{ messageId: 'tooLong', line: 3, character: 2, endLine: 3, endCharacter: 44, message: 'Heading sentence is 41 characters long, over 40: shorten it', zh: '标题句共41字，超过40字，宜精简' }],
    },
    {
      name: 'body run into a heading with no full stop',
      text: speech(`一、${'加强理论武装，'.repeat(7)}`),
      errors: [{ messageId: 'unterminated', line: 3, character: 2, endLine: 3, endCharacter: 51, message: 'Heading has no full stop and runs into the body: end the heading with "。"', zh: '标题句没有句号，与正文连成了一句：应在标题末尾加“。”' }],
    },
    {
      name: 'indented, CRLF',
      text: `标题\r\n唐山市政协主席 胡国辉\r\n导语。\r\n　　一、${'政'.repeat(41)}！\r\n`,
      errors: [{ messageId: 'tooLong', line: 3, character: 4, endLine: 3, endCharacter: 46 }],
    },
  ],
});
