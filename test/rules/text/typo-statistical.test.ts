/**
 * The `typo` rule's statistical tier (`level: statistical`, issue 21 tier 3)
 * with the shipped model (data/typo-lm.bin.gz) and segmenter. Invalid: published
 * sentences (People's Daily, 2020-01/02, from test/fixtures/typos/planted.tsv)
 * with one common-word misspelling planted; valid: the same sentences as
 * published, and clean published text with the forms most at risk.
 */
import * as assert from 'node:assert/strict';
import { check, findRule } from '../../../server/src/core';
import { rule } from '../../../server/src/core/rules/text/typo';
import { loadSegmenter } from '../../../server/src/segmenter';
import { loadTypoModel } from '../../../server/src/typoModel';
import { findingOn, runRuleTests } from '../../helpers/ruleTester';

const services = { segmenter: loadSegmenter(), typoModel: loadTypoModel() };
const options = { level: ['statistical'] };

/** A planted sentence, the finding on its character `wrong` (first occurrence of `word`), and the published sentence as the fix's output. */
function planted(text: string, word: string, at: number, right: string, zh?: string) {
  const start = text.indexOf(word) + at;
  return { text, options, errors: [findingOn('statistical', 0, start, start + 1, zh === undefined ? {} : { zh })], output: text.slice(0, start) + right + text.slice(start + 1) };
}

describe('typo statistical tier: what the tables rely on', () => {
  it('has the segmenter and the model', () => {
    assert.ok(services.segmenter, 'the segmenter did not load');
    assert.ok(services.typoModel, 'the model did not load');
  });
});

describe('typo statistical tier', () => {
  runRuleTests(rule, {
    services,
    valid: [
      // The published sentences the invalid cases plant into.
      { text: '此外，北京市和中科院共建的5个第一批交叉研究平台土建工程全部完工，进入科研设备安装阶段。', options },
      { text: '“患者的档案请快点传来，人命关天。', options },
      { text: '排长曾伟扎根乡村28年，建立病人档案800多份，为患者减免医药费近70万元。', options },
      { text: '眼前，是即将到来的2020年农历新年。', options },
      { text: '出门在外最大的慰藉。', options },
      { text: '与此同时，严厉惩治扶贫领域违纪违法问题。', options },
      // Clean published text with 即使, 既要…又要, 按照 and names, the forms a homophone tier is most likely to touch.
      { text: '即使在极端天气条件下，电网也能保持稳定运行。', options },
      { text: '既要抓好疫情防控，又要统筹推进经济社会发展。', options },
      { text: '按照党中央决策部署，各地区各部门迅速行动。', options },
      { text: '主持人龚洁、侯林林以刚刚过去的一年为题展开讨论。', options },
      { text: '她看到了人生的多样性，也看到了乡村的变化。', options },
      // The tier is off unless `level` names it.
      '此外，北京市和中科院共建的5个第一批交叉研究平台土建工程全部完工，进入科研设备按装阶段。',
    ],
    invalid: [
      planted(
        '此外，北京市和中科院共建的5个第一批交叉研究平台土建工程全部完工，进入科研设备按装阶段。',
        '按装',
        0,
        '安',
        '“按装”疑为“安装”之误：“按”应为“安”（同音；据上下文统计推断，请核对）',
      ),
      planted('“患者的挡案请快点传来，人命关天。', '挡案', 0, '档'),
      planted('排长曾伟扎根乡村28年，建立病人挡案800多份，为患者减免医药费近70万元。', '挡案', 0, '档'),
      planted('眼前，是既将到来的2020年农历新年。', '既将', 0, '即'),
      planted('包括：冲突双方立既无条件停止一切进攻性军事行动。', '立既', 1, '即'),
      planted('出门在外最大的慰籍。', '慰籍', 1, '藉'),
      planted('与此同时，严励惩治扶贫领域违纪违法问题。', '严励', 1, '厉'),
      planted('对使用现金购票或已换取纸质车票（含报消凭证）的旅客，做出延长退票时限调整。', '报消', 1, '销'),
    ],
  });
});

describe('typo statistical tier: severity and services', () => {
  const typo = findRule('typo');
  const text = '旧账不能一笔勾消。工程全部完工，进入科研设备按装阶段。';
  const rules = { typo: ['warning', { level: ['list', 'idiom', 'statistical'] }] } as const;

  it('reports a suspicion as info beside the list tier’s warning', () => {
    const { findings } = check(text, { services, only: [typo!], rules });
    assert.deepEqual(
      findings.map((f) => [f.messageId, f.severity, text.slice(f.span.start, f.span.end)]),
      [
        ['listed', 'warning', '一笔勾消'],
        ['statistical', 'info', '按'],
      ],
    );
  });

  it('is silent without the model', () => {
    const { findings } = check(text, { services: { segmenter: services.segmenter }, only: [typo!], rules });
    assert.deepEqual(findings.map((f) => f.messageId), ['listed']);
  });

  it('leaves words of `allow` alone', () => {
    const { findings } = check(text, { services, only: [typo!], rules: { typo: ['warning', { level: ['statistical'], allow: ['按装'] }] } });
    assert.deepEqual(findings, []);
  });
});
