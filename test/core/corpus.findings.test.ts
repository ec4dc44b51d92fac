/**
 * Every rule, with its default settings and the real segmenter, over every
 * corpus text (the three older compilations and the People's Daily
 * selection): the warnings and errors are exactly the real faults listed in
 * test/fixtures/corpus/FINDINGS.json, each with a one-line reason written by
 * reading the text. A new false alarm fails here; so does a lost real fault.
 * Info findings are not listed: they are style notes, counted apart (docs/corpus.md).
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../server/src/core';
import { loadSegmenter } from '../../server/src/segmenter';

const CORPUS = join(__dirname, '..', 'fixtures', 'corpus');

interface Listed {
  rule: string;
  line: number;
  text: string;
  reason: string;
}

const listed = JSON.parse(readFileSync(join(CORPUS, 'FINDINGS.json'), 'utf8')) as Record<string, Listed[]>;
const services = { segmenter: loadSegmenter() };

const texts = [
  ...readdirSync(CORPUS).filter((n) => n.endsWith('.txt')),
  ...readdirSync(join(CORPUS, 'rmrb'))
    .filter((n) => n.endsWith('.txt'))
    .map((n) => `rmrb/${n}`),
].sort();

/** `rule line text` of each warning and error, in document order. */
function problems(text: string): string[] {
  const { doc, findings } = check(text, { services });
  return findings
    .filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map((f) => `${f.ruleId} ${doc.lines.positionAt(f.span.start).line} ${text.slice(f.span.start, f.span.end)}`);
}

describe('warnings and errors on the whole corpus', () => {
  it('lists every corpus text, and only those', () => {
    assert.deepEqual(Object.keys(listed).sort(), texts);
  });

  for (const name of texts) {
    it(`${name}: exactly the listed findings`, () => {
      const expected = listed[name] ?? [];
      for (const e of expected) assert.ok(e.reason.trim().length > 0, `${e.rule} ${e.line}: no reason given`);
      const key = (e: Listed): string => `${e.rule} ${e.line} ${e.text}`;
      const sortByLine = (a: string, b: string): number => Number(a.split(' ')[1]) - Number(b.split(' ')[1]) || a.localeCompare(b);
      assert.deepEqual(problems(readFileSync(join(CORPUS, name), 'utf8')).sort(sortByLine), expected.map(key).sort(sortByLine));
    });
  }
});
