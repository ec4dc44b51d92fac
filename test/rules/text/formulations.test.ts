import * as assert from 'node:assert/strict';
import shipped from '../../../server/src/core/data/formulations.json';
import { rule } from '../../../server/src/core/rules/text/formulations';
import { findingOn, runRuleTests } from '../../helpers/ruleTester';

const CURRENT_FOUR = '全面建设社会主义现代化国家、全面深化改革、全面依法治国、全面从严治党';

runRuleTests(rule, {
  valid: [
    // Corpus fixtures (People's Daily selection).
    { name: 'four greats with their verbs', text: '同新时代我们进行伟大斗争、建设伟大工程、推进伟大事业、实现伟大梦想的丰富实践联系起来，在学懂弄通做实上下苦功夫。' },
    { name: 'one member in another list', text: '围绕推进高质量发展、全面深化改革、扩大对外开放等工作，深入一线，加强调研。' },
    { name: 'the thought, named right', text: '要以习近平新时代中国特色社会主义思想为指导，按照党中央、国务院决策部署。' },
    // The bulk archive (People's Daily, January–February 2020).
    { name: 'the army’s own four awarenesses', text: '牢记人民军队的性质、宗旨和本色，强化政治意识、大局意识、宗旨意识、号令意识，发扬战争年代那样一股劲。' },
    { name: 'three confidences, then the fourth apart', text: '习近平总书记深刻指出，坚定中国特色社会主义道路自信、理论自信、制度自信，说到底是要坚定文化自信。' },
    { name: 'the four comprehensives as worded before 2020', text: '以习近平同志为核心的党中央协调推进全面建成小康社会、全面深化改革、全面依法治国、全面从严治党，把全面依法治国放到“四个全面”战略布局中来把握。' },
    { name: 'five spheres and more', text: '党的领导必须体现到经济建设、政治建设、文化建设、社会建设、生态文明建设和国防军队、祖国统一、外交工作、党的建设等各方面。' },
    { name: 'the new development philosophy', text: '把创新、协调、绿色、开放、共享作为一个体系整体推进。' },
    { name: 'a thought that extends the name', text: '以习近平新时代中国特色社会主义经济思想为指导，学习习近平强军思想、习近平外交思想。' },
    { name: 'another thought', text: '深入学习习近平总书记关于宣传思想工作的重要思想。' },
    { name: 'two safeguards in order', text: '坚决维护习近平总书记党中央的核心、全党的核心地位，坚决维护党中央权威和集中统一领导。' },
    { name: 'the four awarenesses in order, quoted', text: '增强“政治意识”、“大局意识”、“核心意识”、“看齐意识”。' },
    { name: 'a name not introducing a run', text: '增强“四个意识”，提高政治意识、大局意识。' },
    { name: 'one member discussed', text: '“四个意识”中，核心意识是关键。' },
  ],
  invalid: [
    {
      name: 'four awarenesses out of order',
      text: '要增强政治意识、大局意识、看齐意识、核心意识。',
      errors: [
        findingOn('order', 0, 3, 22, {
          zh: '“四个意识”的各项顺序应为：政治意识、大局意识、核心意识、看齐意识',
          message: 'The members of "四个意识" go in this order: 政治意识、大局意识、核心意识、看齐意识',
        }),
      ],
      output: '要增强政治意识、大局意识、核心意识、看齐意识。',
    },
    {
      name: 'the last two joined by 和',
      text: '坚定道路自信、制度自信、理论自信和文化自信。',
      errors: [findingOn('order', 0, 2, 21)],
      output: '坚定道路自信、理论自信、制度自信和文化自信。',
    },
    {
      name: 'a misspelt member',
      text: '增强政治意识、大局意识、核心意思、看齐意识。',
      errors: [findingOn('misspelt', 0, 12, 16, { zh: '“核心意思”应为“核心意识”（“四个意识”现行表述：政治意识、大局意识、核心意识、看齐意识）' })],
      output: '增强政治意识、大局意识、核心意识、看齐意识。',
    },
    {
      name: 'a misspelt short member',
      text: '坚持创新、协调、绿色、开发、共享的发展理念。',
      errors: [findingOn('misspelt', 0, 11, 13)],
      output: '坚持创新、协调、绿色、开放、共享的发展理念。',
    },
    {
      name: 'a member missing from a run the name introduces',
      text: '“四个自信”即道路自信、理论自信、文化自信。',
      errors: [findingOn('missing', 0, 7, 21, { zh: '“四个自信”缺少“制度自信”，完整表述为：道路自信、理论自信、制度自信、文化自信' })],
    },
    {
      name: 'the old four comprehensives misspelt: the message names the current wording',
      text: '协调推进全面建设小康社会、全面深化改革、全面依法治国、全面从严治党。',
      errors: [
        findingOn('misspelt', 0, 4, 12, {
          zh: `“全面建设小康社会”应为“全面建成小康社会”（“四个全面”现行表述：${CURRENT_FOUR}）`,
          message: `"全面建设小康社会" should be "全面建成小康社会" ("四个全面", current wording: ${CURRENT_FOUR})`,
        }),
      ],
      output: '协调推进全面建成小康社会、全面深化改革、全面依法治国、全面从严治党。',
    },
    {
      name: 'the old wording, with the option on',
      text: '协调推进全面建成小康社会、全面深化改革、全面依法治国、全面从严治党。',
      options: { superseded: true },
      errors: [findingOn('superseded', 0, 4, 33, { zh: `“四个全面”的这一表述已于2020-10更新，现行表述为：${CURRENT_FOUR}` })],
    },
    {
      name: 'six guarantees out of order: the whole wording in the message',
      text: '保居民就业、保市场主体、保基本民生、保粮食能源安全、保产业链供应链稳定、保基层运转。',
      errors: [
        findingOn('order', 0, 0, 41, {
          zh: '“六保”的各项顺序应为：保居民就业、保基本民生、保市场主体、保粮食能源安全、保产业链供应链稳定、保基层运转',
        }),
      ],
      output: '保居民就业、保基本民生、保市场主体、保粮食能源安全、保产业链供应链稳定、保基层运转。',
    },
    {
      name: 'two safeguards out of order',
      text: '坚决维护党中央权威和集中统一领导，坚决维护习近平总书记党中央的核心、全党的核心地位。',
      errors: [
        findingOn('order', 0, 4, 41, {
          zh: '“两个维护”的各项顺序应为：坚决维护习近平总书记党中央的核心、全党的核心地位，坚决维护党中央权威和集中统一领导',
        }),
      ],
    },
    {
      name: 'the thought misnamed',
      text: '深入学习习近平新时期中国特色社会主义思想。',
      errors: [findingOn('name', 0, 4, 20, { zh: '“习近平新时期中国特色社会主义思想”应为“习近平新时代中国特色社会主义思想”' })],
      output: '深入学习习近平新时代中国特色社会主义思想。',
    },
  ],
});

describe('formulations data', () => {
  it('gives every wording its members, date and public source', () => {
    for (const f of shipped.formulations) {
      assert.ok(f.wordings.length > 0, f.name);
      for (const w of f.wordings) {
        assert.ok(w.members.length > 0 && w.members.every((m) => m.length > 0), f.name);
        assert.match(w.since, /^\d{4}-\d{2}$/, f.name);
        assert.ok(w.source.document.length > 0 && w.source.section.length > 0 && w.source.year >= 2000, f.name);
        // Where a public copy of the passage was found, its address comes first.
        const { retrieved } = w.source as { retrieved?: string };
        if (retrieved !== undefined) assert.match(retrieved, /^https?:\/\/\S+ \(/, f.name);
      }
      const dates = f.wordings.map((w) => w.since);
      assert.deepEqual(dates, [...dates].sort(), `${f.name}: wordings oldest first, the last is current`);
    }
  });
});
