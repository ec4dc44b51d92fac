import { rule } from '../../../server/src/core/rules/text/latin-word';
import { findingOn, runRuleTests } from '../../helpers/ruleTester';

const word = (character: number, endCharacter: number, messages: { message?: string; zh?: string } = {}) => findingOn('word', 0, character, endCharacter, messages);

runRuleTests(rule, {
  valid: [
    { name: 'formula tokens (seed)', text: '建立“1+1+2+10+N”政协协商机制。' },
    { name: 'formula tokens (spc)', text: '引入了5G+VR直播，构建“1+X”体系和“4+1”智慧法院。' },
    { name: 'acronyms', text: 'GDP增长，AI应用，PPT展示，APP上线，HUAWEI手机。' },
    { name: 'names with capitals', text: 'iPhone和WeChat都是名称，用Python编程。' },
    { name: 'units', text: '时速80km/h，面积5m²，距离30 km，功率10 kW。' },
    { name: 'addresses', text: '网址www.gov.cn，邮箱office@cppcc.gov.cn。' },
    { name: 'single letters are symbols', text: 'x轴与y轴相交。' },
    { name: 'a word in English text', text: 'Belt and Road' },
    { name: 'the allow option, several words', text: '打开app查看。', options: { allow: ['wifi', 'app'] } },
    { name: 'the allow option (array), case-insensitive', text: '打开app查看。', options: { allow: ['App'] } },
    // Classes of false alarm on the People's Daily archive.
    { name: 'pinyin with tone marks', text: '像鼎、簋（guǐ）、甗（yǎn）、钲（zhēng）、句鑃（gōu diào）等器物。' },
    { name: 'a name spelt with diacritics', text: '德国学者Müller表示赞同。' },
    { name: 'a web address with a full-width colon', text: '可通过官方网址“http：//cfws.samr.gov.cn”查询。' },
    { name: 'pinyin glossed in Chinese', text: '您是na（那）么的wei（伟）大。' },
    { name: 'the original of a term in brackets', text: '脱口秀（talk show）原意为电视谈话节目。' },
    { name: 'a quoted name', text: '新开的这家名叫“Daily fitness”的健身房。' },
    { name: 'a quoted coinage', text: '以“央视boys”的新组合亮相。' },
  ],
  invalid: [
    {
      name: 'the seed’s and',
      text: '会议精神 and 中办印发。',
      errors: [word(5, 8, { message: 'English word "and" in Chinese text: translate or delete it', zh: '中文里夹有英文单词“and”，应改为中文或删除' })],
      // The spaces around it go too: `精神 和 中办` would hold two stray spaces.
      output: '会议精神和中办印发。',
    },
    { name: 'or, glued on', text: '城市or农村。', errors: [word(2, 4)], output: '城市或农村。' },
    { name: 'a word with no single equivalent is not fixed', text: '会议精神 the 中办印发。', errors: [word(5, 8)] },
    { name: 'a capitalised function word', text: '精神And中办。', errors: [word(2, 5, { message: 'English word "And" in Chinese text: translate or delete it' })], output: '精神和中办。' },
    // Next to the layouts left alone, the same words used in a sentence are still faults.
    { name: 'pinyin without tone marks in a sentence', text: '我们要jiang好故事。', errors: [word(3, 8)] },
    { name: 'a bracket holding Chinese is no original of a term', text: '脱口秀（talk节目）很火。', errors: [word(4, 8)] },
    { name: 'a bracket not right after a Chinese term', text: '第1项内容（2）（and）要删除。', errors: [word(9, 12)] },
    { name: 'a quotation holding a clause is used, not mentioned', text: '他说“我们要and，坚持”。', errors: [word(6, 9)] },
    { name: 'a scheme without its slashes', text: '使用http：协议。', errors: [word(2, 6)] },
    { name: 'a lower-case loanword', text: '打开app查看。', errors: [word(2, 5)] },
    { name: 'Chinese on one side is enough', text: '倡议 the Belt and Road。', errors: [word(3, 6)] },
    {
      name: 'titles are checked too',
      text: '推动 and 发展\n唐山市政协主席、党组书记 胡国辉\n正文。',
      errors: [word(3, 6)],
      output: '推动和发展\n唐山市政协主席、党组书记 胡国辉\n正文。',
    },
  ],
});
