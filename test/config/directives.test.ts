/**
 * Inline control comments in drafts, through the whole engine (`check`).
 *
 * The base draft (one finding per comma, one for the doubled `。。`):
 *   ### 加强学习 推动发展
 *   某区政协主席 赵志强
 *
 *   导语,甲。          halfwidth-punctuation
 *
 *   一、乙,丙。。      halfwidth-punctuation, punctuation-run
 *
 *   二、丁,戊。        halfwidth-punctuation
 */
import { strict as assert } from 'node:assert';
import { check } from '../../server/src/core';
import { directiveProblems, readDirectives } from '../../server/src/core/directives';
import { parse } from '../../server/src/core/parse';

const HEAD = ['### 加强学习 推动发展', '某区政协主席 赵志强', ''];
const LEAD = '导语,甲。';
const ONE = '一、乙,丙。。';
const TWO = '二、丁,戊。';

/** Each finding as `rule@the line it is on`, in document order. */
function reported(lines: readonly string[], eol = '\n'): string[] {
  const text = lines.join(eol);
  const { doc, findings } = check(text);
  return findings.map((f) => `${f.ruleId}@${lines[doc.lines.positionAt(f.span.start).line]}`);
}

const draft = (...body: string[]): string[] => [...HEAD, ...body];

describe('inline control comments', () => {
  it('reports everything without comments', () => {
    assert.deepEqual(reported(draft(LEAD, '', ONE, '', TWO)), [
      `halfwidth-punctuation@${LEAD}`,
      `halfwidth-punctuation@${ONE}`,
      `punctuation-run@${ONE}`,
      `halfwidth-punctuation@${TWO}`,
    ]);
  });

  describe('disable-next-line', () => {
    it('silences the named rule on the next line only', () => {
      assert.deepEqual(reported(draft(LEAD, '', '<!-- speechlint-disable-next-line halfwidth-punctuation -->', ONE, '', TWO)), [
        `halfwidth-punctuation@${LEAD}`,
        `punctuation-run@${ONE}`,
        `halfwidth-punctuation@${TWO}`,
      ]);
    });

    it('reaches over blank lines to the next line with text', () => {
      assert.deepEqual(reported(draft(LEAD, '<!-- speechlint-disable-next-line halfwidth-punctuation -->', '', '', ONE, '', TWO)), [
        `halfwidth-punctuation@${LEAD}`,
        `punctuation-run@${ONE}`,
        `halfwidth-punctuation@${TWO}`,
      ]);
    });

    it('silences every rule when it names none', () => {
      assert.deepEqual(reported(draft(LEAD, '', '<!-- speechlint-disable-next-line -->', ONE, '', TWO)), [`halfwidth-punctuation@${LEAD}`, `halfwidth-punctuation@${TWO}`]);
    });

    it('takes several ids, separated by spaces, commas or full-width commas', () => {
      for (const ids of ['punctuation-run halfwidth-punctuation', 'punctuation-run,halfwidth-punctuation', 'punctuation-run，halfwidth-punctuation']) {
        assert.deepEqual(reported(draft(LEAD, '', `<!-- speechlint-disable-next-line ${ids} -->`, ONE, '', TWO)), [`halfwidth-punctuation@${LEAD}`, `halfwidth-punctuation@${TWO}`], ids);
      }
    });

    it('leaves other rules alone', () => {
      assert.deepEqual(reported(draft(LEAD, '', '<!-- speechlint-disable-next-line punctuation-run -->', ONE, '', TWO)), [
        `halfwidth-punctuation@${LEAD}`,
        `halfwidth-punctuation@${ONE}`,
        `halfwidth-punctuation@${TWO}`,
      ]);
    });

    it('works the same with CRLF line breaks and an indented comment', () => {
      assert.deepEqual(reported(draft(LEAD, '', '\u3000\u3000<!-- speechlint-disable-next-line halfwidth-punctuation -->', ONE, '', TWO), '\r\n'), [
        `halfwidth-punctuation@${LEAD}`,
        `punctuation-run@${ONE}`,
        `halfwidth-punctuation@${TWO}`,
      ]);
    });
  });

  describe('disable and enable', () => {
    it('silences a rule from the comment to the matching enable', () => {
      assert.deepEqual(
        reported(draft(LEAD, '', '<!-- speechlint-disable halfwidth-punctuation -->', ONE, '', '<!-- speechlint-enable halfwidth-punctuation -->', TWO)),
        [`halfwidth-punctuation@${LEAD}`, `punctuation-run@${ONE}`, `halfwidth-punctuation@${TWO}`],
      );
    });

    it('silences to the end of the draft without an enable', () => {
      assert.deepEqual(reported(draft(LEAD, '', '<!-- speechlint-disable halfwidth-punctuation -->', ONE, '', TWO)), [`halfwidth-punctuation@${LEAD}`, `punctuation-run@${ONE}`]);
    });

    it('turns one rule back on after disabling all', () => {
      assert.deepEqual(reported(draft('<!-- speechlint-disable -->', LEAD, '', ONE, '', '<!-- speechlint-enable halfwidth-punctuation -->', TWO)), [`halfwidth-punctuation@${TWO}`]);
    });

    it('turns everything back on with a bare enable', () => {
      assert.deepEqual(reported(draft('<!-- speechlint-disable -->', LEAD, '', ONE, '', '<!-- speechlint-enable -->', TWO)), [`halfwidth-punctuation@${TWO}`]);
    });
  });

  it('is invisible to the rules: no finding on the comment, and the speech structure is unchanged', () => {
    // The comment holds a half-width comma and a hyphenated range, and stands between title and speaker line.
    const lines = ['### 加强学习 推动发展', '<!-- speechlint-disable-next-line number-range, 1-2 -->', '某区政协主席 赵志强', '', '导语。', '', '一、甲。', '', '二、乙。'];
    assert.deepEqual(reported(lines), []);
    const doc = parse(lines.join('\n'));
    assert.equal(doc.speeches.length, 1);
    assert.equal(doc.speeches[0].title?.text, '加强学习 推动发展');
    assert.equal(doc.speeches[0].speaker?.name?.value, '赵志强');
  });

  describe('the plain-text form', () => {
    const PLAIN_HEAD = ['加强学习 推动发展', '某区政协主席 赵志强'];
    const plain = (...body: string[]): string[] => [...PLAIN_HEAD, ...body];

    it('silences like the Markdown form, indented like the paragraph and in every kind', () => {
      assert.deepEqual(reported(plain('\u3000\u3000导语,甲。', '\u3000\u3000// speechlint-disable-next-line halfwidth-punctuation', '\u3000\u3000一、乙,丙。。', '//speechlint-disable', '\u3000\u3000二、丁,戊。')), [
        'halfwidth-punctuation@\u3000\u3000导语,甲。',
        'punctuation-run@\u3000\u3000一、乙,丙。。',
      ]);
      assert.deepEqual(reported(plain('// speechlint-disable halfwidth-punctuation', '导语,甲。', '// speechlint-enable', '一、丁,戊。')), ['halfwidth-punctuation@一、丁,戊。']);
    });

    it('locates the ids it names, and leaves any other line opening with // as text', () => {
      const lines = plain('\u3000\u3000// speechlint-disable-next-line no-such-rule', '// 这一行是正文,不是注释。');
      const text = lines.join('\n');
      const problems = directiveProblems(readDirectives(parse(text)));
      assert.deepEqual(problems.map((p) => [text.slice(p.span.start, p.span.end), p.span.start]), [['no-such-rule', text.indexOf('no-such-rule')]]);
      assert.deepEqual(reported(lines), ['halfwidth-punctuation@// 这一行是正文,不是注释。']);
    });
  });

  describe('unknown rule ids', () => {
    it('locates each unknown id in the comment, and still honours the known ones', () => {
      const lines = draft(LEAD, '', '\u3000<!--  speechlint-disable-next-line  no-such-rule，halfwidth-punctuation halfwidth-punctuations -->', ONE);
      const text = lines.join('\n');
      const problems = directiveProblems(readDirectives(parse(text)));
      assert.deepEqual(
        problems.map((p) => ({ text: text.slice(p.span.start, p.span.end), start: p.span.start, zh: p.message.zh, en: p.message.en })),
        [
          { text: 'no-such-rule', start: text.indexOf('no-such-rule'), zh: '未知的规则“no-such-rule”，此注释对它不起作用', en: 'Unknown rule "no-such-rule": this comment has no effect on it' },
          {
            text: 'halfwidth-punctuations',
            start: text.indexOf('halfwidth-punctuations'),
            zh: '未知的规则“halfwidth-punctuations”，此注释对它不起作用',
            en: 'Unknown rule "halfwidth-punctuations": this comment has no effect on it',
          },
        ],
      );
      assert.deepEqual(reported(lines), [`halfwidth-punctuation@${LEAD}`, `punctuation-run@${ONE}`]);
    });

    it('finds nothing to say about known ids or comments that are not directives', () => {
      const text = draft('<!-- speechlint-disable halfwidth-punctuation -->', '<!-- 这是普通注释 speechlint -->', LEAD).join('\n');
      assert.deepEqual(directiveProblems(readDirectives(parse(text))), []);
    });
  });
});
