/**
 * The ten punctuation and wording rules over the three real texts: every
 * §1.3 fault in their area is found in the seed, and nothing else is reported
 * anywhere — each expected hit below was located by reading the text.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyFixes } from '../../../server/src/core/fix';
import { lint } from '../../../server/src/core/lint';
import { parse } from '../../../server/src/core/parse';
import { PUNCTUATION_RULES } from '../../helpers/punctuationRules';


const corpus = (name: string): string => readFileSync(join(__dirname, '../../fixtures/corpus', name), 'utf8');

/** `rule line:character text` for each finding, in document order. */
function hits(text: string): string[] {
  const doc = parse(text);
  return lint(doc, { only: PUNCTUATION_RULES }).map((f) => {
    const { line, character } = doc.lines.positionAt(f.span.start);
    return `${f.ruleId} ${line}:${character} ${text.slice(f.span.start, f.span.end)}`;
  });
}

describe('punctuation and wording rules on the corpus', () => {
  it('seed: finds and, 1-2名 ×4, 党委(党组) ×2, 党员(委员), 乡镇(园区) — and nothing else', () => {
    assert.deepEqual(hits(corpus('000_0f1e9368376be244.txt')), [
      'latin-word 42:54 and',
      'number-range 46:47 1-2',
      'number-range 46:60 1-2',
      'number-range 48:30 1-2',
      'number-range 48:48 1-2',
      'halfwidth-punctuation 52:29 (党组)',
      'halfwidth-punctuation 52:69 (党组)',
      'halfwidth-punctuation 86:93 (委员)',
      'halfwidth-punctuation 110:68 (园区)',
    ]);
  });

  it('people-daily: silent (title halves, padded names, “院坝协商” 助力 title)', () => {
    assert.deepEqual(hits(corpus('people-daily-2020-cppcc-exchange.txt')), []);
  });

  it('spc: only the stray space in the 张蓓蓓 speech', () => {
    assert.deepEqual(hits(corpus('spc-2019-70th-symposium.txt')), ['stray-space 37:350  ']);
  });

  it('seed: fixing everything leaves only the unfixable and fixes nothing more', () => {
    const text = corpus('000_0f1e9368376be244.txt');
    const once = applyFixes(text, lint(parse(text), { only: PUNCTUATION_RULES }));
    // The ninth fix is latin-word's `and` → `和`, the spaces around it taken along.
    assert.equal(once.applied, 9);
    assert.deepEqual(hits(once.text), []);
    assert.match(once.text, /精神和中办印发/);
    assert.match(once.text, /认真贯彻落实《党委（党组）落实全面从严治党主体责任规定》/);
    assert.match(once.text, /乡镇（园区）建立/);
    assert.match(once.text, /每名委员联系1～2名党外委员/);
    assert.equal(applyFixes(once.text, lint(parse(once.text), { only: PUNCTUATION_RULES })).applied, 0);
  });
});
