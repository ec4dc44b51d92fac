import { rule } from '../../../server/src/core/rules/structure/lead-missing';
import { runRuleTests } from '../../helpers/ruleTester';

const header = '### 把思想政治引领深植委员心中\n省政协财政经济委员会主任、分党组书记 韩咏梅\n';

runRuleTests(rule, {
  valid: [
    { name: 'seed: a lead, then sections', text: `${header}党的十八大以来，我们坚持以学促悟。\n一、坚持以学促悟，入心入脑聚共识。正文。\n二、坚持走亲交心，见人见物办实事。正文。\n` },
    { name: 'people-daily: no sections at all', text: '　　做强平台 纵深推进 双向发力\n　　浙江省政协主席 葛慧君\n　　浙江省政协搭建平台。\n　　两大平台建设，一是有助于破解难题，二是有助于凝聚共识。\n' },
    { name: 'a lead of two paragraphs', text: `${header}第一段导语。\n第二段导语。\n一、坚持以学促悟。正文。\n` },
  ],
  invalid: [
    {
      name: 'first section right after the speaker line',
      text: `${header}一、坚持以学促悟，入心入脑聚共识。正文。\n二、坚持走亲交心。正文。\n`,
      errors: [{ messageId: 'missing', line: 2, character: 0, endLine: 2, endCharacter: 2, message: 'No lead paragraph before "一、": open with a paragraph that sums up the whole', zh: '“一、”前缺少导语，宜先用一段话概述总体情况' }],
    },
    {
      name: 'the first section is a level-2 one',
      text: `${header}（一）坚持以学促悟。正文。\n`,
      errors: [{ messageId: 'missing', line: 2, character: 0, endLine: 2, endCharacter: 3, message: 'No lead paragraph before "（一）": open with a paragraph that sums up the whole' }],
    },
    {
      name: 'CRLF with indentation',
      text: '### 标题\r\n唐山市政协主席 胡国辉\r\n\r\n　　一、加强理论武装。正文。\r\n',
      errors: [{ messageId: 'missing', line: 3, character: 2, endLine: 3, endCharacter: 4 }],
    },
  ],
});
