import { rule } from '../../../server/src/core/rules/structure/speaker-form';
import { runRuleTests } from '../../helpers/ruleTester';

/** A plain speech with `speaker` on line 1. */
const speech = (speaker: string): string => `构建理论武装大格局\n${speaker}\n近五年来，唐山市政协以理论学习为切入点。\n`;

runRuleTests(rule, {
  valid: [
    { name: 'seed: positions joined by 、, one space', text: speech('唐山市政协主席、党组书记 胡国辉') },
    { name: 'people-daily: two-character name padded with a space', text: speech('山东省济南市政协主席 雷 杰') },
    { name: 'people-daily: indented with U+3000', text: '　　做强平台 纵深推进 双向发力\n　　浙江省政协主席 葛慧君\n　　浙江省政协搭建平台。\n' },
    { name: 'spc: two spaces', text: speech('最高人民法院原经济审判庭副庭长  费宗祎') },
    { name: 'ideographic space separator', text: speech('唐山市政协主席　胡国辉') },
    { name: 'three spaces are left alone', text: speech('唐山市政协主席   胡国辉') },
    { name: 'transliterated name with ·', text: speech('新疆维吾尔自治区政协主席 努尔兰·阿不都满金') },
    { name: 'four-character name', text: speech('省政协委员 欧阳东方') },
    { name: 'name first, unit and position in brackets', text: speech('胡国辉（唐山市政协主席、党组书记）') },
    { name: 'a short sentence after a title is not judged as a speaker line', text: '### 标题\n谢谢大家！\n' },
  ],
  invalid: [
    {
      name: 'name glued to the position',
      text: speech('唐山市政协主席胡国辉'),
      errors: [{ messageId: 'noSeparator', line: 1, character: 7, endLine: 1, endCharacter: 10, message: 'Put a space between the position and the name "胡国辉"', zh: '职务与姓名“胡国辉”之间应空一格' }],
      output: speech('唐山市政协主席 胡国辉'),
    },
    {
      name: 'full-width comma between positions',
      text: speech('唐山市政协主席，党组书记 胡国辉'),
      errors: [{ messageId: 'joiner', line: 1, character: 7, endLine: 1, endCharacter: 8, message: 'Join positions with "、", not "，"', zh: '职务之间应用顿号“、”，不用“，”' }],
      output: speech('唐山市政协主席、党组书记 胡国辉'),
    },
    {
      name: 'half-width commas: one finding each',
      text: speech('唐山市政协主席,党组书记,秘书长 胡国辉'),
      errors: [
        { messageId: 'joiner', line: 1, character: 7, endLine: 1, endCharacter: 8, message: 'Join positions with "、", not ","' },
        { messageId: 'joiner', line: 1, character: 12, endLine: 1, endCharacter: 13 },
      ],
      output: speech('唐山市政协主席、党组书记、秘书长 胡国辉'),
    },
    {
      name: 'glued name and a comma: both fixed in one pass',
      text: '### 标题\n唐山市政协主席，党组书记胡国辉\n正文。\n',
      errors: [
        { messageId: 'joiner', line: 1, character: 7, endLine: 1, endCharacter: 8 },
        { messageId: 'noSeparator', line: 1, character: 12, endLine: 1, endCharacter: 15 },
      ],
      output: '### 标题\n唐山市政协主席、党组书记 胡国辉\n正文。\n',
    },
    {
      name: 'five-character name',
      text: speech('唐山市政协主席 欧阳胡国辉'),
      errors: [{ messageId: 'nameShape', line: 1, character: 8, endLine: 1, endCharacter: 13, message: 'The name "欧阳胡国辉" should be 2 to 4 Han characters', zh: '姓名“欧阳胡国辉”应为2至4个汉字' }],
    },
    {
      name: 'Latin name',
      text: speech('唐山市政协主席 John'),
      errors: [{ messageId: 'nameShape', line: 1, character: 8, endLine: 1, endCharacter: 12, message: 'The name "John" should be 2 to 4 Han characters' }],
    },
    {
      name: 'terminal full stop',
      text: speech('唐山市政协主席、党组书记 胡国辉。'),
      errors: [{ messageId: 'trailing', line: 1, character: 16, endLine: 1, endCharacter: 17, message: 'A speaker line should not end in punctuation: delete "。"', zh: '发言人行末尾不应有标点“。”，应删去' }],
      output: speech('唐山市政协主席、党组书记 胡国辉'),
    },
    {
      name: 'CRLF: terminal comma deleted, line break kept',
      text: '构建理论武装大格局\r\n唐山市政协主席 胡国辉，\r\n正文。\r\n',
      errors: [{ messageId: 'trailing', line: 1, character: 11, endLine: 1, endCharacter: 12, message: 'A speaker line should not end in punctuation: delete "，"' }],
      output: '构建理论武装大格局\r\n唐山市政协主席 胡国辉\r\n正文。\r\n',
    },
  ],
});
