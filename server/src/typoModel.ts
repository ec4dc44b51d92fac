/**
 * Loads the `typo` rule's statistical tier (`RuleServices.typoModel`): the
 * character n-gram model and the confusion set, committed under data/ (built
 * by scripts/build-typo-model.ts from the public-domain laws corpus). Loaded
 * lazily, on the first check that asks for tier 3, and shared after: a host
 * that never enables `statistical` never reads them.
 *
 * The files sit in data/ at the package root: beside the bundles that is
 * `dist/../data`, for test and `tsx` runs `server/src/../../data`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { TypoModel } from './core/rule';
import { Confusions, type ConfusionData } from './core/typo/statConfusions';
import { decodeModel } from './core/typo/statModel';

export const MODEL_FILE = 'typo-lm.bin.gz';
export const CONFUSIONS_FILE = 'typo-confusions.json';

/** The data folder: the package's (beside dist/) or the repository's (beside server/src/). */
function dataDir(): string | undefined {
  for (const dir of [join(__dirname, '..', 'data'), join(__dirname, '..', '..', 'data')]) if (existsSync(join(dir, MODEL_FILE))) return dir;
  return undefined;
}

let loaded: TypoModel | undefined;

/**
 * The model, loaded on first call and shared after; `dir` overrides the
 * search (tests). Undefined when the files are missing or unreadable: the
 * statistical tier then stays silent.
 */
export function loadTypoModel(dir?: string): TypoModel | undefined {
  if (loaded && dir === undefined) return loaded;
  const from = dir ?? dataDir();
  if (from === undefined) return undefined;
  try {
    const ngrams = decodeModel(gunzipSync(readFileSync(join(from, MODEL_FILE))));
    const confusions = new Confusions(JSON.parse(readFileSync(join(from, CONFUSIONS_FILE), 'utf8')) as ConfusionData);
    const model: TypoModel = { ngrams, confusions };
    if (dir === undefined) loaded = model;
    return model;
  } catch {
    return undefined;
  }
}
