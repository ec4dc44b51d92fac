/**
 * `stray-space` on the layouts published text uses on purpose — headings,
 * bylines, credits, datelines, article numbers, lost paragraph indents — and
 * on the faults among them. Run with the segmenter, as the CLI and server do.
 * Sentences are constructed, in the shapes found on published text.
 */
import { rule } from '../../../server/src/core/rules/text/stray-space';
import { loadSegmenter } from '../../../server/src/segmenter';
import { findingOn, runRuleTests } from '../../helpers/ruleTester';

const space = (character: number, endCharacter: number, line = 0) => findingOn('space', line, character, endCharacter);
const segmenter = loadSegmenter();
if (!segmenter) throw new Error('the segmenter did not load');

runRuleTests(rule, {
  services: { segmenter },
  valid: [
    { name: 'a heading of parallel phrases', text: '\u3000\u3000讲团结 促发展 保稳定' },
    { name: 'parallel halves a word could be read across (清水)', text: '\u3000\u3000溪流变清 水鸟成群' },
    { name: 'a heading with a bracketed note holding a comma', text: '\u3000\u3000夯实基础 提升质量（基层观察，一线调研）' },
    { name: 'a byline with padded names', text: '\u3000\u3000本报记者 王  明 李 华' },
    { name: 'a credit with a colon', text: '\u3000\u3000版式设计：张  华' },
    { name: 'a dateline before the reporter', text: '\u3000\u3000本报上海3月5日电  （记者李华）近日，坚持学习。' },
    { name: 'a short dateline without a date', text: '\u3000\u3000本报电 近日，会议召开。' },
    { name: 'a dateline with one space', text: '\u3000\u3000新华社北京3月5日电 国务院日前召开会议。' },
    { name: 'a bracketed dateline listing cities', text: '\u3000\u3000（本报北京、巴黎、东京3月5日电  记者王明、李华）' },
    { name: 'an article number', text: '\u3000\u3000第十二条 各级组织应当坚持学习。' },
    { name: 'a chapter number', text: '\u3000\u3000第三章  组织建设，分两节。' },
    { name: 'two ideographic spaces inside a line: a lost paragraph break', text: '坚持学习。\u3000\u3000深入调研，推动发展。' },
    { name: 'a quoted name joined by a dash', text: '参观“奋斗历程 时代画卷——成就展”展览。' },
    // Headings the parser did not place: unindented lines opening a document whose body is indented.
    {
      name: 'a kicker, a title and a subtitle above an indented body',
      text: '学习贯彻全会精神\n国务院召开廉政工作会议\n学习贯彻重要讲话精神，部署推进全面从严治党 某某出席\n\u3000\u3000会议指出，坚持学习。',
    },
    { name: 'a heading line ending in an exclamation mark', text: '学习贯彻全会精神\n疫情就是命令 防控就是责任，我们在行动！\n\u3000\u3000会议强调，推动发展。' },
    // Lost paragraph breaks: the part after one is read on its own.
    { name: 'four no-break spaces: a lost paragraph break', text: '\u3000\u3000坚持学习。\u00a0\u00a0\u00a0\u00a0深入调研。' },
    { name: 'a photo credit after a lost paragraph break', text: '\u3000\u3000工人在车间生产。\u3000\u3000新华社记者 王  明摄' },
    { name: 'two-character labels padded to four columns', text: '\u3000\u3000联系人：王老师\u3000\u3000电  话：010-12345678\u3000\u3000地  址：北京市，邮编100000' },
    { name: 'a term set off from its explanation by a wide gap', text: '\u3000\u3000严格防疫管理\u00a0\u00a0\u00a0尽一切可能做好防疫保护，保证工作人员安全' },
    // Datelines in the forms the paper prints.
    { name: 'an undated dateline before the reporters in brackets', text: '\u3000\u3000据新华社北京电  （记者王明、李华）国务院召开会议。' },
    { name: 'a dateline and the reporter, then a space', text: '\u3000\u3000本报济南1月12日电  （记者李华） 近年来，坚持学习。' },
    { name: 'a bracketed undated dateline with a bracketed place name', text: '\u3000\u3000（本报马里加奥、刚果（金）布卡武电 记者王明）' },
    { name: 'a caption label in square brackets', text: '\u3000\u3000【画面】 每年举办活动，坚持学习。' },
    // Names holding a whole name of their own, and column tags in brackets.
    { name: 'a quoted name holding a quoted name', text: '参观“中缅之美 ‘胞波’之情”图片展。' },
    { name: 'a single-quoted name inside a quotation', text: '开展“广播电视节目‘众志成城  共同战疫’公益展播活动”。' },
    { name: 'a book title holding a bracketed year', text: '发布《协作保障 服务保障白皮书（2019）》。' },
    { name: 'a column tag in brackets', text: '压实责任，确保防控有力（坚定信心 同舟共济）。' },
  ],
  invalid: [
    { name: 'a heading that splits a word', text: '\u3000\u3000坚持和发 展中国特色社会主义', errors: [space(6, 7)], output: '\u3000\u3000坚持和发展中国特色社会主义' },
    { name: 'a space in a clause before a dateline-like word', text: '这是一封来 电。', errors: [space(5, 6)], output: '这是一封来电。' },
    { name: 'a clause ending in 电 without a date is not a dateline', text: '我们接到来电 立即出发。', errors: [space(6, 7)], output: '我们接到来电立即出发。' },
    { name: 'a dateline-like phrase later in the paragraph', text: '坚持学习。本报北京3月5日电 要求。', errors: [space(14, 15)], output: '坚持学习。本报北京3月5日电要求。' },
    { name: 'a numbered phrase that is not an article label', text: '第三条规定 坚持学习。', errors: [space(5, 6)], output: '第三条规定坚持学习。' },
    {
      name: 'a long line without sentence punctuation is prose',
      text: '我们要坚持以人民为中心的发展思想不断增强人民群众的获得感幸福感安全感 推动经济社会持续健康发展努力实现更高质量更有效率更加公平更可持续更为安全的发展',
      errors: [space(34, 35)],
      output: '我们要坚持以人民为中心的发展思想不断增强人民群众的获得感幸福感安全感推动经济社会持续健康发展努力实现更高质量更有效率更加公平更可持续更为安全的发展',
    },
    { name: 'one ideographic space after a full stop', text: '坚持学习。\u3000深入调研。', errors: [space(5, 6)], output: '坚持学习。深入调研。' },
    { name: 'a space after a closing quotation', text: '他说：“我们坚持学习。” 大家点头。', errors: [space(12, 13)], output: '他说：“我们坚持学习。”大家点头。' },
    {
      name: 'a space after a quotation, before its attribution',
      text: '\u3000\u3000“坚持学习。” 王明说。',
      errors: [space(9, 10)],
      output: '\u3000\u3000“坚持学习。”王明说。',
    },
    { name: 'a space before an opening quote', text: '\u3000\u3000这是一种 “药食同源”的蔬菜。', errors: [space(6, 7)], output: '\u3000\u3000这是一种“药食同源”的蔬菜。' },
    { name: 'a space between two quotations', text: '\u3000\u3000“我先上，你们随后” “我有经验”……', errors: [space(12, 13)], output: '\u3000\u3000“我先上，你们随后”“我有经验”……' },
    {
      name: 'a space after a comma in a heading line',
      text: '学习贯彻全会精神\n抗疫就是打仗， 阵地决不能丢\n\u3000\u3000会议指出，坚持学习。',
      errors: [space(7, 8, 1)],
      output: '学习贯彻全会精神\n抗疫就是打仗，阵地决不能丢\n\u3000\u3000会议指出，坚持学习。',
    },
    {
      name: 'a heading-like line when no body paragraph is indented',
      text: '学习贯彻全会精神\n学习贯彻重要讲话精神，部署推进全面从严治党 某某出席\n会议指出，坚持学习。',
      errors: [space(21, 22, 1)],
      output: '学习贯彻全会精神\n学习贯彻重要讲话精神，部署推进全面从严治党某某出席\n会议指出，坚持学习。',
    },
    {
      name: 'an unindented first paragraph ending a sentence is prose',
      text: '学习贯彻全会精神\n会议指出，要坚持 学习。\n\u3000\u3000会议强调，推动发展。',
      errors: [space(8, 9, 1)],
      output: '学习贯彻全会精神\n会议指出，要坚持学习。\n\u3000\u3000会议强调，推动发展。',
    },
    {
      name: 'a fourth unindented line is not part of the heading block',
      text: '学习贯彻全会精神\n国务院召开会议\n部署工作\n坚持学习，推动发展 全面推进\n\u3000\u3000会议指出，坚持学习。',
      errors: [space(9, 10, 3)],
      output: '学习贯彻全会精神\n国务院召开会议\n部署工作\n坚持学习，推动发展全面推进\n\u3000\u3000会议指出，坚持学习。',
    },
    {
      name: 'prose before a lost paragraph break is still prose',
      text: '\u3000\u3000工人在 车间生产。\u3000\u3000新华社记者 王  明摄',
      errors: [space(5, 6)],
      output: '\u3000\u3000工人在车间生产。\u3000\u3000新华社记者 王  明摄',
    },
    { name: 'a lone character padded in prose, not a label', text: '\u3000\u3000地  址在北京，邮编是100000。', errors: [space(3, 5)], output: '\u3000\u3000地址在北京，邮编是100000。' },
    { name: 'a double space after a term is not a wide gap', text: '\u3000\u3000严格防疫管理  尽一切可能做好防疫保护，保证安全', errors: [space(8, 10)], output: '\u3000\u3000严格防疫管理尽一切可能做好防疫保护，保证安全' },
    { name: 'a wide gap after a two-character word is no term', text: '\u3000\u3000坚持   学习，推动发展。', errors: [space(4, 7)], output: '\u3000\u3000坚持学习，推动发展。' },
    { name: 'a long undated clause ending in 电 before a bracket', text: '\u3000\u3000他们接到了很多群众来电 （主要是咨询）。', errors: [space(13, 14)], output: '\u3000\u3000他们接到了很多群众来电（主要是咨询）。' },
    { name: 'a name holding punctuation is prose', text: '他说“我们 ‘坚持，学习’”。', errors: [space(5, 6)], output: '他说“我们‘坚持，学习’”。' },
    {
      name: 'a bracket holding punctuation is prose',
      text: '\u3000\u3000本报包头2月13日电  （丁志军、 高顺华）近日，坚持学习。',
      errors: [space(19, 20)],
      output: '\u3000\u3000本报包头2月13日电  （丁志军、高顺华）近日，坚持学习。',
    },
  ],
});
