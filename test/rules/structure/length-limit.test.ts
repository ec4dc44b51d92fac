import assert from 'node:assert/strict';
import { rule } from '../../../server/src/core/rules/structure/length-limit';
import { lintWith, runRuleTests } from '../../helpers/ruleTester';

/**
 * 16 counted characters: 导语，共九个字。 (8) + 一、甲乙。 without its marker (3)
 * + 正文 内容。 without the space (5). Title, speaker line, blank line and comment do not count.
 */
const sixteen = '标题\n唐山市政协主席 胡国辉\n\n导语，共九个字。\n<!-- 注释不计 -->\n一、甲乙。\n正文 内容。\n';

/**
 * A speech of one paragraph of `n` characters and a full stop. On the default page the title and the
 * speaker line take rows 1–2 and a blank row follows, leaving 19 rows of page 1 and 22 of page 2:
 * 41 lines, 26 characters on the indented first and 28 on each other, 1,146 characters in all.
 */
const paragraphOf = (n: number): string => `标题\n唐山市政协主席 胡国辉\n${'政'.repeat(n)}。\n`;

runRuleTests(rule, {
  valid: [
    { name: 'off by default, however long', text: `标题\n唐山市政协主席 胡国辉\n${'政'.repeat(5000)}。\n` },
    { name: 'exactly at the character limit', text: sixteen, options: { maxChars: 16 } },
    { name: 'exactly at the time limit', text: sixteen, options: { maxMinutes: 2, charsPerMinute: 8 } },
    { name: 'null limits are off', text: sixteen, options: { maxChars: null, maxMinutes: null } },
    { name: 'two full pages under a 2-page limit', text: paragraphOf(1145), options: { maxPages: 2 } },
    { name: 'a full stop past the last cell hangs in the margin, taking no line of its own', text: paragraphOf(1146), options: { maxPages: 2 } },
    { name: 'a null page limit is off', text: paragraphOf(5000), options: { maxPages: null } },
    {
      name: 'each speech of a compilation counted on its own: 2 pages each alone, though run on each touches 3 (pages 1–3 and 3–5)',
      text: `# 摘登\n${paragraphOf(1100).replace('标题', '### 甲篇')}${paragraphOf(1100).replace('标题', '### 乙篇')}`,
      options: { maxPages: 2 },
    },
    { name: 'seed-like speech under a 5-minute limit at the default pace', text: `标题\n唐山市政协主席 胡国辉\n${'政'.repeat(1099)}。\n`, options: { maxMinutes: 5 } },
  ],
  invalid: [
    {
      name: 'over the character limit',
      text: sixteen,
      options: { maxChars: 15 },
      errors: [{ messageId: 'tooManyChars', line: 0, character: 0, endLine: 0, endCharacter: 2, message: 'Speech body has 16 characters, over the limit of 15: cut it down', zh: '发言正文16字，超过限定的15字，应压缩' }],
    },
    {
      name: 'over the time limit',
      text: sixteen,
      options: { maxMinutes: 1.5, charsPerMinute: 10 },
      errors: [{ messageId: 'tooManyMinutes', line: 0, character: 0, endLine: 0, endCharacter: 2, message: 'At 10 characters a minute the speech takes about 1.6 minutes, over the limit of 1.5: cut it down', zh: '按每分钟10字计，发言约需1.6分钟，超过限定的1.5分钟，应压缩' }],
    },
    {
      name: 'just over the time limit reads as over, not equal (16/15 min → 1.1)',
      text: sixteen,
      options: { maxMinutes: 1, charsPerMinute: 15 },
      errors: [{ messageId: 'tooManyMinutes', line: 0, character: 0, endLine: 0, endCharacter: 2, message: 'At 15 characters a minute the speech takes about 1.1 minutes, over the limit of 1: cut it down' }],
    },
    {
      name: 'the default pace is 220 characters a minute',
      text: `标题\n唐山市政协主席 胡国辉\n${'政'.repeat(1100)}。\n`,
      options: { maxMinutes: 5 },
      errors: [{ messageId: 'tooManyMinutes', line: 0, character: 0, endLine: 0, endCharacter: 2, message: 'At 220 characters a minute the speech takes about 5.1 minutes, over the limit of 5: cut it down' }],
    },
    {
      name: 'over the page limit by one line',
      text: paragraphOf(1147),
      options: { maxPages: 2 },
      errors: [{ messageId: 'tooManyPages', line: 0, character: 0, endLine: 0, endCharacter: 2, message: 'The speech fills 3 printed pages, over the limit of 2: cut it down', zh: '发言排版后共3页，超过限定的2页，应压缩' }],
    },
    {
      name: 'the page limit beside the others, each its own finding',
      text: paragraphOf(1147),
      options: { maxChars: 1000, maxPages: 1 },
      errors: [
        { messageId: 'tooManyChars', line: 0, character: 0, endLine: 0, endCharacter: 2 },
        { messageId: 'tooManyPages', line: 0, character: 0, endLine: 0, endCharacter: 2, message: 'The speech fills 3 printed pages, over the limit of 1: cut it down' },
      ],
    },
    {
      name: 'both limits',
      text: sixteen,
      options: { maxChars: 10, maxMinutes: 1, charsPerMinute: 10 },
      errors: [
        { messageId: 'tooManyChars', line: 0, character: 0, endLine: 0, endCharacter: 2 },
        { messageId: 'tooManyMinutes', line: 0, character: 0, endLine: 0, endCharacter: 2 },
      ],
    },
    {
      name: 'each speech of a compilation on its own title',
      text: '# 摘登\n### 短篇\n唐山市政协主席 胡国辉\n十个字的正文内容。。\n### 长篇\n省政协委员 韩咏梅\n十一个字的正文内容。。\n',
      options: { maxChars: 10 },
      errors: [{ messageId: 'tooManyChars', line: 4, character: 4, endLine: 4, endCharacter: 6, message: 'Speech body has 11 characters, over the limit of 10: cut it down' }],
    },
    {
      name: 'no title: on the first line; a character outside the BMP counts once',
      text: '唐山市政协主席 胡国辉\n𠀀𠀀𠀀𠀀𠀀\n',
      options: { maxChars: 4 },
      errors: [{ messageId: 'tooManyChars', line: 0, character: 0, endLine: 0, endCharacter: 11, message: 'Speech body has 5 characters, over the limit of 4: cut it down' }],
    },
  ],
});

describe("length-limit's pages on the export page the host lends", () => {
  // The configured page, as the CLI and the server lend it (`RuleServices.page`); worked out from the default page's
  // layout: title, speaker line and a blank row above the body, whose first line is indented by two characters.
  it('counts 601 characters as 3 pages on a 15 × 20 page (538 fit on two), where the default page needs 2', () => {
    const text = paragraphOf(600);
    assert.deepEqual(lintWith(rule, text, { maxPages: 2 }), []);
    const findings = lintWith(rule, text, { maxPages: 2 }, { page: { linesPerPage: 15, charsPerLine: 20 } });
    assert.deepEqual(
      findings.map((f) => [f.messageId, f.message.en]),
      [['tooManyPages', 'The speech fills 3 printed pages, over the limit of 2: cut it down']],
    );
  });

  it('fits 1,148 characters on 2 pages of 30 × 35 (1,993 fit), where the default page needs 3', () => {
    const text = paragraphOf(1147);
    assert.equal(lintWith(rule, text, { maxPages: 2 }).length, 1);
    assert.deepEqual(lintWith(rule, text, { maxPages: 2 }, { page: { linesPerPage: 30, charsPerLine: 35 } }), []);
  });
});
