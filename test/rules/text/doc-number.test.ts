import { rule } from '../../../server/src/core/rules/text/doc-number';
import { findingOn, runRuleTests } from '../../helpers/ruleTester';

const form = (character: number, endCharacter: number, messages: { message?: string; zh?: string } = {}) => findingOn('form', 0, character, endCharacter, messages);

runRuleTests(rule, {
  valid: [
    { name: 'the standard form', text: '《国务院关于印发全国国土规划纲要的通知》（国发〔2017〕3号）要求，各地认真贯彻。' },
    // The bulk archive (People's Daily, January–February 2020).
    { name: 'a licence number', text: '他拿到了编号为（吉）卫消证字（2020）第0001号的许可证，当天就投入生产。' },
    { name: 'an order numbered with 第 and no year', text: '国务院令第724号公布《优化营商环境条例》。' },
    { name: 'a notice number', text: '省疫情防控指挥部发布第1号通告。' },
    { name: 'a report year in a title', text: '《中国天然气发展报告（2019）》发布。' },
    { name: 'a court case number', text: '该案案号为（2019）京01民初123号。' },
    { name: 'a bracketed year with no issuer code', text: '（2019）3号文件已废止。' },
  ],
  invalid: [
    {
      name: 'square brackets (the archive’s own fault)',
      text: '《关于对原产于美国的部分进口商品加征关税的公告》（税委会公告［2019］4号）。',
      errors: [
        form(30, 38, {
          zh: '发文字号“［2019］4号”应写作“〔2019〕4号”：年份用六角括号〔〕，序号不加“第”字、不编虚位',
          message: 'Document number "［2019］4号" should be written "〔2019〕4号": the year in 〔〕, the serial number without 第 or leading zeros',
        }),
      ],
      output: '《关于对原产于美国的部分进口商品加征关税的公告》（税委会公告〔2019〕4号）。',
    },
    { name: 'ASCII brackets', text: '按照国发[2018]59号文件执行。', errors: [form(4, 13)], output: '按照国发〔2018〕59号文件执行。' },
    { name: 'round brackets', text: '依据粤府办（2018）12号。', errors: [form(5, 14)], output: '依据粤府办〔2018〕12号。' },
    { name: '第 before the serial number', text: '国发〔2018〕第59号。', errors: [form(2, 12)], output: '国发〔2018〕59号。' },
    { name: 'leading zeros', text: '国办发〔2019〕059号。', errors: [form(3, 13)], output: '国办发〔2019〕59号。' },
    { name: 'everything at once', text: '中办发(2019) 第 007号。', errors: [form(3, 16)], output: '中办发〔2019〕7号。' },
  ],
});
