/**
 * The statistical tier's model: its binary form read back, its loader's
 * refusals, and the shipped files (data/) loading within the size bound.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { Confusions } from '../../server/src/core/typo/statConfusions';
import { bigramKey, decodeModel, encodeModel, QUANT, trigramKey } from '../../server/src/core/typo/statModel';
import { CONFUSIONS_FILE, loadTypoModel, MODEL_FILE } from '../../server/src/typoModel';
import { ROOT } from '../lsp/ensureBuilt';

const DATA = path.join(ROOT, 'data');
/** The package bound of issue 21 (about 15 MB for the model). */
const MAX_BYTES = 15 * 1024 * 1024;

const code = (c: string): number => c.charCodeAt(0);

describe('typo model: binary form', () => {
  // A tiny model built here: 安装 seen 64 times, 按照 32, 装 after 安 only.
  const uni = new Map([
    [code('安'), 64],
    [code('按'), 32],
    [code('装'), 64],
    [code('照'), 32],
    [0, 10],
  ]);
  const bi = new Map([
    [bigramKey(code('安'), code('装')), 64],
    [bigramKey(code('按'), code('照')), 32],
  ]);
  const tri = new Map([[trigramKey(0, code('安'), code('装')), 16]]);
  const model = decodeModel(encodeModel(uni, bi, tri, 202));

  it('reads back the quantized counts it wrote', () => {
    assert.equal(model.unigram(code('安')), 6 * QUANT);
    assert.equal(model.bigram(code('安'), code('装')), 6 * QUANT);
    assert.equal(model.bigram(code('按'), code('装')), -1);
    assert.equal(model.trigram(0, code('安'), code('装')), 4 * QUANT);
    assert.equal(model.trigram(0, code('按'), code('装')), -1);
    assert.equal(model.total, 202);
  });

  it('scores a seen continuation above an unseen one', () => {
    assert.ok(model.logProb(0, code('安'), code('装')) > model.logProb(0, code('按'), code('装')));
  });

  it('refuses bytes that are not a model, and truncated ones', () => {
    assert.throws(() => decodeModel(Uint8Array.from([1, 2, 3, 4, 5])), /not a typo model/);
    const whole = encodeModel(uni, bi, tri, 202);
    assert.throws(() => decodeModel(whole.slice(0, whole.length - 3)), /truncated/);
  });
});

describe('typo model: confusion set', () => {
  it('offers homophones over every reading, then near shapes, each once', () => {
    const confusions = new Confusions({ homophones: { an: '安按岸', zhao: '照着', zhe: '着这' }, shapes: ['按接', '着看'] });
    assert.deepEqual(
      confusions.of(code('按')).map((c) => [String.fromCharCode(c.code), c.reason]),
      [
        ['安', '同音'],
        ['岸', '同音'],
        ['接', '形近'],
      ],
    );
    assert.deepEqual(confusions.of(code('着')).map((c) => String.fromCharCode(c.code)), ['照', '这', '看']);
  });
});

describe('typo model: the shipped files', () => {
  it('load, and stay under the size bound', () => {
    const model = loadTypoModel(DATA);
    assert.ok(model, 'data/ holds no loadable model');
    assert.ok(model.ngrams.total > 10_000_000, `the model counted only ${model.ngrams.total} characters`);
    const bytes = fs.statSync(path.join(DATA, MODEL_FILE)).size + fs.statSync(path.join(DATA, CONFUSIONS_FILE)).size;
    assert.ok(bytes <= MAX_BYTES, `the model takes ${bytes} bytes`);
  });

  it('a damaged model file loads as no model, without throwing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'speechlint-model-'));
    try {
      fs.copyFileSync(path.join(DATA, CONFUSIONS_FILE), path.join(dir, CONFUSIONS_FILE));
      fs.writeFileSync(path.join(dir, MODEL_FILE), gzipSync(Buffer.from('STM1 and then nothing useful')));
      assert.equal(loadTypoModel(dir), undefined);
      fs.writeFileSync(path.join(dir, MODEL_FILE), 'not even gzip');
      assert.equal(loadTypoModel(dir), undefined);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
