import { rule } from '../../../server/src/core/rules/text/stray-space';
import { findingOn, runRuleTests } from '../../helpers/ruleTester';

const space = (character: number, endCharacter: number, messages: { message?: string; zh?: string } = {}) => findingOn('space', 0, character, endCharacter, messages);

runRuleTests(rule, {
  valid: [
    { name: 'title halves and a padded name (people-daily)', text: '做强平台 纵深推进 双向发力\n浙江省政协主席 雷 杰\n正文。' },
    { name: 'two spaces before the name (spc)', text: '珍惜成绩 开创未来\n最高人民法院原经济审判庭副庭长  费宗祎\n正文。' },
    { name: 'spaces around a Latin word are latin-word’s', text: '会议精神 and 中办印发。' },
    { name: 'spaces around a number', text: '共 30 人参加。' },
    { name: 'a slogan in title form (seed line 120)', text: '开展“创城有我 政协委员在行动”活动。' },
    { name: 'a book title in title form', text: '学习《做强平台 纵深推进》一文。' },
    { name: 'indentation and trailing spaces are not content', text: '\u3000\u3000近年来，坚持学习。  ' },
  ],
  invalid: [
    {
      name: 'after a full stop (spc, 张蓓蓓)',
      text: '到了凌晨两点半。 龙进品们的生活。',
      errors: [space(8, 9, { message: 'Stray space in Chinese text: delete it', zh: '中文之间多余的空格，应删除' })],
      output: '到了凌晨两点半。龙进品们的生活。',
    },
    { text: '坚持 学习。', errors: [space(2, 3)], output: '坚持学习。' },
    { name: 'ideographic space', text: '坚持\u3000学习。', errors: [space(2, 3)], output: '坚持学习。' },
    { name: 'a mixed run is one finding', text: '坚持\u00a0 \u3000学习。', errors: [space(2, 5)], output: '坚持学习。' },
    { name: 'before Chinese punctuation', text: '学习 ，研究。', errors: [space(2, 3)], output: '学习，研究。' },
    { name: 'a quoted phrase with punctuation is prose', text: '开展“创城，有我 政协”活动。', errors: [space(8, 9)], output: '开展“创城，有我政协”活动。' },
    { name: 'after a supplementary-plane Han character', text: '\u{20000} 学习。', errors: [space(2, 3)], output: '\u{20000}学习。' },
  ],
});
