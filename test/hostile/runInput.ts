/**
 * Worker entry: builds one hostile input by name (workerData), checks it with
 * every rule and the word segmenter as the server does, applies the fixes
 * when the input asks for it, and posts what it measured.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { applyFixes, check } from '../../server/src/core';
import { loadSegmenter } from '../../server/src/segmenter';
import { HOSTILE_INPUTS } from './inputs';

export interface RunResult {
  length: number;
  findings: number;
  /** Findings whose span is not inside the text (must be 0). */
  outside: number;
  checkMs: number;
  fixMs?: number;
  fixesApplied?: number;
  heapMb: number;
}

const input = HOSTILE_INPUTS[workerData as string];
const text = input.build();
const services = { segmenter: loadSegmenter() };
const started = performance.now();
const { findings } = check(text, { services });
const result: RunResult = {
  length: text.length,
  findings: findings.length,
  outside: findings.filter((f) => !(0 <= f.span.start && f.span.start <= f.span.end && f.span.end <= text.length)).length,
  checkMs: performance.now() - started,
  heapMb: process.memoryUsage().heapUsed / 2 ** 20,
};
if (input.fix) {
  const fixStarted = performance.now();
  result.fixesApplied = applyFixes(text, findings).applied;
  result.fixMs = performance.now() - fixStarted;
}
parentPort!.postMessage(result);
