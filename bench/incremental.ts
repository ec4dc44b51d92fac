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
import { editScript } from './lsp';
import { median, percentile } from './measure';

export interface Incremental {
  edits: number;
  fullMedianMs: number;
  fullP95Ms: number;
  cachedMedianMs: number;
  cachedP95Ms: number;
  /** Whether every cached check found exactly what the full check of the same text found. */
  sameFindings: boolean;
}

const signature = (findings: readonly Finding[]): string => JSON.stringify(findings.map((f) => [f.ruleId, f.messageId, f.span.start, f.span.end]));

export function measureIncremental(file: string, count: number): Incremental {
  const services = { segmenter: loadSegmenter() };
  const cache = new LintCache();
  let text = readFileSync(file, 'utf8');
  // Warm the JIT and fill the cache with the unedited text.
  for (let i = 0; i < 3; i++) check(text, { services, cache });
  const full: number[] = [];
  const cached: number[] = [];
  let sameFindings = true;
  for (const change of editScript(text, count)) {
    if (!('range' in change)) continue;
    const lines = new LineIndex(text);
    text = text.slice(0, lines.offsetAt(change.range.start)) + change.text + text.slice(lines.offsetAt(change.range.end));
    let start = performance.now();
    const fresh = check(text, { services });
    full.push(performance.now() - start);
    start = performance.now();
    const reused = check(text, { services, cache });
    cached.push(performance.now() - start);
    sameFindings &&= signature(fresh.findings) === signature(reused.findings);
  }
  return {
    edits: cached.length,
    fullMedianMs: median(full),
    fullP95Ms: percentile(full, 95),
    cachedMedianMs: median(cached),
    cachedP95Ms: percentile(cached, 95),
    sameFindings,
  };
}
