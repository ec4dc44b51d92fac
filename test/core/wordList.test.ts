/**
 * The segmenter is jieba's dictionary-only cut re-done over a compact word
 * list (core/text/wordList.ts). jieba itself (jieba-wasm, a dev dependency
 * kept for this) is the oracle: on every Han run of the corpus, on windows
 * cut from those runs, and on random strings of dictionary words and
 * characters, both must cut alike.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { cut as jiebaCut, initSync } from 'jieba-wasm/web';
import { compactWordList, cutWords, hasWord, readWordList, tagOf, type WordList } from '../../server/src/core/text/wordList';
import { itHolds } from '../property/seeds';

const require = createRequire(__filename);
const dictText = readFileSync(require.resolve('@node-rs/jieba/dict.txt'), 'utf8');
initSync({ module: readFileSync(join(dirname(require.resolve('jieba-wasm/web')), 'jieba_rs_wasm_bg.wasm')) });
const jieba = (text: string): string[] => jiebaCut(text, false);

const CORPUS_DIR = join(__dirname, '..', 'fixtures', 'corpus');
const HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;

describe('word list', function () {
  this.timeout(60_000);
  let list: WordList;

  before(function () {
    const read = readWordList(compactWordList(dictText));
    assert.ok(read, 'the compact list did not read back');
    list = read;
  });

  it('keeps the Han words of the dictionary, with the total of every word', () => {
    const lines = dictText.split('\n').filter((l) => l.trim());
    const total = lines.reduce((sum, l) => sum + Number(l.split(/\s+/)[1]), 0);
    assert.equal(list.logTotal, Math.log(total));
    assert.deepEqual(cutWords(list, '中华人民共和国'), ['中华人民共和国']);
    // Words with Latin letters or digits (`AA制`, `1号店`) cannot occur in a Han run and are left out.
    assert.deepEqual(cutWords(list, '制店'), ['制', '店']);
  });

  it('rejects text that is not a compact list', () => {
    assert.equal(readWordList(''), undefined);
    assert.equal(readWordList(dictText.slice(0, 1000)), undefined);
    const compact = compactWordList('政协 100 n\n协商 50 v\n');
    assert.ok(readWordList(compact));
    assert.equal(readWordList(compact.replace('协商政协', '协商政')), undefined, 'a truncated words line');
  });

  it("keeps jieba's part-of-speech tag of every word", () => {
    assert.equal(tagOf(list, '推进'), 'v');
    assert.equal(tagOf(list, '政协'), 'j', 'an abbreviation');
    assert.equal(tagOf(list, '工作'), 'vn');
    assert.equal(tagOf(list, '认真'), 'ad');
    assert.equal(tagOf(list, '推进政协'), undefined, 'not a word');
    const small = readWordList(compactWordList('研究 5 v\n研究 1 vn\n生命 0\n'));
    assert.ok(small);
    assert.equal(tagOf(small, '研究'), 'vn', 'a repeated word keeps its last tag');
    assert.equal(tagOf(small, '生命'), undefined, 'a word listed without a tag');
  });

  it('follows jieba on duplicate and frequency-less lines', () => {
    const small = readWordList(compactWordList('研究 5 v\n研究生 3 n\n研究 1 v\n生命 0\n'));
    assert.ok(small);
    assert.equal(small.logTotal, Math.log(1 + 3 + 0), 'the last frequency of a repeated word counts');
    assert.deepEqual(cutWords(small, '研究生命'), ['研究生', '命']);
  });

  it('cuts every Han run of the corpus, and windows of it, as jieba does', () => {
    const pieces = new Set<string>();
    // The texts at the top (the People's Daily selection in the subfolder would triple the time).
    for (const file of readdirSync(CORPUS_DIR).filter((name) => name.endsWith('.txt'))) {
      for (const [run] of readFileSync(join(CORPUS_DIR, file), 'utf8').matchAll(HAN_RUN)) {
        pieces.add(run);
        for (let at = 0; at < run.length; at += 3) pieces.add(run.slice(at, at + 2 + (at % 11)));
      }
    }
    assert.ok(pieces.size > 5000, `only ${pieces.size} pieces`);
    const differ = [...pieces].filter((p) => cutWords(list, p).join('|') !== jieba(p).join('|'));
    assert.deepEqual(differ.slice(0, 5).map((p) => [p, cutWords(list, p).join('|'), jieba(p).join('|')]), []);
  });

  describe('random strings of dictionary words and characters', () => {
    const words = dictText
      .split('\n')
      .map((l) => l.split(' ')[0])
      .filter((w) => w && /^[\u4e00-\u9fff]+$/.test(w));
    const piece = fc.oneof(
      fc.nat({ max: words.length - 1 }).map((i) => words[i]),
      fc.constantFrom(...'的一是了我不人在他有这个上们来到时大地为子中你说生国年着就那和要'),
    );
    itHolds(
      'cut as jieba cuts them',
      fc.array(piece, { minLength: 1, maxLength: 8 }).map((parts) => parts.join('')),
      (text) => assert.deepEqual(cutWords(list, text), jieba(text)),
      300,
    );
  });

  it('says whether it holds a word at any frequency, even one its cut splits', () => {
    // `过过` (frequency 3) loses to `过|过` in the cut, yet the dictionary lists it.
    assert.deepEqual(cutWords(list, '过过'), ['过', '过']);
    assert.equal(hasWord(list, '过过'), true);
    assert.equal(hasWord(list, '政协'), true);
    assert.equal(hasWord(list, '争争'), false);
    assert.equal(hasWord(list, '政协协'), false);
    const small = readWordList(compactWordList('生命 0\n政协 1\n'));
    assert.ok(small);
    assert.equal(hasWord(small, '生命'), true, 'a word without frequency is still listed');
    assert.equal(hasWord(small, '中华人民共和国'), false, 'no words of that length');
  });

  it('keeps a surrogate pair whole', () => {
    assert.deepEqual(cutWords(list, '𠀋政协'), ['𠀋', '政协']);
  });
});
