/**
 * The Word engine at the moment of use. `docx`, `mammoth` and `jszip` weigh
 * about 1.4 MB, more than the whole language server: they are bundled apart
 * into `dist/word.js`, beside the server and CLI bundles, and read from there
 * the first time a command needs them, so checking drafts never loads them.
 */
import * as path from 'node:path';
import type * as WordModule from './index';

export type WordEngine = typeof WordModule;

let engine: WordEngine | undefined;

export function loadWord(): WordEngine {
  // A computed path, so esbuild leaves the require alone instead of bundling the engine in.
  engine ??= require(path.join(__dirname, 'word.js')) as WordEngine;
  return engine;
}
