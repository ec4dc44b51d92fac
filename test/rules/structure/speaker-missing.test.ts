import { rule } from '../../../server/src/core/rules/structure/speaker-missing';
import { runRuleTests } from '../../helpers/ruleTester';

const message = 'No speaker line after the title: add the unit, position and name';

runRuleTests(rule, {
  valid: [
    '',
    { name: 'seed speech', text: '### 把思想政治引领深植委员心中\n\n省政协财政经济委员会主任、分党组书记 韩咏梅\n\n党的十八大以来，我们坚持以学促悟。\n' },
    { name: 'people-daily speech, name padded with a space', text: '　　更好做到“落实下去”“凝聚起来”\n　　山东省济南市政协主席 雷 杰\n　　济南市政协深入推进工作。\n' },
    { name: 'a title over a subtitle over the speaker line', text: '### 立足政协特点\n——在全省经验交流会上的发言\n承德市政协主席、党组书记 吴清海\n正文。\n' },
    { name: 'speaker line with no title is title-missing\'s concern', text: '唐山市政协主席 胡国辉\n正文。' },
    { name: 'the author named after the body, as a told piece prints it', text: '守住村口这盏灯\n　　天刚亮，我就到了村口值守点。\n　　某县某镇某村党支部书记周明远讲述\n　　本报记者 林晓整理\n' },
    { name: 'the author\'s position in a closing note', text: '把基层减负落到实处\n　　减负不是减责任。\n　　（作者为某省某市委书记）\n' },
  ],
  invalid: [
    {
      name: 'plain draft: a title and then body text',
      text: '构建理论武装大格局\n近五年来，唐山市政协以理论学习为切入点。',
      errors: [{ messageId: 'missing', line: 0, character: 0, endLine: 0, endCharacter: 9, message, zh: '标题后缺少发言人行，应写明单位、职务和姓名' }],
    },
    {
      name: 'second speech of a Markdown compilation',
      text: '### 标题一\n唐山市政协主席 胡国辉\n正文。\n### 标题二\n正文，第二篇。',
      errors: [{ messageId: 'missing', line: 3, character: 4, endLine: 3, endCharacter: 7, message }],
    },
    {
      name: 'a closing line that reads as no author: still missing',
      text: '把基层减负落到实处\n　　减负不是减责任。\n　　（本报记者综合报道）\n',
      errors: [{ messageId: 'missing', line: 0, character: 0, endLine: 0, endCharacter: 9, message }],
    },
    {
      name: 'a new plain draft holding only its title line',
      text: '强化责任担当 推进工作落实\n',
      errors: [{ messageId: 'missing', line: 0, character: 0, endLine: 0, endCharacter: 13, message }],
    },
    {
      name: 'CRLF',
      text: '### 标题一\r\n\r\n正文，没有发言人。\r\n',
      errors: [{ messageId: 'missing', line: 0, character: 4, endLine: 0, endCharacter: 7, message }],
    },
  ],
});
