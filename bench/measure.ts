/**
 * Throughput: every tool on every compilation, each measurement in a fresh
 * worker process (so peak RSS is the tool's own), killed when it runs past
 * the cap instead of being waited for.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { MB, ROOT, type Corpus } from './corpora';
import { installedVersion } from './peers';
import type { Outcome, Tool } from './tools';

export const RESULT_TAG = 'BENCH-RESULT ';

export type WorkerResult =
  | { status: 'ok'; times: number[]; outcomes: Outcome[]; peakRssMB: number }
  | { status: 'failed'; detail: string };

export interface Limits {
  /** Time a warm worker may spend on its timed calls; fewer runs when one call is slow. */
  budgetMs: number;
  maxRuns: number;
  /** A worker still running after this long is killed and the cell reads "over cap". */
  capMs: number;
  /** Fresh processes per cell for a tool timed by first calls. */
  freshSamples: number;
}

export type CellStatus = 'ok' | 'not installed' | 'over cap' | 'failed' | 'invalid';

export interface Cell {
  tool: string;
  size: string;
  bytes: number;
  status: CellStatus;
  /** How it was timed: warm-up then timed calls in one process, or first calls of fresh processes. */
  mode: 'warm' | 'first call';
  times?: number[];
  medianMs?: number;
  mbPerS?: number;
  msPerMB?: number;
  peakRssMB?: number;
  problems?: number;
  detail?: string;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const WORKER = join(__dirname, 'worker.ts');

function runWorker(args: string[], capMs: number): Promise<WorkerResult | { status: 'over cap' }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', WORKER, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-2000)));
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, capMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (killed) return resolve({ status: 'over cap' });
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_TAG));
      if (line) return resolve(JSON.parse(line.slice(RESULT_TAG.length)) as WorkerResult);
      resolve({ status: 'failed', detail: `worker exited (${signal ?? code}) without a result: ${stderr.trim().slice(-300)}` });
    });
  });
}

/** Why a set of answers cannot be trusted: an error returned, or calls on the same text disagreeing on the count. */
function distrust(outcomes: readonly Outcome[]): string | undefined {
  const failed = outcomes.findIndex((o) => o.error);
  if (failed >= 0) return `call ${failed + 1} returned ${outcomes[failed].problems} problems and an error: ${outcomes[failed].error?.split('\n').pop()?.trim()}`;
  const counts = new Set(outcomes.map((o) => o.problems));
  if (counts.size > 1) return `calls on the same text disagree: ${[...counts].join(' vs ')} problems`;
  return undefined;
}

export async function measureCell(tool: Tool, corpus: Corpus, limits: Limits): Promise<Cell> {
  const fresh = tool.freshProcessFrom !== undefined && corpus.bytes >= tool.freshProcessFrom;
  const cell: Cell = { tool: tool.id, size: corpus.label, bytes: corpus.bytes, status: 'ok', mode: fresh ? 'first call' : 'warm' };
  if (tool.packageName && !installedVersion(tool.packageName)) return { ...cell, status: 'not installed' };

  const results: WorkerResult[] = [];
  for (let i = 0; i < (fresh ? limits.freshSamples : 1); i++) {
    const args = fresh ? [tool.id, corpus.file, 'first'] : [tool.id, corpus.file, 'warm', String(limits.budgetMs), String(limits.maxRuns)];
    const result = await runWorker(args, limits.capMs);
    if (result.status === 'over cap') return { ...cell, status: 'over cap', detail: `killed after ${Math.round(limits.capMs / 1000)} s` };
    if (result.status === 'failed') return { ...cell, status: 'failed', detail: result.detail };
    results.push(result);
  }
  const ok = results.filter((r): r is Extract<WorkerResult, { status: 'ok' }> => r.status === 'ok');
  const times = ok.flatMap((r) => r.times);
  const outcomes = ok.flatMap((r) => r.outcomes);
  const medianMs = median(times);
  const measured: Cell = {
    ...cell,
    times,
    medianMs,
    mbPerS: corpus.bytes / MB / (medianMs / 1000),
    msPerMB: medianMs / (corpus.bytes / MB),
    peakRssMB: Math.max(...ok.map((r) => r.peakRssMB)),
    problems: outcomes[0]?.problems,
  };
  const doubt = distrust(outcomes);
  return doubt ? { ...measured, status: 'invalid', detail: doubt } : measured;
}
