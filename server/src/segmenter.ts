/**
 * The Chinese word segmenter lent to the rules (`RuleServices.segmenter`):
 * jieba's dictionary-only cut over jieba's dictionary, in the compact form of
 * `core/text/wordList.ts` (about 5.6 MB in memory with the part-of-speech tags, where jieba itself builds
 * about 60 MB of tables).
 *
 * The word list is a data file next to the bundle (`dist/jieba-words.txt`,
 * written by `scripts/generate-word-list.ts` from the `dict.txt` that the
 * `@node-rs/jieba` package ships). Test and `tsx` runs, which have no bundle
 * beside them, build the same list from that `dict.txt` in `node_modules`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Segmenter } from './core/rule';
import { compactWordList, readWordList, wordListSegmenter } from './core/text/wordList';

export const WORD_LIST_FILE = 'jieba-words.txt';

/** The compact word list: the file beside the bundle, else one built from the installed `dict.txt`. */
function compactList(): string | undefined {
  const beside = join(__dirname, WORD_LIST_FILE);
  if (existsSync(beside)) return readFileSync(beside, 'utf8');
  try {
    return compactWordList(readFileSync(createRequire(__filename).resolve('@node-rs/jieba/dict.txt'), 'utf8'));
  } catch {
    // Not installed (a packaged extension without its data file): no segmenter.
    return undefined;
  }
}

let loaded: Segmenter | undefined;

/**
 * The segmenter, loaded on first call and shared after. `wordListPath`
 * overrides the search. Returns undefined when the word list is missing or
 * unreadable: the rules then run without a segmenter, as they must anyway on
 * hosts that lack one.
 */
export function loadSegmenter(wordListPath?: string): Segmenter | undefined {
  if (loaded) return loaded;
  try {
    const compact = wordListPath ? readFileSync(wordListPath, 'utf8') : compactList();
    const list = compact === undefined ? undefined : readWordList(compact);
    if (list) loaded = wordListSegmenter(list);
  } catch {
    return undefined;
  }
  return loaded;
}
