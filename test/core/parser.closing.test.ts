/**
 * Author lines printed after a piece's body (issue 14): the line readings of
 * parse/closing.ts on their own, then the layout that makes them speakers
 * (recurrence on a page, a lone piece's last line), on constructed text.
 */
import { strict as assert } from 'node:assert';
import { check, findRule, parse, type Paragraph, type SpeechDocument } from '../../server/src/core';
import { readClosingLine } from '../../server/src/core/parse/closing';

/** A paragraph of one line, as the parser makes it (content after two U+3000 of indentation). */
function line(content: string): Paragraph {
  const indent = '\u3000\u3000';
  const start = 0;
  return { span: { start, end: indent.length + content.length }, contentStart: indent.length, contentEnd: indent.length + content.length, content, line: 0, role: 'body', headingLevel: 0 };
}

/** What a reading gives: kind, name, unit+positions as printed, and whether the name is separated. */
function reading(content: string): [string, string | null, string] | undefined {
  const read = readClosingLine(line(content));
  if (!read) return undefined;
  const sp = read.speaker;
  const text = '\u3000\u3000' + content;
  const parts = [...(sp.unit ? [sp.unit] : []), ...sp.positions];
  const position = parts.length > 0 ? text.slice(parts[0].span.start, parts[parts.length - 1].span.end) : '';
  assert.equal(sp.form, 'closing');
  if (sp.name) assert.equal(text.slice(sp.name.span.start, sp.name.span.end), sp.name.text);
  return [read.kind, sp.name?.value ?? null, position];
}

const outline = (doc: SpeechDocument): unknown[] =>
  doc.speeches.map((s) => [s.title?.text ?? null, s.speaker?.form ?? null, s.speaker?.name?.value ?? null, s.speaker ? s.speaker.paragraph.line : null]);

describe('parser: author lines after the body', () => {
  describe('reading one line', () => {
    const valid: [string, [string, string | null, string]][] = [
      // told: positions and the name glued on, then 讲述/口述
      ['某省某县某镇某村党支部书记周明远讲述', ['told', '周明远', '某省某县某镇某村党支部书记']],
      ['某市某区某街道社区居委会主任陈晓雯口述', ['told', '陈晓雯', '某市某区某街道社区居委会主任']],
      ['某县某乡某村村民吴大山讲述', ['told', '吴大山', '某县某乡某村村民']],
      ['某县某乡林场护林员杜一讲述', ['told', '杜一', '某县某乡林场护林员']],
      ['某县某乡某村第一书记、工作队长，县农业局副局长韩冬讲述', ['told', '韩冬', '某县某乡某村第一书记、工作队长，县农业局副局长']],
      ['某州某县某乡某某村阿木尔哈讲述', ['told', '阿木尔哈', '某州某县某乡某某村']],
      // attribution: under a quote, led by ——
      ['——某国前外交部长安东尼奥·费雷拉', ['attribution', '安东尼奥·费雷拉', '某国前外交部长']],
      ['——某国驻华大使高木清志', ['attribution', '高木清志', '某国驻华大使']],
      ['——某国前首相山本由纪男', ['attribution', '山本由纪男', '某国前首相']],
      ['——某大学教授、《某某研究》一书作者马可·罗西', ['attribution', '马可·罗西', '某大学教授、《某某研究》一书作者']],
      ['——某国—某国友好协会会长 李明', ['attribution', '李明', '某国—某国友好协会会长']],
      // note: the position only
      ['（作者为某省某市委书记）', ['note', null, '某省某市委书记']],
      ['（作者系某大学经济学院教授、博士生导师）', ['note', null, '某大学经济学院教授、博士生导师']],
      ['（作者为某博物馆馆长，本报记者孙某整理）', ['note', null, '某博物馆馆长']],
      ['（作者单位：某某研究院）', ['note', null, '某某研究院']],
      // signature: a place and one to three names, a two-character name padded
      ['浙江某某市\u00a0周志强\u00a0吴\u00a0\u00a0敏', ['signature', '周志强、吴敏', '浙江某某市']],
      ['湖北某某县  郑晓光', ['signature', '郑晓光', '湖北某某县']],
      ['某某区\u3000林\u3000平', ['signature', '林平', '某某区']],
    ];
    for (const [content, expected] of valid) {
      it(`reads ${content}`, () => assert.deepEqual(reading(content), expected));
    }

    const invalid: [string, string][] = [
      ['a short last sentence of prose', '大家心里都踏实了。'],
      ['a short last line with no stop', '未来可期'],
      ['two phrases set apart, as a couplet', '日子越过越红火 大家心里乐开花'],
      ['a quoted line', '“我们一定能守住这道关口！”'],
      ['a quoted line after a dash', '——“让数据多跑路，群众少跑腿”'],
      ['a dash line that names nobody', '——这是大家共同的心声'],
      ['the editors\' note', '——编\u00a0\u00a0者'],
      ['a bracketed dateline', '（2020年3月1日）'],
      ['a dateline with a place', '北京 3月1日'],
      ['a news agency dateline', '本报北京3月1日电'],
      ['a bracketed note that is not the author\'s', '（本报记者综合报道）'],
      ['a sentence ending in 讲述', '这是他第一次向我们讲述'],
      ['a short phrase ending in 讲述', '听村里老党员讲述'],
      ['a writer\'s credit', '本报记者\u00a0张\u00a0\u00a0明整理'],
      ['a reporter\'s byline', '本报记者 张明'],
      ['a photo credit', '某某市 张明摄'],
      ['a netizen\'s handle', '——@春风十里'],
      ['a place alone before a non-name', '某某市 越来越好的日子'],
    ];
    for (const [name, content] of invalid) {
      it(`does not read ${name}: ${content}`, () => assert.equal(reading(content), undefined));
    }
  });

  describe('layout', () => {
    const TOLD = [
      '乡村振兴笔记',
      '',
      '\u3000\u3000本版刊发两位基层干部的讲述。',
      '\u3000\u3000——编\u00a0\u00a0者',
      '',
      '\u3000\u3000关键词：坚守',
      '\u3000\u3000守住村口这盏灯',
      '\u3000\u3000时间：3月2日，晴',
      '\u3000\u3000天刚亮，我就到了村口值守点，和队员们交接班。',
      '\u3000\u3000一天下来，登记车辆四十多辆，大家都很辛苦。',
      '\u3000\u3000某省某县某镇某村党支部书记周明远讲述',
      '\u3000\u3000本报记者\u00a0林\u00a0\u00a0晓整理',
      '',
      '\u3000\u3000关键词：温暖',
      '\u3000\u3000一碗热汤面',
      '\u3000\u3000下午，我们把米面送到独居老人家里。',
      '\u3000\u3000老人拉着我的手，说了好多话。',
      '\u3000\u3000某市某区某街道社区居委会主任陈晓雯讲述',
      '\u3000\u3000本报记者\u00a0赵\u00a0\u00a0川整理',
      '',
    ].join('\n');

    it('splits a page of told pieces at each author line, titles after the kicker, credits kept in the piece', () => {
      const doc = parse(TOLD);
      assert.equal(doc.title?.text, '乡村振兴笔记');
      assert.deepEqual(outline(doc), [['守住村口这盏灯', 'closing', '周明远', 10], ['一碗热汤面', 'closing', '陈晓雯', 17]]);
      const [first, second] = doc.speeches;
      assert.equal(first.subtitle?.text, '时间：3月2日，晴');
      assert.equal(first.paragraphs[0].content, '关键词：坚守');
      assert.equal(first.paragraphs[first.paragraphs.length - 1].content, '本报记者\u00a0林\u00a0\u00a0晓整理');
      assert.equal(second.paragraphs[0].content, '关键词：温暖');
      // The author line is no body paragraph; the credit is.
      assert.equal(first.speaker?.paragraph.role, 'speaker');
      assert.ok(first.lead.some((p) => p.content.endsWith('整理')));
      assert.ok(!first.lead.some((p) => p.role === 'speaker'));
    });

    it('reads untitled quotes, each over its —— attribution', () => {
      const doc = parse('海外声音\n\n\u3000\u3000我们看到了巨大的努力，这份坚持令人敬佩。\n\u3000\u3000——某国前外交部长安东尼奥·费雷拉\n\u3000\u3000合作是应对挑战的唯一出路，我们愿意携手前行。\n\u3000\u3000——某国驻华大使高木清志\u00a0\n\u3000\u3000（本报驻外记者综合报道）\n');
      assert.equal(doc.title?.text, '海外声音');
      assert.deepEqual(outline(doc), [[null, 'closing', '安东尼奥·费雷拉', 3], [null, 'closing', '高木清志', 5]]);
    });

    it('reads letters signed with a place and one or two names', () => {
      const doc = parse('来信\n\n\u3000\u3000小区快递柜应当及时清理\n\u3000\u3000最近发现，小区里不少快递柜长期被占用。\n\u3000\u3000建议物业定期清理超时包裹。\n\u3000\u3000浙江某某市\u00a0周志强\u00a0吴\u00a0\u00a0敏\n\n\u3000\u3000公园健身器材要常检修\n\u3000\u3000有的健身器材已经松动，存在安全隐患。\n\u3000\u3000湖北某某县\u00a0\u00a0郑晓光\n');
      assert.deepEqual(outline(doc), [['小区快递柜应当及时清理', 'closing', '周志强、吴敏', 5], ['公园健身器材要常检修', 'closing', '郑晓光', 9]]);
      assert.equal(doc.speeches[0].speaker?.unit?.text, '浙江某某市');
    });

    it('takes the first line for the first piece\'s title when every other piece is titled', () => {
      const doc = parse('小区快递柜应当及时清理\n\u3000\u3000最近发现，小区里不少快递柜长期被占用。\n\u3000\u3000浙江某某市 周志强\n\n\u3000\u3000公园健身器材要常检修\n\u3000\u3000有的健身器材已经松动，存在安全隐患。\n\u3000\u3000湖北某某县 郑晓光\n');
      assert.equal(doc.title, undefined);
      assert.deepEqual(outline(doc), [['小区快递柜应当及时清理', 'closing', '周志强', 2], ['公园健身器材要常检修', 'closing', '郑晓光', 6]]);
    });

    it('skips an introduction with its own heading before the first piece', () => {
      const doc = parse('驻村日记\n\n\u3000\u3000开栏的话\n\u3000\u3000今年是关键之年，本版推出系列报道。\n\n\u3000\u3000护林打工，扛起一个家\n\u3000\u3000天不亮，我就上山巡林。\n\u3000\u3000某县某乡某村村民吴大山讲述\n\u3000\u3000本报记者 林晓整理\n\n\u3000\u3000学门手艺，心里有底\n\u3000\u3000今年我想去学厨师。\n\u3000\u3000某县某乡某村村民郑小河讲述\n');
      assert.deepEqual(outline(doc), [['护林打工，扛起一个家', 'closing', '吴大山', 7], ['学门手艺，心里有底', 'closing', '郑小河', 12]]);
    });

    it('reads the closing note of a lone article as its author line, after the credits and labels under it', () => {
      const doc = parse('把基层减负落到实处\n\n\u3000\u3000减负不是减责任，而是让干部把精力用在刀刃上。\n\u3000\u3000（作者为某省某市委书记）\n\u3000\u3000版式设计：某某\n');
      assert.equal(doc.speeches.length, 1);
      const [speech] = doc.speeches;
      assert.equal(speech.title?.text, '把基层减负落到实处');
      assert.equal(speech.speaker?.form, 'closing');
      assert.equal(speech.speaker?.name, undefined);
      assert.equal(speech.speaker?.paragraph.line, 3);
      assert.deepEqual([speech.speaker?.unit?.text, speech.speaker?.positions.map((p) => p.text)], ['某省某市委', ['书记']]);
    });

    it('does not take one author line of a weak form for a page of pieces, nor a lone signature', () => {
      // One told line in the middle of a text, prose after it: not where an author line stands.
      const middle = parse('一篇报道\n\u3000\u3000他说起当年的事。\n\u3000\u3000某县某乡某村村民吴大山讲述\n\u3000\u3000这段往事让人动容。\n');
      assert.deepEqual(outline(middle), [['一篇报道', null, null, null]]);
      // A signature-shaped last line once: a place and a name alone are weak evidence.
      const lone = parse('一封来信\n\u3000\u3000小区快递柜长期被占用。\n\u3000\u3000我们村 越来越好\n');
      assert.deepEqual(outline(lone), [['一封来信', null, null, null]]);
      // Two forms once each do not make a page.
      const mixed = parse('合集\n\n回家过年的路上\n\u3000\u3000正文第一段。\n\u3000\u3000某县某乡某村村民吴大山讲述\n\n公园里的健身器材\n\u3000\u3000正文第二段。\n\u3000\u3000湖北某某县 郑晓光\n');
      assert.equal(mixed.speeches.length, 1);
      assert.equal(mixed.speeches[0].speaker?.form, undefined);
    });

    it('keeps a credit that reads like an author line in the piece it closes', () => {
      const doc = parse('合集\n\n回家过年的路上\n正文第一段。\n某县某乡某村村民吴大山讲述\n本报记者张三讲述\n\n公园里的健身器材\n正文第二段。\n某县某乡某村村民郑小河讲述\n');
      assert.deepEqual(doc.speeches.map((s) => [s.speaker?.name?.value, s.paragraphs.map((p) => p.line)]), [['吴大山', [2, 3, 4, 5]], ['郑小河', [7, 8, 9]]]);
    });

    it('leaves texts with a speaker line above the body to the speaker lines', () => {
      const doc = parse('合集\n\n甲篇\n某市政协主席 张三\n正文第一段。\n（作者为某市政协主席）\n\n乙篇\n某县政协主席 李四\n正文第二段。\n（作者为某县政协主席）\n');
      assert.deepEqual(doc.speeches.map((s) => s.speaker?.form), ['trailing-name', 'trailing-name']);
    });
  });

  describe('rules on pieces signed after the body', () => {
    const ids = ['speaker-missing', 'speaker-form', 'title-missing', 'broken-paragraph'];
    const findings = (text: string): string[] => {
      const { doc, findings } = check(text, { only: ids.map((id) => findRule(id)!) });
      return findings.map((f) => `${f.ruleId}@${doc.lines.positionAt(f.span.start).line}`);
    };

    it('report no missing speaker, no malformed speaker line and no missing title', () => {
      assert.deepEqual(findings('来信\n\n\u3000\u3000小区快递柜应当及时清理\n\u3000\u3000最近发现，小区里不少快递柜长期被占用。\n\u3000\u3000浙江某某市\u00a0周志强\u00a0吴\u00a0\u00a0敏\n\n\u3000\u3000公园健身器材要常检修\n\u3000\u3000有的健身器材已经松动，存在安全隐患。\n\u3000\u3000湖北某某县\u00a0\u00a0郑晓光\n'), []);
      assert.deepEqual(findings('海外声音\n\n\u3000\u3000我们看到了巨大的努力，这份坚持令人敬佩。\n\u3000\u3000——某国前首相山本由纪男\n\u3000\u3000合作是应对挑战的唯一出路，我们愿意携手前行。\n\u3000\u3000——某国驻华大使高木清志\n'), []);
      // The same title with no author line anywhere still lacks its speaker.
      assert.deepEqual(findings('把基层减负落到实处\n\n\u3000\u3000减负不是减责任，而是让干部把精力用在刀刃上。\n'), ['speaker-missing@0']);
    });

    it('keep reading a lone article signed by a closing note as an article (its bold summary is no broken paragraph)', () => {
      const summary = '\u3000\u3000各地扎实推进基层减负。一些地方仍存在形式主义问题，需要在制度上下功夫';
      const body = '\u3000\u3000减负不是减责任，而是让干部把精力用在刀刃上。';
      assert.deepEqual(findings(['把基层减负落到实处', summary, body, '\u3000\u3000（作者为某省某市委书记）', ''].join('\n')), []);
      // A speaker line under the title makes it a speech, where the same line is broken.
      assert.deepEqual(findings(['把基层减负落到实处', '某省某市委书记 张三', summary, body, ''].join('\n')), ['broken-paragraph@2']);
    });
  });
});
