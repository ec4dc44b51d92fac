import * as assert from 'node:assert/strict';
import { lint } from '../../../server/src/core/lint';
import { parse } from '../../../server/src/core/parse';
import data from '../../../server/src/core/data/confusable.json';
import { rule } from '../../../server/src/core/rules/text/confusable';
import { loadSegmenter } from '../../../server/src/segmenter';
import { findingOn, runRuleTests } from '../../helpers/ruleTester';

const segmenter = loadSegmenter();

const pair = (messageId: string, line: number, character: number, endCharacter: number, message?: string, zh?: string) =>
  findingOn(messageId, line, character, endCharacter, { ...(message !== undefined ? { message } : {}), ...(zh !== undefined ? { zh } : {}) });
const complement = (line: number, character: number, message?: string, zh?: string) =>
  findingOn('complement', line, character, character + 1, { ...(message !== undefined ? { message } : {}), ...(zh !== undefined ? { zh } : {}) });

runRuleTests(rule, {
  services: { segmenter },
  valid: [
    // Published sentences of the corpus fixtures (test/fixtures/corpus) holding a listed word or 的 + a degree adverb.
    '全力保障脱贫攻坚决战决胜，集中整治群众反映强烈的突出问题。',
    '监督是权力正确运行的保证，是国家治理体系的重要组成部分。',
    '把公权力置于严密监督之下，推动全面从严治党向纵深发展。',
    '作为一名作家，我应该用自己的笔记录下这一切。',
    '精准施策是理性应对危机的必需本领。',
    '掌握患者的病情及治疗反应，摸索出个性化救治方案。',
    '为全球范围内作出快速反应、研发疫苗提供了便利。',
    '我们的很多制度都可以从历史深处找到根源。',
    '坚持人民当家作主，发展人民民主。',
    '修订《中国共产党党员权利保障条例》，制定监察官法。',
    '做好居民生活必需品保供调度，防止物价大起大落。',
    '回来后，我就向上级反映，争取到150余万元资金。',
    // People's Daily, January–February 2020 (the bulk archive): contexts a naive rule would get wrong.
    { name: '势必|需要 holds no 必需', text: '长期积累下的深层次矛盾，势必需要一定过程。' },
    { name: '当即|要求 holds no 即要', text: '李克强当即要求随行的有关部门负责人协调解决。' },
    { name: '既使…(both make) is not 即使', text: '既使各利益相关方都能充分表达意见。' },
    { name: 'a modal before the verb: V的 is a noun phrase', text: '我们虽然能做的很有限，但总是要比不做好。' },
    { name: '有的 (some of them)', text: '窗花有简有繁。有的很丰富，我从来没有见过。' },
    { name: 'a comparison after 的', text: '磁场结构比预想的更复杂。' },
    // People's Daily 2020-02-24: 很多 counts the noun after it.
    { name: 'a quantity word after 的 (很多)', text: '涵盖了疾病预防、提高生命质量、健康促进等与公众健康有关的很多内容。”' },
    { name: '地 after a one-character verb is the noun', text: '上天不易，入地更难。' },
    { name: 'an attributive before a noun is not checked', text: '实施严格的配置审批管理，通过不断的写作提高水平。' },
    { name: '截至 before a date is right', text: '截至2019年底，全国累计减少贫困人口9348万。' },
    { name: '截止 without a time is right', text: '报名已经截止，截止日期为5月1日，截止到目前仍有人咨询。' },
    { name: '必需 before a noun or 的', text: '配齐必需设备，为人们送去必需的生活物品。' },
    { name: '反应 after 不良 is a reaction', text: '及时报告药品不良反应问题。' },
    { name: '制定/制订 a plan: both are in use, so silent', text: '制订计划，制定方案。' },
    { name: '即 meaning "that is"', text: '即要坚持问题导向。' },
    { name: '的 + degree adverb before a noun', text: '做的很多工作都得到了肯定。' },
    { name: 'a noun before 的', text: '这里的环境的确很好。' },
  ],
  invalid: [
    {
      name: '截止 before a date',
      text: '截止2020年底，全市完成任务。',
      errors: [
        pair('jiezhiBeforeTime', 0, 0, 2, '"截止" should be "截至": 截至 means "up to" and takes a time after it; 截止 means "to close" and takes none', '“截止”应为“截至”：“截至”表示到某时为止，后面带时间；“截止”表示到期停止，不直接带时间'),
      ],
      output: '截至2020年底，全市完成任务。',
    },
    { name: '截至 as a deadline', text: '报名截至日期为5月1日。', errors: [pair('jiezhiAsDeadline', 0, 2, 4)], output: '报名截止日期为5月1日。' },
    { name: '权利 for power', text: '国家权利机关要依法履职，防止权利寻租。', errors: [pair('quanliForPower', 0, 2, 4), pair('quanliForPower', 0, 14, 16)], output: '国家权力机关要依法履职，防止权力寻租。' },
    { name: '权力 beside 义务', text: '公民的权力和义务。', errors: [pair('quanliBesideDuty', 0, 3, 5)], output: '公民的权利和义务。' },
    { name: '制订 a law', text: '依法制订法律法规。', errors: [pair('zhidingLaw', 0, 2, 4)], output: '依法制定法律法规。' },
    { name: '反应 a matter', text: '群众如实反应问题，委员反应社情民意。', errors: [pair('fanyingMatter', 0, 4, 6), pair('fanyingMatter', 0, 11, 13)], output: '群众如实反映问题，委员反映社情民意。' },
    { name: '反映 for a reaction', text: '引发连锁反映。', errors: [pair('fanyingReaction', 0, 4, 6)], output: '引发连锁反应。' },
    { name: '必需 before a verb', text: '我们必需坚持党的领导。', errors: [pair('bixuBeforeVerb', 0, 2, 4)], output: '我们必须坚持党的领导。' },
    { name: '必须品', text: '保障生活必须品供应。', errors: [pair('bixuPin', 0, 4, 6)], output: '保障生活必需品供应。' },
    { name: '即要……又要', text: '即要抓发展，又要抓民生。', errors: [pair('jiYouJi', 0, 0, 1)], output: '既要抓发展，又要抓民生。' },
    { name: '做为 a role', text: '做为一名党员，要带头。', errors: [pair('zuoweiAs', 0, 0, 2)], output: '作为一名党员，要带头。' },
    { name: '当家做主', text: '保证人民当家做主。', errors: [pair('dangjiaZuozhu', 0, 4, 8)], output: '保证人民当家作主。' },
    {
      name: '的 for the 得 of a complement',
      text: '各项工作开展的很扎实。',
      errors: [complement(0, 6, 'A verb and its complement of degree are joined by 得, not 的', '动词后连接程度补语应用“得”，不用“的”')],
      output: '各项工作开展得很扎实。',
    },
    { name: '地 for 得', text: '这项工作完成地非常好，', errors: [complement(0, 6)], output: '这项工作完成得非常好，' },
    { name: 'a verb jieba tags otherwise', text: '任务落实的十分到位。', errors: [complement(0, 4)], output: '任务落实得十分到位。' },
    { name: 'on a later line, at the paragraph end', text: '标题\n\n工作推进的很快', errors: [complement(2, 4)], output: '标题\n\n工作推进得很快' },
  ],
});

describe('confusable without a segmenter', () => {
  it('reports nothing: no pair is decided without word boundaries', () => {
    assert.deepEqual(lint(parse('截止2020年底，工作开展的很扎实。'), { only: [rule] }), []);
  });
});

describe('confusable data', () => {
  it('names a listed source for every pair and for the complement check', () => {
    const sources = Object.keys(data.sources);
    for (const entry of [...data.pairs, data.complement]) assert.ok(sources.includes(entry.source), `no source "${entry.source}"`);
  });

  it('gives every pair a message of its own reason', () => {
    for (const entry of data.pairs) {
      assert.ok(rule.meta.messages[entry.id], `no message ${entry.id}`);
      assert.ok(rule.meta.messages[entry.id].zh.endsWith(entry.why.zh));
    }
  });
});
