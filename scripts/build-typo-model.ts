/**
 * Builds the `typo` rule's statistical tier data (issue 21, tier 3) — run by
 * hand, the results committed, as a clean clone has no corpus:
 *
 * - data/typo-lm.bin.gz: character unigram, bigram and trigram counts of the
 *   laws corpus (`../shared/corpus/laws/`, public domain under Article 5 of
 *   the PRC Copyright Law), pruned and quantized (server/src/core/typo/statModel.ts
 *   has the form). Han characters only: any other run of text counts as one
 *   boundary symbol, so a sentence's first and last characters have context.
 * - data/typo-confusions.json: the confusion set. `homophones`: toneless
 *   syllable → every character read so (pinyin-pro, all readings of a 多音字),
 *   over the characters the corpus or jieba's dictionary holds; `shapes`:
 *   pycorrector's near-shape groups (`../shared/typo-data/pycorrector/same_stroke.txt`,
 *   Apache-2.0).
 *
 * Usage: node --import tsx scripts/build-typo-model.ts CORPUS_DIR PYCORRECTOR_SAME_STROKE
 *          [--min-bigram N] [--min-trigram N]
 * CORPUS_DIR: the extracted laws-2f4c5c2.tar.xz (Markdown files; the text after
 * `<!-- INFO END -->` is read).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pinyin } from 'pinyin-pro';
import { isHanCode } from '../server/src/core/text/chars';
import { encodeModel, trigramKey } from '../server/src/core/typo/statModel';
import { CONFUSIONS_FILE, MODEL_FILE } from '../server/src/typoModel';

const DATA = join(__dirname, '..', 'data');

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : name.endsWith('.md') ? [path] : [];
    });
}

function main(): void {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: number): number => {
    const i = args.indexOf(name);
    if (i < 0) return fallback;
    const value = Number(args[i + 1]);
    args.splice(i, 2);
    return value;
  };
  // Tuned for size: counts below these carry little evidence and make most of the keys.
  const minBigram = option('--min-bigram', 2);
  const minTrigram = option('--min-trigram', 3);
  const [corpus, sameStroke] = args;
  if (!corpus || !sameStroke) {
    process.stderr.write('Usage: build-typo-model.ts CORPUS_DIR SAME_STROKE_TXT [--min-bigram N] [--min-trigram N]\n');
    process.exitCode = 2;
    return;
  }
  const uni = new Map<number, number>();
  const bi = new Map<number, number>();
  const tri = new Map<number, number>();
  const add = (m: Map<number, number>, k: number): void => {
    m.set(k, (m.get(k) ?? 0) + 1);
  };
  let total = 0;
  let fileCount = 0;
  for (const file of files(corpus)) {
    const raw = readFileSync(file, 'utf8');
    const marker = raw.indexOf('<!-- INFO END -->');
    const text = marker >= 0 ? raw.slice(marker + 17) : raw;
    fileCount++;
    let a = 0;
    let b = 0;
    for (let i = 0; i <= text.length; i++) {
      const code = i < text.length && isHanCode(text.charCodeAt(i)) ? text.charCodeAt(i) : 0;
      if (code === 0 && b === 0) continue;
      total++;
      add(uni, code);
      add(bi, b * 0x10000 + code);
      // Exact key while counting: a·2^32 + b·2^16 + c stays below 2^48.
      add(tri, a * 0x100000000 + b * 0x10000 + code);
      a = b;
      b = code;
    }
  }
  const bigrams = new Map<number, number>();
  for (const [k, n] of bi) if (n >= minBigram) bigrams.set(k >>> 0, n);
  const trigrams = new Map<number, number>();
  for (const [k, n] of tri) {
    if (n < minTrigram) continue;
    const a = Math.floor(k / 0x100000000);
    const rest = k - a * 0x100000000;
    const key = trigramKey(a, Math.floor(rest / 0x10000), rest & 0xffff);
    trigrams.set(key, (trigrams.get(key) ?? 0) + n);
  }
  const encoded = encodeModel(uni, bigrams, trigrams, total);
  const gz = gzipSync(encoded, { level: 9 });
  writeFileSync(join(DATA, MODEL_FILE), gz);
  process.stdout.write(
    `${fileCount} files, ${total} characters; ${uni.size} characters, ${bigrams.size} of ${bi.size} bigrams (≥${minBigram}), ${trigrams.size} of ${tri.size} trigrams (≥${minTrigram}); ${encoded.length} bytes, ${gz.length} gzip'd\n`,
  );

  // The confusion set over the characters the corpus or the segmenter's dictionary holds.
  const chars = new Set<string>();
  for (const code of uni.keys()) if (code !== 0) chars.add(String.fromCharCode(code));
  const dict = readFileSync(require.resolve('@node-rs/jieba/dict.txt'), 'utf8');
  for (const line of dict.split('\n')) {
    const word = line.split(' ')[0];
    for (const ch of word) if (ch.length === 1 && isHanCode(ch.charCodeAt(0))) chars.add(ch);
  }
  const bySyllable = new Map<string, string[]>();
  for (const ch of [...chars].sort()) {
    const readings = new Set(pinyin(ch, { multiple: true, toneType: 'none', type: 'array' }) as string[]);
    for (const r of readings) {
      if (!/^[a-zü]+$/.test(r)) continue;
      const group = bySyllable.get(r) ?? [];
      group.push(ch);
      bySyllable.set(r, group);
    }
  }
  const homophones: Record<string, string> = {};
  for (const syllable of [...bySyllable.keys()].sort()) homophones[syllable] = bySyllable.get(syllable)!.join('');
  const shapes = readFileSync(sameStroke, 'utf8')
    .split('\n')
    .map((line) => line.split(/\s+/).filter((c) => c.length === 1 && isHanCode(c.charCodeAt(0))).join(''))
    .filter((g) => g.length >= 2);
  const confusions = {
    source: 'scripts/build-typo-model.ts: homophones from pinyin-pro (MIT, every reading, tones ignored); shapes from pycorrector same_stroke.txt (Apache-2.0, shibing624/pycorrector fc8aa56c)',
    homophones,
    shapes,
  };
  writeFileSync(join(DATA, CONFUSIONS_FILE), `${JSON.stringify(confusions, null, 0)}\n`);
  process.stdout.write(`${chars.size} characters in ${bySyllable.size} syllables; ${shapes.length} shape groups\n`);
}

main();
