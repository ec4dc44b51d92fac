import { rule } from '../../../server/src/core/rules/text/number-form';
import { findingOn, runRuleTests } from '../../helpers/ruleTester';

const at = (messageId: string, character: number, endCharacter: number, messages: { message?: string; zh?: string } = {}) =>
  findingOn(messageId, 0, character, endCharacter, messages);

runRuleTests(rule, {
  valid: [
    // Real sentences of the corpus (test/fixtures/corpus/rmrb and the People's Daily archive) where the rule must stay silent.
    { name: 'a year in Chinese numerals with 〇 (corpus)', text: '二〇二〇年一月一日。' },
    { name: 'durations, not shortened years (corpus)', text: '继才坚守孤岛32年感动中国，新中国70年奋斗历程，已超过16年。' },
    { name: 'a duration in years and months', text: '历时10年3个月建成。' },
    { name: 'set phrases in Chinese numerals (corpus)', text: '科学谋划“十四五”发展，推进“一带一路”建设，落实“三会一课”制度。' },
    { name: 'counts that look like set phrases (corpus)', text: '35个代表团和3个代表队参加，37个服务窗口，4个全面小康示范村，出台8项规定。' },
    { name: '万 and 亿 after digits (corpus)', text: '受灾人口2.5万人，投资12亿元，3亿4000万元。' },
    { name: 'units spelt with 千 and 百 (corpus)', text: '农作物受灾面积19256.9千公顷，每100克含17千焦，下降3个百分点，长5千米。' },
    { name: 'a year before 百/十 (corpus)', text: '“2019十大经济年度人物”与2019百强县。' },
    { name: 'a range with units on both ends (corpus)', text: '增长10%～20%，投资3万～5万元，9亿～16亿。' },
    { name: 'a range in a unit that may go once', text: '气温-36～-8℃，100～150千克，12500～20000元。' },
    { name: 'a descending pair is not a range missing its unit', text: '从5000～2万元不等。' },
    { name: 'a date without padding (corpus)', text: '2024年1月5日召开，10月10日结束。' },
    { name: 'an ISO date is another form', text: '2024-01-05。' },
    { name: 'a code', text: '按GB/T 9704-2012执行，型号A10-20%。' },
  ],
  invalid: [
    {
      name: 'the issue’s 二零二一年',
      text: '二零二一年是建党一百周年。',
      errors: [at('yearZero', 0, 4, { message: 'Zero in a year is written "〇": "二零二一年" should be "二〇二一年"', zh: '年份中的“0”应写作“〇”：“二零二一年”应为“二〇二一年”' })],
      output: '二〇二一年是建党一百周年。',
    },
    { name: 'two zeros', text: '奠基——二零零九年十二月。', errors: [at('yearZero', 4, 8)], output: '奠基——二〇〇九年十二月。' },
    {
      name: 'a shortened year before a month',
      text: '会议于21年3月召开。',
      errors: [at('shortYear', 3, 6, { message: 'A year is not shortened: write "21年" with all four digits', zh: '年份不应简写：“21年”应写出完整的四位年份' })],
      output: null,
    },
    {
      name: 'the issue’s 14五',
      text: '谋划“14五”发展。',
      errors: [at('setPhrase', 3, 6, { message: 'The numerals of a set phrase are written in Chinese: "14五" should be "十四五"', zh: '定型词语中的数字应使用汉字：“14五”应为“十四五”' })],
      output: '谋划“十四五”发展。',
    },
    { name: 'every numeral in digits', text: '推进1带1路建设。', errors: [at('setPhrase', 2, 6)], output: '推进一带一路建设。' },
    { name: 'one numeral in digits', text: '落实3会一课制度。', errors: [at('setPhrase', 2, 6)], output: '落实三会一课制度。' },
    { name: 'an ordinal in a title', text: '驻村第1书记。', errors: [at('setPhrase', 2, 6)], output: '驻村第一书记。' },
    {
      name: 'the issue’s 5千',
      text: '参加群众5千人。',
      errors: [at('mixed', 4, 6, { message: 'Apart from 万 and 亿, Arabic digits are not mixed with Chinese numerals: write "5千" all in digits or all in Chinese' })],
      output: null,
    },
    { name: '千 before 万', text: '投资5千万元。', errors: [at('mixed', 2, 4)], output: null },
    {
      name: 'a percent on one end',
      text: '增长10～20%。',
      errors: [at('rangeUnit', 2, 4, { message: 'Both ends of a range take "%": "10～20%" should be "10%～20%"', zh: '范围两端都应带“%”：“10～20%”应为“10%～20%”' })],
      output: '增长10%～20%。',
    },
    { name: '万 on one end', text: '投资3～5万元。', errors: [at('rangeUnit', 2, 3)], output: '投资3万～5万元。' },
    { name: '亿 with 至', text: '规模9至16亿元。', errors: [at('rangeUnit', 2, 3)], output: '规模9亿至16亿元。' },
    {
      name: 'the issue’s padded date',
      text: '2024年01月05日召开。',
      errors: [at('padded', 5, 11, { message: 'A month or day in a date is not padded with 0: "01月05日" should be "1月5日"', zh: '日期中的月、日不补“0”：“01月05日”应为“1月5日”' })],
      output: '2024年1月5日召开。',
    },
    { name: 'a padded day alone', text: '2024年1月05日召开。', errors: [at('padded', 7, 10)], output: '2024年1月5日召开。' },
    { name: 'a padded month alone', text: '2024年03月10日召开。', errors: [at('padded', 5, 8)], output: '2024年3月10日召开。' },
  ],
});
