import { rule } from '../../../server/src/core/rules/text/ellipsis-dash';
import { findingOn, runRuleTests } from '../../helpers/ruleTester';

const at = (messageId: string, character: number, endCharacter: number, messages: { message?: string; zh?: string } = {}) => findingOn(messageId, 0, character, endCharacter, messages);

runRuleTests(rule, {
  valid: [
    '学习……研究——发展。',
    { name: 'dots between numbers', text: '从1...10依次编号。' },
    { name: 'a one-em dash next to a digit is a range dash', text: '每名委员联系1—2名，时间为2021年—2022年。' },
    { name: 'a twelve-dot ellipsis', text: '…………' },
    { name: 'a one-em dash connecting two places', text: '要推进甲城—乙城城市群发展。' },
    { name: 'a one-em dash connecting two names of a series', text: '形成“收集—分拣—处理”一体化链条，建设丙国—丁盟自贸区。' },
    { name: 'a one-em dash after a bracketed gloss', text: '搭建起“农户（贫困户）—合作社—超市”的对接机制。' },
    { name: 'a series of one-em dashes closing a sentence', text: '实现了项目的孕育—孵化—成长—成熟。' },
    { name: 'a hyphenated name ending a paragraph', text: '（拉脱维亚）瓦伊拉·维基—弗赖加' },
    { name: 'a one-em dash inside a hyphenated foreign name, also with ·', text: '总理阿卜杜勒—迈赫迪出席，让—路易·巴尔表示同意。' },
    { name: 'a Markdown rule', text: '---' },
    { name: 'hyphens between Latin letters', text: '采用A--B方案。' },
    { name: 'a one-em dash joining a Greek letter to a term', text: '其中α—干扰素被列入诊疗方案。' },
    { name: 'a one-em dash inside a name spelt partly in letters', text: '研究X射线观测卫星“XMM—牛顿”的资料。' },
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
    { name: 'a lone — after a closing quote is a dash', text: '人类学“新晋网红”—丹尼索瓦人。', errors: [at('dash', 9, 10)], output: '人类学“新晋网红”——丹尼索瓦人。' },
    { name: 'a lone — after a letter, before a clause mark, is a dash', text: '打开APP—，再登录。', errors: [at('dash', 5, 6)], output: '打开APP——，再登录。' },
    { name: 'a lone — after a closing quote starts an explanation', text: '新词“网红”—一种人。', errors: [at('dash', 6, 7)], output: '新词“网红”——一种人。' },
    { name: 'a lone — before a short phrase ending the sentence is an aside', text: '答案只有一个—奋斗！', errors: [at('dash', 6, 7)], output: '答案只有一个——奋斗！' },
    { name: 'a lone — with a space on one side is not a connector', text: '兰州— 西宁', errors: [at('dash', 2, 3)], output: '兰州—— 西宁' },
    { name: 'full-width hyphens', text: '改革－－发展。', errors: [at('dash', 2, 4)], output: '改革——发展。' },
    {
      name: 'a subtitle typed with hyphens',
      text: '# 以高水平党建工作引领发展\n## --全省政协系统发言摘登\n',
      errors: [{ messageId: 'dash', line: 1, character: 3, endLine: 1, endCharacter: 5 }],
      output: '# 以高水平党建工作引领发展\n## ——全省政协系统发言摘登\n',
    },
  ],
});
