/**
 * Checking many files on every core: worker threads, each running the CLI's
 * own bundle (so the packaged layout needs no extra file), check batches of
 * files handed out on demand and send back what the formats need. Outcomes
 * are put back in file order, so the output is byte for byte that of the
 * single-threaded run. The main thread reads every configuration first, as
 * that run does, and gives each file its rule settings with the file.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { LineIndex, type Finding, type LocalizedText, type RuleSettings } from '../core';
import type { TextEncodingName } from '../io/textEncoding';
import { loadSegmenter } from '../segmenter';
import { servicesFor } from '../statisticalPhase';
import { checkOrFail, type Checked } from './checkFile';
import { CliFailure, type MessageValues } from './messages';

/** Marks a worker started by `checkInWorkers`, as opposed to the main thread running the same bundle. */
const ROLE = 'speechlint-check';

interface WorkerSetup {
  role: typeof ROLE;
  encoding?: TextEncodingName;
}

/** Files for one worker to check; an empty batch tells it to stop. */
type Batch = { index: number; file: string; rules: RuleSettings }[];

interface WireFailure {
  text: LocalizedText;
  values: MessageValues;
}

/** A `Checked` as a message can carry it: plain data, the text in place of its line index. */
interface WireChecked {
  report?: { path: string; text: string; findings: readonly Finding[] };
  fixed: number;
  failure?: WireFailure;
  note?: WireFailure;
}

type Results = { index: number; checked: WireChecked }[];

/**
 * Up to this many files go in one batch. Batches are handed out as workers
 * finish the last one, so a worker stuck on one large file does not hold back
 * the others; above this size the message overhead is already small next to
 * checking (measured on the bulk People's Daily archive, files of about 4 KB).
 */
const MAX_BATCH = 16;

/** Whether this thread is a check worker (and should serve checks rather than run the command line). */
export function isCheckWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerSetup> | undefined)?.role === ROLE;
}

/**
 * Checks `files` (no standard input, never with `--fix`) in `jobs` worker
 * threads started from `entry`, the script now running; the outcomes in the
 * order of `files`.
 */
export async function checkInWorkers(entry: string, files: readonly string[], jobs: number, encoding: TextEncodingName | undefined, rulesFor: (file: string) => RuleSettings): Promise<Checked[]> {
  const outcomes: Checked[] = new Array<Checked>(files.length);
  // Small enough that every worker gets several batches and they finish together.
  const size = Math.max(1, Math.min(MAX_BATCH, Math.floor(files.length / (jobs * 4))));
  let next = 0;
  const nextBatch = (): Batch => {
    const batch: Batch = [];
    for (; batch.length < size && next < files.length; next++) batch.push({ index: next, file: files[next], rules: rulesFor(files[next]) });
    return batch;
  };
  const setup: WorkerSetup = { role: ROLE, encoding };
  const runWorker = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(entry, { workerData: setup });
      worker.on('message', (results: Results) => {
        for (const { index, checked } of results) outcomes[index] = fromWire(checked);
        worker.postMessage(nextBatch());
      });
      worker.on('error', reject);
      worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`check worker exited with status ${code}`))));
      worker.postMessage(nextBatch());
    });
  await Promise.all(Array.from({ length: jobs }, runWorker));
  return outcomes;
}

/** The worker's side: checks each batch it is sent and sends back the outcomes, until an empty batch. */
export function serveChecks(): void {
  const port = parentPort;
  if (!port) return;
  const { encoding } = workerData as WorkerSetup;
  const services = { segmenter: loadSegmenter() };
  port.on('message', (batch: Batch) => {
    if (batch.length === 0) {
      port.close();
      return;
    }
    const results: Results = batch.map(({ index, file, rules }) => ({ index, checked: toWire(checkOrFail(file, { fix: false, encoding }, { services: servicesFor(services, rules), rules })) }));
    port.postMessage(results);
  });
}

function toWire({ report, fixed, failure, note }: Checked): WireChecked {
  return {
    ...(report && { report: { path: report.path, text: report.lines.text, findings: report.findings } }),
    fixed,
    ...(failure && { failure: { text: failure.text, values: failure.values } }),
    ...(note && { note: { text: note.text, values: note.values } }),
  };
}

function fromWire({ report, fixed, failure, note }: WireChecked): Checked {
  return {
    ...(report && { report: { path: report.path, lines: new LineIndex(report.text), findings: report.findings } }),
    fixed,
    ...(failure && { failure: new CliFailure(failure.text, failure.values) }),
    ...(note && { note: new CliFailure(note.text, note.values) }),
  };
}
