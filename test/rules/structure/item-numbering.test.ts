import { rule } from '../../../server/src/core/rules/structure/item-numbering';
import { runRuleTests } from '../../helpers/ruleTester';

/** A speech whose body, from line 3 on, is `body`. */
const speech = (...body: string[]): string => `构建理论武装大格局\n唐山市政协主席、党组书记 胡国辉\n近五年来，唐山市政协以理论学习为切入点。\n${body.join('\n')}\n`;

runRuleTests(rule, {
  valid: [
    { name: 'seed: 一是 二是 三是 in one paragraph', text: speech('一、以加强理论武装为中心，夯实党建工作基础。一是学习内容突出“准”。坚持学习。二是传达贯彻突出“快”。第一时间学习贯彻。三是覆盖主体突出“全”。') },
    { name: 'seed: a run continued across a broken paragraph', text: speech('二、强化制度建设，推动政协党建“两个全覆盖”。一是建立“双联系”制度。每年督办1-2件', '委员提案。二是建立“委员双进”制度。三是建立“双重组织生活”制度。四是建立“双述双评”制度。') },
    { name: 'seed: two items are a list', text: speech('二、发挥临时党支部作用，切实履行政协主要职能。一是着眼凝聚思想共识。正文。二是着眼建言资政。正文。') },
    { name: 'people-daily: one item per paragraph, in the lead', text: '　　更好做到“落实下去”“凝聚起来”\n　　山东省济南市政协主席 雷 杰\n　　济南市政协深入推进工作。\n　　一是搭平台。\n　　二是重引领。\n　　三是聚民心。\n　　四是谋共识。\n　　五是立机制。\n' },
    { name: 'people-daily: items after commas', text: speech('两大平台建设，一是有助于破解协商职能责任不够聚焦的难题，二是有助于破解团结联谊对象范围不够广的难题，三是有助于破解市县政协“两个薄弱”的难题。') },
    { name: 'spc: 第一 to 第五', text: speech('　　第一，以民为本、司法为民。第二，实事求是、严肃执法。第三，法官应该正大光明。第四，服务大局。第五，也是最重要的，一定要坚持党的领导。') },
    { name: 'two lists in one section', text: speech('一、甲。一是学习。二是调研。另外，一是协商。二是监督。') },
    { name: 'three lists in one section, each restarting', text: speech('一是甲。二是乙。三是丙。', '一是丁。二是戊。', '一是己。二是庚。三是辛。四是壬。') },
    { name: 'a list nested in an item: the outer list resumes', text: speech('一是甲。二是乙。三是丙。四是丁：一是子；二是丑；三是寅。五是戊：一是卯；二是辰。六是己。') },
    { name: 'a mixed series: 首先 then 第二, 第三', text: speech('首先，要学习；第二，要调研；第三，要协商。') },
    { name: 'a mixed series: 首先, 其次 then 第三', text: speech('首先，要学习。其次，要调研。第三，要协商。') },
    { name: '最后 closing a 第N series after an earlier 首先 list', text: speech('首先，甲。其次，乙。最后，丙。', '第一，丁。第二，戊。', '最后，己。') },
    { name: 'an item after a no-break space', text: speech('有三方面。一是甲。二是乙。三是丙。\u00a0一是丁。二是戊。') },
    { name: '首先 其次 再次 最后', text: speech('首先，要学习。其次，要调研。再次，要协商。最后，要监督。') },
    { name: '最后 may come second', text: speech('首先，要学习。最后，要监督。') },
    { name: 'a lone 首先 is ordinary prose', text: speech('首先，感谢大会给我们这次交流的机会。') },
    { name: 'a lone 二是 is not reported', text: speech('这一做法，二是指双向发力。') },
    { name: 'words that hold item words are not items', text: speech('实现统一是目标，第一时间传达，打通“最后一公里”，聚焦三要素。') },
  ],
  invalid: [
    {
      name: 'gap: 一是 二是 四是',
      text: speech('一、甲。一是乙。二是丙。四是丁。'),
      errors: [{ messageId: 'outOfSequence', line: 3, character: 12, endLine: 3, endCharacter: 14, message: 'Item 3 should be "三是", found "四是"', zh: '第3项的序号应为“三是”，现为“四是”' }],
      output: speech('一、甲。一是乙。二是丙。三是丁。'),
    },
    {
      name: 'repeat: 一是 二是 二是 三是',
      text: speech('一是甲。二是乙。二是丙。三是丁。'),
      errors: [
        { messageId: 'outOfSequence', line: 3, character: 8, endLine: 3, endCharacter: 10, message: 'Item 3 should be "三是", found "二是"' },
        { messageId: 'outOfSequence', line: 3, character: 12, endLine: 3, endCharacter: 14, message: 'Item 4 should be "四是", found "三是"' },
      ],
      output: speech('一是甲。二是乙。三是丙。四是丁。'),
    },
    {
      name: 'a second 一是 right after the first, in one paragraph, is the second item',
      text: speech('一、工作。一是学习理论，一是改进作风。'),
      errors: [{ messageId: 'outOfSequence', line: 3, character: 12, endLine: 3, endCharacter: 14, message: 'Item 2 should be "二是", found "一是"' }],
      output: speech('一、工作。一是学习理论，二是改进作风。'),
    },
    {
      name: 'a list that does not start at one',
      text: speech('二是甲。三是乙。'),
      errors: [
        { messageId: 'outOfSequence', line: 3, character: 0, endLine: 3, endCharacter: 2, message: 'Item 1 should be "一是", found "二是"' },
        { messageId: 'outOfSequence', line: 3, character: 4, endLine: 3, endCharacter: 6, message: 'Item 2 should be "二是", found "三是"' },
      ],
      output: speech('一是甲。二是乙。'),
    },
    {
      name: '一要 family',
      text: speech('一要学习，二要调研，四要协商。'),
      errors: [{ messageId: 'outOfSequence', line: 3, character: 10, endLine: 3, endCharacter: 12, message: 'Item 3 should be "三要", found "四要"' }],
      output: speech('一要学习，二要调研，三要协商。'),
    },
    {
      name: '第一 family',
      text: speech('第一，学习。第三，调研。'),
      errors: [{ messageId: 'outOfSequence', line: 3, character: 6, endLine: 3, endCharacter: 8, message: 'Item 2 should be "第二", found "第三"' }],
      output: speech('第一，学习。第二，调研。'),
    },
    {
      name: 'a gap after a nested list is still a gap',
      text: speech('一是甲。二是乙：一是子；二是丑。四是丁。'),
      errors: [{ messageId: 'outOfSequence', line: 3, character: 16, endLine: 3, endCharacter: 18, message: 'Item 3 should be "三是", found "四是"' }],
      output: speech('一是甲。二是乙：一是子；二是丑。三是丁。'),
    },
    {
      name: 'a mixed series with a gap: its place counts on from 首先',
      text: speech('首先，要学习；第二，要调研；第四，要协商。'),
      errors: [{ messageId: 'outOfSequence', line: 3, character: 14, endLine: 3, endCharacter: 16, message: 'Item 3 should be "第三", found "第四"' }],
      output: speech('首先，要学习；第二，要调研；第三，要协商。'),
    },
    {
      name: '第二 with no 首先 before it is still out of order',
      text: speech('第二，要调研；第三，要协商。'),
      errors: [
        { messageId: 'outOfSequence', line: 3, character: 0, endLine: 3, endCharacter: 2, message: 'Item 1 should be "第一", found "第二"' },
        { messageId: 'outOfSequence', line: 3, character: 7, endLine: 3, endCharacter: 9, message: 'Item 2 should be "第二", found "第三"' },
      ],
      output: speech('第一，要调研；第二，要协商。'),
    },
    {
      name: 'lone 一是',
      text: speech('一、甲。一是学习内容突出“准”。'),
      errors: [{ messageId: 'lone', line: 3, character: 4, endLine: 3, endCharacter: 6, message: '"一是" has no "二是" after it: add the next items or drop the numbering', zh: '只有“一是”而没有“二是”：补全后续各项，或删去序号' }],
    },
    {
      name: 'lone 第一',
      text: speech('第一，以民为本、司法为民。'),
      errors: [{ messageId: 'lone', line: 3, character: 0, endLine: 3, endCharacter: 2, message: '"第一" has no "第二" after it: add the next items or drop the numbering' }],
    },
    {
      name: 'lone 一要',
      text: speech('我们体会到，一要坚持学习。'),
      errors: [{ messageId: 'lone', line: 3, character: 6, endLine: 3, endCharacter: 8, message: '"一要" has no "二要" after it: add the next items or drop the numbering' }],
    },
    {
      name: 'sequence out of order: 首先 再次',
      text: speech('首先，要学习。再次，要调研。'),
      errors: [{ messageId: 'outOfSequence', line: 3, character: 7, endLine: 3, endCharacter: 9, message: 'Item 2 should be "其次", found "再次"' }],
    },
    {
      name: 'something after 最后',
      text: speech('首先，要学习。最后，要监督。其次，要调研。'),
      errors: [{ messageId: 'afterLast', line: 3, character: 14, endLine: 3, endCharacter: 16, message: '"其次" comes after "最后"', zh: '“最后”之后不应再有“其次”' }],
    },
    {
      name: 'items inside a level-2 section',
      text: speech('一、甲。', '（一）乙。一是学习。三是调研。'),
      errors: [{ messageId: 'outOfSequence', line: 4, character: 10, endLine: 4, endCharacter: 12 }],
      output: speech('一、甲。', '（一）乙。一是学习。二是调研。'),
    },
    {
      name: 'CRLF, run across paragraphs',
      text: '标题\r\n唐山市政协主席 胡国辉\r\n导语。\r\n一、甲。一是学习。\r\n二是调研。\r\n二是协商。\r\n',
      errors: [{ messageId: 'outOfSequence', line: 5, character: 0, endLine: 5, endCharacter: 2 }],
      output: '标题\r\n唐山市政协主席 胡国辉\r\n导语。\r\n一、甲。一是学习。\r\n二是调研。\r\n三是协商。\r\n',
    },
  ],
});
