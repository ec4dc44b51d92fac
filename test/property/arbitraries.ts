/**
 * Texts to throw at the checker: arbitrary Unicode (lone surrogates included),
 * "speech soup" made of the pieces real drafts are built from and the ones
 * that break naive code, and real corpus excerpts mutated at random.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';

const CORPUS_DIR = path.resolve(__dirname, '..', 'fixtures', 'corpus');

/** The corpus texts, read once (test fixtures, never /work/shared). */
export const corpus: readonly string[] = fs
  .readdirSync(CORPUS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => fs.readFileSync(path.join(CORPUS_DIR, f), 'utf8'));

/** Every distinct character of the corpus: realistic Han characters and punctuation. */
const corpusChars = [...new Set([...corpus.join('')])].filter((c) => c.trim() !== '');

/** Pieces that carry meaning for the parser or the rules, or trip up UTF-16 and line handling. */
const SPECIAL_PIECES = [
  // Section, sub-section and item markers, standard and faulty.
  '一、', '二、', '三、', '十二、', '（一）', '（二）', '(一)', '一.', '一，', '一．', '一）', '（一）、',
  '1.', '2.', '1、', '（1）', '(1)', '1)', '一是', '二是', '三是', '一要', '二要', '第一', '第二', '首先', '其次', '最后',
  // Titles, subtitles, speaker lines, Markdown headings, directives.
  '# ', '## ', '### ', '——', '唐山市政协主席、党组书记 胡国辉', '胡国辉（唐山市政协主席）', '某市政协主席，党组书记 张三',
  '<!-- speechlint-disable -->', '<!-- speechlint-enable -->', '<!-- speechlint-disable-next-line repeated-char -->', '<!--', '-->',
  // Punctuation, both widths, doubled and clashing.
  '，', '。', '、', '；', '：', '？', '！', '“', '”', '‘', '’', '《', '》', '（', '）', '【', '】', '〈', '〉', '……', '——',
  ',', '.', ';', ':', '?', '!', '(', ')', '"', "'", '-', '~', '…', '—', '...', '--', '。。。', '，，', '，。', '、，',
  // Latin, digits, full-width forms, ranges.
  'and', 'GDP', '5G', '1+N', 'N', 'abc', '2021', '１-２', '２０２１', 'ＧＤＰ', '1-2名', '3~5', 'x',
  // Words the text rules look for.
  '争争', '交流交流会', '常常', '研究研究', '布署', '再接再励', '认真贯彻落实党委(党组)落实全面从严治党主体责任规定',
  // Whitespace and line breaks of every kind.
  ' ', '  ', '\u3000', '\u3000\u3000', '\t', '\u00a0', '\n', '\n\n', '\r\n', '\r', '\r\n\r\n',
  // A BOM, surrogate pairs (Han extension B, an emoji) and lone halves.
  '\uFEFF', '\u{20000}', '\u{2A6D6}', '😀', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uD840',
  // Control and format characters.
  '\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u200b', '\u200d', '\u2028', '\u2029', '\ufffd',
];

/** One UTF-16 code unit of any value: lone surrogates included. */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

const piece = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...corpusChars) },
  { weight: 4, arbitrary: fc.constantFrom(...SPECIAL_PIECES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
  { weight: 1, arbitrary: anyCodeUnit },
);

/** Text built from draft pieces and hostile characters. */
export const speechSoup = fc.array(piece, { maxLength: 300, size: 'medium' }).map((pieces) => pieces.join(''));

/** Arbitrary Unicode: code points of every plane, or raw code units including lone surrogates, or speech soup. */
export const unicodeText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300, size: 'medium' }),
  fc.string({ unit: anyCodeUnit, maxLength: 300, size: 'medium' }),
  speechSoup,
);

type Mutation =
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'duplicateLine'; line: number }
  | { op: 'deleteLine'; line: number }
  | { op: 'swapLines'; a: number; b: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(piece, speechSoup) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 30 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicateLine' as const), line: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deleteLine' as const), line: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }) },
);

/** Applies one mutation; offsets and line numbers wrap around the text's current size. */
function mutate(text: string, m: Mutation): string {
  if (m.op === 'insert' || m.op === 'delete') {
    const at = m.at % (text.length + 1);
    return m.op === 'insert' ? text.slice(0, at) + m.text + text.slice(at) : text.slice(0, at) + text.slice(at + m.length);
  }
  const lines = text.split('\n');
  const i = m.op === 'swapLines' ? m.a % lines.length : m.line % lines.length;
  if (m.op === 'duplicateLine') lines.splice(i, 0, lines[i]);
  else if (m.op === 'deleteLine') lines.splice(i, 1);
  else {
    const j = m.b % lines.length;
    [lines[i], lines[j]] = [lines[j], lines[i]];
  }
  return lines.join('\n');
}

/**
 * A run of whole lines from a corpus text (short enough that thousands of
 * cases stay fast), then up to eight random mutations.
 */
export const mutatedCorpus = fc
  .record({
    file: fc.nat({ max: corpus.length - 1 }),
    firstLine: fc.nat(),
    lineCount: fc.integer({ min: 1, max: 24 }),
    mutations: fc.array(mutation, { maxLength: 8 }),
  })
  .map(({ file, firstLine, lineCount, mutations }) => {
    const lines = corpus[file].split('\n');
    const from = firstLine % lines.length;
    return mutations.reduce(mutate, lines.slice(from, from + lineCount).join('\n'));
  });

export type LineEnding = '\n' | '\r\n';

/** `text` with every line break made `eol` and, when asked, a leading BOM. */
export function withLineEndings(text: string, eol: LineEnding, bom: boolean): string {
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/\n/g, eol);
  return bom ? `\uFEFF${body}` : body;
}

/** Any of the texts above, with uniform line endings and an optional BOM, and which of them it has. */
export const uniformText = fc
  .record({ text: fc.oneof(unicodeText, mutatedCorpus), eol: fc.constantFrom<LineEnding>('\n', '\r\n'), bom: fc.boolean() })
  .map(({ text, eol, bom }) => ({ text: withLineEndings(text, eol, bom), eol, bom }));
