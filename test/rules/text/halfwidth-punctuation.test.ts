import { rule } from '../../../server/src/core/rules/text/halfwidth-punctuation';
import { runRuleTests } from '../../helpers/ruleTester';

const one = (messageId: string, character: number, endCharacter: number, message?: string, zh?: string) => ({
  messageId,
  line: 0,
  character,
  endLine: 0,
  endCharacter,
  ...(message !== undefined ? { message } : {}),
  ...(zh !== undefined ? { zh } : {}),
});

runRuleTests(rule, {
  valid: [
    '全年完成投资1,000万元。',
    '会议定于10:30开始。',
    '网址是https://www.gov.cn/a?b=1,c:2。',
    { name: 'Latin-only brackets', text: '使用了Python(3.x)版本。' },
    { name: 'function notation followed by Han', text: '函数f(x)与g(y)相等。' },
    { name: 'Markdown link target', text: '详见[通知](https://x.cn/a)。' },
    { name: 'a faulty section marker is section-marker’s', text: '(一)加强理论学习。' },
    { name: 'titles are title-form’s', text: '发言(摘登)\n唐山市政协主席、党组书记 胡国辉\n正文。' },
    { name: 'English punctuation in English', text: '他引用了"Yes, we can!"这句话。' },
    '全角标点，没有问题；对吗？对！（是的）',
  ],
  invalid: [
    {
      name: 'one mark written several times in a row is one finding, fixed as a whole',
      text: '太好了!!!我们赢了;;',
      errors: [one('exclamation', 3, 6, 'Half-width exclamation mark "!" should be full-width "！"'), one('semicolon', 10, 12)],
      output: '太好了！！！我们赢了；；',
    },
    {
      name: 'different marks in a row are each their own finding',
      text: '真的吗?!好',
      errors: [one('question', 3, 4), one('exclamation', 4, 5)],
      output: '真的吗？！好',
    },
    {
      name: 'a run of 100,000 of one mark between Han is one finding',
      text: `中${'!'.repeat(100_000)}中`,
      errors: [one('exclamation', 1, 100_001)],
      output: `中${'！'.repeat(100_000)}中`,
    },
    {
      name: 'brackets paired in Chinese text (seed)',
      text: '认真贯彻落实党委(党组)规定。',
      errors: [one('parentheses', 8, 12, 'Half-width parentheses "()" should be full-width "（）"', '半角括号“()”应为全角括号“（）”')],
      output: '认真贯彻落实党委（党组）规定。',
    },
    {
      name: 'acronym in brackets between Han',
      text: '国内生产总值(GDP)增长6%。',
      errors: [one('parentheses', 6, 11)],
      output: '国内生产总值（GDP）增长6%。',
    },
    {
      name: 'Chinese inside brackets after Latin',
      text: '提高GDP(国内生产总值)。',
      errors: [one('parentheses', 5, 13)],
      output: '提高GDP（国内生产总值）。',
    },
    {
      name: 'nested pairs, outer first',
      text: '党委(党组(机关))会议。',
      errors: [one('parentheses', 2, 10), one('parentheses', 5, 9)],
      output: '党委（党组（机关））会议。',
    },
    {
      name: 'a mark beside brackets made full-width follows them, so one round of fixes is enough',
      text: '增长(GDP?)',
      errors: [one('parentheses', 2, 8), one('question', 6, 7)],
      output: '增长（GDP？）',
    },
    {
      name: 'marks standing together are judged together',
      text: '好吗?!)',
      errors: [one('question', 2, 3), one('exclamation', 3, 4), one('closeParen', 4, 5)],
      output: '好吗？！）',
    },
    {
      text: '首先,我们要学习。',
      errors: [one('comma', 2, 3, 'Half-width comma "," should be full-width "，"', '半角逗号“,”应为全角逗号“，”')],
      output: '首先，我们要学习。',
    },
    {
      text: '一是学习;二是实践。',
      errors: [one('semicolon', 4, 5, 'Half-width semicolon ";" should be full-width "；"', '半角分号“;”应为全角分号“；”')],
      output: '一是学习；二是实践。',
    },
    {
      text: '主要做法:一是学习。',
      errors: [one('colon', 4, 5, 'Half-width colon ":" should be full-width "："', '半角冒号“:”应为全角冒号“：”')],
      output: '主要做法：一是学习。',
    },
    {
      text: '为什么?因为学习。',
      errors: [one('question', 3, 4, 'Half-width question mark "?" should be full-width "？"', '半角问号“?”应为全角问号“？”')],
      output: '为什么？因为学习。',
    },
    {
      text: '干得好!',
      errors: [one('exclamation', 3, 4, 'Half-width exclamation mark "!" should be full-width "！"', '半角叹号“!”应为全角叹号“！”')],
      output: '干得好！',
    },
    {
      name: 'Chinese on one side is enough',
      text: '他说hello,世界。',
      errors: [one('comma', 7, 8)],
      output: '他说hello，世界。',
    },
    {
      name: 'a lone opening bracket',
      text: '党委(党组落实。',
      errors: [one('openParen', 2, 3, 'Half-width "(" should be full-width "（"', '半角左括号“(”应为全角“（”')],
      output: '党委（党组落实。',
    },
    {
      name: 'a lone closing bracket',
      text: '党组)落实。',
      errors: [one('closeParen', 2, 3, 'Half-width ")" should be full-width "）"', '半角右括号“)”应为全角“）”')],
      output: '党组）落实。',
    },
    {
      name: 'the English-style space after a comma goes with it',
      text: '首先, 我们要学习。',
      errors: [one('comma', 2, 4)],
      output: '首先，我们要学习。',
    },
    {
      name: 'English-style spaces outside brackets go with them',
      text: '党委 (党组) 落实。',
      errors: [one('parentheses', 2, 8)],
      output: '党委（党组）落实。',
    },
    {
      name: 'a space before Latin text stays',
      text: '他说, Yes。',
      errors: [one('comma', 2, 3)],
      output: '他说， Yes。',
    },
    {
      name: 'offsets after a BOM, line 2 of a CRLF text',
      text: '\uFEFF近年来，坚持学习。\r\n乡镇(园区)建立小组。\r\n',
      errors: [{ messageId: 'parentheses', line: 1, character: 2, endLine: 1, endCharacter: 6 }],
      output: '\uFEFF近年来，坚持学习。\r\n乡镇（园区）建立小组。\r\n',
    },
  ],
});
