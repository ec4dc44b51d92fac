/**
 * Throughput: every tool on every compilation, each measurement in a fresh
 * worker process (so peak RSS is the tool's own), killed when it runs past
 * the cap instead of being waited for. `run.ts` takes the tools in turns
 * (`sample`), then folds each tool's samples into one cell (`summarize`).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { MB, ROOT, type Corpus } from './corpora';
import { installedVersion } from './peers';
import type { Outcome, Tool } from './tools';

export const RESULT_TAG = 'BENCH-RESULT ';

export type WorkerResult =
  | { status: 'ok'; times: number[]; cpuTimes: number[]; outcomes: Outcome[]; peakRssMB: number }
  | { status: 'failed'; detail: string };

export interface Limits {
  /**
   * Rounds over all tools, one worker per tool and round: the tools take
   * turns, so load from other work on a shared machine falls on all of them
   * alike rather than on whichever ran at a bad moment.
   */
  rounds: number;
  /** Time a warm worker may spend on its timed calls; fewer runs when one call is slow. */
  budgetMs: number;
  /** Timed calls per warm worker at most. */
  maxRuns: number;
  /** A worker still running after this long is killed and the cell reads "over cap". */
  capMs: number;
  /** A tool whose call takes this long gets no further rounds: one is enough to rank it, and more would take minutes. */
  slowCallMs: number;
}

export type CellStatus = 'ok' | 'not installed' | 'over cap' | 'failed' | 'invalid';

export interface Cell {
  tool: string;
  size: string;
  bytes: number;
  status: CellStatus;
  /** How it was timed: warm-up then timed calls in one process, or first calls of fresh processes. */
  mode: 'warm' | 'first call';
  /** Wall time of each timed call. */
  times?: number[];
  medianMs?: number;
  /** Median CPU time of the timed calls: steadier than wall time when other work shares the machine. */
  cpuMedianMs?: number;
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

/** One worker's measurement of a tool on a text, or why there is none. */
export type Sample = WorkerResult | { status: 'over cap' } | { status: 'not installed' };

type Measured = Extract<WorkerResult, { status: 'ok' }>;

const fresh = (tool: Tool, corpus: Corpus): boolean => tool.freshProcessFrom !== undefined && corpus.bytes >= tool.freshProcessFrom;

/** One round for one tool: a warm worker, or a fresh process's first call. */
export async function sample(tool: Tool, corpus: Corpus, limits: Limits): Promise<Sample> {
  if (tool.packageName && !installedVersion(tool.packageName)) return { status: 'not installed' };
  const args = fresh(tool, corpus) ? [tool.id, corpus.file, 'first'] : [tool.id, corpus.file, 'warm', String(limits.budgetMs), String(limits.maxRuns)];
  return runWorker(args, limits.capMs);
}

/** Whether a tool should take part in another round, given its samples so far. */
export function wantsAnotherRound(samples: readonly Sample[], limits: Limits): boolean {
  return samples.every((s) => s.status === 'ok' && median(s.times) < limits.slowCallMs);
}

export function summarize(tool: Tool, corpus: Corpus, samples: readonly Sample[], limits: Limits): Cell {
  const cell: Cell = { tool: tool.id, size: corpus.label, bytes: corpus.bytes, status: 'ok', mode: fresh(tool, corpus) ? 'first call' : 'warm' };
  for (const s of samples) {
    if (s.status === 'not installed') return { ...cell, status: 'not installed' };
    if (s.status === 'over cap') return { ...cell, status: 'over cap', detail: `killed after ${Math.round(limits.capMs / 1000)} s` };
    if (s.status === 'failed') return { ...cell, status: 'failed', detail: s.detail };
  }
  const ok = samples as readonly Measured[];
  const times = ok.flatMap((r) => r.times);
  const outcomes = ok.flatMap((r) => r.outcomes);
  const medianMs = median(times);
  const measured: Cell = {
    ...cell,
    times,
    medianMs,
    cpuMedianMs: median(ok.flatMap((r) => r.cpuTimes)),
    mbPerS: corpus.bytes / MB / (medianMs / 1000),
    msPerMB: medianMs / (corpus.bytes / MB),
    peakRssMB: Math.max(...ok.map((r) => r.peakRssMB)),
    problems: outcomes[0]?.problems,
  };
  const doubt = distrust(outcomes);
  return doubt ? { ...measured, status: 'invalid', detail: doubt } : measured;
}
