/**
 * `npm run bench`: ours against the peers and the floor on 100 KB, 1 MB and
 * 10 MB compilations, where our time goes, the language server's
 * latency, start-up, size and memory, and a 6 MB draft of one character
 * through the CLI and the server, the CLI end to end (one large file, a
 * tree against AutoCorrect's CLI), a .docx zip bomb and a 100-page .docx
 * imported. Prints the report and saves it to
 * `bench/results/latest.{json,md}`.
 *
 *   --quick     100 KB and 1 MB only, fewer runs, saved to .bench/ (for trying the bench itself)
 *   --no-peers  ours and the floor only
 *   --no-lsp    skip the language server (the one-character draft still goes through the CLI)
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import { measureMinifiedServer } from './bundle';
import { corpusUnit, ROOT, SCRATCH, SIZES, writeCorpora, type Corpus } from './corpora';
import { docxBombSection } from './docxBomb';
import { docxImportSection } from './docxImport';
import { measureE2eCli, renderE2eCli } from './e2e-cli';
import { e2eLspSection, measureE2eLsp, type E2eLsp } from './e2e-lsp';
import { measureIncremental } from './incremental';
import { measureBigDraft, measureEditing, measureStartup, SERVER } from './lsp';
import { measurePathological } from './pathological';
import { sample, summarize, wantsAnotherRound, type Cell, type Limits, type Sample } from './measure';
import { installedVersion } from './peers';
import { PROBES, probeGrowth, profileStages, timeSegmenterStartup } from './profile';
import { renderReport, type Results } from './report';
import { tools, type Tool } from './tools';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const limits: Limits = quick
  ? { rounds: 1, budgetMs: 3_000, maxRuns: 3, capMs: 60_000, slowCallMs: 5_000 }
  : { rounds: 3, budgetMs: 5_000, maxRuns: 3, capMs: 180_000, slowCallMs: 5_000 };
/** One-character edits in the editing measurements. */
const EDITS = 50;
/** Quick runs are for trying the bench: their results stay in the scratch folder. */
const RESULTS = quick ? SCRATCH : join(ROOT, 'bench', 'results');

const progress = (line: string): boolean => process.stderr.write(`${line}\n`);

function gitCommit(): string {
  try {
    const head = execSync('git rev-parse --short HEAD', { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execSync('git status --porcelain --untracked-files=no', { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head} with uncommitted changes` : head;
  } catch {
    return 'unknown';
  }
}

function machine(): Results['machine'] {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
  };
}

async function throughput(corpora: Corpus[]): Promise<Cell[]> {
  const cells: Cell[] = [];
  const contestants = args.has('--no-peers') ? tools.filter((t) => !t.packageName) : tools;
  for (const corpus of corpora) {
    const samples = new Map<Tool, Sample[]>(contestants.map((t) => [t, []]));
    for (let round = 0; round < limits.rounds; round++) {
      for (const tool of contestants) {
        const taken = samples.get(tool) ?? [];
        if (round > 0 && !wantsAnotherRound(taken, limits)) continue;
        const s = await sample(tool, corpus, limits);
        taken.push(s);
        progress(`${corpus.label.padEnd(7)} round ${round + 1} ${tool.id.padEnd(12)} ${s.status === 'ok' ? `${s.times.map((t) => t.toFixed(1)).join(' ')} ms` : s.status}`);
      }
    }
    for (const tool of contestants) cells.push(summarize(tool, corpus, samples.get(tool) ?? [], limits));
  }
  return cells;
}

/** `edited`: the compilation typed into; `largest`: the one whose memory is read. */
async function languageServer(edited: Corpus, largest: Corpus): Promise<Results['lsp']> {
  if (args.has('--no-lsp')) return { skipped: '--no-lsp' };
  if (!existsSync(SERVER)) return { skipped: 'dist/server.js is missing (npm run build)' };
  try {
    progress('lsp: start-up');
    const startup = await measureStartup(quick ? 3 : 5);
    progress('lsp: editing');
    const editing = await measureEditing(edited.file, quick ? 10 : EDITS);
    progress(`lsp: ${largest.label} draft`);
    const bigDraft = await measureBigDraft(largest.file);
    progress('lsp: minified bundle');
    return { startup, editing, bigDraft, bundle: measureMinifiedServer() };
  } catch (error) {
    return { skipped: `failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Issue 18's editor half: keystroke to diagnostics and the server's peak memory, as the user meets them. */
async function endToEndEditor(edited: Corpus, largest: Corpus): Promise<E2eLsp | { skipped: string }> {
  if (args.has('--no-lsp')) return { skipped: '--no-lsp' };
  if (!existsSync(SERVER)) return { skipped: 'dist/server.js is missing (npm run build)' };
  try {
    return await measureE2eLsp(edited.file, largest.file, progress);
  } catch (error) {
    return { skipped: `failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Issue 20's worst case: a 6 MB draft of one character, through the CLI and the language server. */
async function pathologicalDraft(): Promise<Results['pathological']> {
  progress('pathological: 6 MB of one character');
  try {
    return await measurePathological(!args.has('--no-lsp'));
  } catch (error) {
    return { skipped: `failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

async function main(): Promise<void> {
  const loadAtStart = os.loadavg()[0];
  const corpora = writeCorpora(quick ? SIZES.slice(0, 2) : SIZES);
  const texts = corpora.map((c) => ({ label: c.label, text: readFileSync(c.file, 'utf8') }));
  const cells = await throughput(corpora);

  progress('profile: parse and each rule');
  const segmenter = timeSegmenterStartup();
  const profiled = texts.filter((t) => t.label !== '100 KB');
  const stages = profileStages(profiled, quick ? 3 : 5);
  progress('profile: growth probes');
  const growth = probeGrowth(corpusUnit(), quick ? 3 : 5);
  progress('incremental re-checks');
  const oneMB = corpora.find((c) => c.label === '1 MB') ?? corpora[corpora.length - 1];
  const incremental = measureIncremental(oneMB.file, quick ? 10 : EDITS);

  const lsp = await languageServer(oneMB, corpora[corpora.length - 1]);
  const pathological = await pathologicalDraft();
  const e2eCli = await measureE2eCli(corpora[corpora.length - 1], { quick, peers: !args.has('--no-peers') }, progress);
  const e2eLsp = await endToEndEditor(oneMB, corpora[corpora.length - 1]);

  const results: Results = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    machine: machine(),
    load: { start: loadAtStart, end: os.loadavg()[0] },
    corpora: corpora.map(({ file: _file, ...rest }) => rest),
    tools: tools.map((t) => ({ id: t.id, label: t.label, call: t.call, note: t.note, version: t.packageName ? (installedVersion(t.packageName) ?? 'not installed') : undefined })),
    limits,
    throughput: cells,
    profile: { sizes: profiled.map((t) => t.label), stages, segmenter },
    probes: { shapes: PROBES, growth },
    incremental,
    lsp,
    pathological,
  };
  const editor = 'skipped' in e2eLsp ? `\n## End to end: editor\n\nSkipped: ${e2eLsp.skipped}\n` : e2eLspSection(e2eLsp);
  const report = renderReport(results) + renderE2eCli(e2eCli) + editor + docxBombSection(progress) + (await docxImportSection(progress));
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'latest.json'), JSON.stringify({ ...results, e2eCli, e2eLsp }, null, 2) + '\n');
  writeFileSync(join(RESULTS, 'latest.md'), report);
  process.stdout.write(report);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
