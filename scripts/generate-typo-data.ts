// Writes server/src/core/data/typo-idioms.json, the committed data of the
// `typo` rule's idiom tier, from sources that stay out of the runtime:
// - the idioms: jieba's four-character entries tagged `i` (dict.txt of
//   @node-rs/jieba, MIT) seen at least 5 times, less the reviewed misspellings of
//   data/typo-list.json and the `terms` list, and less every entry one
//   confusable character away from an entry at least 20 times as frequent
//   (jieba lists misspelled idioms as entries: 再接再励, 迫不急待); with
//   idioms jieba tags otherwise (see PHRASE_TAGS);
// - official formulations: the four-character phrases of ECSpell's list of
//   official writing (MIT) one confusable character from an idiom, never
//   reported as a near-miss of it;
// - homophones: toneless readings from pinyin-pro (MIT), every reading of a
//   polyphone that Unihan's kHanyuPinlu counts in modern use (all of them for
//   a character it does not cover), for the characters of jieba's dictionary,
//   and each idiom's own reading in context;
// - near shapes: pycorrector's same_stroke.txt groups (Apache-2.0) and
//   characters sharing a full four-corner code, or a Cangjie code but for its
//   first letter, in Unihan (Unicode licence, Debian's unicode-data package),
//   less a character that is itself the radical of another member (kRSUnicode).
//
// It also writes server/src/core/data/typo-words.json, slips in common words
// (按装 for 安装), by rule rather than by hand (see WORD_* below and
// docs/rules/typo.md, "Slips in common words"): for each frequent two-character
// word of jieba, each one-character substitute of the same toneless reading
// there or of a near shape (pycorrector's groups) that makes no dictionary
// entry, is never a character pair of the laws corpus (public domain), and
// is far less likely than the word under jieba's word frequencies.
//
// Run: node --import tsx scripts/generate-typo-data.ts <typo-data dir> [Unihan_DictionaryLikeData.txt.bz2] [laws dir]
// (Unihan_Readings.txt.bz2 and Unihan_IRGSources.txt.bz2 are read from the same folder;
// the laws dir is ../shared/corpus/laws/laws-2f4c5c2.tar.xz extracted, default /tmp/laws.)
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pinyin } from 'pinyin-pro';
import terms from '../server/src/core/data/terms.json';
import list from '../server/src/core/data/typo-list.json';

const typoData = process.argv[2] ?? '/work/shared/typo-data';
const unihan = process.argv[3] ?? '/usr/share/unicode/Unihan_DictionaryLikeData.txt.bz2';
const unihanReadings = join(unihan, '..', 'Unihan_Readings.txt.bz2');
const unihanStrokes = join(unihan, '..', 'Unihan_IRGSources.txt.bz2');
const laws = process.argv[4] ?? '/tmp/laws';
const out = join(__dirname, '..', 'server', 'src', 'core', 'data', 'typo-idioms.json');
const wordsOut = join(__dirname, '..', 'server', 'src', 'core', 'data', 'typo-words.json');

/** A misspelling is at most this rarer than the entry it miswrites (jieba counts misspellings 2–40 where the idiom has 50+). */
const MISSPELLING_RATIO = 20;
/**
 * Idioms seen at least this often. jieba gives
 * its floor count 3 (and 4) to a long tail of entries tagged `i` that are
 * plain phrases (群众心理, 团结拼博, 绝不放弃): near-misses of them were nearly
 * all of the false alarms on the People's Daily archive of January 2020.
 */
const MIN_IDIOM_COUNT = 5;
/** Idioms: entries tagged `i`. */
const IDIOM_TAGS = new Set(['i']);
/**
 * jieba tags many idioms otherwise (众志成城 n, 与时俱进 l, 墨守成规 nr,
 * 美轮美奂 nr): entries of these tags count as idioms when seen at least
 * PHRASE_MIN_COUNT times and not made of two common words (社会活动 = 社会 +
 * 活动, 信息处理): a compound of common words has ordinary words as neighbours.
 * Names of places and bodies and transliterations (ns, nt, nrt, nz: 花刺子模 beside the
 * usual 花剌子模) stay out.
 */
const PHRASE_TAGS = new Set(['l', 'n', 'nr', 'v', 'vn', 'z', 'a']);
const PHRASE_MIN_COUNT = 10;
/** A half of a four-character entry seen this often is a common word (tuned on the People's Daily archive of January 2020). */
const COMMON_HALF = 50;
const HAN = /^[\u4e00-\u9fff]+$/;

const freq = new Map<string, number>();
const tags = new Map<string, string>();
for (const line of readFileSync(require.resolve('@node-rs/jieba/dict.txt'), 'utf8').split('\n')) {
  const [word, count, tag] = line.split(' ');
  if (!word || !HAN.test(word)) continue;
  freq.set(word, Number(count));
  tags.set(word, tag);
}

// Characters worth knowing: those of dictionary words seen more than a few times.
const chars = new Set<string>();
for (const [word, count] of freq) if (count >= 5) for (const c of word) chars.add(c);

/** Unihan's readings of one field, as toneless syllables per character (`ǜ` → `ü`). */
function unihanField(file: string, field: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const line of execFileSync('bzcat', [file], { encoding: 'utf8', maxBuffer: 1 << 28 }).split('\n')) {
    const m = /^U\+([0-9A-F]+)\t(\w+)\t(.+)$/.exec(line);
    if (m && m[2] === field) found.set(String.fromCodePoint(parseInt(m[1], 16)), m[3]);
  }
  return found;
}
const toneless = (syllable: string): string => syllable.normalize('NFD').replace(/[\u0300\u0301\u0304\u030c]/g, '').normalize('NFC');
/**
 * The readings of modern usage: kHanyuPinlu counts each reading of 3,800
 * common characters in a frequency dictionary of modern Chinese. A reading
 * pinyin-pro lists but the count never saw (亲 qing, only in 亲家) is not
 * what a writer types for the character, so it makes no homophone: 手足之亲
 * is meant, not a slip for 手足之情 (People's Daily, 2020-02). Characters
 * without a count keep every reading.
 */
const counted = new Map<string, Set<string>>();
for (const [c, value] of unihanField(unihanReadings, 'kHanyuPinlu')) counted.set(c, new Set(value.split(' ').map((r) => toneless(r.replace(/\(\d+\)$/, '')))));
const readings = new Map<string, string[]>();
for (const c of chars) {
  const syllables = [...new Set((pinyin(c, { toneType: 'none', multiple: true, type: 'array' }) as string[]).filter((s) => /^[a-zü]+$/.test(s)))];
  const modern = syllables.filter((s) => counted.get(c)?.has(s) ?? true);
  readings.set(c, modern.length > 0 ? modern : syllables);
}
const homophone = (a: string, b: string): boolean => (readings.get(a) ?? []).some((s) => (readings.get(b) ?? []).includes(s));

const shapeGroups: string[] = [];
for (const line of readFileSync(join(typoData, 'pycorrector', 'same_stroke.txt'), 'utf8').split('\n')) {
  const group = [...new Set(line.split(/\s+/).filter((c) => c.length === 1 && chars.has(c)))];
  if (group.length > 1) shapeGroups.push(group.join(''));
}
const byCorner = new Map<string, string[]>();
const byPart = new Map<string, string[]>();
const addTo = (groups: Map<string, string[]>, key: string, c: string): void => {
  const group = groups.get(key) ?? [];
  group.push(c);
  groups.set(key, group);
};
for (const line of execFileSync('bzcat', [unihan], { encoding: 'utf8', maxBuffer: 1 << 28 }).split('\n')) {
  const m = /^U\+([0-9A-F]+)\t(kFourCornerCode|kCangjie)\t(\S+)/.exec(line);
  if (!m) continue;
  const c = String.fromCodePoint(parseInt(m[1], 16));
  if (!chars.has(c)) continue;
  // The first code only: a character with two codes is read either way, and one is enough.
  if (m[2] === 'kFourCornerCode') addTo(byCorner, m[3], c);
  // Cangjie codes equal but for the first letter: the same part beside another radical
  // (烩 FOMI, 脍 BOMI); a part of three letters or more, so that it is a part and not a stroke.
  else if (m[3].length >= 4) addTo(byPart, m[3].slice(1), c);
}
const cornerGroups = [...byCorner.values(), ...byPart.values()].filter((g) => g.length > 1).map((g) => g.join(''));

/**
 * A character that is itself a radical (雨, kRSUnicode 173.0) is no near shape
 * of the characters built on that radical (雪 173.3, 霜, 雷): a group of
 * pycorrector's or a four-corner code joins them, but they are other words,
 * not slips (雪过天晴 is meant: People's Daily, 2020-01). Such a character
 * leaves the group.
 */
const radicals = new Map<string, { radical: string; residual: number }>();
for (const [c, value] of unihanField(unihanStrokes, 'kRSUnicode')) {
  const m = /^(\d+'*)\.(\d+)/.exec(value);
  if (m) radicals.set(c, { radical: m[1].replace(/'+$/, ''), residual: Number(m[2]) });
}
const bareRadicalOf = (c: string, group: readonly string[]): boolean => {
  const own = radicals.get(c);
  return own !== undefined && own.residual === 0 && group.some((d) => d !== c && radicals.get(d)?.radical === own.radical);
};
for (const groups of [shapeGroups, cornerGroups]) {
  for (let g = 0; g < groups.length; g++) {
    const members = [...groups[g]];
    groups[g] = members.filter((c) => !bareRadicalOf(c, members)).join('');
  }
}
const shapeMates = new Map<string, Set<string>>();
for (const group of [...shapeGroups, ...cornerGroups]) {
  for (const c of group) {
    const mates = shapeMates.get(c) ?? new Set<string>();
    for (const d of group) if (d !== c) mates.add(d);
    shapeMates.set(c, mates);
  }
}
const confusable = (a: string, b: string): boolean => homophone(a, b) || (shapeMates.get(a)?.has(b) ?? false);

const four = [...freq.keys()].filter((w) => w.length === 4);
const byMask = new Map<string, string[]>();
for (const w of four) {
  for (let i = 0; i < 4; i++) {
    const key = w.slice(0, i) + '_' + w.slice(i + 1);
    byMask.set(key, [...(byMask.get(key) ?? []), w]);
  }
}
/** Whether `w` is one confusable character away from an entry far more frequent: then it is a misspelling, not an idiom. */
const looksMisspelled = (w: string): boolean => {
  for (let i = 0; i < 4; i++) {
    for (const other of byMask.get(w.slice(0, i) + '_' + w.slice(i + 1)) ?? []) {
      if (other !== w && freq.get(other)! >= MISSPELLING_RATIO * freq.get(w)! && confusable(w[i], other[i])) return true;
    }
  }
  return false;
};
const excluded = new Set([...list.entries.map((e) => e.wrong), ...Object.keys(terms.pairs)]);
const commonHalves = (w: string): boolean => (freq.get(w.slice(0, 2)) ?? 0) >= COMMON_HALF && (freq.get(w.slice(2)) ?? 0) >= COMMON_HALF;
const idiomLike = (w: string): boolean => {
  const tag = tags.get(w) ?? '';
  if (IDIOM_TAGS.has(tag)) return freq.get(w)! >= MIN_IDIOM_COUNT;
  return PHRASE_TAGS.has(tag) && freq.get(w)! >= PHRASE_MIN_COUNT && !commonHalves(w);
};
const gongwen = readFileSync(join(typoData, 'ecspell', 'gongwen-phrases.txt'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((phrase) => phrase.length === 4 && HAN.test(phrase));
const idioms = four.filter((w) => idiomLike(w) && !looksMisspelled(w) && !excluded.has(w)).sort();

// Only characters that can stand in an idiom or for one need readings.
const idiomChars = new Set(idioms.join(''));
const bySyllable = new Map<string, string>();
for (const [c, syllables] of readings) {
  for (const s of syllables) bySyllable.set(s, (bySyllable.get(s) ?? '') + c);
}
const homophones: Record<string, string> = {};
for (const [s, cs] of [...bySyllable].sort(([a], [b]) => a.localeCompare(b))) if (cs.length > 1 && [...cs].some((c) => idiomChars.has(c))) homophones[s] = cs;

// Official formulations one confusable character from an idiom (ECSpell's list of official phrases).
const officialNearMisses: string[] = [];
const idiomSet = new Set(idioms);
for (const phrase of gongwen) {
  if (idiomSet.has(phrase)) continue;
  for (let i = 0; i < 4 && !officialNearMisses.includes(phrase); i++) {
    for (const idiom of byMask.get(phrase.slice(0, i) + '_' + phrase.slice(i + 1)) ?? []) {
      if (idiomSet.has(idiom) && confusable(phrase[i], idiom[i])) officialNearMisses.push(phrase);
    }
  }
}

// Each idiom's reading in context (亲如手足: qin), as indices into `syllables`:
// a slip types the idiom's sound and picks a character with that reading, so
// only the idiom's own reading counts (情 qing is no slip for 亲 qin, though
// 亲 also reads qing).
const syllables = Object.keys(homophones);
const syllableCode = (s: string): string => {
  const index = syllables.indexOf(s);
  return index < 0 ? '--' : index.toString(36).padStart(2, '0');
};
const idiomReadings = idioms.map((w) => (pinyin(w, { toneType: 'none', type: 'array' }) as string[]).map(syllableCode).join('')).join('');

const shapes = [...shapeGroups, ...cornerGroups.filter((g) => [...g].some((c) => idiomChars.has(c)))].filter((g) => g.length > 1);
const data = {
  description:
    'Generated by scripts/generate-typo-data.ts; do not edit. idioms: jieba (MIT) four-character idioms, concatenated. homophones: toneless syllable → characters (pinyin-pro, MIT). idiomReadings: per idiom, the base-36 index into the syllables of homophones of the reading each character has in the idiom, two digits each (-- for none). shapes: near-shape groups from pycorrector same_stroke.txt (Apache-2.0) and shared Unihan four-corner codes or Cangjie parts (Unicode licence), less a character that is itself the radical of another member (Unihan kRSUnicode). Readings of a polyphone limited to those Unihan kHanyuPinlu counts, for the characters it covers. official: formulations from ECSpell (MIT) one confusable character from an idiom. strict: per idiom, 1 for an idiom proper (jieba tag i), 0 for a phrase.',
  idioms: idioms.join(''),
  homophones,
  idiomReadings,
  official: officialNearMisses.sort(),
  strict: idioms.map((w) => (IDIOM_TAGS.has(tags.get(w) ?? '') ? '1' : '0')).join(''),
  shapes,
};
writeFileSync(out, JSON.stringify(data) + '\n');
console.log(`${idioms.length} idioms, ${Object.keys(homophones).length} syllables, ${data.shapes.length} shape groups, ${officialNearMisses.length} official phrases; ${readFileSync(out).length} bytes`);

// Slips in common words. Each threshold was set before measuring recall, on
// size and on false alarms over the People's Daily archive of January 2020
// (`npm run eval:typos -- --part bulk`), never on the planted set.
/** Words at least this frequent in jieba (about 4,300 two-character words) are the right forms: a slip of a rare word is rarely made and rarely worth a warning. */
const WORD_MIN_COUNT = 1000;
/**
 * A substitute of the same sound must be counted by kHanyuPinlu (modern
 * frequency) and seen at least this often in the laws: the characters an
 * input method offers first; a rarer one is mostly a name's. A substitute of
 * a near shape (pycorrector's hand-made groups) has no bound: such a slip
 * comes from the hand or the eye, not from an input method's list.
 */
const WORD_SUBSTITUTE_MIN = 300;
/**
 * The slip must be at least 2^16 times less likely than the word under
 * jieba's word frequencies (log2 of count(word) · total / (count(a) ·
 * count(b)), a and b the slip's characters read as words). The lowest
 * whole step at which January 2020 raised no false alarm (14: 4, 15: 2).
 */
const WORD_MIN_SCORE = 16;
/** Tags of names (people, places, bodies, other proper nouns): their slips are not common words. */
const NAME_TAGS = new Set(['nr', 'ns', 'nt', 'nz', 'nrt', 'nrfg']);

/** Character pairs of the laws corpus, by pair of code units. */
const lawPairs = new Set<number>();
const lawChars = new Map<string, number>();
for (const name of readdirSync(laws, { recursive: true, encoding: 'utf8' }).sort()) {
  if (!name.endsWith('.md')) continue;
  const raw = readFileSync(join(laws, name), 'utf8');
  const text = raw.slice(Math.max(0, raw.indexOf('<!-- INFO END -->')));
  let previous = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!HAN.test(text[i])) {
      previous = -1;
      continue;
    }
    lawChars.set(text[i], (lawChars.get(text[i]) ?? 0) + 1);
    if (previous >= 0) lawPairs.add(previous * 0x10000 + c);
    previous = c;
  }
}
if (lawChars.size === 0) throw new Error(`${laws}: no laws corpus (extract ../shared/corpus/laws/laws-2f4c5c2.tar.xz there)`);
let total = 0;
for (const count of freq.values()) total += count;
const pycorrectorMates = new Map<string, Set<string>>();
for (const group of shapeGroups) {
  for (const c of group) {
    const mates = pycorrectorMates.get(c) ?? new Set<string>();
    for (const d of group) if (d !== c) mates.add(d);
    pycorrectorMates.set(c, mates);
  }
}
const knownWrong = new Set([...excluded, ...list.allow.map((a) => a.word)]);
/** Per slip, its right forms with their counts and the reason. */
const slips = new Map<string, Array<{ right: string; count: number; reason: string }>>();
for (const [word, count] of freq) {
  if (word.length !== 2 || count < WORD_MIN_COUNT || NAME_TAGS.has(tags.get(word) ?? '')) continue;
  const sounds = pinyin(word, { toneType: 'none', type: 'array' }) as string[];
  for (let i = 0; i < 2; i++) {
    const substitutes = new Map<string, string>();
    // A near shape first: a character both of the sound and of a near shape is not held to the sound's frequency bound.
    for (const c of pycorrectorMates.get(word[i]) ?? []) substitutes.set(c, '形近');
    for (const c of bySyllable.get(sounds[i]) ?? '') if (!substitutes.has(c)) substitutes.set(c, '同音');
    for (const [c, reason] of substitutes) {
      if (c === word[i] || (reason === '同音' && (!counted.has(c) || (lawChars.get(c) ?? 0) < WORD_SUBSTITUTE_MIN))) continue;
      const slip = i === 0 ? c + word[1] : word[0] + c;
      if (freq.has(slip) || knownWrong.has(slip) || lawPairs.has(slip.charCodeAt(0) * 0x10000 + slip.charCodeAt(1))) continue;
      const score = Math.log2((count * total) / ((freq.get(slip[0]) ?? 1) * (freq.get(slip[1]) ?? 1)));
      if (score < WORD_MIN_SCORE) continue;
      slips.set(slip, [...(slips.get(slip) ?? []), { right: word, count, reason }]);
    }
  }
}
// A slip of two words alike in frequency has no one right form: left out (a finding should name what to write).
const wordSlips = [...slips]
  .map(([slip, rights]) => [slip, rights.sort((a, b) => b.count - a.count)] as const)
  .filter(([, rights]) => rights.length === 1 || rights[0].count >= 10 * rights[1].count)
  .map(([slip, rights]) => slip + rights[0].right + (rights[0].reason === '同音' ? '音' : '形'))
  .sort();
writeFileSync(
  wordsOut,
  JSON.stringify({
    description:
      'Generated by scripts/generate-typo-data.ts; do not edit. slips: five characters each, a slip of a common two-character word, the word, and 音 (同音: the same toneless reading, pinyin-pro, MIT, and Unihan kHanyuPinlu) or 形 (形近: pycorrector same_stroke.txt, Apache-2.0). Words and counts from jieba (MIT); character pairs from the laws corpus (public domain).',
    slips: wordSlips.join(''),
  }) + '\n',
);
console.log(`${wordSlips.length} word slips; ${readFileSync(wordsOut).length} bytes`);
