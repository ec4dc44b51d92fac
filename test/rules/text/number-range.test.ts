import { rule } from '../../../server/src/core/rules/text/number-range';
import { findingOn, runRuleTests } from '../../helpers/ruleTester';

const range = (character: number, endCharacter: number, messages: { message?: string; zh?: string } = {}) => findingOn('range', 0, character, endCharacter, messages);

runRuleTests(rule, {
  valid: [
    { name: 'an ISO date', text: '2021-10-17召开会议。' },
    { name: 'a phone number', text: '电话010-12345678。' },
    { name: 'a year and month', text: '自2021-02起施行，至2021-10止。' },
    { name: 'a score', text: '以3-1获胜。' },
    { name: 'a standard number', text: '按GB/T 9704-2012执行。' },
    { name: 'times', text: '时间为9:00-10:00。' },
    { name: 'negative numbers', text: '气温-5~-3度。' },
    { name: 'a model number', text: '型号A4-5。' },
    { name: 'a formula', text: '构建“1+4”格局。' },
    { name: 'standard separators', text: '联系1～2名、3至5名、6—8名。' },
  ],
  invalid: [
    {
      name: 'the seed’s 1-2名',
      text: '每名委员联系1-2名党外委员。',
      errors: [range(6, 9, { message: 'Number range "1-2" should be written "1～2"', zh: '数值范围“1-2”应写作“1～2”' })],
      output: '每名委员联系1～2名党外委员。',
    },
    { text: '用3~5年时间。', errors: [range(1, 4)], output: '用3～5年时间。' },
    { text: '增长10%-20%。', errors: [range(2, 9, { message: 'Number range "10%-20%" should be written "10%～20%"' })], output: '增长10%～20%。' },
    { name: 'a year range', text: '2021-2022年度。', errors: [range(0, 9)], output: '2021～2022年度。' },
    { name: 'decimals', text: '提高1.5-2.5倍。', errors: [range(2, 9)], output: '提高1.5～2.5倍。' },
    { name: 'a full-width hyphen', text: '联系1－2名。', errors: [range(2, 5)], output: '联系1～2名。' },
    {
      name: 'separator 至',
      text: '联系1-2名。',
      options: { separator: '至' },
      errors: [range(2, 5, { message: 'Number range "1-2" should be written "1至2"', zh: '数值范围“1-2”应写作“1至2”' })],
      output: '联系1至2名。',
    },
  ],
});
