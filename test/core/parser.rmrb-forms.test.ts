/**
 * The printed forms of speaker lines and headers that published compilations
 * use (issue 14), on constructed text: each form alone, and what must not be
 * taken for it.
 */
import { strict as assert } from 'node:assert';
import { check, findRule, parse, type SpeechDocument } from '../../server/src/core';

const speakers = (doc: SpeechDocument): unknown[] =>
  doc.speeches.map((s) => [s.title?.text ?? null, s.speaker?.form ?? null, s.speaker?.name?.value ?? null]);

describe('parser: printed forms of published compilations', () => {
  it('reads names padded with one to three spaces of any kind, without the padding', () => {
    for (const gap of [' ', '  ', '\u00a0\u00a0', '\u3000', ' \u00a0']) {
      const doc = parse(`合集标题\n\n第一篇标题\n\u3000\u3000王${gap}明（某某剧院演员）\n\u3000\u3000正文第一段。\n\n第二篇标题\n\u3000\u3000赵${gap}亮（某某协会副主席）\n\u3000\u3000正文第二段。\n`);
      assert.deepEqual(speakers(doc), [['第一篇标题', 'parenthesized', '王明'], ['第二篇标题', 'parenthesized', '赵亮']], JSON.stringify(gap));
      assert.equal(doc.speeches[0].speaker?.name?.text, `王${gap}明`);
    }
  });

  it('takes a bracket ending like a title of office or trade for a position no list holds', () => {
    const doc = parse('合集\n\n甲标题\n张三丰（科幻作家）\n正文。\n\n乙标题\n李四光（某某公司经济师）\n正文。\n\n丙标题\n王五（纪录片导演）\n正文。\n');
    assert.deepEqual(doc.speeches.map((s) => s.speaker?.positions.map((p) => p.text)), [['科幻作家'], ['某某公司经济师'], ['纪录片导演']]);
    // A bracket that holds no position is not a speaker line.
    const plain = parse('标题\n\n正文（注释）\n正文。\n');
    assert.equal(plain.speeches[0].speaker, undefined);
  });

  it('reads （国名）名 with the country as the unit, and not （一） sections', () => {
    const doc = parse('合集\n\n甲标题\n（法国）罗 梁\n正文。\n\n乙标题\n（巴基斯坦）纳格玛·哈米\n正文。\n');
    assert.deepEqual(speakers(doc), [['甲标题', 'parenthesized', '罗梁'], ['乙标题', 'parenthesized', '纳格玛·哈米']]);
    assert.equal(doc.speeches[1].speaker?.unit?.text, '巴基斯坦');
    const sections = parse('标题\n\n导语。\n\n（一）加强领导\n正文。\n\n（二）压实责任\n正文。\n');
    assert.ok(sections.speeches.every((s) => s.speaker === undefined));
  });

  it('reads a bare name under each title when every piece of the page is printed so', () => {
    const doc = parse('合集标题\n\n\u3000\u3000把防控做到前面\n\u3000\u3000张\u00a0\u00a0红\n\u3000\u3000正文第一段。\n\u3000\u3000（作者为某某医院主任）\n\n\u3000\u3000守好校园责任田\n\u3000\u3000王明钦\n\u3000\u3000正文第二段。\n');
    assert.deepEqual(speakers(doc), [['把防控做到前面', 'name-only', '张红'], ['守好校园责任田', 'name-only', '王明钦']]);
    assert.equal(doc.title?.text, '合集标题');
  });

  it('does not take one title and a short line for a compilation, nor a signature above a short heading', () => {
    // Once only: a title and a two-character line are not evidence of a page of signed pieces.
    const once = parse('把防控做到前面\n张红\n正文第一段。\n\n正文第二段。\n');
    assert.equal(once.speeches.length, 1);
    // A letter's signature (a name) over a short unnumbered heading, twice.
    const letters = parse('合集\n\n导语。\n\n此致\n敬礼！\n李光明\n新闻回放\n某医院收治患者。\n\n此致\n敬礼！\n丁晓晨\n新闻回放\n某社区封闭管理。\n');
    assert.ok(letters.speeches.every((s) => s.speaker === undefined), JSON.stringify(speakers(letters)));
  });

  it('reads a speaker line before the title, ending in a colon, as papers print deputies', () => {
    const doc = parse('合集标题\n\n全国人大代表张三：\n“建议加强防控”\n正文第一段。\n\n某某医院重症医学科护士李四：\n做好每一次护理\n正文第二段。\n');
    assert.deepEqual(speakers(doc), [['“建议加强防控”', 'leading', '张三'], ['做好每一次护理', 'leading', '李四']]);
    // The colon is the form's own mark, not a fault, and the name is glued on by house style.
    assert.ok(doc.speeches.every((s) => s.speaker?.trailing === undefined));
    assert.equal(doc.speeches[1].speaker?.positions.map((p) => p.text).join(), '某某医院重症医学科护士');
    assert.equal(doc.speeches[0].paragraphs[0].role, 'speaker');
  });

  it('reads positions+name： straight over the remark it opens as an untitled speech, and reports nothing on it', () => {
    const rules = ['title-missing', 'speaker-missing', 'speaker-form'].map((id) => findRule(id)!);
    const page = '座谈会发言摘登\n\n某某研究院院长张三丰：\n\u3000\u3000全会是一次重要会议。\n\u3000\u3000决定是纲领性文献。\n\n全国人大代表、某某大学教授李四：\n\u3000\u3000要把制度优势转化为治理效能。\n';
    const doc = parse(page);
    assert.deepEqual(speakers(doc), [[null, 'leading', '张三丰'], [null, 'leading', '李四']]);
    assert.equal(doc.title?.text, '座谈会发言摘登');
    assert.deepEqual(check(page, { only: rules }).findings, []);
    // Alone, only where the draft opens with it.
    const lone = '某某研究院院长张三丰：\n\u3000\u3000全会是一次重要会议。\n';
    assert.deepEqual(speakers(parse(lone)), [[null, 'leading', '张三丰']]);
    assert.deepEqual(check(lone, { only: rules }).findings, []);
    // Not a salutation, not one such line in the middle of prose, not an interview's answer on its own line.
    assert.equal(parse('标题\n\n同志们：\n\u3000\u3000今天我们召开会议。\n').speeches[0].speaker, undefined);
    const once = parse('标题\n\n\u3000\u3000导语。\n\n某某研究院院长张三丰：\n\u3000\u3000全会是一次重要会议。\n');
    assert.deepEqual(speakers(once), [['标题', null, null]]);
    const interview = parse('标题\n\n\u3000\u3000记者：怎样理解全会精神？\n\u3000\u3000张三丰：要从全局来理解。\n\u3000\u3000记者：下一步呢？\n\u3000\u3000张三丰：要狠抓落实。\n');
    assert.deepEqual(speakers(interview), [['标题', null, null]]);
  });

  it('skips a kicker ending in —— above the title, and takes a date line under a lone speech title for its subtitle', () => {
    const doc = parse('四位代表讲述——\n坚守一线的日日夜夜\n\n（2020年1月8日）\n\n同志们：\n\n今天我们召开会议。\n');
    assert.equal(doc.speeches.length, 1);
    assert.equal(doc.speeches[0].title?.text, '坚守一线的日日夜夜');
    assert.equal(doc.speeches[0].subtitle?.text, '（2020年1月8日）');
    assert.equal(doc.speeches[0].speaker, undefined);
  });

  it('takes an exclamation standing apart above a speaker line for a title', () => {
    const doc = parse('合集\n\n湖北加油！中国加油！\n韩某某（某某作协主席团委员）\n正文。\n');
    assert.equal(doc.speeches[0].title?.text, '湖北加油！中国加油！');
  });

  it('takes `，` before another organisation for house style, and `，` inside one organisation for a fault', () => {
    const speakerForm = [findRule('speaker-form')!];
    const joiners = (line: string): string[] => {
      const { doc, findings } = check(`标题\n${line}\n正文。\n`, { only: speakerForm });
      return findings.map((f) => `${f.messageId}@${doc.text.slice(f.span.start, f.span.end)}`);
    };
    assert.deepEqual(joiners('某某学会副会长，某某法院党组成员、副院长 张三'), []);
    assert.deepEqual(joiners('某省政协委员，某市政协副主席，某县委书记 李四'), []);
    assert.deepEqual(joiners('唐山市政协主席，党组书记 胡国辉'), ['joiner@，']);
    assert.deepEqual(joiners('某某学会副会长,某某法院副院长 张三'), ['joiner@,']);
    const sp = parse('标题\n某某学会副会长，某某法院党组成员、副院长 张三\n正文。\n').speeches[0].speaker!;
    assert.deepEqual(sp.positions.map((p) => p.text), ['副会长', '某某法院党组成员', '副院长']);
  });

  it('does not take titles with a column name, quoted words or a first sentence for speaker lines', () => {
    // A title with its column and series in brackets, the series ending like a trade (家).
    assert.equal(parse('喜出深山（记录中国·暖暖的新家）\n\n正文。\n').speeches[0].speaker, undefined);
    // `名（…）：` opens quoted words; a bracket ending only like a position is not enough there.
    const quoted = parse('标题\n\n导语。\n\n刘某（某医疗队护士）：\n\n她说的话。\n');
    assert.ok(quoted.speeches.every((s) => s.speaker === undefined));
    // Under a subtitle, a first sentence that names someone is body text.
    const lone = parse('用生命谱写壮歌\n——追记某医院院长刘某明\n\u3000\u3000刘某明院长走了。\n\u3000\u3000正文。\n');
    assert.equal(lone.speeches[0].subtitle?.text, '——追记某医院院长刘某明');
    assert.equal(lone.speeches[0].speaker, undefined);
  });
});

