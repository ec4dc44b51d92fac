/**
 * The Chinese word segmenter lent to the rules (`RuleServices.segmenter`).
 *
 * It is jieba (jieba-rs compiled to WebAssembly, package `jieba-wasm`): the
 * same code and dictionary on every OS, no native binary. The `.wasm` file
 * (about 4 MB, jieba's dictionary inside) is read at run time, so a bundle
 * finds it next to itself (`dist/jieba_rs_wasm_bg.wasm`, copied there by the
 * build) and tests and `tsx` runs find it in `node_modules`.
 *
 * `cut` segments by the dictionary alone (no HMM guessing of unknown words):
 * the rules read a token of two or more characters as "the dictionary knows
 * this word", which an HMM merge such as `争争` would falsify.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { cut, initSync } from 'jieba-wasm/web';
import type { Segmenter } from './core/rule';

const WASM_FILE = 'jieba_rs_wasm_bg.wasm';

/** Where the `.wasm` may be: next to the running bundle, else in the installed package. */
function wasmCandidates(): string[] {
  const candidates = [join(__dirname, WASM_FILE)];
  try {
    candidates.push(join(dirname(createRequire(__filename).resolve('jieba-wasm/web')), WASM_FILE));
  } catch {
    // Not installed (a packaged extension): the copy next to the bundle is the only one.
  }
  return candidates;
}

let loaded: Segmenter | undefined;

/**
 * The segmenter, loaded on first call (jieba-wasm keeps one global instance,
 * so every caller shares it). `wasmPath` overrides the search. Returns
 * undefined when the `.wasm` cannot be found or loaded: rules then run
 * without a segmenter, as they must anyway on hosts that lack one.
 */
export function loadSegmenter(wasmPath?: string): Segmenter | undefined {
  if (loaded) return loaded;
  const file = wasmPath ?? wasmCandidates().find((f) => existsSync(f));
  if (!file) return undefined;
  try {
    initSync({ module: readFileSync(file) });
  } catch {
    return undefined;
  }
  loaded = { cut: (text) => cut(text, false) };
  return loaded;
}

/**
 * The segmenter with its dictionary built: jieba builds it on the first cut,
 * which takes a few hundred milliseconds, so a host can do that when it suits
 * it rather than inside its first check.
 */
export function warmSegmenter(): Segmenter | undefined {
  const segmenter = loadSegmenter();
  segmenter?.cut('预热分词词典');
  return segmenter;
}
