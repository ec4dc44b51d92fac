/**
 * Editing in-process: what a re-check costs after a one-character edit in the
 * 1 MB compilation, with the core's per-speech `LintCache` (only the edited
 * speech is linted again) and without it (every speech again). The LSP
 * figures measure the server as it is wired; these measure what the core
 * offers it, with no debounce or transport in between.
 */
import { readFileSync } from 'node:fs';
import { check, LineIndex, LintCache, type Finding } from '../server/src/core';
import { loadSegmenter } from '../server/src/segmenter';
import { timed, type Timing } from './clock';
import { WORD_LIST } from './corpora';
import { editScript } from './lsp';
import { median, percentile } from './measure';

export interface Incremental {
  edits: number;
  /** Wall time of each kind of re-check, median and p95, and median CPU time. */
  fullMedianMs: number;
  fullP95Ms: number;
  fullCpuMedianMs: number;
  cachedMedianMs: number;
  cachedP95Ms: number;
  cachedCpuMedianMs: number;
  /** Whether every cached check found exactly what the full check of the same text found. */
  sameFindings: boolean;
}

const signature = (findings: readonly Finding[]): string => JSON.stringify(findings.map((f) => [f.ruleId, f.messageId, f.span.start, f.span.end]));

export function measureIncremental(file: string, count: number): Incremental {
  const services = { segmenter: loadSegmenter(WORD_LIST) };
  const cache = new LintCache();
  let text = readFileSync(file, 'utf8');
  // Warm the JIT and fill the cache with the unedited text.
  for (let i = 0; i < 3; i++) check(text, { services, cache });
  const full: Array<Timing<unknown>> = [];
  const cached: Array<Timing<unknown>> = [];
  let sameFindings = true;
  for (const change of editScript(text, count)) {
    if (!('range' in change)) continue;
    const lines = new LineIndex(text);
    const edited = text.slice(0, lines.offsetAt(change.range.start)) + change.text + text.slice(lines.offsetAt(change.range.end));
    text = edited;
    const fresh = timed(() => check(edited, { services }));
    const reused = timed(() => check(edited, { services, cache }));
    full.push(fresh);
    cached.push(reused);
    sameFindings &&= signature(fresh.result.findings) === signature(reused.result.findings);
  }
  const walls = (ts: Array<Timing<unknown>>): number[] => ts.map((t) => t.wallMs);
  const cpus = (ts: Array<Timing<unknown>>): number[] => ts.map((t) => t.cpuMs);
  return {
    edits: cached.length,
    fullMedianMs: median(walls(full)),
    fullP95Ms: percentile(walls(full), 95),
    fullCpuMedianMs: median(cpus(full)),
    cachedMedianMs: median(walls(cached)),
    cachedP95Ms: percentile(walls(cached), 95),
    cachedCpuMedianMs: median(cpus(cached)),
    sameFindings,
  };
}
