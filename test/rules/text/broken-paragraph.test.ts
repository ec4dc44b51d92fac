import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../../server/src/core/lint';
import { parse } from '../../../server/src/core/parse';
import { rule } from '../../../server/src/core/rules/text/broken-paragraph';
import { loadSegmenter } from '../../../server/src/segmenter';
import { findingOn, runRuleTests } from '../../helpers/ruleTester';

const at = (line: number, character: number, endCharacter: number, message?: string, zh?: string) =>
  findingOn('broken', line, character, endCharacter, { ...(message !== undefined ? { message } : {}), ...(zh !== undefined ? { zh } : {}) });

/** A title and speaker line, so that the first body line is not read as the title: bodies start on line 3. */
const HEAD = '发言标题\n唐山市政协主席、党组书记 胡国辉\n\n';
const B = 3;

/** 44 characters of prose with no sentence end: longer than any heading. */
const LONG_CLAUSE = '坚持以学习坚定政治定力、巩固思想基础、提升业务能力、激发履职活力，为推动政协事业发展注入';

/** A complete sentence of 45 characters whose final stop is missing: longer than any heading. */
const NO_STOP = '我们将坚持稳中求进工作总基调，推动高质量发展，为全面建成小康社会和实现第一个百年奋斗目标而不懈努力';

/** 1001 paragraphs that each lack their stop, with no evidence of a join: each is weighed by the segmenter. */
const UNWEIGHED = '我们坚持学习。然后推动\n\n'.repeat(1001);

/** As the server and the CLI run it: with the segmenter. */
const services = { segmenter: loadSegmenter() };

runRuleTests(rule, {
  services,
  valid: [
    HEAD + '第一段话已经说完。\n\n第二段话。',
    { name: 'a section heading alone in its paragraph', text: HEAD + '一、以加强理论武装为中心\n\n我们坚持学习。' },
    { name: 'a long unterminated section heading', text: `${HEAD}（一）${LONG_CLAUSE}\n\n我们坚持学习。` },
    { name: 'a short line without a sentence end reads as a heading', text: HEAD + '坚持党建引领 积极履职尽责\n\n我们坚持学习。' },
    { name: 'ends with a colon', text: HEAD + '七十年的历史告诉我们：\n\n党的领导是人民司法事业的根本保证。' },
    { name: 'ends with a closing quote', text: HEAD + '他说：“我们要继续努力”\n\n大家深受鼓舞。' },
    { name: 'ends with a closing bracket', text: HEAD + '（本版内容以发言先后为序）\n\n正文。' },
    { name: 'the next paragraph opens a section', text: HEAD + '我们坚持学习。主要做法有\n\n二、强化制度建设。' },
    { name: 'the next paragraph opens an item', text: HEAD + '我们坚持学习。主要做法有\n\n一是搭平台。二是重引领。' },
    { name: 'the next paragraph is a list item', text: HEAD + '我们坚持学习。主要做法有\n\n- 搭平台' },
    { name: 'a comment line between', text: HEAD + '我们坚持学习。然后推动\n<!-- 注 -->\n工作落实。' },
    { name: 'the last paragraph', text: HEAD + '我们坚持学习。然后推动' },
    {
      name: 'the next paragraph belongs to the next speech',
      text: HEAD + '我们坚持学习。然后推动\n\n第二篇\n保定市政协主席、党组书记 李俊岭\n\n正文。',
    },
    {
      name: 'an unnumbered sub-heading (parser: a short line between complete paragraphs, over prose)',
      text: `${HEAD}我们坚持学习。\n\n坚持政治引领\n\n${LONG_CLAUSE}。\n\n${LONG_CLAUSE}。`,
    },
    { name: 'a bulleted run-in heading', text: `${HEAD}我们坚持学习。\n\n●${LONG_CLAUSE}\n\n根据协议，双方将加强合作。` },
    { name: "an article's bold summary under its title", text: `评论标题\n\n${LONG_CLAUSE}\n\n近日，有关部门出台了新规定。` },
    { name: 'a couplet in an article', text: '漫画配诗\n\n村村通公路，\n\n来把群山度。' },
    // A paragraph that lacks only its final stop, the next one starting a sentence of its own: no evidence of a join.
    { name: 'missing final stop, the next paragraph a new sentence', text: `${HEAD}${NO_STOP}\n\n新的一年，我们要继续奋斗。` },
    { name: 'missing final stop, the next paragraph a new sentence after a dateline', text: `${HEAD}${NO_STOP}\n\n新华社北京1月1日电 新年前夕，各地举行活动。` },
    { name: 'missing final stop, the next paragraph opening with a time word', text: `${HEAD}${NO_STOP}\n\n当前，疫情防控工作到了关键阶段，也要看到困难。` },
    { name: 'missing final stop, the next paragraph opening with a connective', text: `${HEAD}${NO_STOP}\n\n同时，也要看到存在的困难。` },
    { name: 'the 是…的 frame ends a sentence', text: `${HEAD}实践充分证明，我们走的这条道路是完全行得通、办得到、得人心的\n\n新的一年，我们要继续奋斗。` },
    { name: 'a word that is a preposition elsewhere ends the sentence as a verb (还在)', text: `${HEAD}我们走过了很长的路。无论走得多远，我们的初心还在\n\n新的一年，我们要继续奋斗。` },
    { name: '地 ending a place (等地), not an adverb', text: `${HEAD}我们坚持学习。春节期间，大批游客前往北京、上海、广州、深圳等地\n\n新的一年，我们要继续奋斗。` },
    { name: '通过 as a verb ends the sentence', text: `${HEAD}我们坚持学习。这项决定经过充分讨论，在全体会议上审议通过\n\n新的一年，我们要继续奋斗。` },
    { name: 'a frame whose main clause opens on an adverb, without a comma', text: `${HEAD}我们坚持学习。即使是偏远地区也不例外\n\n新的一年，我们要继续奋斗。` },
    { name: 'a word across the break that the segmenter does not prefer', text: `${HEAD}${NO_STOP}\n\n新华社记者报道。` },
    {
      name: 'verse: short lines ending in a comma, closed by a stop',
      text: `${HEAD}疫情快过去吧。\n\n为家乡忧心，\n\n为亲人担心，\n\n为远方的朋友们焦心。\n\n春天就要来了。`,
    },
    {
      name: 'verse: a hanging couplet, each half over two lines',
      text: `${HEAD}${NO_STOP}。\n\n巨龙出海腾万里，布雨五洲，\n\n润山川草木\n\n喜鹊登梅唱千村，吟诗一树，\n\n成笔墨文章`,
    },
    {
      name: 'a told piece: the teller, then the reporter’s credit',
      text: `${HEAD}${NO_STOP}。\n\n湖南省龙山县驻村工作队队员、某某村第一书记王振讲述\n\n本报记者 王云娜整理`,
    },
    {
      // Without the credit test, 基｜本 would be a word across the break.
      name: 'a long line ending in a name, then the reporter’s credit',
      text: `${HEAD}${NO_STOP}。\n\n湖南省湘西土家族苗族自治州龙山县洛塔乡工作队队员、驻洛塔乡泽果村第一书记兼县扶贫办副主任张基\n\n本报记者 王云娜整理`,
    },
    {
      name: 'a title and a speaker line are not body text, whatever they end and start with',
      text: '我们坚持学习。推动工作落实需要以\n唐山市政协主席、党组书记 胡国辉\n\n制度促规范。',
    },
  ],
  invalid: [
    {
      name: "an article's first paragraph when the next opens on a mark that goes on with it",
      text: `评论标题\n\n${LONG_CLAUSE}\n\n，了不竭动力。`,
      errors: [at(2, 43, 44)],
      output: `评论标题\n\n${LONG_CLAUSE}，了不竭动力。`,
    },
    {
      name: 'seed: a page break inside a quotation (ends on the particle 的)',
      text: HEAD + '一、以加强理论武装为中心。构建“学习+知情”的\n\n“1+4”学习格局。',
      errors: [at(B, 22, 23, 'Paragraph breaks off mid-sentence; join it with the next one', '段落在句中断开，应与下一段合并')],
      output: HEAD + '一、以加强理论武装为中心。构建“学习+知情”的“1+4”学习格局。',
    },
    {
      name: 'indented paragraphs, CRLF, several blank lines',
      text: '发言标题\r\n唐山市政协主席、党组书记 胡国辉\r\n\r\n　　我们坚持学习。然后推动\r\n\r\n\r\n　　工作落实。',
      errors: [at(B, 12, 13)],
      output: '发言标题\r\n唐山市政协主席、党组书记 胡国辉\r\n\r\n　　我们坚持学习。然后推动工作落实。',
    },
    {
      name: 'trailing spaces go with the break',
      text: HEAD + '我们坚持学习。然后推动  \n\n工作落实。',
      errors: [at(B, 10, 11)],
      output: HEAD + '我们坚持学习。然后推动工作落实。',
    },
    {
      name: 'a comma ending needs no sentence end before it',
      text: HEAD + '我们坚持学习，\n\n推动工作落实。',
      errors: [at(B, 6, 7)],
      output: HEAD + '我们坚持学习，推动工作落实。',
    },
    {
      name: 'the next paragraph starts with the particle 了',
      text: `${HEAD}${LONG_CLAUSE}\n\n了不竭动力。`,
      errors: [at(B, 43, 44)],
      output: `${HEAD}${LONG_CLAUSE}了不竭动力。`,
    },
    {
      name: 'a digit ending, the next line starting a word (seed)',
      text: HEAD + '一是建立“双联系”制度。每年督办1-2件\n\n委员提案。',
      errors: [at(B, 19, 20)],
      output: HEAD + '一是建立“双联系”制度。每年督办1-2件委员提案。',
    },
    {
      name: 'a number cut from its measure word',
      text: HEAD + '一是建立“双联系”制度。每年督办1-2\n\n件委员提案，推动问题解决。',
      errors: [at(B, 18, 19)],
      output: HEAD + '一是建立“双联系”制度。每年督办1-2件委员提案，推动问题解决。',
    },
    {
      name: 'one sentence over three paragraphs',
      text: HEAD + '我们坚持学习。然后推动\n\n工作落实。再推\n\n进。',
      errors: [at(B, 10, 11), at(B + 2, 6, 7)],
      output: HEAD + '我们坚持学习。然后推动工作落实。再推进。',
    },
    {
      name: 'a word cut in two (受｜到)',
      text: HEAD + '我们坚持学习。一些学习体会转化为社情民意受\n\n到有关部门重视，取得了实效。',
      errors: [at(B, 20, 21)],
      output: HEAD + '我们坚持学习。一些学习体会转化为社情民意受到有关部门重视，取得了实效。',
    },
    {
      name: 'a three-character word cut after its first two (周转｜期)',
      text: HEAD + '本地的蔬菜要在两天内卖出；外省供应的蔬菜，周转\n\n期延长一天，大家都很认真。',
      errors: [at(B, 22, 23)],
      output: HEAD + '本地的蔬菜要在两天内卖出；外省供应的蔬菜，周转期延长一天，大家都很认真。',
    },
    {
      name: 'ends on a preposition (以)',
      text: HEAD + '我们坚持学习。我们建立了党员委员联系党外委员等制度，以\n\n制度促规范、抓落实，推进教育管理规范化。',
      errors: [at(B, 26, 27)],
      output: HEAD + '我们坚持学习。我们建立了党员委员联系党外委员等制度，以制度促规范、抓落实，推进教育管理规范化。',
    },
    {
      name: 'ends on the adverbial particle 地',
      text: HEAD + '我们坚持学习。我们修订完善了议事规则等制度，旗帜鲜明地\n\n强化政协党组织的政治功能，提高政治把握能力。',
      errors: [at(B, 26, 27)],
      output: HEAD + '我们坚持学习。我们修订完善了议事规则等制度，旗帜鲜明地强化政协党组织的政治功能，提高政治把握能力。',
    },
    {
      name: 'ends on a verb with 于 that wants its object',
      text: HEAD + '我们坚持学习。做好这项工作的关键在于\n\n抓好各项措施的落实，久久为功。',
      errors: [at(B, 17, 18)],
      output: HEAD + '我们坚持学习。做好这项工作的关键在于抓好各项措施的落实，久久为功。',
    },
    {
      name: 'ends on an adverb (不)',
      text: HEAD + '这是我们的原则。对这条原则，大家一点也不\n\n敢放松，始终坚持。',
      errors: [at(B, 19, 20)],
      output: HEAD + '这是我们的原则。对这条原则，大家一点也不敢放松，始终坚持。',
    },
    {
      name: 'ends on a demonstrative without its noun',
      text: HEAD + '我们要保证蔬菜新鲜。越是这个\n\n时候，越要保证质量。',
      errors: [at(B, 13, 14)],
      output: HEAD + '我们要保证蔬菜新鲜。越是这个时候，越要保证质量。',
    },
    {
      name: 'a fragment of a sentence closing the next paragraph',
      text: HEAD + '我们坚持学习。我们组织委员深入界别群众中宣讲中央和省市委相关\n\n精神。',
      errors: [at(B, 29, 30)],
      output: HEAD + '我们坚持学习。我们组织委员深入界别群众中宣讲中央和省市委相关精神。',
    },
    {
      name: 'a parallel pair whose opening word was left behind',
      text: HEAD + '我们坚持学习。我们充分发挥临时党支部的引领作用，引导委员多\n\n建真言，多献良策。比如，开展调研。',
      errors: [at(B, 28, 29)],
      output: HEAD + '我们坚持学习。我们充分发挥临时党支部的引领作用，引导委员多建真言，多献良策。比如，开展调研。',
    },
    {
      name: 'a lone word ending the predicate, then a clause with no subject',
      text: HEAD + '我们坚持学习。在工作上，我们既注重发挥所长，又注重全面能力\n\n培养，既严格要求，又关心爱护。',
      errors: [at(B, 28, 29)],
      output: HEAD + '我们坚持学习。在工作上，我们既注重发挥所长，又注重全面能力培养，既严格要求，又关心爱护。',
    },
    {
      name: 'a frame opened (即使…) and its main clause not reached',
      text: HEAD + '有人发表了歪曲事实的文章。即使在中国\n\n疫情防控工作取得阶段性成效的情况下，他们仍然如此。',
      errors: [at(B, 17, 18)],
      output: HEAD + '有人发表了歪曲事实的文章。即使在中国疫情防控工作取得阶段性成效的情况下，他们仍然如此。',
    },
    {
      name: 'past 1000 candidates weighed in a speech, only the evidence in the layout counts',
      text: `${HEAD}${UNWEIGHED}我们修订了制度。旗帜鲜明地\n\n强化政协党组织的政治功能。\n\n${LONG_CLAUSE}，\n\n推动工作落实。`,
      errors: [at(B + 2 * 1001 + 4, 44, 45)],
      output: `${HEAD}${UNWEIGHED}我们修订了制度。旗帜鲜明地\n\n强化政协党组织的政治功能。\n\n${LONG_CLAUSE}，推动工作落实。`,
    },
  ],
});

// Without a segmenter (a build missing its word list) no word can be weighed: the layout alone decides.
runRuleTests(rule, {
  valid: [
    { name: 'without a segmenter: verse', text: `${HEAD}疫情快过去吧。\n\n为家乡忧心，\n\n为亲人担心，\n\n为远方的朋友们焦心。` },
    {
      name: 'without a segmenter: a reporter’s credit',
      text: `${HEAD}${NO_STOP}。\n\n湖南省湘西土家族苗族自治州龙山县洛塔乡工作队队员、驻洛塔乡泽果村第一书记兼县扶贫办副主任张基\n\n本报记者 王云娜整理`,
    },
  ],
  invalid: [
    {
      name: 'without a segmenter: a paragraph without its final stop is taken as broken',
      text: `${HEAD}${NO_STOP}\n\n新的一年，我们要继续奋斗。`,
      errors: [at(B, 48, 49)],
      output: `${HEAD}${NO_STOP}新的一年，我们要继续奋斗。`,
    },
  ],
});

describe('broken-paragraph on the selected People’s Daily texts', () => {
  const dir = join(__dirname, '../../fixtures/corpus/rmrb');
  const files = readdirSync(dir).filter((name) => name.endsWith('.txt'));

  // Published, edited text: its paragraphs that lack a final stop (bold summaries, closing lines,
  // poems, told pieces signed by teller and reporter) hold no sentence broken in two.
  it('reports nothing in any of the 28 files', () => {
    assert.equal(files.length, 28);
    const found = files.flatMap((name) => {
      const text = readFileSync(join(dir, name), 'utf8');
      const doc = parse(text);
      return lint(doc, { only: [rule], services }).map((f) => `${name}:${doc.lines.positionAt(f.span.start).line + 1}`);
    });
    assert.deepEqual(found, []);
  });
});
