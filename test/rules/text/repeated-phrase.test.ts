import * as assert from 'node:assert/strict';
import { rule } from '../../../server/src/core/rules/text/repeated-phrase';
import { findingOn, lintWith, runRuleTests } from '../../helpers/ruleTester';

const at = (line: number, character: number, endCharacter: number, message?: string, zh?: string) =>
  findingOn('repeated', line, character, endCharacter, { ...(message !== undefined ? { message } : {}), ...(zh !== undefined ? { zh } : {}) });

const CLAUSE = '坚持以人民为中心的发展思想';

const runAt = (line: number, character: number, endCharacter: number, message: string, zh?: string) =>
  findingOn('repeatedRun', line, character, endCharacter, { message, ...(zh !== undefined ? { zh } : {}) });

runRuleTests(rule, {
  valid: [
    // 顶真: the phrase ends one clause and, as its subject, opens the next; or heads a longer name in a list.
    { name: 'a phrase ending a clause opens the next', text: '进入董事会、监事会、经理层，董事会、监事会、经理层成员中符合条件的党员可以进入党委。' },
    { name: 'an office named again as the next clause’s subject', text: '线索统一上报省公安厅江河保卫总队，省公安厅江河保卫总队经研判后作出决定。' },
    { name: 'a name heading a longer name in a list', text: '重点检查贵阳市公共卫生救治中心、贵阳市公共卫生救治中心大水沟分院。' },
    { name: 'a name heading a longer name, both after list marks', text: '重点对省人民医院、贵阳市公共卫生救治中心、贵阳市公共卫生救治中心大水沟分院进行检查。' },
    {
      name: 'a set phrase twice at a distance (people-daily)',
      text: '引导社会各界不断增进对中国共产党和中国特色社会主义的政治认同，提升中国特色社会主义制度影响力和中华文化感召力。',
    },
    { name: 'parallel clauses', text: '学习习近平新时代中国特色社会主义思想，宣传习近平新时代中国特色社会主义思想。' },
    { name: 'the same clause in two sentences', text: `${CLAUSE}。${CLAUSE}。` },
    { name: 'a doubled run shorter than 8 characters', text: '加强党的建设加强党的建设。' },
    { name: 'a doubled identifier is not prose', text: '安装DefinitelyTyped/DefinitelyTyped中的类型。' },
    { name: 'one character repeated is not a phrase', text: '哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈。' },
  ],
  invalid: [
    {
      name: 'seed: the 秦皇岛 clause, once inside 《》 and once without',
      text: '认真贯彻落实《党委(党组)落实全面从严治党主体责任规定》，制定市政协党组及机关党组认真贯彻落实党委(党组)落实全面从严治党主体责任规定，制定市政协党组及机关党组《推进全面从严治党加强党风廉政建设工作要点》。',
      errors: [
        at(
          0,
          41,
          80,
          'This sentence repeats "认真贯彻落实党委(党组)落实全面…"; remove the extra copy',
          '本句重复了“认真贯彻落实党委(党组)落实全面…”，删去多余的一处',
        ),
      ],
    },
    {
      name: 'the same subject doubled, ending its clause',
      text: '线索统一上报省公安厅江河保卫总队，省公安厅江河保卫总队，经研判后作出决定。',
      errors: [at(0, 17, 27, 'This sentence repeats "省公安厅江河保卫总队"; remove the extra copy')],
    },
    {
      name: 'the same subject doubled back to back, running on',
      text: '线索统一上报省公安厅江河保卫总队省公安厅江河保卫总队经研判后作出决定。',
      errors: [at(0, 16, 26, 'This sentence repeats "省公安厅江河保卫总队"; remove the extra copy')],
    },
    {
      name: 'back to back with a comma between',
      text: `我们要${CLAUSE}，${CLAUSE}。`,
      errors: [at(0, 17, 30, `This sentence repeats "${CLAUSE}"; remove the extra copy`)],
    },
    {
      name: 'quotes are ignored when comparing',
      text: '要落实“两个维护”的政治要求，落实两个维护的政治要求。',
      errors: [at(0, 15, 26, 'This sentence repeats "落实两个维护的政治要求"; remove the extra copy')],
    },
    {
      name: 'three copies, one report from the second copy to the last',
      text: `${CLAUSE}，${CLAUSE}，${CLAUSE}。`,
      errors: [runAt(0, 14, 41, `This sentence repeats "${CLAUSE}" 2 more times in a row; remove the extra copies`, `本句接连重复了“${CLAUSE}” 2 次，删去多余的各处`)],
    },
    {
      name: 'a clause pasted 10,000 times back to back, one report',
      text: `${CLAUSE.repeat(10_000)}。`,
      errors: [runAt(0, 13, 130_000, `This sentence repeats "${CLAUSE}" 9999 more times in a row; remove the extra copies`)],
    },
    {
      name: 'copies with different marks between them are reported apart',
      text: `${CLAUSE}，${CLAUSE}；${CLAUSE}。`,
      errors: [at(0, 14, 27), at(0, 28, 41)],
    },
    {
      name: 'a supplementary character inside the run counts as one',
      text: '我们要坚持𠀀人民为中心的发展思想，坚持𠀀人民为中心的发展思想。',
      errors: [at(0, 18, 32, 'This sentence repeats "坚持𠀀人民为中心的发展思想"; remove the extra copy')],
    },
    {
      name: 'back to back with nothing between, ended by a full-width exclamation mark',
      text: '坚持以人民为中心“的”发展思想坚持以人民为中心的发展思想！再来。',
      errors: [at(0, 15, 28, `This sentence repeats "${CLAUSE}"; remove the extra copy`)],
    },
    {
      name: 'on a later line, in the second sentence',
      text: '第一段。\n\n第二段。我们要牢固树立和践行绿水青山就是金山银山的理念牢固树立和践行绿水青山就是金山银山的理念。',
      errors: [at(2, 27, 47, 'This sentence repeats "牢固树立和践行绿水青山就是金山银…"; remove the extra copy')],
    },
  ],
});

describe('repeated-phrase: scaling', () => {
  it('stays linear on a long sentence full of repeats', () => {
    const unit = '推动高质量发展，';
    const small = `${unit.repeat(5_000)}。`;
    const large = `${unit.repeat(50_000)}。`;
    /** Best of five runs, so one pause of the collector or the compiler does not count. */
    const time = (text: string): number => {
      let best = Infinity;
      for (let k = 0; k < 5; k++) {
        const t = process.hrtime.bigint();
        lintWith(rule, text);
        best = Math.min(best, Number(process.hrtime.bigint() - t));
      }
      return best;
    };
    time(large);
    const ratio = time(large) / time(small);
    assert.ok(ratio < 30, `10× the text took ${ratio.toFixed(1)}× the time`);
  });
});
