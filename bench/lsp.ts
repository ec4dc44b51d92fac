/**
 * The language server as an editor meets it: `node dist/server.js --stdio`,
 * spoken to over JSON-RPC. Start-up (spawn → first diagnostics), editing
 * latency on a 1 MB compilation (didChange → diagnostics for that version),
 * memory with a 10 MB draft open, and whether a small draft's outline waits
 * for the big draft's check.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { ROOT, SCRATCH } from './corpora';
import { median, percentile } from './measure';

export const SERVER = join(ROOT, 'dist', 'server.js');
/** The seed compilation, the draft a user opens first. */
export const SEED = join(ROOT, 'test', 'fixtures', 'corpus', '000_0f1e9368376be244.txt');
const WAIT_MS = 120_000;

export const uriOf = (name: string): string => pathToFileURL(join(SCRATCH, name)).toString();

export class Server {
  readonly spawnedAt = performance.now();
  readonly process: ChildProcessWithoutNullStreams;
  private readonly connection: ProtocolConnection;
  private waiters: Array<{ matches: (p: PublishDiagnosticsParams) => boolean; resolve: (at: number, p: PublishDiagnosticsParams) => void }> = [];

  constructor() {
    this.process = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ROOT });
    this.process.stderr.resume();
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const at = performance.now();
      const waiter = this.waiters.find((w) => w.matches(params));
      if (!waiter) return;
      this.waiters = this.waiters.filter((w) => w !== waiter);
      waiter.resolve(at, params);
    });
    // What the server may ask of the editor gets the editor's "nothing set" (other requests: "method not found").
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => null));
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    this.connection.listen();
  }

  get pid(): number {
    return this.process.pid ?? -1;
  }

  async initialize(): Promise<void> {
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      locale: 'zh-cn',
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true }, documentSymbol: { hierarchicalDocumentSymbolSupport: true } } },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  /** When diagnostics for `uri` (at `version`, if given) arrive, handing them to `received`; register before sending what triggers them. */
  diagnostics(uri: string, version?: number, received?: (p: PublishDiagnosticsParams) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version ?? '*'} within ${WAIT_MS / 1000} s`)), WAIT_MS);
      this.waiters.push({
        matches: (p) => p.uri === uri && (version === undefined || p.version === version),
        resolve: (at, p) => {
          clearTimeout(timer);
          received?.(p);
          resolve(at);
        },
      });
    });
  }

  open(uri: string, text: string): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'speech', version: 1, text } });
  }

  change(uri: string, version: number, change: TextDocumentContentChangeEvent): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
  }

  async symbols(uri: string): Promise<void> {
    await this.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
  }

  /** Peak and current resident memory, from /proc (Linux). */
  memory(): { peakMB?: number; nowMB?: number } {
    const status = join('/proc', String(this.pid), 'status');
    if (!existsSync(status)) return {};
    const kB = (field: string): number | undefined => {
      const m = new RegExp(`^${field}:\\s*(\\d+) kB`, 'm').exec(readFileSync(status, 'utf8'));
      return m ? Number(m[1]) / 1024 : undefined;
    };
    return { peakMB: kB('VmHWM'), nowMB: kB('VmRSS') };
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.process.once('exit', () => resolve()));
    const killer = setTimeout(() => this.process.kill('SIGKILL'), 3000);
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      this.process.kill('SIGKILL');
    }
    await exited;
    clearTimeout(killer);
    this.connection.dispose();
  }
}

export async function withServer<T>(work: (server: Server) => Promise<T>): Promise<T> {
  const server = new Server();
  try {
    await server.initialize();
    return await work(server);
  } finally {
    await server.stop();
  }
}

export interface Startup {
  /** Spawn → first diagnostics for the seed, each run. */
  times: number[];
  medianMs: number;
  /** Spawn → the answer to `initialize` (Node started, bundle loaded), median. */
  initializeMs: number;
  /** Resident memory right after `initialize`, nothing open, median. */
  bootRssMB?: number;
}

export async function measureStartup(runs: number): Promise<Startup> {
  const seed = readFileSync(SEED, 'utf8');
  const uri = uriOf('seed.speech.md');
  const times: number[] = [];
  const initialized: number[] = [];
  const bootRss: number[] = [];
  for (let i = 0; i < runs; i++) {
    times.push(
      await withServer(async (server) => {
        initialized.push(performance.now() - server.spawnedAt);
        const rss = server.memory().nowMB;
        if (rss !== undefined) bootRss.push(rss);
        const published = server.diagnostics(uri);
        await server.open(uri, seed);
        return (await published) - server.spawnedAt;
      }),
    );
  }
  return { times, medianMs: median(times), initializeMs: median(initialized), bootRssMB: bootRss.length ? median(bootRss) : undefined };
}

/** A reproducible stream of numbers in [0, 1). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * One-character edits inside body lines: a `的` typed, then deleted again, at
 * random places, so the text returns to the original every second edit.
 */
export function editScript(text: string, count: number): TextDocumentContentChangeEvent[] {
  const lines = text.split('\n');
  const long = lines.map((l, i) => ({ l, i })).filter(({ l }) => l.length >= 40 && !l.startsWith('#'));
  const next = random(8);
  const edits: TextDocumentContentChangeEvent[] = [];
  while (edits.length < count) {
    const { l, i } = long[Math.floor(next() * long.length)];
    let character = 2 + Math.floor(next() * (l.length - 4));
    // Never between the halves of a surrogate pair.
    if (l.charCodeAt(character) >= 0xdc00 && l.charCodeAt(character) <= 0xdfff) character++;
    const at = { line: i, character };
    edits.push({ range: { start: at, end: at }, text: '的' });
    edits.push({ range: { start: at, end: { line: i, character: character + 1 } }, text: '' });
  }
  return edits.slice(0, count);
}

export interface Editing {
  openMs: number;
  edits: number;
  /** didChange sent → diagnostics for that version received. */
  latencies: number[];
  latencyMedianMs: number;
  latencyP95Ms: number;
}

export async function measureEditing(file: string, count: number): Promise<Editing> {
  const text = readFileSync(file, 'utf8');
  const uri = uriOf('draft-edit.speech.md');
  return withServer(async (server) => {
    const opened = server.diagnostics(uri);
    const openStart = performance.now();
    await server.open(uri, text);
    const openMs = (await opened) - openStart;
    const latencies: number[] = [];
    let version = 1;
    for (const change of editScript(text, count)) {
      version++;
      const published = server.diagnostics(uri, version);
      const start = performance.now();
      await server.change(uri, version, change);
      latencies.push((await published) - start);
    }
    return {
      openMs,
      edits: count,
      latencies,
      latencyMedianMs: median(latencies),
      latencyP95Ms: percentile(latencies, 95),
    };
  });
}

export interface BigDraft {
  bytes: number;
  /** didOpen → its diagnostics. */
  checkMs: number;
  /** The server process's peak and final resident memory with the draft open. */
  peakRssMB?: number;
  rssMB?: number;
  /** Resident memory before the big draft was opened (seed open, checked). */
  idleRssMB?: number;
  /** A small draft's document symbols requested just after the big draft was opened: how long the answer took. */
  symbolsMs: number;
  /** Whether that answer came before the big draft's diagnostics. */
  symbolsFirst: boolean;
}

/** Delay before the outline request, so it lands while the big check runs. */
const SYMBOLS_AFTER_MS = 20;
/** An outline answered within this did not wait for the big check. */
export const RESPONSIVE_MS = 100;

export async function measureBigDraft(file: string): Promise<BigDraft> {
  const text = readFileSync(file, 'utf8');
  const seed = readFileSync(SEED, 'utf8');
  const big = uriOf('draft-big.speech.md');
  const small = uriOf('seed.speech.md');
  return withServer(async (server) => {
    const seedChecked = server.diagnostics(small);
    await server.open(small, seed);
    await seedChecked;
    const idleRssMB = server.memory().nowMB;
    const bigChecked = server.diagnostics(big);
    const openStart = performance.now();
    await server.open(big, text);
    await new Promise((resolve) => setTimeout(resolve, SYMBOLS_AFTER_MS));
    const symbolsStart = performance.now();
    await server.symbols(small);
    const symbolsDone = performance.now();
    const bigDone = await bigChecked;
    const { peakMB, nowMB } = server.memory();
    return {
      bytes: Buffer.byteLength(text),
      checkMs: bigDone - openStart,
      peakRssMB: peakMB,
      rssMB: nowMB,
      idleRssMB,
      symbolsMs: symbolsDone - symbolsStart,
      symbolsFirst: symbolsDone < bigDone,
    };
  });
}
