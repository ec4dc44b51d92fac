import { rule } from '../../../server/src/core/rules/text/punctuation-use';
import { findingOn, runRuleTests } from '../../helpers/ruleTester';

const at = (messageId: string, character: number, endCharacter: number, messages: { message?: string; zh?: string } = {}) =>
  findingOn(messageId, 0, character, endCharacter, messages);

runRuleTests(rule, {
  valid: [
    // Real sentences of the corpus (test/fixtures/corpus/rmrb and the People's Daily archive) where the rule must stay silent.
    { name: 'quoted items without 、 (corpus)', text: '让“数据多跑路”“群众少跑腿”成为常态。' },
    { name: 'the 、 parts clauses, not items (corpus)', text: '防止硬约束变成“橡皮筋”、“长效”变成“无效”。' },
    { name: 'pairs joined by 与 (corpus)', text: '需要正确处理“差异”与“协同”、“跟跑”与“领跑”、守正与创新等关系。' },
    { name: 'the last item runs on into the sentence (corpus)', text: '改作为检验“四个意识”、“两个维护”的试金石。' },
    { name: 'a gloss between titled items keeps the 、 (GB/T 15834 §4.5.3.5)', text: '依据《条例》（2012年）、《规定》执行。' },
    { name: 'a gloss between quoted items keeps the 、 (corpus)', text: '“叔夷镈”（有“禹”、“夏”铭文）、“秦公簋”之后。' },
    { name: 'two numbers in short, not an approximate one (corpus)', text: '一、二线城市房价平稳，三、四级公路通车，二、三十年代的老照片。' },
    { name: 'two months', text: '三、四月份雨水多。' },
    { name: 'ordinals after 第', text: '第三、四名由两队争夺，第十三、四名另赛。' },
    { name: 'a section marker at the head of a paragraph', text: '三、四个坚持' },
    { name: 'a list of numerals', text: '一、二、三个阶段。' },
    { name: 'quotes that nest right', text: '他说：“大家要记住‘实干兴邦’这句话。”' },
    { name: 'three levels (back to “” at the third)', text: '他说：“报告指出‘要坚持“两个毫不动摇”’。”' },
    { name: 'titles that nest right', text: '学习《〈中国工人〉发刊词》。' },
    { name: 'a quote inside a title starts again at “”', text: '审议《关于“十四五”规划的建议》。' },
    { name: 'an unbalanced paragraph is unmatched-pair’s', text: '他说：“大家要记住“实干兴邦”这句话。' },
    { name: 'a top level in single quotes is a house style', text: '所谓‘强国“梦”’即此。' },
    { name: 'an apostrophe inside a quote', text: '他说：“People’s Daily 报道了。”' },
    { name: 'the forms GB/T 15834 allows', text: '真的吗？！太好了！！是吗？？？好啊！！！对吗？？' },
    { name: 'a run mixed with other marks is punctuation-run’s', text: '是吗！？。' },
    { name: 'connectors already standard', text: '北京—上海特快列车，2021年—2025年，10月1日—7日。' },
    { name: 'a hyphen between names (the standard writes 吐鲁番-哈密盆地)', text: '吐鲁番-哈密盆地。' },
    { name: 'a numeric range in Chinese numerals keeps ～ (the standard’s example)', text: '学习第五～八课，用三～五年。' },
    { name: 'digits alone are number-range’s', text: '2021-2022年，3~5人。' },
  ],
  invalid: [
    {
      name: 'the issue’s “A”、“B”',
      text: '落实“四早”、“四集中”，做好防控。',
      errors: [
        at('seriesComma', 6, 7, {
          message: 'No 、 between items each in quotes: "“四早”、“四集中”" should be "“四早”“四集中”"',
          zh: '并列的引号之间通常不用顿号：““四早”、“四集中””应为““四早”“四集中””',
        }),
      ],
      output: '落实“四早”“四集中”，做好防控。',
    },
    {
      name: 'a series of three, then the list goes on (corpus)',
      text: '贯彻“一国两制”、“港人治港”、“澳人治澳”、高度自治的方针。',
      errors: [at('seriesComma', 8, 16)],
      output: '贯彻“一国两制”“港人治港”“澳人治澳”、高度自治的方针。',
    },
    {
      name: 'titled items before 等 (corpus)',
      text: '依照《公司法》、《合伙企业法》等法律。',
      errors: [at('seriesComma', 7, 8, { message: 'No 、 between items each in title marks: "《公司法》、《合伙企业法》" should be "《公司法》《合伙企业法》"' })],
      output: '依照《公司法》《合伙企业法》等法律。',
    },
    {
      name: 'the issue’s 三、四十人',
      text: '来了三、四十人。',
      errors: [at('approximate', 3, 4, { message: 'No 、 inside an approximate number: "三、四十人" should be "三四十人"', zh: '相邻两数字连用表示概数，中间不用顿号：“三、四十人”应为“三四十人”' })],
      output: '来了三四十人。',
    },
    { name: 'after 十', text: '都是十七、八岁的青年。', errors: [at('approximate', 4, 5)], output: '都是十七八岁的青年。' },
    { name: 'with 两', text: '只用了一、两个小时。', errors: [at('approximate', 4, 5)], output: '只用了一两个小时。' },
    {
      name: 'a quote inside a quote in “”',
      text: '他说：“大家要记住“实干兴邦”这句话。”',
      errors: [
        at('nestedQuote', 9, 15, {
          message: 'A quote inside a quote takes ‘’: "“实干兴邦”" should be "‘实干兴邦’"',
          zh: '引号里面的引号应用‘’：““实干兴邦””应为“‘实干兴邦’”',
        }),
      ],
      output: '他说：“大家要记住‘实干兴邦’这句话。”',
    },
    {
      name: 'the third level back in “”',
      text: '他说：“报告指出‘要坚持‘两个毫不动摇’’。”',
      errors: [at('nestedQuote', 12, 20)],
      output: '他说：“报告指出‘要坚持“两个毫不动摇”’。”',
    },
    {
      name: 'a title inside a title in 《》',
      text: '学习《《中国工人》发刊词》。',
      errors: [at('nestedTitle', 3, 9, { message: 'A title inside a title takes 〈〉: "《中国工人》" should be "〈中国工人〉"' })],
      output: '学习《〈中国工人〉发刊词》。',
    },
    {
      name: '！？ becomes ？！',
      text: '这难道不是奇迹吗！？',
      errors: [at('emphasis', 8, 10, { message: 'Question and exclamation marks together are written "？！", at most three of one kind: "！？" should be "？！"' })],
      output: '这难道不是奇迹吗？！',
    },
    { name: 'four ！ cut to three', text: '冲啊！！！！', errors: [at('emphasis', 2, 6)], output: '冲啊！！！' },
    { name: 'a mixed run: no certain repair', text: '真的吗？！？', errors: [at('emphasisNoFix', 3, 6)], output: null },
    {
      name: 'a time span with a hyphen',
      text: '2021年-2025年，10月1日~7日。',
      errors: [
        at('connector', 5, 6, { message: 'The span between two times or places takes the connector "—": "1年-20" should be "1年—20"' }),
        at('connector', 17, 18),
      ],
      output: '2021年—2025年，10月1日—7日。',
    },
    { name: 'a wave dash between two places', text: '开通北京～上海航线。', errors: [at('connector', 4, 5)], output: '开通北京—上海航线。' },
  ],
});
