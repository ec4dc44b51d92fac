import { rule } from '../../../server/src/core/rules/structure/title-form';
import { runRuleTests } from '../../helpers/ruleTester';

/** A Markdown speech under `title`; the title's words start at character 4 of line 0. */
const speech = (title: string): string => `### ${title}\n唐山市政协主席、党组书记 胡国辉\n近五年来，唐山市政协以理论学习为切入点。\n`;

runRuleTests(rule, {
  valid: [
    { name: 'seed compilation header and first speech', text: '# 以高水平党建工作引领政协事业高质量发展\n\n## ——全省政协系统党的建设工作经验交流会发言摘登\n\n### 构建理论武装大格局 推动政协党建与履职双提升\n\n唐山市政协主席、党组书记 胡国辉\n\n近五年来。\n' },
    { name: 'seed title with full-width quotes', text: speech('以“四个强化”为抓手 激发政协党建工作新活力') },
    { name: 'spc compilation title, 35 characters', text: '庆祝中华人民共和国成立70周年暨最高人民法院建院70周年座谈会发言摘登\n\n珍惜成绩 开创未来\n最高人民法院原经济审判庭副庭长  费宗祎\n　　参加座谈会，心情十分激动。\n' },
    { name: 'a decimal point is not punctuation', text: speech('推进数字政协2.0建设') },
    { name: 'exactly 40 characters', text: speech('政'.repeat(40)) },
    { name: 'spaces between parallel phrases do not count', text: speech(`${'政'.repeat(20)} ${'协'.repeat(20)}`) },
    { name: '39 characters plus one outside the BMP are 40, not 41', text: speech(`${'政'.repeat(39)}𠀀`) },
    { name: 'a subtitle may be long', text: `# 发言摘登\n## ——${'政'.repeat(45)}\n${speech('标题')}` },
  ],
  invalid: [
    {
      name: 'terminal full stop',
      text: speech('坚持党建引领 积极履职尽责。'),
      errors: [{ messageId: 'trailing', line: 0, character: 17, endLine: 0, endCharacter: 18, message: 'A title should not end in punctuation: delete "。"', zh: '标题末尾不应有标点“。”，应删去' }],
      output: speech('坚持党建引领 积极履职尽责'),
    },
    {
      name: 'a run of terminal punctuation goes whole',
      text: speech('我们为什么能？！'),
      errors: [{ messageId: 'trailing', line: 0, character: 10, endLine: 0, endCharacter: 12, message: 'A title should not end in punctuation: delete "？！"' }],
      output: speech('我们为什么能'),
    },
    {
      name: 'half-width brackets: one finding from the first to the last',
      text: speech('加强党委(党组)建设 提升履职能力'),
      errors: [{ messageId: 'halfWidth', line: 0, character: 8, endLine: 0, endCharacter: 12, message: 'Title holds half-width punctuation “(”“)”: use the full-width forms', zh: '标题中有半角标点“(”“)”，应改用全角标点' }],
    },
    {
      name: 'a full stop that is not a decimal point',
      text: speech('数字政协2.0版.新探索'),
      errors: [{ messageId: 'halfWidth', line: 0, character: 12, endLine: 0, endCharacter: 13, message: 'Title holds half-width punctuation “.”: use the full-width forms' }],
    },
    {
      name: 'trailing and half-width punctuation are two findings; only the trailing one is fixed',
      text: speech('推进(试点)工作;'),
      errors: [
        { messageId: 'halfWidth', line: 0, character: 6, endLine: 0, endCharacter: 10 },
        { messageId: 'trailing', line: 0, character: 12, endLine: 0, endCharacter: 13, message: 'A title should not end in punctuation: delete ";"' },
      ],
      output: speech('推进(试点)工作'),
    },
    {
      name: '41 characters',
      text: speech('政'.repeat(41)),
      errors: [{ messageId: 'tooLong', line: 0, character: 4, endLine: 0, endCharacter: 45, message: 'Title is 41 characters long, over 40: shorten it', zh: '标题共41字，超过40字，宜精简' }],
    },
    {
      name: '41 code points, one outside the BMP (42 UTF-16 units)',
      text: speech(`${'政'.repeat(40)}𠀀`),
      errors: [{ messageId: 'tooLong', line: 0, character: 4, endLine: 0, endCharacter: 46, message: 'Title is 41 characters long, over 40: shorten it' }],
    },
    {
      name: 'compilation title',
      text: `# 发言摘登。\n## ——经验交流会发言摘登\n${speech('标题')}`,
      errors: [{ messageId: 'trailing', line: 0, character: 6, endLine: 0, endCharacter: 7 }],
      output: `# 发言摘登\n## ——经验交流会发言摘登\n${speech('标题')}`,
    },
    {
      name: 'subtitle: terminal punctuation only',
      text: `# 发言摘登\n## ——经验交流会(第一次)发言摘登。\n${speech('标题')}`,
      errors: [{ messageId: 'trailing', line: 1, character: 19, endLine: 1, endCharacter: 20 }],
      output: `# 发言摘登\n## ——经验交流会(第一次)发言摘登\n${speech('标题')}`,
    },
    {
      name: 'CRLF survives the fix',
      text: '### 标题。\r\n唐山市政协主席 胡国辉\r\n正文。\r\n',
      errors: [{ messageId: 'trailing', line: 0, character: 6, endLine: 0, endCharacter: 7 }],
      output: '### 标题\r\n唐山市政协主席 胡国辉\r\n正文。\r\n',
    },
  ],
});
