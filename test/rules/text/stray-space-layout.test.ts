/**
 * `stray-space` on the layouts published text uses on purpose — headings,
 * bylines, credits, datelines, article numbers, lost paragraph indents — and
 * on the faults among them. Run with the segmenter, as the CLI and server do.
 * Sentences are constructed, in the shapes found on published text.
 */
import { rule } from '../../../server/src/core/rules/text/stray-space';
import { loadSegmenter } from '../../../server/src/segmenter';
import { findingOn, runRuleTests } from '../../helpers/ruleTester';

const space = (character: number, endCharacter: number) => findingOn('space', 0, character, endCharacter);
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
  ],
});
