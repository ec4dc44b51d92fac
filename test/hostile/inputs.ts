/**
 * Huge and hostile drafts, by name. Built where they are checked (in a
 * worker, see runInput.ts), so a 10 MB string is never copied between threads.
 * Each targets something that could blow up: line handling, section and item
 * bookkeeping, pair matching, repeat detection, the word segmenter, the fixer.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatChineseNumber } from '../../server/src/core/text/numerals';

export interface HostileInput {
  build(): string;
  /** Also apply every fix once (the fix-all code action and `speechlint --fix` do). */
  fix?: boolean;
}

const MB = 1024 * 1024;

/** `unit` repeated up to `length` UTF-16 code units, never ending inside a surrogate pair. */
function fill(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length - (length % unit.length));
}

/** A real paragraph of the seed compilation, for text that reads like a draft. */
function seedParagraph(): string {
  const seed = fs.readFileSync(path.resolve(__dirname, '..', 'fixtures', 'corpus', '000_0f1e9368376be244.txt'), 'utf8');
  return seed.split('\n').reduce((longest, line) => (line.length > longest.length ? line : longest), '');
}

const HEADER = '### 构建理论武装大格局 推动政协党建与履职双提升\n\n唐山市政协主席、党组书记 胡国辉\n\n近五年来，唐山市政协以学习坚定政治定力。\n\n';

/** Every C0 and C1 control, the format characters and separators Unicode has for text, with Han between them. */
const CONTROLS = [
  ...Array.from({ length: 32 }, (_, c) => String.fromCharCode(c)),
  ...Array.from({ length: 33 }, (_, c) => String.fromCharCode(0x7f + c)),
  '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2028', '\u2029', '\u202e', '\u2066', '\ufeff', '\ufff9', '\ufffc',
].join('政');

export const HOSTILE_INPUTS: Readonly<Record<string, HostileInput>> = {
  'a 10 MB single line of real prose': { build: () => fill(seedParagraph(), 10 * MB) },
  '100,000 empty lines': { build: () => '\n'.repeat(100_000) },
  '100,000 blank CRLF lines indented with U+3000': { build: () => '\u3000\u3000\r\n'.repeat(100_000) },
  '100,000 one-character paragraphs': { build: () => '政\n'.repeat(100_000) },
  '10,000 level-1 sections (numbers run past 九十九, so most are misnumbered)': {
    build: () => HEADER + Array.from({ length: 10_000 }, (_, i) => `${formatChineseNumber((i % 99) + 1)}、加强工作第${i + 1}项。一是抓落实。二是抓督查。`).join('\n\n'),
  },
  '10,000 sections nested four levels deep': {
    build: () => {
      const out = [HEADER];
      for (let a = 1; a <= 10; a++) {
        out.push(`${formatChineseNumber(a)}、第${a}部分。`);
        for (let b = 1; b <= 10; b++) {
          out.push(`（${formatChineseNumber(b)}）第${b}方面。`);
          for (let c = 1; c <= 10; c++) {
            out.push(`${c}.第${c}点。`);
            for (let d = 1; d <= 9; d++) out.push(`（${d}）第${d}条。`);
          }
        }
      }
      return out.join('\n');
    },
  },
  '10,000 speeches': { build: () => Array.from({ length: 10_000 }, (_, i) => `### 标题${i}\n\n某市政协主席 张三\n\n一、正文。`).join('\n\n') },
  '100,000 unclosed （': { build: () => '（'.repeat(100_000) },
  '100,000 closing ） with no opener': { build: () => '）'.repeat(100_000) },
  'brackets and quotes nested 100,000 deep': { build: () => '（“《【‘〈'.repeat(100_000 / 6) + '〉’】》”）'.repeat(100_000 / 6) },
  '100,000 straight quotes': { build: () => '"'.repeat(100_000) },
  'a 1 MB line of control and format characters': { build: () => fill(CONTROLS, MB) },
  'a 1 MB line of lone and reversed surrogates': { build: () => fill('\udc00\ud800政\ud800', MB) },
  'a 1 MB line of one Han character': { build: () => fill('争', MB) },
  'a 1 MB line of one word': { build: () => fill('交流', MB) },
  'a 1 MB paragraph of one phrase': { build: () => fill('认真贯彻落实党委的部署，', MB) },
  'a 1 MB line of item markers': { build: () => HEADER + `一、总体。${fill('一是抓落实。三是抓督查。二是', MB)}` },
  'a 1 MB line of punctuation runs': { build: () => fill('，，。。、，；；……——--...。。。', MB) },
  'a 1 MB line of spaced Han': { build: () => fill('政 协 ', MB) },
  'a 1 MB line of number ranges': { build: () => fill('1-2名3~4项', MB) },
  'a 1 MB line of Latin words': { build: () => fill('精神 and 中办 with 文件 GDP ', MB) },
  'a 1 MB line of full-width alphanumerics': { build: () => fill('２０２１ＧＤＰ政', MB) },
  '50,000 control comments': { build: () => '<!-- speechlint-disable-next-line repeated-char no-such-rule -->\n争争\n'.repeat(50_000) },
  'a 1 MB line of half-width commas between Han, fixed': { build: () => fill('中,', MB), fix: true },
};
