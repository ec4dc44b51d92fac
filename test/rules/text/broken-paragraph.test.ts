import { rule } from '../../../server/src/core/rules/text/broken-paragraph';
import { findingOn, runRuleTests } from '../../helpers/ruleTester';

const at = (line: number, character: number, endCharacter: number, message?: string, zh?: string) =>
  findingOn('broken', line, character, endCharacter, { ...(message !== undefined ? { message } : {}), ...(zh !== undefined ? { zh } : {}) });

/** A title and speaker line, so that the first body line is not read as the title: bodies start on line 3. */
const HEAD = '发言标题\n唐山市政协主席、党组书记 胡国辉\n\n';
const B = 3;

/** 44 characters of prose with no sentence end: longer than any heading. */
const LONG_CLAUSE = '坚持以学习坚定政治定力、巩固思想基础、提升业务能力、激发履职活力，为推动政协事业发展注入';

runRuleTests(rule, {
  valid: [
    HEAD + '第一段话已经说完。\n\n第二段话。',
    { name: 'a section heading alone in its paragraph', text: HEAD + '一、以加强理论武装为中心\n\n我们坚持学习。' },
    { name: 'a long unterminated section heading', text: `${HEAD}（一）${LONG_CLAUSE}\n\n我们坚持学习。` },
    { name: 'a short line without a sentence end reads as a heading', text: HEAD + '坚持党建引领 积极履职尽责\n\n我们坚持学习。' },
    { name: 'ends with a colon', text: HEAD + '七十年的历史告诉我们：\n\n党的领导是人民司法事业的根本保证。' },
    { name: 'ends with a closing quote', text: HEAD + '他说：“我们要继续努力”\n\n大家深受鼓舞。' },
    { name: 'ends with a closing bracket', text: HEAD + '（本版内容以发言先后为序）\n\n正文。' },
    { name: 'the next paragraph opens a section', text: HEAD + '我们坚持学习。主要做法有\n\n二、强化制度建设。' },
    { name: 'the next paragraph opens an item', text: HEAD + '我们坚持学习。主要做法有\n\n一是搭平台。二是重引领。' },
    { name: 'the next paragraph is a list item', text: HEAD + '我们坚持学习。主要做法有\n\n- 搭平台' },
    { name: 'a comment line between', text: HEAD + '我们坚持学习。然后推动\n<!-- 注 -->\n工作落实。' },
    { name: 'the last paragraph', text: HEAD + '我们坚持学习。然后推动' },
    {
      name: 'the next paragraph belongs to the next speech',
      text: HEAD + '我们坚持学习。然后推动\n\n第二篇\n保定市政协主席、党组书记 李俊岭\n\n正文。',
    },
    {
      name: 'an unnumbered sub-heading (parser: a short line between complete paragraphs, over prose)',
      text: `${HEAD}我们坚持学习。\n\n坚持政治引领\n\n${LONG_CLAUSE}。\n\n${LONG_CLAUSE}。`,
    },
    { name: 'a bulleted run-in heading', text: `${HEAD}我们坚持学习。\n\n●${LONG_CLAUSE}\n\n根据协议，双方将加强合作。` },
    { name: "an article's bold summary under its title", text: `评论标题\n\n${LONG_CLAUSE}\n\n近日，有关部门出台了新规定。` },
    { name: 'a couplet in an article', text: '漫画配诗\n\n村村通公路，\n\n来把群山度。' },
  ],
  invalid: [
    {
      name: "an article's first paragraph when the next opens on a mark that goes on with it",
      text: `评论标题\n\n${LONG_CLAUSE}\n\n，了不竭动力。`,
      errors: [at(2, 43, 44)],
      output: `评论标题\n\n${LONG_CLAUSE}，了不竭动力。`,
    },
    {
      name: 'seed: a page break inside a quotation',
      text: HEAD + '一、以加强理论武装为中心。构建“学习+知情”的\n\n“1+4”学习格局。',
      errors: [at(B, 22, 23, 'Paragraph breaks off mid-sentence; join it with the next one', '段落在句中断开，应与下一段合并')],
      output: HEAD + '一、以加强理论武装为中心。构建“学习+知情”的“1+4”学习格局。',
    },
    {
      name: 'indented paragraphs, CRLF, several blank lines',
      text: '发言标题\r\n唐山市政协主席、党组书记 胡国辉\r\n\r\n　　我们坚持学习。然后推动\r\n\r\n\r\n　　工作落实。',
      errors: [at(B, 12, 13)],
      output: '发言标题\r\n唐山市政协主席、党组书记 胡国辉\r\n\r\n　　我们坚持学习。然后推动工作落实。',
    },
    {
      name: 'trailing spaces go with the break',
      text: HEAD + '我们坚持学习。然后推动  \n\n工作落实。',
      errors: [at(B, 10, 11)],
      output: HEAD + '我们坚持学习。然后推动工作落实。',
    },
    {
      name: 'a comma ending needs no sentence end before it',
      text: HEAD + '我们坚持学习，\n\n推动工作落实。',
      errors: [at(B, 6, 7)],
      output: HEAD + '我们坚持学习，推动工作落实。',
    },
    {
      name: 'a long paragraph without a sentence end',
      text: `${HEAD}${LONG_CLAUSE}\n\n了不竭动力。`,
      errors: [at(B, 43, 44)],
      output: `${HEAD}${LONG_CLAUSE}了不竭动力。`,
    },
    {
      name: 'a digit ending, the next line starting a word (seed)',
      text: HEAD + '一是建立“双联系”制度。每年督办1-2件\n\n委员提案。',
      errors: [at(B, 19, 20)],
      output: HEAD + '一是建立“双联系”制度。每年督办1-2件委员提案。',
    },
    {
      name: 'one sentence over three paragraphs',
      text: HEAD + '我们坚持学习。然后推动\n\n工作落实。再推\n\n进。',
      errors: [at(B, 10, 11), at(B + 2, 6, 7)],
      output: HEAD + '我们坚持学习。然后推动工作落实。再推进。',
    },
  ],
});
