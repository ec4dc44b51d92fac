/**
 * Speaker lines read from evidence other than a listed position word (issue 14):
 * a label naming the writer (`写信人：`), an interview's `——访` subtitle, a unit
 * with no position when the page prints every piece so. Constructed text only,
 * with the lines that must not be taken for these forms.
 */
import { strict as assert } from 'node:assert';
import { check, findRule, parse, type SpeechDocument } from '../../server/src/core';

/** Each speech as [title, speaker form, name, unit, positions joined by `|`]. */
const speakers = (doc: SpeechDocument): unknown[] =>
  doc.speeches.map((s) => [
    s.title?.text ?? null,
    s.speaker?.form ?? null,
    s.speaker?.name?.value ?? null,
    s.speaker?.unit?.text ?? null,
    s.speaker?.positions.map((p) => p.text).join('|') ?? null,
  ]);

/** speaker-form's findings on `text`, as `messageId@span text`. */
function speakerForm(text: string): string[] {
  const { doc, findings } = check(text, { only: [findRule('speaker-form')!] });
  return findings.map((f) => `${f.messageId}@${doc.text.slice(f.span.start, f.span.end)}`);
}

describe('parser: speaker lines by evidence', () => {
  describe('a label naming the writer', () => {
    const valid: Array<[string, string, string | null, string]> = [
      ['写信人：王某明（演员）', '王某明', null, '演员'],
      ['写信人：赵\u00a0\u00a0亮（纪录片导演）', '赵亮', null, '纪录片导演'],
      ['讲述人：某某县林场职工李大山', '李大山', '某某县林场', '职工'],
      ['发言人：某某公司总经理张三', '张三', '某某公司', '总经理'],
    ];
    for (const [line, name, unit, positions] of valid) {
      it(`reads ${line}`, () => {
        const doc = parse(`合集的总标题文字\n\n第一篇的标题文字\n${line}\n正文第一段。\n`);
        assert.deepEqual(speakers(doc), [['第一篇的标题文字', 'labelled', name, unit, positions]]);
        assert.equal(doc.speeches[0].speaker?.paragraph.role, 'speaker');
        assert.deepEqual(speakerForm(doc.text), []);
      });
    }
    const invalid = [
      // The addressee, not the writer.
      '收信人：王某明（某某医院院长）',
      // Who asks, not who speaks.
      '主持人：王某明（某某电视台主持人）',
      // A label and a name, but nothing that reads as a position.
      '写信人：王某明',
      '写信人：这是一封写给大家的信。',
    ];
    for (const line of invalid) {
      it(`does not take ${line} for a speaker line`, () => {
        const doc = parse(`合集的总标题文字\n\n第一篇的标题文字\n${line}\n正文第一段。\n`);
        assert.ok(doc.speeches.every((s) => s.speaker === undefined), JSON.stringify(speakers(doc)));
      });
    }

    it('starts a piece at each labelled line, the addressee line and the greeting staying body text', () => {
      const doc = parse(
        '致信合集的总标题\n——写给一线的普通人\n\u3000\u3000守护就是责任\n\u3000\u3000写信人：王某明（演员）\n\u3000\u3000收信人：李某某（某某医院院长）\n李院长：\n\u3000\u3000您好！正文第一段。\n\u3000\u3000此致\n\u3000\u3000敬礼！\n\u3000\u3000王某明\n' +
          '\u3000\u3000你们辛苦了\n\u3000\u3000写信人：赵  亮（导演）\n\u3000\u3000收信人：钱某某（某某社区书记）\n钱书记：\n\u3000\u3000你好！正文第二段。\n',
      );
      assert.deepEqual(speakers(doc), [
        ['守护就是责任', 'labelled', '王某明', null, '演员'],
        ['你们辛苦了', 'labelled', '赵亮', null, '导演'],
      ]);
      assert.equal(doc.title?.text, '致信合集的总标题');
      assert.equal(doc.subtitle?.text, '——写给一线的普通人');
    });
  });

  describe('an interview subtitle', () => {
    const valid: Array<[string, string, string | null, string]> = [
      ['——访某某研究院院长王某明', '王某明', '某某研究院', '院长'],
      // `副秘书|长某某` would cut inside the position.
      ['——访某某组织副秘书长李强', '李强', '某某组织', '副秘书长'],
      ['——访某某局党组书记、局长钱某某', '钱某某', '某某局', '党组书记|局长'],
      // A position no list holds, told by its ending, and a four-character name.
      ['——访某国议会议长吴某某某', '吴某某某', null, '某国议会议长'],
      ['——访某某大学化学院院长约翰·史密斯', '约翰·史密斯', '某某大学化学院', '院长'],
    ];
    for (const [subtitle, name, unit, positions] of valid) {
      it(`reads the speaker from ${subtitle}, which stays the subtitle`, () => {
        const doc = parse(`某某工作取得新的进展（权威访谈）\n${subtitle}\n\u3000\u3000记者：请谈谈今年的工作。\n\u3000\u3000答：今年的工作有新进展。\n`);
        assert.deepEqual(speakers(doc), [['某某工作取得新的进展（权威访谈）', 'labelled', name, unit, positions]]);
        const speech = doc.speeches[0];
        assert.equal(speech.subtitle?.text, subtitle);
        assert.equal(speech.subtitle?.paragraph.role, 'speech-subtitle');
        assert.equal(speech.speaker?.paragraph, speech.subtitle?.paragraph);
        // The name glued to the position is the form's house style, not a missing separator.
        assert.deepEqual(speakerForm(doc.text), []);
      });
    }
    const invalid = [
      // Whom a report is about, not who speaks.
      '——回访某某村张某某家',
      '——追记某某医院院长刘某明',
      // A visit.
      '——访问某某村纪实',
      // No name after the position.
      '——访某某研究院院长',
    ];
    for (const subtitle of invalid) {
      it(`reads no speaker from ${subtitle}`, () => {
        const doc = parse(`某某工作取得新的进展\n${subtitle}\n\u3000\u3000第一段正文。\n\u3000\u3000第二段正文。\n`);
        assert.equal(doc.speeches.length, 1);
        assert.equal(doc.speeches[0].subtitle?.text, subtitle);
        assert.equal(doc.speeches[0].speaker, undefined);
      });
    }

    it('reads it under a Markdown title too', () => {
      const doc = parse('# 某某工作取得新的进展\n\n## ——访某某研究院院长王某明\n\n记者：请谈谈。\n');
      assert.equal(doc.speeches[0].speaker?.name?.value, '王某明');
      assert.equal(doc.speeches[0].subtitle?.paragraph.role, 'speech-subtitle');
    });
  });

  describe('a unit with no position, when every piece of the page is printed so', () => {
    const page = (a: string, b: string): string =>
      `某某年度新发现汇编\n\n\u3000\u3000某某省某某县遗址\n\u3000\u3000第一处遗址的新发现\n\u3000\u3000${a}\n\u3000\u3000第一篇正文。\n\u00a0\u00a0\n\u3000\u3000某某市某某墓地\n\u3000\u3000第二处墓地的新收获\n\u3000\u3000${b}\n\u3000\u3000第二篇正文。\n`;

    it('reads `unit name` under each title, the kicker above each title left out of both pieces', () => {
      const doc = parse(page('某某省文物考古研究院\u00a0王某某', '某某大学考古研究中心 赵\u00a0亮'));
      assert.deepEqual(speakers(doc), [
        ['第一处遗址的新发现', 'trailing-name', '王某某', '某某省文物考古研究院', ''],
        ['第二处墓地的新收获', 'trailing-name', '赵亮', '某某大学考古研究中心', ''],
      ]);
      assert.equal(doc.title?.text, '某某年度新发现汇编');
      // Each kicker belongs to the piece it heads, not to the body of the piece before.
      assert.equal(doc.speeches[1].paragraphs[0].content, '某某市某某墓地');
      assert.ok(doc.speeches[0].paragraphs.every((p) => p.content !== '某某市某某墓地'));
      assert.deepEqual(speakerForm(doc.text), []);
    });

    it('takes a title as short as a name', () => {
      const doc = parse('某某年度新发现汇编\n\n坚守\n某某省文物考古研究院 王某某\n第一篇正文。\n\n逆行\n某某大学考古研究中心 赵\u00a0亮\n第二篇正文。\n');
      assert.deepEqual(speakers(doc).map((s) => (s as unknown[]).slice(0, 3)), [['坚守', 'trailing-name', '王某某'], ['逆行', 'trailing-name', '赵亮']]);
    });

    it('does not split a page on one such line alone', () => {
      const doc = parse('某某年度新发现汇编\n\n导语第一段。\n\n第一处遗址的新发现\n某某省文物考古研究院 王某某\n第一篇正文。\n');
      assert.equal(doc.speeches.length, 1);
      assert.equal(doc.speeches[0].title?.text, '某某年度新发现汇编');
    });

    const nearMisses: Array<[string, string, string]> = [
      ['a numbered heading', '一、加强领导', '二、压实责任'],
      ['a news dateline', '本报北京1月1日电 记者 王某', '本报上海1月2日电 记者 李某'],
      ['a caption with its photo credit', '图为某某博物馆 张三摄', '图为某某研究院 李四摄'],
      ['a sentence with a gap', '我们参观了某某馆 很受启发', '他们走进了某某院 很有感触'],
      ['a unit and positions with a comma', '某某研究院，某某所 王某', '某某研究院，某某所 李某'],
    ];
    for (const [what, a, b] of nearMisses) {
      it(`does not take ${what} for one`, () => {
        const doc = parse(page(a, b));
        assert.equal(doc.speeches.length, 1, JSON.stringify(speakers(doc)));
        assert.equal(doc.speeches[0].speaker, undefined);
      });
    }
  });

  describe('a short heading after the signature', () => {
    it('is a sub-heading when it follows the speaker\'s own name under the letter\'s close', () => {
      const doc = parse(
        '致信合集的总标题\n\n守护就是责任\n写信人：王某明（演员）\n李院长：\n您好！正文第一段写得很长很长，说了许多感谢的话。\n此致\n敬礼！\n王某明\n新闻回放\n某日，某某医院收治了第一批患者，医护人员日夜坚守在病房里，几天几夜没有合眼，院长带头冲在最前面。\n\n' +
          '你们辛苦了\n写信人：赵亮（导演）\n钱书记：\n你好！正文第二段写得很长很长，说了许多感谢的话。\n此致\n敬礼！\n赵亮\n新闻回放\n某某社区实行封闭管理，社区干部挨家挨户排查登记，为居民买菜送药，每天工作十几个小时，从不叫苦叫累。\n',
      );
      assert.deepEqual(doc.speeches.map((s) => s.headings.map((h) => [h.text, h.paragraph.line])), [[['新闻回放', 9]], [['新闻回放', 19]]]);
    });

    it('is not one after a short line that is not the speaker\'s name', () => {
      // `编后` alone (two Han, the shape of a name) over a one-paragraph part heads nothing.
      const doc = parse('某某工作的新进展\n写信人：王某明（演员）\n正文第一段写得很长很长，说了许多感谢的话。\n编后\n短标题在此\n某某工作还要继续推进，各方面要形成合力，久久为功。\n');
      assert.deepEqual(doc.speeches.flatMap((s) => s.headings.map((h) => h.text)), []);
    });
  });
});
