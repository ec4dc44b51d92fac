// Writes the segmenter's word list (dist/jieba-words.txt) from jieba's
// dictionary as the @node-rs/jieba package ships it (MIT, the dict.txt of
// jieba-rs): the compact form is read at start-up without building tables.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compactWordList } from '../server/src/core/text/wordList';
import { WORD_LIST_FILE } from '../server/src/segmenter';

const dist = join(__dirname, '..', 'dist');
mkdirSync(dist, { recursive: true });
const dict = readFileSync(require.resolve('@node-rs/jieba/dict.txt'), 'utf8');
writeFileSync(join(dist, WORD_LIST_FILE), compactWordList(dict));
