/**
 * End to end on the command line (issue 18): the built CLI as a user runs it,
 * each run a fresh process timed from spawn to exit, start-up, word-list
 * load, JIT warm-up, reading and output included.
 *
 * - One 10 MB file (the bench's compilation): MB/s, beside the warm
 *   in-process figure measured in the same run. Target: at least half of it.
 * - A tree of many small real articles (the bulk People's Daily archive, not
 *   in the repository: `SPEECHLINT_BENCH_ARCHIVE`, else /tmp/rmrb): `--jobs 1`,
 *   one thread per core, and AutoCorrect's CLI (`autocorrect --lint <dir>`),
 *   taking turns. Targets: per core at least half the single-file MB/s, and at
 *   least 3 times faster than AutoCorrect.
 *
 * Wall and CPU time of every run (CPU read by the child itself as it exits,
 * worker threads included) with the 1-minute load average before it: on a
 * shared machine wall time grows with the load, CPU time much less.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import { MB, ROOT, SCRATCH, SIZES, writeCorpora, type Corpus } from './corpora';
import { median, sample } from './measure';
import { installedVersion } from './peers';
import { findTool } from './tools';

const CLI = join(ROOT, 'dist', 'cli.js');
const AUTOCORRECT = join(ROOT, 'node_modules', 'autocorrect-node', 'cli.js');
export const ARCHIVE = process.env.SPEECHLINT_BENCH_ARCHIVE ?? '/tmp/rmrb';
const TARGETS = { wholeProcessRatio: 0.5, perCoreRatio: 0.5, fasterThanAutocorrect: 3 } as const;

/** Preloaded into our processes: writes the peak memory to the file the environment names as it exits. */
const PEAK_PROBE = `process.on('exit', () => require('fs').writeFileSync(process.env.SPEECHLINT_BENCH_PEAK, String(process.resourceUsage().maxRSS / 1024)));`;

export interface ProcessRun {
  wallMs: number;
  cpuMs: number;
  /** NaN for AutoCorrect, which leaves its process without Node's exit event. */
  peakRssMB: number;
  /** 1-minute load average just before the run. */
  load: number;
  exitCode: number | null;
  stdout: string;
}

/**
 * `node <args>` under bash, whose `times` then prints the CPU time of the
 * child (all its threads), whatever way the child ends: AutoCorrect's Rust
 * code leaves the process before Node's exit event could report it.
 */
async function runProcess(args: readonly string[]): Promise<ProcessRun> {
  const probe = join(SCRATCH, 'peak-probe.cjs');
  const peakFile = join(SCRATCH, 'peak-rss.txt');
  writeFileSync(probe, PEAK_PROBE);
  rmSync(peakFile, { force: true });
  const load = os.loadavg()[0];
  const started = performance.now();
  const script = '"$@"; status=$?; times >&2; exit $status';
  const child = spawn('bash', ['-c', script, 'bash', process.execPath, '--require', probe, ...args], { cwd: SCRATCH, env: { ...process.env, SPEECHLINT_BENCH_PEAK: peakFile } });
  const chunks: Buffer[] = [];
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-4000)));
  const exitCode = await new Promise<number | null>((resolve) => child.once('close', resolve));
  const wallMs = performance.now() - started;
  // `times`: the shell's own user and system time, then its children's, as `0m1.234s 0m0.056s`.
  const children = stderr.trimEnd().split('\n').pop() ?? '';
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  if (seconds.length !== 2) throw new Error(`no CPU time from bash's times: ${stderr.slice(-300)}`);
  return {
    wallMs,
    cpuMs: (seconds[0] + seconds[1]) * 1000,
    peakRssMB: existsSync(peakFile) ? Number(readFileSync(peakFile, 'utf8')) : NaN,
    load,
    exitCode,
    stdout: Buffer.concat(chunks).toString('utf8'),
  };
}

/** The median run of several by wall time, with the medians of CPU time and load beside it. */
interface Summary {
  runs: number;
  wallMs: number;
  cpuMs: number;
  load: number;
  peakRssMB: number;
}

function summarize(runs: readonly ProcessRun[]): Summary {
  return {
    runs: runs.length,
    wallMs: median(runs.map((r) => r.wallMs)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    load: median(runs.map((r) => r.load)),
    peakRssMB: Math.max(...runs.map((r) => r.peakRssMB)),
  };
}

export interface E2eCli {
  file?: { bytes: number; problems: number; inProcess: { wallMs: number; cpuMs: number; load: number }; wholeProcess: Summary };
  tree?: { dir: string; files: number; bytes: number; cores: number; one: Summary; all: Summary; autocorrect?: Summary; autocorrectSkipped?: string } | { skipped: string };
}

/** Problems in `--format json` output, and the files it lists. */
function countJson(stdout: string): { files: number; problems: number } {
  const reports = JSON.parse(stdout) as Array<{ diagnostics: unknown[] }>;
  return { files: reports.length, problems: reports.reduce((n, r) => n + r.diagnostics.length, 0) };
}

/** Every file under `dir`, with their total size. */
function treeSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

async function measureFile(corpus: Corpus, rounds: number, progress: (line: string) => void): Promise<E2eCli['file']> {
  progress(`e2e cli: ${corpus.label}, in-process`);
  const load = os.loadavg()[0];
  const warm = await sample(findTool('speechlint'), corpus, { rounds: 1, budgetMs: 5_000, maxRuns: 3, capMs: 180_000, slowCallMs: 5_000 });
  if (warm.status !== 'ok') throw new Error(`in-process run: ${warm.status}`);
  const runs: ProcessRun[] = [];
  for (let i = 0; i < rounds; i++) {
    progress(`e2e cli: ${corpus.label}, whole process ${i + 1}/${rounds}`);
    runs.push(await runProcess([CLI, '--format', 'json', corpus.file]));
  }
  const counted = runs.map((r) => countJson(r.stdout).problems);
  if (new Set(counted).size > 1) throw new Error(`whole-process runs disagree: ${counted.join(' vs ')} problems`);
  return {
    bytes: corpus.bytes,
    problems: counted[0],
    inProcess: { wallMs: median(warm.times), cpuMs: median(warm.cpuTimes), load },
    wholeProcess: summarize(runs),
  };
}

async function measureTree(rounds: number, withPeers: boolean, progress: (line: string) => void): Promise<E2eCli['tree']> {
  if (!existsSync(ARCHIVE)) return { skipped: `archive missing (${ARCHIVE}; set SPEECHLINT_BENCH_ARCHIVE)` };
  const { files, bytes } = treeSize(ARCHIVE);
  const cores = os.availableParallelism();
  const target = join(ARCHIVE, '**', '*.txt');
  const autocorrectSkipped = !withPeers ? '--no-peers' : !installedVersion('autocorrect-node') ? 'autocorrect-node not installed' : undefined;
  const one: ProcessRun[] = [];
  const all: ProcessRun[] = [];
  const peer: ProcessRun[] = [];
  // Taking turns, so a burst of other work on the machine falls on all three alike.
  for (let i = 0; i < rounds; i++) {
    progress(`e2e cli: tree, round ${i + 1}/${rounds}`);
    one.push(await runProcess([CLI, '--jobs', '1', '--format', 'json', target]));
    all.push(await runProcess([CLI, '--format', 'json', target]));
    if (!autocorrectSkipped) peer.push(await runProcess([AUTOCORRECT, '--lint', ARCHIVE]));
  }
  for (const r of [...one, ...all]) {
    const listed = countJson(r.stdout).files;
    if (listed !== files) throw new Error(`the tree run listed ${listed} of ${files} files`);
  }
  if (one.some((r) => r.stdout !== all[0].stdout) || all.some((r) => r.stdout !== all[0].stdout)) throw new Error('--jobs 1 and the threaded run gave different output');
  return {
    dir: ARCHIVE,
    files,
    bytes,
    cores,
    one: summarize(one),
    all: summarize(all),
    ...(autocorrectSkipped ? { autocorrectSkipped } : { autocorrect: summarize(peer) }),
  };
}

export async function measureE2eCli(corpus: Corpus | undefined, options: { quick: boolean; peers: boolean }, progress: (line: string) => void): Promise<E2eCli> {
  if (!existsSync(CLI)) return { tree: { skipped: 'dist/cli.js is missing (npm run build)' } };
  const rounds = options.quick ? 1 : 3;
  return {
    ...(corpus && { file: await measureFile(corpus, rounds, progress) }),
    tree: await measureTree(rounds, options.peers, progress),
  };
}

const mbps = (bytes: number, ms: number): string => (bytes / MB / (ms / 1000)).toFixed(1);
const s = (ms: number): string => (ms / 1000).toFixed(2);
const yes = (met: boolean): string => (met ? 'yes' : 'NO');

/** The measurements as a section of the report. */
export function renderE2eCli(e2e: E2eCli): string {
  const lines = ['', '## End to end: command line', ''];
  lines.push(
    'The built CLI (`node dist/cli.js`), each run a fresh process timed from spawn to exit; CPU time is the process\'s own (all its threads, as bash\'s `times` reports a child); "load" is the 1-minute load average before the run (medians of the runs).',
    '',
  );
  const { file, tree } = e2e;
  if (file) {
    const { inProcess: warm, wholeProcess: whole } = file;
    const wallRatio = warm.wallMs / whole.wallMs;
    const cpuRatio = warm.cpuMs / whole.cpuMs;
    lines.push(
      `### One ${(file.bytes / MB).toFixed(0)} MB file (\`--format json\`, ${file.problems} problems)`,
      '',
      '| Run | Wall | MB/s (wall) | CPU | MB/s (CPU) | Load | Peak RSS |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      `| in-process \`check()\`, warm (median) | ${s(warm.wallMs)} s | ${mbps(file.bytes, warm.wallMs)} | ${s(warm.cpuMs)} s | ${mbps(file.bytes, warm.cpuMs)} | ${warm.load.toFixed(1)} | |`,
      `| whole process, median of ${whole.runs} | ${s(whole.wallMs)} s | ${mbps(file.bytes, whole.wallMs)} | ${s(whole.cpuMs)} s | ${mbps(file.bytes, whole.cpuMs)} | ${whole.load.toFixed(1)} | ${whole.peakRssMB.toFixed(0)} MB |`,
      '',
      `Whole process ÷ in-process throughput: **${wallRatio.toFixed(2)}** by wall time, **${cpuRatio.toFixed(2)}** by CPU time (target ≥ ${TARGETS.wholeProcessRatio}, judged by CPU time, which a loaded machine distorts far less: ${yes(cpuRatio >= TARGETS.wholeProcessRatio)}).`,
      '',
    );
  }
  if (!tree || 'skipped' in tree) {
    lines.push(`### A tree of many files`, '', `skipped: ${tree?.skipped ?? 'not run'}`, '');
    return lines.join('\n');
  }
  const row = (label: string, r: Summary): string =>
    `| ${label} | ${s(r.wallMs)} s | ${mbps(tree.bytes, r.wallMs)} | ${s(r.cpuMs)} s | ${r.load.toFixed(1)} | ${Number.isNaN(r.peakRssMB) ? '–' : `${r.peakRssMB.toFixed(0)} MB`} |`;
  lines.push(
    `### A tree: ${tree.files.toLocaleString('en')} files, ${(tree.bytes / MB).toFixed(1)} MB (\`${tree.dir}\`), ${tree.cores} cores`,
    '',
    '| Run | Wall | MB/s (wall) | CPU | Load | Peak RSS |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    row('`speechlint --jobs 1 --format json`', tree.one),
    row(`\`speechlint --format json\` (${tree.cores} threads)`, tree.all),
    ...(tree.autocorrect ? [row('`autocorrect --lint <dir>`', tree.autocorrect)] : []),
    '',
  );
  if (file) {
    // Per core by wall time is what a user on an idle machine sees; by CPU time (MB per CPU second, every thread's time
    // counted) it is what the threads cost, and a loaded machine leaves it nearly alone, so the verdict uses it.
    const perCore = tree.bytes / MB / (tree.all.wallMs / 1000) / tree.cores;
    const single = file.bytes / MB / (file.wholeProcess.wallMs / 1000);
    const perCpu = tree.bytes / MB / (tree.all.cpuMs / 1000);
    const singleCpu = file.bytes / MB / (file.wholeProcess.cpuMs / 1000);
    lines.push(
      `- Per core: ${perCore.toFixed(2)} MB/s by wall time against ${single.toFixed(1)} MB/s whole-process on the single file (${(perCore / single).toFixed(2)}); ` +
        `per CPU second ${perCpu.toFixed(2)} MB against ${singleCpu.toFixed(2)}: **${(perCpu / singleCpu).toFixed(2)}** (target ≥ ${TARGETS.perCoreRatio}: ${yes(perCpu / singleCpu >= TARGETS.perCoreRatio)}).`,
    );
  }
  lines.push(`- Threads against \`--jobs 1\`: ${(tree.one.wallMs / tree.all.wallMs).toFixed(2)}× faster by wall time, for ${(tree.all.cpuMs / tree.one.cpuMs).toFixed(2)}× the CPU time.`);
  if (tree.autocorrect) {
    const ratio = tree.autocorrect.wallMs / tree.all.wallMs;
    lines.push(
      `- AutoCorrect ÷ ours (threads), wall time: **${ratio.toFixed(2)}×** (target ≥ ${TARGETS.fasterThanAutocorrect}: ${yes(ratio >= TARGETS.fasterThanAutocorrect)}); CPU time ${(tree.autocorrect.cpuMs / tree.all.cpuMs).toFixed(2)}×; against \`--jobs 1\`, ${(tree.autocorrect.wallMs / tree.one.wallMs).toFixed(2)}× by wall time.`,
    );
  } else lines.push(`- AutoCorrect: skipped (${tree.autocorrectSkipped}).`);
  lines.push('');
  return lines.join('\n');
}

// Alone, this section only: `npm run build && node --expose-gc --import tsx bench/e2e-cli.ts [--quick] [--no-peers]`.
if (require.main === module) {
  const flags = new Set(process.argv.slice(2));
  const quick = flags.has('--quick');
  const [corpus] = writeCorpora(SIZES.filter((size) => size.label === (quick ? '1 MB' : '10 MB')));
  const progress = (line: string): boolean => process.stderr.write(`${line}\n`);
  void measureE2eCli(corpus, { quick, peers: !flags.has('--no-peers') }, progress).then((e2e) => process.stdout.write(renderE2eCli(e2e)));
}
