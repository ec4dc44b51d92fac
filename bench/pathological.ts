/**
 * A pasted page of junk, the worst case of issue 20: a 6 MB draft that is one
 * character repeated. The CLI must check it in under 5 s within 500 MB
 * (a child process: wall time and peak RSS), and the language server must
 * keep answering other requests within 200 ms while it checks it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MB, ROOT, SCRATCH } from './corpora';
import { SEED, uriOf, withServer } from './lsp';

const CLI = join(ROOT, 'dist', 'cli.js');
/** UTF-8 bytes of the draft: `的` is 3 bytes, so 2,000,000 characters on one line. */
const BYTES = 6 * MB;
const CHAR = '的';
export const PATHOLOGICAL_TARGETS = { cliMs: 5_000, cliPeakMB: 500, answerMs: 200 } as const;
/** Pause between two outline requests while the big draft is checked. */
const ASK_EVERY_MS = 20;

export interface Pathological {
  bytes: number;
  chars: number;
  cli: { wallMs: number; peakRssMB: number; exitCode: number | null; outputBytes: number; problems: number };
  /** `answersMs`: each outline request's time to its answer, in order; the first waits behind the 6 MB `didOpen` on the pipe. */
  lsp: { checkMs: number; diagnostics: number; asked: number; slowestAnswerMs: number; medianAnswerMs: number; answersMs: number[] };
}

function writeDraft(): string {
  mkdirSync(SCRATCH, { recursive: true });
  const file = join(SCRATCH, 'pathological.speech.md');
  writeFileSync(file, CHAR.repeat(BYTES / Buffer.byteLength(CHAR)));
  return file;
}

/** Preloaded into the CLI's process: writes its peak resident memory (kB) to the file named by the environment when it exits. */
const PEAK_PROBE = `process.on('exit', () => require('fs').writeFileSync(process.env.SPEECHLINT_BENCH_PEAK, String(process.resourceUsage().maxRSS)));`;

/** `speechlint --format json` on the draft in a child process: wall time from spawn to exit, peak RSS as the child itself saw it. */
async function measureCli(file: string): Promise<Pathological['cli']> {
  const probe = join(SCRATCH, 'peak-probe.cjs');
  const peakFile = join(SCRATCH, 'peak-rss.txt');
  writeFileSync(probe, PEAK_PROBE);
  rmSync(peakFile, { force: true });
  const started = performance.now();
  const child = spawn(process.execPath, ['--require', probe, CLI, '--format', 'json', file], { env: { ...process.env, SPEECHLINT_BENCH_PEAK: peakFile } });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr.resume();
  const exitCode = await new Promise<number | null>((resolve) => child.once('close', resolve));
  const wallMs = performance.now() - started;
  const output = Buffer.concat(chunks);
  const reports = JSON.parse(output.toString('utf8')) as Array<{ diagnostics: unknown[] }>;
  return {
    wallMs,
    peakRssMB: existsSync(peakFile) ? Number(readFileSync(peakFile, 'utf8')) / 1024 : NaN,
    exitCode,
    outputBytes: output.length,
    problems: reports.reduce((n, r) => n + r.diagnostics.length, 0),
  };
}

/** The draft opened in the server next to the seed; the seed's outline asked again and again until the draft's diagnostics arrive. */
async function measureLsp(file: string): Promise<Pathological['lsp']> {
  const text = readFileSync(file, 'utf8');
  const small = uriOf('seed.speech.md');
  const big = uriOf('pathological-open.speech.md');
  return withServer(async (server) => {
    const seedChecked = server.diagnostics(small);
    await server.open(small, readFileSync(SEED, 'utf8'));
    await seedChecked;
    let diagnostics = 0;
    let done = false;
    const bigChecked = server.diagnostics(big, undefined, (p) => (diagnostics = p.diagnostics.length)).then((at) => ((done = true), at));
    const openStart = performance.now();
    await server.open(big, text);
    const answers: number[] = [];
    while (!done) {
      const asked = performance.now();
      await server.symbols(small);
      answers.push(performance.now() - asked);
      await new Promise((resolve) => setTimeout(resolve, ASK_EVERY_MS));
    }
    const checkMs = (await bigChecked) - openStart;
    const sorted = [...answers].sort((a, b) => a - b);
    return { checkMs, diagnostics, asked: answers.length, slowestAnswerMs: sorted[sorted.length - 1] ?? NaN, medianAnswerMs: sorted[Math.floor(sorted.length / 2)] ?? NaN, answersMs: answers };
  });
}

export async function measurePathological(withLsp: boolean): Promise<Pathological | { skipped: string }> {
  if (!existsSync(CLI)) return { skipped: 'dist/cli.js is missing (npm run build)' };
  const file = writeDraft();
  const chars = BYTES / Buffer.byteLength(CHAR);
  const cli = await measureCli(file);
  const lsp = withLsp ? await measureLsp(file) : { checkMs: NaN, diagnostics: NaN, asked: 0, slowestAnswerMs: NaN, medianAnswerMs: NaN, answersMs: [] };
  return { bytes: BYTES, chars, cli, lsp };
}
