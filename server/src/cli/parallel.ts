/**
 * Checking many files on every core: the main thread and worker threads,
 * each worker running the CLI's own bundle (so the packaged layout needs no
 * extra file), check batches of files handed out on demand; the workers send
 * back what the formats need. Outcomes are put back in file order, so the
 * output is byte for byte that of the single-threaded run. The main thread
 * reads every configuration first, as that run does, and gives the workers
 * the distinct rule settings once and each file the number of its own.
 */
import { statSync } from 'node:fs';
import { setImmediate as turn } from 'node:timers/promises';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Finding, LocalizedText, Position, RuleSettings } from '../core';
import type { ExportSettings } from '../core/config';
import type { TextEncodingName } from '../io/textEncoding';
import { loadSegmenter } from '../segmenter';
import { checkUnder, type Checked } from './checkFile';
import type { ResolvedConfigs } from './config';
import { CliFailure, type MessageValues } from './messages';
import type { Positions } from './report';

/** Marks a worker started by `checkInWorkers`, as opposed to the main thread running the same bundle. */
const ROLE = 'speechlint-check';

interface WorkerSetup {
  role: typeof ROLE;
  encoding?: TextEncodingName;
  /** The distinct settings of the run (rules, and the page `length-limit` counts on); a file names its own by index. */
  settings: FileSettings[];
}

interface FileSettings {
  rules: RuleSettings;
  page: ExportSettings;
}

/** Files for one worker to check, with the index of their rule settings; an empty batch tells it to stop. */
type Batch = { index: number; file: string; settings: number }[];

interface WireFailure {
  text: LocalizedText;
  values: MessageValues;
}

/**
 * A `Checked` as a message carries it: plain data, findings without their
 * fixes (the formats show none) and, in place of the text, the line and
 * character of each finding's start and end (`at`, four numbers a finding).
 * Sending every text back to be indexed again cost the workers more time in
 * `postMessage` than reading the files took.
 */
interface WireChecked {
  report?: { path: string; findings: Finding[]; at: Int32Array };
  fixed: number;
  failure?: WireFailure;
  note?: WireFailure;
}

type Results = { index: number; checked: WireChecked }[];

/**
 * Up to this many files go in one batch. Batches are handed out as workers
 * finish one, so a worker stuck on one large file does not hold back the
 * others; above this size the message overhead is already small next to
 * checking (measured on the bulk People's Daily archive, files of about 4 KB).
 */
const MAX_BATCH = 16;
/**
 * Batches a worker holds at once: it starts the next as soon as it has sent
 * one back, instead of idling until the main thread, busy with other
 * workers' results, answers.
 */
const BATCHES_AHEAD = 2;

/**
 * Bytes of drafts that pay for one more thread when `--jobs` is not given.
 * Each thread is a V8 isolate of its own that compiles the bundle, loads the
 * word list and the rules' tables and warms up its JIT on its share: about
 * as much CPU as a second of checking. Measured on 2 cores: 24 articles of
 * the People's Daily archive (148 KB) took 1.4 s of CPU in two threads
 * against 0.7 s in one, and more wall time; the whole archive (16 MB), 1.25
 * times the CPU of one thread.
 */
const BYTES_PER_THREAD = 4_000_000;

/** The threads for `files` when `--jobs` is not given: one per core, but no more than their size pays for. */
export function defaultJobs(files: readonly string[], cores: number): number {
  const wanted = Math.min(cores, files.length);
  let bytes = 0;
  for (const file of files) {
    if (bytes >= wanted * BYTES_PER_THREAD) break;
    try {
      bytes += statSync(file).size;
    } catch {
      // Not there or not readable: its check reports it.
    }
  }
  return Math.max(1, Math.min(wanted, Math.floor(bytes / BYTES_PER_THREAD)));
}

/** Whether this thread is a check worker (and should serve checks rather than run the command line). */
export function isCheckWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerSetup> | undefined)?.role === ROLE;
}

/**
 * Checks `files` (no standard input, never with `--fix`) in `jobs` threads:
 * this one and `jobs - 1` workers started from `entry`, the script now
 * running; the outcomes in the order of `files`. This thread checks too, one
 * file at a time between answering the workers: a thread idle while the
 * others check would cost a whole isolate (the bundle compiled, the word
 * list and the rules' tables loaded) for nothing.
 */
export async function checkInWorkers(
  entry: string,
  files: readonly string[],
  jobs: number,
  encoding: TextEncodingName | undefined,
  configs: Pick<ResolvedConfigs, 'rulesFor' | 'exportFor'>,
): Promise<Checked[]> {
  const outcomes: Checked[] = new Array<Checked>(files.length);
  const settings: FileSettings[] = [];
  // By identity: the files of one folder share their configuration's objects.
  const settingsIndex = new Map<RuleSettings, Map<ExportSettings, number>>();
  const settingsOf = files.map((file) => {
    const rules = configs.rulesFor(file);
    const page = configs.exportFor(file);
    let byPage = settingsIndex.get(rules);
    if (!byPage) settingsIndex.set(rules, (byPage = new Map()));
    let at = byPage.get(page);
    if (at === undefined) byPage.set(page, (at = settings.push({ rules, page }) - 1));
    return at;
  });
  // Small enough that every worker gets several batches and they finish together.
  const size = Math.max(1, Math.min(MAX_BATCH, Math.floor(files.length / (jobs * 4))));
  let next = 0;
  const nextBatch = (): Batch => {
    const batch: Batch = [];
    for (; batch.length < size && next < files.length; next++) batch.push({ index: next, file: files[next], settings: settingsOf[next] });
    return batch;
  };
  const setup: WorkerSetup = { role: ROLE, encoding, settings };
  const runWorker = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(entry, { workerData: setup });
      let stopped = false;
      const send = (): void => {
        if (stopped) return;
        const batch = nextBatch();
        stopped = batch.length === 0;
        worker.postMessage(batch);
      };
      worker.on('message', (results: Results) => {
        for (const { index, checked } of results) outcomes[index] = fromWire(checked);
        send();
      });
      worker.on('error', reject);
      worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`check worker exited with status ${code}`))));
      for (let i = 0; i < BATCHES_AHEAD; i++) send();
    });
  const workers = Promise.all(Array.from({ length: jobs - 1 }, runWorker));
  // Ended by a worker's error too: the run stops there rather than checks on.
  let failed = false;
  workers.catch(() => (failed = true));
  const services = { segmenter: loadSegmenter() };
  while (next < files.length && !failed) {
    const index = next++;
    const file = files[index];
    outcomes[index] = checkUnder(file, { fix: false, encoding }, services, configs.rulesFor(file), configs.exportFor(file));
    // The workers' results and requests for more wait for this thread to be free.
    await turn();
  }
  await workers;
  return outcomes;
}

/** The worker's side: checks each batch it is sent and sends back the outcomes, until an empty batch. */
export function serveChecks(): void {
  const port = parentPort;
  if (!port) return;
  const { encoding, settings } = workerData as WorkerSetup;
  const services = { segmenter: loadSegmenter() };
  port.on('message', (batch: Batch) => {
    if (batch.length === 0) {
      port.close();
      return;
    }
    const results: Results = batch.map(({ index, file, settings: at }) => {
      const { rules, page } = settings[at];
      return { index, checked: toWire(checkUnder(file, { fix: false, encoding }, services, rules, page)) };
    });
    port.postMessage(results);
  });
}

function toWire({ report, fixed, failure, note }: Checked): WireChecked {
  let wireReport: WireChecked['report'];
  if (report) {
    const at = new Int32Array(report.findings.length * 4);
    const findings = report.findings.map(({ ruleId, severity, span, messageId, message }, i) => {
      const start = report.lines.positionAt(span.start);
      const end = report.lines.positionAt(span.end);
      at.set([start.line, start.character, end.line, end.character], i * 4);
      return { ruleId, severity, span, messageId, message };
    });
    wireReport = { path: report.path, findings, at };
  }
  return {
    ...(wireReport && { report: wireReport }),
    fixed,
    ...(failure && { failure: { text: failure.text, values: failure.values } }),
    ...(note && { note: { text: note.text, values: note.values } }),
  };
}

function fromWire({ report, fixed, failure, note }: WireChecked): Checked {
  return {
    ...(report && { report: { path: report.path, lines: sentPositions(report.findings, report.at), findings: report.findings } }),
    fixed,
    ...(failure && { failure: new CliFailure(failure.text, failure.values) }),
    ...(note && { note: new CliFailure(note.text, note.values) }),
  };
}

/** The positions a worker sent for its findings' spans, asked for by offset as a `LineIndex` would be. */
function sentPositions(findings: readonly Finding[], at: Int32Array): Positions {
  const byOffset = new Map<number, Position>();
  findings.forEach(({ span }, i) => {
    byOffset.set(span.start, { line: at[i * 4], character: at[i * 4 + 1] });
    byOffset.set(span.end, { line: at[i * 4 + 2], character: at[i * 4 + 3] });
  });
  return {
    positionAt(offset) {
      const position = byOffset.get(offset);
      if (!position) throw new Error(`no position was sent for offset ${offset}`);
      return position;
    },
  };
}
