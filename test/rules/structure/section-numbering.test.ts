import { rule } from '../../../server/src/core/rules/structure/section-numbering';
import { runRuleTests } from '../../helpers/ruleTester';

/** A speech whose body, from line 3 on, is `body`. */
const speech = (...body: string[]): string => `构建理论武装大格局\n唐山市政协主席、党组书记 胡国辉\n近五年来，唐山市政协以理论学习为切入点。\n${body.join('\n')}\n`;

runRuleTests(rule, {
  valid: [
    {
      name: 'seed: 一、二、三、 with items and a broken paragraph',
      text: speech('一、以加强理论武装为中心，夯实党建工作基础。一是学习内容突出“准”。二是传达贯彻突出“快”。三是覆盖主体突出“全”。构建“学习+知情”的', '“1+4”学习格局。', '二、以创新学习载体为重点，提升党建工作水平。一是邀请专家辅导。', '三、以推动工作发展为目的，保障党建工作成效。一是强化质量导向。'),
    },
    { name: 'one to eleven', text: speech('一、甲。', '二、甲。', '三、甲。', '四、甲。', '五、甲。', '六、甲。', '七、甲。', '八、甲。', '九、甲。', '十、甲。', '十一、甲。') },
    { name: 'sub-sections do not count', text: speech('一、甲。', '（一）子。', '（二）子。', '二、乙。', '（一）子。') },
    { name: 'numbering restarts in each speech', text: '### 标题一\n唐山市政协主席 胡国辉\n导语。\n一、甲。\n二、乙。\n### 标题二\n省政协委员 韩咏梅\n导语。\n一、甲。\n二、乙。\n' },
    { name: 'Arabic level-1 markers in order', text: speech('1、甲。', '2、乙。') },
  ],
  invalid: [
    {
      name: 'gap: 一、三、四、',
      text: speech('一、甲。', '三、乙。', '四、丙。'),
      errors: [
        { messageId: 'outOfSequence', line: 4, character: 0, endLine: 4, endCharacter: 2, message: 'Level-1 section 2 should be numbered "二、", found "三、"', zh: '第2个一级标题的序号应为“二、”，现为“三、”' },
        { messageId: 'outOfSequence', line: 5, character: 0, endLine: 5, endCharacter: 2, message: 'Level-1 section 3 should be numbered "三、", found "四、"' },
      ],
      output: speech('一、甲。', '二、乙。', '三、丙。'),
    },
    {
      name: 'repeat: 一、二、二、',
      text: speech('一、甲。', '二、乙。', '二、丙。'),
      errors: [{ messageId: 'outOfSequence', line: 5, character: 0, endLine: 5, endCharacter: 2, message: 'Level-1 section 3 should be numbered "三、", found "二、"' }],
      output: speech('一、甲。', '二、乙。', '三、丙。'),
    },
    {
      name: 'wrong start: 二、三、',
      text: speech('二、甲。', '三、乙。'),
      errors: [
        { messageId: 'outOfSequence', line: 3, character: 0, endLine: 3, endCharacter: 2, message: 'Level-1 section 1 should be numbered "一、", found "二、"' },
        { messageId: 'outOfSequence', line: 4, character: 0, endLine: 4, endCharacter: 2, message: 'Level-1 section 2 should be numbered "二、", found "三、"' },
      ],
      output: speech('一、甲。', '二、乙。'),
    },
    {
      name: 'out of order: 一、三、二、',
      text: speech('一、甲。', '三、乙。', '二、丙。'),
      errors: [
        { messageId: 'outOfSequence', line: 4, character: 0, endLine: 4, endCharacter: 2 },
        { messageId: 'outOfSequence', line: 5, character: 0, endLine: 5, endCharacter: 2 },
      ],
      output: speech('一、甲。', '二、乙。', '三、丙。'),
    },
    {
      name: 'two-character numeral: 十、十二、',
      text: speech('一、甲。', '二、甲。', '三、甲。', '四、甲。', '五、甲。', '六、甲。', '七、甲。', '八、甲。', '九、甲。', '十、甲。', '十二、甲。'),
      errors: [{ messageId: 'outOfSequence', line: 13, character: 0, endLine: 13, endCharacter: 3, message: 'Level-1 section 11 should be numbered "十一、", found "十二、"' }],
      output: speech('一、甲。', '二、甲。', '三、甲。', '四、甲。', '五、甲。', '六、甲。', '七、甲。', '八、甲。', '九、甲。', '十、甲。', '十一、甲。'),
    },
    {
      // `二.` would itself be a section-marker finding: the fix proposes a form no rule flags.
      name: 'a non-standard marker is renumbered into the standard form',
      text: speech('一.甲。', '三.乙。'),
      errors: [{ messageId: 'outOfSequence', line: 4, character: 0, endLine: 4, endCharacter: 2, message: 'Level-1 section 2 should be numbered "二、", found "三."' }],
      output: speech('一.甲。', '二、乙。'),
    },
    {
      name: 'an Arabic level-1 marker is renumbered into the standard form',
      text: speech('1、甲。', '3、乙。'),
      errors: [{ messageId: 'outOfSequence', line: 4, character: 0, endLine: 4, endCharacter: 2, message: 'Level-1 section 2 should be numbered "二、", found "3、"' }],
      output: speech('1、甲。', '二、乙。'),
    },
    {
      name: 'indented, CRLF',
      text: '标题\r\n唐山市政协主席 胡国辉\r\n　　导语。\r\n　　一、甲。\r\n　　一、乙。\r\n',
      errors: [{ messageId: 'outOfSequence', line: 4, character: 2, endLine: 4, endCharacter: 4 }],
      output: '标题\r\n唐山市政协主席 胡国辉\r\n　　导语。\r\n　　一、甲。\r\n　　二、乙。\r\n',
    },
  ],
});
