import { rule } from '../../../server/src/core/rules/structure/section-marker';
import { runRuleTests } from '../../helpers/ruleTester';

/** A speech whose body, from line 3 on, is `body`. */
const speech = (...body: string[]): string => `构建理论武装大格局\n唐山市政协主席、党组书记 胡国辉\n近五年来，唐山市政协以理论学习为切入点。\n${body.join('\n')}\n`;

/** One non-standard marker at the start of line 3 (level 1) or line 4 (under `一、`). */
const cases: ReadonlyArray<{ found: string; expected: string; underLevel1: boolean }> = [
  { found: '一.', expected: '一、', underLevel1: false },
  { found: '一，', expected: '一、', underLevel1: false },
  { found: '一．', expected: '一、', underLevel1: false },
  { found: '1、', expected: '一、', underLevel1: false },
  { found: '(一)', expected: '（一）', underLevel1: true },
  { found: '（一）、', expected: '（一）', underLevel1: true },
  { found: '一）', expected: '（一）', underLevel1: true },
  { found: '1、', expected: '1.', underLevel1: true },
  { found: '1．', expected: '1.', underLevel1: true },
  { found: '(1)', expected: '（1）', underLevel1: true },
];

runRuleTests(rule, {
  valid: [
    { name: 'all four standard levels', text: speech('一、甲。', '（一）乙。', '1.丙。', '（1）丁。', '二、戊。') },
    { name: 'seed section', text: speech('一、以加强理论武装为中心，夯实党建工作基础。一是学习内容突出“准”。') },
    { name: 'a decimal at a paragraph start is not a marker', text: speech('1.5万名委员参加了活动。') },
    { name: '一是 at a paragraph start is an item, not a section', text: speech('一是搭平台。', '二是重引领。') },
  ],
  invalid: [
    ...cases.map(({ found, expected, underLevel1 }) => {
      const line = underLevel1 ? 4 : 3;
      const before = underLevel1 ? ['一、总标题。'] : [];
      return {
        name: `${found} → ${expected}${underLevel1 ? ' (under 一、)' : ''}`,
        text: speech(...before, `${found}加强理论武装。正文。`),
        errors: [{ messageId: 'nonStandard', line, character: 0, endLine: line, endCharacter: found.length, message: `Section marker "${found}" should be written "${expected}"`, zh: `标题序号“${found}”应写作“${expected}”` }],
        output: speech(...before, `${expected}加强理论武装。正文。`),
      };
    }),
    {
      name: 'every faulty marker of a speech at once, CRLF',
      text: '标题\r\n唐山市政协主席 胡国辉\r\n导语。\r\n一.甲。\r\n(一)乙。\r\n(二)丙。\r\n二.丁。\r\n',
      errors: [
        { messageId: 'nonStandard', line: 3, character: 0, endLine: 3, endCharacter: 2 },
        { messageId: 'nonStandard', line: 4, character: 0, endLine: 4, endCharacter: 3 },
        { messageId: 'nonStandard', line: 5, character: 0, endLine: 5, endCharacter: 3 },
        { messageId: 'nonStandard', line: 6, character: 0, endLine: 6, endCharacter: 2 },
      ],
      output: '标题\r\n唐山市政协主席 胡国辉\r\n导语。\r\n一、甲。\r\n（一）乙。\r\n（二）丙。\r\n二、丁。\r\n',
    },
  ],
});
