import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import terms from '../../../server/src/core/data/terms.json';
import idiomData from '../../../server/src/core/data/typo-idioms.json';
import list from '../../../server/src/core/data/typo-list.json';
import { parseConfig } from '../../../server/src/core/config';
import type { Segmenter } from '../../../server/src/core/rule';
import { parse } from '../../../server/src/core/parse';
import { rule } from '../../../server/src/core/rules/text/typo';
import { loadSegmenter } from '../../../server/src/segmenter';
import { loadTypoModel } from '../../../server/src/typoModel';
import { findingOn, lintWith, runRuleTests } from '../../helpers/ruleTester';

const segmenter: Segmenter | undefined = loadSegmenter();
const services = { segmenter };

const listed = (line: number, character: number, endCharacter: number, message?: string, zh?: string) =>
  findingOn('listed', line, character, endCharacter, { ...(message !== undefined ? { message } : {}), ...(zh !== undefined ? { zh } : {}) });
const idiom = (line: number, character: number, endCharacter: number, message?: string, zh?: string) =>
  findingOn('idiom', line, character, endCharacter, { ...(message !== undefined ? { message } : {}), ...(zh !== undefined ? { zh } : {}) });

describe('typo: the segmenter the tables below rely on', () => {
  it('is loaded', () => assert.ok(segmenter, 'the segmenter did not load'));
});

describe('typo', () => {
  runRuleTests(rule, {
    services,
    valid: [
      // Right forms of the idioms and words the list and the idiom tier know.
      '我们要再接再厉，同仇敌忾，全心全意为人民服务。',
      '他鞠躬尽瘁，死而后已，为此殚精竭虑。',
      '这次交流对各地工作大有裨益，令人惋惜的是时间太短。',
      // Official formulations and phrases one character from an idiom (People's Daily, January–February 2020).
      '统筹推进“五位一体”总体布局，协调推进“四个全面”战略布局。',
      '推动服务重心下移、资源下沉。',
      '充分释放社会活力和创造力，不断增强我国经济社会发展的韧性。',
      '科学预见形势发展走势和隐藏其中的风险挑战。',
      '被学校认为是空挂户，拒绝接收。',
      '中国工程院紧急启动了应急反应机制。',
      '改革试点初显成效，群众获得感明显增强。',
      '两岸同胞血脉相连，情如手足。',
      '医护人员递交了请战书，愿尽己所能投入救治。',
      '认真汲取教训，举一反三，堵塞漏洞。',
      '我们决不放弃任何一名患者。',
      '团结拼搏、奋勇争先，民风淳朴、乡风文明。',
      '案件在进一步侦办中。',
      '红色、白色的梅花争奇斗妍，游人络绎不绝。',
      '“气势恢弘、大度雍容，纲维有序、礼乐交融”。',
      '惟其如此，我们才能不断发现新的风景。',
      '要恪尽职守，勇于担当。',
      // Published sentences (People's Daily, January–February 2020) one character from a phrase the idiom tier knows:
      // a change at either end that leaves a whole word (在|进一步), and forms of the reviewed allow list.
      '中国将坚定不移维护世界和平，坚持多边主义，维护自由贸易，在进一步扩大开放中同世界各国开展合作，实现互利共赢。',
      '该案正在进一步办理中。',
      '以充分的事实依据、丰富的表现形式、精准的传播路径，有理有利有节营造于我有利的思想舆论氛围。',
      '为打赢疫情防控人民战争、总体战、阻击战多作贡献。',
      '中国援助乌兹别克斯坦花剌子模州历史文化遗迹修复项目通过内部竣工验收。',
      // Meant as written (People's Daily, January and February 2020): 雪 is no near shape of 雨, the radical it is built
      // on; 亲 is read qin in modern use (its qing is only in 亲家), so it makes no homophone of the 情 of 手足之情.
      '含苞待放的梅花在低温侵袭的时候，花蕾会停止萌发，含而不放，等待雪过天晴、气温回升再继续开放，能够冰中孕蕾、雪里开花。',
      '手足之亲、血脉相通，全国各地大力支援，向湖北等疫情严重地区伸出援手。',
      // A line with no sentence end (a heading, a column's name) puns on idioms on purpose.
      '优先调度解燃煤之急',
      // A coinage or a title filling a pair of quotes is meant as written.
      '坚持以“吉思广益”协商品牌为抓手。',
      '电视剧频道推出武侠剧《绝代双骄》。',
      // A two-character wrong form counts only as a word of its own: here 悔 and 气 belong to 后悔 and 气愤.
      '令人后悔气愤。',
      // Forms the terms list ships are left to it.
      '他迫不急待地打开信，按步就班地读。',
      { name: 'a word of the allow list', text: '全心全义为人民服务。', options: { allow: ['全心全义'] } },
      { name: 'an allowed word longer than the window', text: '他写了“全心全义”四个字。', options: { allow: ['写了“全心全义”'] } },
      { name: 'the idiom tier switched off', text: '全心全义为人民服务。', options: { level: ['list'] } },
      { name: 'the list tier switched off', text: '令人挽惜。', options: { level: ['idiom'] } },
      { name: 'no tier on', text: '我们要再接再历。', options: { level: [] } },
    ],
    invalid: [
      {
        name: 'a listed four-character misspelling',
        text: '我们要再接再历，争创一流。',
        errors: [
          listed(
            0,
            3,
            7,
            '"再接再历" looks misspelled: "历" should be "厉", giving "再接再厉" (same sound)',
            '“再接再历”疑有错字：“历”应为“厉”，即“再接再厉”（同音）',
          ),
        ],
        output: '我们要再接再厉，争创一流。',
      },
      {
        name: 'a listed two-character misspelling the segmenter makes a word',
        text: '令人挽惜。',
        errors: [listed(0, 2, 4, '"挽惜" looks misspelled: "挽" should be "惋", giving "惋惜" (same sound)')],
        output: '令人惋惜。',
      },
      {
        name: 'an idiom with a character of the same sound',
        text: '全心全义为人民服务。',
        errors: [
          idiom(
            0,
            0,
            4,
            '"全心全义" looks like a misspelling of the idiom "全心全意": "义" should be "意" (same sound)',
            '“全心全义”疑为成语“全心全意”之误：“义”应为“意”（同音）',
          ),
        ],
        output: '全心全意为人民服务。',
      },
      {
        name: 'an idiom with a character of similar shape',
        text: '他已病入膏盲。',
        errors: [idiom(0, 2, 6, '"病入膏盲" looks like a misspelling of the idiom "病入膏肓": "盲" should be "肓" (similar shape)')],
        output: '他已病入膏肓。',
      },
      {
        name: 'near shapes of different stroke counts that share more than a radical (擎 掣)',
        text: '他风驰电擎般冲过终点。',
        errors: [idiom(0, 1, 5, '"风驰电擎" looks like a misspelling of the idiom "风驰电掣": "擎" should be "掣" (similar shape)')],
        output: '他风驰电掣般冲过终点。',
      },
      {
        name: 'the reading the character has in the idiom (缪 móu), not another: a similar shape',
        text: '我们要未雨绸谬。',
        errors: [idiom(0, 3, 7, undefined, '“未雨绸谬”疑为成语“未雨绸缪”之误：“谬”应为“缪”（形近）')],
        output: '我们要未雨绸缪。',
      },
      {
        name: 'a four-character entry of the widened list (jieba entry far rarer than the idiom, reviewed)',
        text: '此人早已声名狼籍。',
        errors: [listed(0, 4, 8, undefined, '“声名狼籍”疑有错字：“籍”应为“藉”，即“声名狼藉”（同音）')],
        output: '此人早已声名狼藉。',
      },
      {
        name: 'a similar shape by a shared part beside another radical (Cangjie code but its first letter)',
        text: '这首诗烩炙人口。',
        errors: [idiom(0, 3, 7, undefined, '“烩炙人口”疑为成语“脍炙人口”之误：“烩”应为“脍”（形近）')],
        output: '这首诗脍炙人口。',
      },
      {
        name: 'an idiom proper still flagged where the segmenter cuts the window into words (循序|渐近)',
        text: '我们要循序渐近地推进改革。',
        errors: [idiom(0, 3, 7, undefined, '“循序渐近”疑为成语“循序渐进”之误：“近”应为“进”（同音）')],
        output: '我们要循序渐进地推进改革。',
      },
      {
        name: 'an AABB idiom with both characters of one half changed alike',
        text: '他们战战竞竞地走过独木桥。',
        errors: [idiom(0, 2, 6, '"战战竞竞" looks like a misspelling of the idiom "战战兢兢": "竞竞" should be "兢兢" (same sound)')],
        output: '他们战战兢兢地走过独木桥。',
      },
      {
        name: 'a listed misspelling in a heading is still reported (only the idiom tier leaves headings alone)',
        text: '再接再历 争创一流',
        errors: [listed(0, 0, 4)],
        output: '再接再厉 争创一流',
      },
      {
        name: 'several in one paragraph, each fixed in its own span',
        text: '大家要同舟共挤，废寝妄食，鞠躬尽粹。',
        errors: [idiom(0, 3, 7), idiom(0, 8, 12), idiom(0, 13, 17)],
        output: '大家要同舟共济，废寝忘食，鞠躬尽瘁。',
      },
      {
        name: 'on a later line, CRLF kept',
        text: '第一段。\r\n\r\n这是千钧一法的时刻。',
        errors: [idiom(2, 2, 6)],
        output: '第一段。\r\n\r\n这是千钧一发的时刻。',
      },
      {
        name: 'UTF-16 offsets after a supplementary character',
        text: '𠀀再接再历。',
        errors: [listed(0, 2, 6)],
        output: '𠀀再接再厉。',
      },
      {
        name: 'an allow word elsewhere does not hide a finding',
        text: '全心全义为人民服务。',
        options: { allow: ['为人民服务'] },
        errors: [idiom(0, 0, 4)],
        output: '全心全意为人民服务。',
      },
    ],
  });
});

describe('typo: two-character entries reviewed from jieba', () => {
  runRuleTests(rule, {
    services,
    valid: [
      // Published sentences (People's Daily, 2020-01/02) holding a listed form across words: 死灰|复燃, 民生|话题.
      '把刹住“四风”作为巩固党心民心的重要途径，坚决防止产生“疲劳综合征”，对享乐主义、奢靡之风等歪风陋习要露头就打，对“四风”隐形变异新动向要时刻防范，决不允许死灰复燃，决不允许旧弊未除、新弊又生。',
      '这是与百姓生活息息相关的民生话题。',
    ],
    invalid: [
      { text: '各单位要健立长效机制。', errors: [listed(0, 4, 6, undefined, '“健立”疑有错字：“健”应为“建”，即“建立”（同音）')], output: '各单位要建立长效机制。' },
      { text: '今年冬天的气侯异常温暖。', errors: [listed(0, 5, 7, undefined, '“气侯”疑有错字：“侯”应为“候”，即“气候”（同音）')], output: '今年冬天的气候异常温暖。' },
      { text: '报名人数符合招胜计划。', errors: [listed(0, 6, 8)], output: '报名人数符合招生计划。' },
    ],
  });
});

describe('typo without a segmenter', () => {
  runRuleTests(rule, {
    valid: [
      // Word boundaries cannot be judged: short entries and idioms stay quiet.
      '令人挽惜。',
      '全心全义为人民服务。',
    ],
    invalid: [{ name: 'four-character entries still match', text: '我们要再接再历。', errors: [listed(0, 3, 7)], output: '我们要再接再厉。' }],
  });
});

describe('typo: the shipped data', () => {
  const entries = list.entries;

  it('gives every entry a right form of the same length, a known reason and a source', () => {
    assert.ok(entries.length >= 100, `only ${entries.length} entries`);
    for (const e of entries) {
      assert.equal(e.wrong.length, e.right.length, e.wrong);
      assert.notEqual(e.wrong, e.right);
      assert.ok(['同音', '近音', '形近', '成语误写', '常见误写'].includes(e.reason), `${e.wrong}: ${e.reason}`);
      assert.ok(e.source.length > 0, e.wrong);
      assert.ok(e.wrong.length >= 2 && e.wrong.length <= 4, e.wrong);
    }
  });

  it('repeats no pair of the terms list, and no entry twice', () => {
    const wrongs = entries.map((e) => e.wrong);
    assert.equal(new Set(wrongs).size, wrongs.length);
    for (const w of wrongs) assert.ok(!Object.hasOwn(terms.pairs, w), w);
  });

  it('never turns a word into another listed wrong form, and lists no right form as an idiom misspelling', () => {
    const wrongs = new Set(entries.map((e) => e.wrong));
    for (const e of entries) assert.ok(!wrongs.has(e.right), e.right);
    const idioms = new Set(idiomData.idioms.match(/.{4}/g));
    for (const e of entries) assert.ok(!idioms.has(e.wrong), `${e.wrong} is among the idioms`);
  });

  it('gives every allowed form its reason, and flags none of them', () => {
    assert.ok(list.allow.length >= 2);
    for (const a of list.allow) {
      assert.ok(a.source.length > 0, a.word);
      assert.deepEqual(lintWith(rule, `大家都说${a.word}。`, undefined, services), [], a.word);
    }
  });

  it('keeps a reading per idiom character', () => {
    assert.equal(idiomData.idiomReadings.length, idiomData.idioms.length * 2);
  });

  it('finds nothing in the corpus texts', () => {
    const dir = join(__dirname, '../../fixtures/corpus');
    const names = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.txt'));
    assert.ok(names.length > 28, `only ${names.length} corpus texts`);
    for (const name of names) {
      const found = lintWith(rule, readFileSync(join(dir, name), 'utf8'), undefined, services);
      assert.deepEqual(
        found.map((f) => f.message),
        [],
        name,
      );
    }
  });
});

describe('typo: options in .speechlintrc.json', () => {
  it('accepts the tiers by name, and an empty list', () => {
    for (const level of ['["list", "idiom"]', '["idiom"]', '[]']) {
      const { problems } = parseConfig(`{ "rules": { "typo": ["warning", { "level": ${level}, "allow": ["五位一体"] }] } }`);
      assert.deepEqual(problems, [], level);
    }
  });

  it('refuses a tier it does not have, located on the option', () => {
    const text = '{ "rules": { "typo": ["warning", { "level": ["list", "grammar"] }] } }';
    const { problems } = parseConfig(text);
    assert.equal(problems.length, 1);
    assert.equal(text.slice(problems[0].start, problems[0].end), '["list", "grammar"]');
    assert.match(problems[0].message.en, /each item must be one of list, idiom, statistical/);
  });
});

describe('typo: slips of near shape in common words (list tier)', () => {
  runRuleTests(rule, {
    services,
    valid: [
      // Published sentences (People's Daily, January 2020) holding a generated slip across words or in a name.
      '不一会儿，一群人走到我家门前，走在前面的那位身材魁梧，面带微笑，问我这是不是你屋？',
      '原东留善固党委书记、全国劳模吕廷祥回忆说，以前村里是从来不种果树的，他八九岁时，到吕玉兰家里玩，大他一轮的玉兰姐给他切了一块苹果。',
      '在前两轮比赛中，双方均弈成和棋，目前总比分战成1∶1。',
      '着眼于5G技术的大规模应用和用户体验，这一系列双模手机主打5G视频，除采用双防抖技术，还在“剪”“看”“传”等环节上精益求精，具有快捷优质的视频创作能力。',
      '会议指出，一年来，全国民委系统始终牢记习近平总书记嘱托，认真贯彻党中央、国务院决策部署。',
      // Written twice in one text, in quotes, or in a heading: meant as written.
      '全市上下坚恃改革开放，坚恃不动摇。',
      '所谓“坚恃”，是另一回事。',
      '坚恃改革开放不动摇',
      // Off with the list tier.
      { text: '全市上下坚恃改革开放不动摇。', options: { level: ['idiom'] } },
    ],
    invalid: [
      { text: '全市上下坚恃改革开放不动摇。', errors: [listed(0, 4, 6, undefined, '“坚恃”疑有错字：“恃”应为“持”，即“坚持”（形近）')], output: '全市上下坚持改革开放不动摇。' },
      { text: '各项防控措驰落实到位，群众生活基本稳定。', errors: [listed(0, 4, 6)], output: '各项防控措施落实到位，群众生活基本稳定。' },
      { text: '这次会议对全年工作作出部绪，各地认真落实。', errors: [listed(0, 11, 13)], output: '这次会议对全年工作作出部署，各地认真落实。' },
      // Of the same sound as well (jing): a near shape is not held to the sound's frequency bound.
      { text: '记者竞然发现，这里的村民早已搬走了。', errors: [listed(0, 2, 4, undefined, '“竞然”疑有错字：“竞”应为“竟”，即“竟然”（形近）')], output: '记者竟然发现，这里的村民早已搬走了。' },
    ],
  });
});

describe('typo: a word slip is judged on its own speech', () => {
  // A speech's findings depend on its text alone (the lint cache reuses them): a slip written once in each of two
  // speeches of a compilation is written once in each, not twice in "the document".
  const compilation = '### 标题甲\n\n某市政协主席 张三\n\n全市上下坚恃改革开放不动摇。\n\n### 标题乙\n\n某市政协副主席 李四\n\n各地坚恃改革开放，成效明显。\n';
  it('reports the slip in each speech of a compilation', () => {
    const doc = parse(compilation);
    assert.equal(doc.speeches.length, 2);
    const found = lintWith(rule, compilation, undefined, services).map((f) => compilation.slice(f.span.start, f.span.end));
    assert.deepEqual(found, ['坚恃', '坚恃']);
  });
  it('still leaves a slip written twice in one speech alone', () => {
    const twice = '### 标题甲\n\n某市政协主席 张三\n\n全市上下坚恃改革开放不动摇。各地坚恃改革开放，成效明显。\n';
    assert.deepEqual(lintWith(rule, twice, undefined, services), []);
  });
});

describe('typo: slips in common words (statistical tier)', () => {
  const withModel = { segmenter, typoModel: loadTypoModel() };
  const options = { level: ['statistical'] };
  const slip = (character: number, zh: string) => findingOn('statistical', 0, character, character + 1, { zh });
  runRuleTests(rule, {
    services: withModel,
    valid: [
      // Published sentences (People's Daily, January and February 2020) that hold a generated slip or one near the threshold:
      // a name (乔|培|服), an abbreviation (世|技|赛), a heading (全力战疫).
      { text: '非常巧的是，校长乔培服是我在高校任教时的学生，憨厚诚恳，因教书育人有方，九年前被村里从县城“挖”了过来。', options },
      { text: '从2015年第四十三届世界技能大赛上广东选手实现中国在世技赛上金牌零的突破，到在第四十五届世技赛上再次蝉联金牌榜、奖牌榜和团体总分第一，中国技工一次次交出亮眼成绩单。', options },
      { text: '北京7万名干部下沉一线全力战疫', options },
      // Off unless `level` names the statistical tier.
      '会议听取了规划编制情况汇报，各级干怖要带头落实。',
    ],
    invalid: [
      {
        text: '会议听取了规划编制情况汇报，各级干怖要带头落实。',
        options,
        errors: [slip(17, '“干怖”疑为“干部”之误：“怖”应为“部”（同音；据上下文统计推断，请核对）')],
        output: '会议听取了规划编制情况汇报，各级干部要带头落实。',
      },
    ],
  });

  it('stays off without the model (the keystroke phase)', () => {
    assert.deepEqual(lintWith(rule, '会议听取了规划编制情况汇报，各级干怖要带头落实。', options, { segmenter }), []);
  });
});
