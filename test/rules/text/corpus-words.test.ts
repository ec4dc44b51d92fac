/**
 * The four word rules (repeated-char, repeated-phrase, broken-paragraph,
 * terms) over the three real texts, with the real segmenter: the seed's
 * faults in their area are found, and nothing else anywhere. Each expected hit
 * was located by reading the text.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyFixes } from '../../../server/src/core/fix';
import { lint } from '../../../server/src/core/lint';
import { parse } from '../../../server/src/core/parse';
import type { Rule } from '../../../server/src/core/rule';
import { rule as brokenParagraph } from '../../../server/src/core/rules/text/broken-paragraph';
import { rule as repeatedChar } from '../../../server/src/core/rules/text/repeated-char';
import { rule as repeatedPhrase } from '../../../server/src/core/rules/text/repeated-phrase';
import { rule as terms } from '../../../server/src/core/rules/text/terms';
import { loadSegmenter } from '../../../server/src/segmenter';

const RULES: readonly Rule[] = [repeatedChar, repeatedPhrase, brokenParagraph, terms];
const services = { segmenter: loadSegmenter() };

const corpus = (name: string): string => readFileSync(join(__dirname, '../../fixtures/corpus', name), 'utf8');

/** `rule line text` for each finding, in document order. */
function hits(text: string): string[] {
  const doc = parse(text);
  return lint(doc, { only: RULES, services }).map((f) => `${f.ruleId} ${doc.lines.positionAt(f.span.start).line} ${text.slice(f.span.start, f.span.end)}`);
}

/** The seed's paragraphs that stop mid-sentence: 0-based line and the character they stop on. */
const SEED_BREAKS: ReadonlyArray<[number, string]> = [
  [14, '的'],
  [18, '关'],
  [30, '受'],
  [46, '件'],
  [50, '办'],
  [62, '委'],
  [68, '地'],
  [78, '人'],
  [82, '发'],
  [94, '定'],
  [98, '多'],
  [110, '以'],
  [116, '效'],
  [130, '力'],
];

describe('word rules on the corpus', () => {
  const seed = corpus('000_0f1e9368376be244.txt');

  it('seed: exactly the doubled words, the doubled clause and the 14 broken paragraphs', () => {
    const expected = [
      ...SEED_BREAKS.map(([line, last]) => `broken-paragraph ${line} ${last}`),
      'repeated-phrase 52 认真贯彻落实党委(党组)落实全面从严治党主体责任规定，制定市政协党组及机关党组',
      'repeated-char 80 交流交流',
      'repeated-char 120 争争',
    ].sort((a, b) => Number(a.split(' ')[1]) - Number(b.split(' ')[1]));
    assert.deepEqual(hits(seed), expected);
  });

  it('seed: each break is reported on the last character of its line', () => {
    const doc = parse(seed);
    const lines = seed.split('\n');
    const breaks = lint(doc, { only: [brokenParagraph] }).map((f) => doc.lines.positionAt(f.span.start));
    assert.deepEqual(
      breaks,
      SEED_BREAKS.map(([line]) => ({ line, character: lines[line].length - 1 })),
    );
  });

  it('seed: fixing joins the broken paragraphs and drops the doubles, once and for all', () => {
    const doc = parse(seed);
    const fixed = applyFixes(seed, lint(doc, { only: RULES, services }));
    assert.equal(fixed.applied, 16);
    assert.equal(fixed.text.split('\n').length, seed.split('\n').length - 2 * SEED_BREAKS.length);
    assert.ok(fixed.text.includes('构建“学习+知情、学习+协商、学习+调研、学习+监督”的“1+4”学习格局'));
    assert.ok(fixed.text.includes('举办委员读书学习交流会'));
    assert.ok(fixed.text.includes('带动委员创新作为、争一流'));
    // Four joins above move the clause's line up by 8; the fifth joins its line onto line 42.
    assert.deepEqual(hits(fixed.text), ['repeated-phrase 42 认真贯彻落实党委(党组)落实全面从严治党主体责任规定，制定市政协党组及机关党组']);
  });

  it('people-daily: silent', () => {
    assert.deepEqual(hits(corpus('people-daily-2020-cppcc-exchange.txt')), []);
  });

  it('spc: silent', () => {
    assert.deepEqual(hits(corpus('spc-2019-70th-symposium.txt')), []);
  });
});
