/**
 * One tool on one text, in a process of its own:
 *   worker.ts <tool id> <text file> warm <budget ms> <max runs>
 *     warm-up calls, then as many timed calls as fit the budget (at least one);
 *   worker.ts <tool id> <text file> first
 *     one timed call, the first of the process.
 * Prints one result line (see `WorkerResult`) after RESULT_TAG.
 */
import { readFileSync } from 'node:fs';
import { timed } from './clock';
import { RESULT_TAG, type WorkerResult } from './measure';
import { findTool, type Outcome } from './tools';

const WARMUP_CALLS = 30;
const WARMUP_MS = 2000;

async function main(): Promise<WorkerResult> {
  const [toolId, file, mode, budgetMs, maxRuns] = process.argv.slice(2);
  const lint = await findTool(toolId).load();
  const text = readFileSync(file, 'utf8');
  // Every call's answer is kept, the warm-up's too: a tool that degrades after its first call shows up in them.
  const outcomes: Outcome[] = [];
  const call = (): { wallMs: number; cpuMs: number } => {
    const { result, wallMs, cpuMs } = timed(() => lint(text));
    outcomes.push(result);
    return { wallMs, cpuMs };
  };
  const timings: Array<{ wallMs: number; cpuMs: number }> = [];
  if (mode === 'first') {
    timings.push(call());
  } else {
    // Warm up until the JIT has settled: many calls on small texts (ours needs about eight), one on texts that take seconds.
    const warmupStart = performance.now();
    let last = call();
    for (let n = 1; n < WARMUP_CALLS && performance.now() - warmupStart < WARMUP_MS; n++) last = call();
    const runs = Math.max(1, Math.min(Number(maxRuns), Math.floor(Number(budgetMs) / Math.max(last.wallMs, 1))));
    for (let i = 0; i < runs; i++) timings.push(call());
  }
  return {
    status: 'ok',
    times: timings.map((t) => t.wallMs),
    cpuTimes: timings.map((t) => t.cpuMs),
    outcomes,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  };
}

main().then(
  (result) => process.stdout.write(`${RESULT_TAG}${JSON.stringify(result)}\n`),
  (error: unknown) => {
    const detail = error instanceof Error ? error.message : String(error);
    process.stdout.write(`${RESULT_TAG}${JSON.stringify({ status: 'failed', detail } satisfies WorkerResult)}\n`);
  },
);
