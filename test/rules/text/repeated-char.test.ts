import * as assert from 'node:assert/strict';
import type { Segmenter } from '../../../server/src/core/rule';
import { rule } from '../../../server/src/core/rules/text/repeated-char';
import { loadSegmenter } from '../../../server/src/segmenter';
import { runRuleTests } from '../../helpers/ruleTester';

const segmenter: Segmenter | undefined = loadSegmenter();

const at = (messageId: 'char' | 'charRun' | 'word', line: number, character: number, endCharacter: number, message?: string, zh?: string) => ({
  messageId,
  line,
  character,
  endLine: line,
  endCharacter,
  ...(message !== undefined ? { message } : {}),
  ...(zh !== undefined ? { zh } : {}),
});

describe('loadSegmenter', () => {
  it('loads jieba\'s word list and cuts by the dictionary alone', () => {
    assert.ok(segmenter, 'the segmenter did not load');
    assert.deepEqual(segmenter.cut('推动政协协商'), ['推动', '政协', '协商']);
    // With HMM guessing, jieba would glue the unknown `争争` into one word.
    assert.deepEqual(segmenter.cut('争争一流'), ['争', '争', '一流']);
  });

  it('is loaded once and shared', () => {
    assert.equal(loadSegmenter(), segmenter);
  });
});

runRuleTests(rule, {
  services: { segmenter },
  valid: [
    // Every legitimate double of the corpus, in its own words.
    '在每次议政性常委会会议召开前。',
    '建立“1+1+2+10+N”政协协商机制。',
    '紧紧围绕中央大政方针和省市决策部署。',
    '及时跟进学习习近平总书记重要讲话精神。',
    '为区政府中心工作作出了突出贡献。',
    '每年年底，各临时党支部进行述职。',
    '引导全体委员把工作热情和干劲转化为为国履职、为民尽责的工作成效。',
    '省政协办公厅秘书处处长。',
    '一是搭平台。牢牢把握“专门协商机构”定位。',
    '上海市政协紧紧围绕发挥专门协商机构作用。',
    '解决了“边寨通信信号有盲区”等一批民生难题。',
    '一年来的工作实践，我们深深体会到。',
    '回忆往事，历历在目，不由得感慨万千。',
    '产出了一批批有国际影响力的典型案例；配合中国国际商会等，参与国际规则的制定。',
    '向获得“天平奖章”默默奉献的干警们致敬。',
    '老一辈同志处处给我们做表率。',
    '我们都想见见谢觉哉院长。',
    '一张大表，数字密密麻麻的，计算靠算盘。',
    '争先恐后要讲讲他们眼中的“法院故事”。',
    '谱写了一曲曲新时代法治中国的华美乐章。',
    '把人民司法事业的累累硕果记在心上。',
    '总书记对政法工作作了系列重大擘画。',
    '在一件一件事上练。',
    '一个人一个人的问了我们的情况。',
    // Reduplication, names and junctions beyond the corpus.
    '常常听取意见，人人参与，人人尽力。',
    '大家研究研究，再作决定。',
    '认认真真学习，扎扎实实工作。',
    '把任务一个一个落实好。',
    '张蓓蓓同志作了发言，陈晨晨同志也作了发言。',
    '受全体委员委托，他代表代表大会主席团讲话。',
    '坚持发展全过程人民民主。',
    { name: 'a run of a reduplication is not a slip', text: '哈哈哈哈，大家好。' },
    { name: 'speaker lines are names', text: '发言标题\n唐山市政协主席、党组书记 争争\n\n正文。' },
    { name: 'a reduplicated verb closing its clause', text: '你跟我去村里瞅瞅！大家再议议。' },
    { name: 'AA + a one-character object closing its clause', text: '先做理疗，再唠唠嗑、做做操，眨眨眼，然后吃饭。' },
    { name: 'AAB of a verb-object word closing its clause', text: '今年咱再加加油，帮老人拉拉家常。' },
    { name: 'a character meeting the same character at the start of the next word', text: '生态环境部部长到会，警务站站长讲话。' },
    { name: 'a quoted sound or name', text: '锅里的水“咕嘟咕嘟”地开了，大熊猫“优优”来了，“啾啾”的鸣叫声。' },
    { name: 'ABAB closing its clause', text: '你可得好好宣传宣传，稀客稀客！' },
    { name: 'AA before 的 or 地', text: '那叶片滑滑的，雨水直直地灌进来。' },
    { name: 'AABB of two doubled characters', text: '条条项项，行行字字，走进山山峁峁。' },
    { name: 'after the · of a transcribed name', text: '看爷爷肉孜·麦麦提来了。' },
    // Issue 14: reduplication in published text, in sentences written for these tests.
    { name: 'a reduplicated verb and its object, mid-clause', text: '他蹲着瞅瞅牛棚，又去井边踩踩井坎，出门遛遛狗，回来和大家议议村里的事。' },
    { name: 'a reduplicated verb and its object, opening a clause', text: '有空就上街走走，捡捡菜叶子，咽咽口水。' },
    { name: 'ABAB of a verb before its object', text: '茶农们整修整修茶叶机械，联系联系采茶工人。' },
    { name: 'ABAB of a state adjective, a sound, an emphatic adverb', text: '黑瘦黑瘦的模样，眼泪啪嗒啪嗒往下掉，非常非常感谢你们！' },
    { name: 'distributive nouns', text: '新中国70年里岁岁安澜，一年四季餐餐有肉，根根茎脉愈发挺拔。' },
    { name: 'list items of one form', text: '纪法贯通、法法衔接，层层开会、级级陪会，公铁联运5班、铁铁联运3班。' },
    { name: 'a double that is a whole list item', text: '名单：梁爽（女）、景景（女）、何隽（女）。孩子们王强、川川和桐桐都来了。' },
    { name: 'a given name after a surname-like character, and a name that comes back', text: '村民兰英英说，地震那年兰英英在家。主任孟根其其格表示赞同，孟根其其格又作了补充。' },
    { name: 'a character meeting the same character starting the next word', text: '地铁抚琴站站厅里，广州站站前广场，国家卫健委委属医院。' },
    { name: 'an AA the dictionary lists, however rare', text: '没过过苦日子的人，所以心心相通。' },
    { name: 'a double in company of another', text: '哪怕是搬搬东西做做杂活，桩桩件件都记着。' },
  ],
  invalid: [
    {
      name: 'seed: 争争一流',
      text: '带动委员创新作为、争争一流。',
      errors: [at('char', 0, 9, 11, 'Character "争" is repeated; delete one', '“争”字重复，删去一个')],
      output: '带动委员创新作为、争一流。',
    },
    {
      name: 'a character doubled before a word it begins: 推推动',
      text: '我们要推推动改革。',
      errors: [at('char', 0, 3, 5, 'Character "推" is repeated; delete one')],
      output: '我们要推动改革。',
    },
    {
      name: 'a character doubled before a word it begins, after a clause break',
      text: '经过调整，对对口支援作出安排。',
      errors: [at('char', 0, 5, 7)],
      output: '经过调整，对口支援作出安排。',
    },
    {
      name: 'a doubled function word stays a slip before 的 and at a clause end',
      text: '增强群众的的，我们要要。',
      errors: [at('char', 0, 4, 6), at('char', 0, 9, 11)],
      output: '增强群众的，我们要。',
    },
    {
      name: 'a doubled preposition',
      text: '危害公共安全的，应当以以危险方法定罪处罚。',
      errors: [at('char', 0, 10, 12, 'Character "以" is repeated; delete one')],
      output: '危害公共安全的，应当以危险方法定罪处罚。',
    },
    {
      name: 'a run of the character elsewhere is no second writing of a double',
      text: '增强群众的的获得感，的的的。',
      errors: [at('char', 0, 4, 6), at('charRun', 0, 10, 13)],
      output: '增强群众的获得感，的。',
    },
    {
      name: 'a doubled noun of speeches, which has no ABAB reduplication',
      text: '我们要做好工作工作，推动发展。',
      errors: [at('word', 0, 5, 9, 'Word "工作" is repeated; delete one')],
      output: '我们要做好工作，推动发展。',
    },
    {
      name: 'a double written again in another speech is no second writing: each speech is judged on its own',
      text: '### 标题一\n\n某市政协主席 张三\n\n主任孟根其其格表示赞同。\n\n### 标题二\n\n某市政协主席 李四\n\n孟根其其格又作了补充。\n',
      errors: [at('char', 4, 4, 6), at('char', 10, 2, 4)],
      output: '### 标题一\n\n某市政协主席 张三\n\n主任孟根其格表示赞同。\n\n### 标题二\n\n某市政协主席 李四\n\n孟根其格又作了补充。\n',
    },
    {
      name: 'a doubled formal verb, while a casual one nearby is a reduplication',
      text: '要推动推动改革发展，再去井边踩踩井坎。',
      errors: [at('word', 0, 1, 5, 'Word "推动" is repeated; delete one')],
      output: '要推动改革发展，再去井边踩踩井坎。',
    },
    {
      name: 'slips beside reduplications in one paragraph',
      text: '茶农们整修整修茶叶机械，经过调整，对对口支援作出安排，带动大家爱岗敬业、争争一流。',
      errors: [at('char', 0, 17, 19), at('char', 0, 36, 38)],
      output: '茶农们整修整修茶叶机械，经过调整，对口支援作出安排，带动大家爱岗敬业、争一流。',
    },
    {
      name: 'seed: 交流交流会',
      text: '举办委员读书学习交流交流会。',
      errors: [at('word', 0, 8, 12, 'Word "交流" is repeated; delete one', '“交流”一词重复，删去一个')],
      output: '举办委员读书学习交流会。',
    },
    {
      name: 'a doubled function word',
      text: '增强群众的的获得感。',
      errors: [at('char', 0, 4, 6, 'Character "的" is repeated; delete one')],
      output: '增强群众的获得感。',
    },
    {
      name: 'a doubled three-character word',
      text: '坚决执行党支部党支部的决定。',
      errors: [at('word', 0, 4, 10, 'Word "党支部" is repeated; delete one')],
      output: '坚决执行党支部的决定。',
    },
    {
      name: 'a doubled modifier before a phrase it begins',
      text: '要切实切实加强领导。',
      errors: [at('word', 0, 1, 5, 'Word "切实" is repeated; delete one')],
      output: '要切实加强领导。',
    },
    {
      name: 'a doubled four-character word',
      text: '我们要发挥人民政协人民政协的作用。',
      errors: [at('word', 0, 5, 13, 'Word "人民政协" is repeated; delete one')],
      output: '我们要发挥人民政协的作用。',
    },
    {
      name: 'doubles at the very end of a paragraph',
      text: '坚决执行党支部党支部\n\n增强群众的的',
      errors: [at('word', 0, 4, 10, 'Word "党支部" is repeated; delete one'), at('char', 2, 4, 6, 'Character "的" is repeated; delete one')],
      output: '坚决执行党支部\n\n增强群众的',
    },
    {
      name: 'an activity before the event named after it',
      text: '组织培训培训班。',
      errors: [at('word', 0, 2, 6)],
      output: '组织培训班。',
    },
    {
      name: 'a doubled word that is no reduplication',
      text: '我们必须必须坚持。',
      errors: [at('word', 0, 2, 6, 'Word "必须" is repeated; delete one')],
      output: '我们必须坚持。',
    },
    {
      name: 'a character written three times is one finding, its fix keeping one',
      text: '增强群众的的的获得感。',
      errors: [at('charRun', 0, 4, 7, 'Character "的" is written 3 times in a row; keep one', '“的”字连写了 3 次，只留一个')],
      output: '增强群众的获得感。',
    },
    {
      name: 'a paragraph of one character is one finding, however long',
      text: `前言。\n\n${'的'.repeat(100_000)}`,
      errors: [at('charRun', 2, 0, 100_000, 'Character "的" is written 100000 times in a row; keep one')],
      output: '前言。\n\n的',
    },
    {
      name: 'a run of one character ending a later paragraph, then a double in the next',
      text: '前言。\n\n我们要要要要\n争争一流，好好好学习',
      errors: [at('charRun', 2, 2, 6, 'Character "要" is written 4 times in a row; keep one'), at('char', 3, 0, 2)],
      output: '前言。\n\n我们要\n争一流，好好好学习',
    },
    {
      name: 'on a later line, CRLF kept',
      text: '第一段。\r\n\r\n我们要要坚持。',
      errors: [at('char', 2, 2, 4)],
      output: '第一段。\r\n\r\n我们要坚持。',
    },
    {
      name: 'in a speech title',
      text: '构建理论武装大格局 推动推动政协党建\n唐山市政协主席、党组书记 胡国辉\n\n正文。',
      errors: [at('word', 0, 10, 14, 'Word "推动" is repeated; delete one')],
      output: '构建理论武装大格局 推动政协党建\n唐山市政协主席、党组书记 胡国辉\n\n正文。',
    },
  ],
});

describe('repeated-char without a segmenter', () => {
  runRuleTests(rule, {
    valid: [
      { name: 'reports nothing it cannot stand behind: 争争', text: '带动委员创新作为、争争一流。' },
      { name: 'reports nothing it cannot stand behind: 交流交流会', text: '举办委员读书学习交流交流会。' },
    ],
    invalid: [],
  });
});
