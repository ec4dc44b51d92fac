/**
 * Protocol fuzzing: `node dist/server.js --stdio` driven by random sequences
 * of didOpen / didChange (incremental edits with ranges anywhere, past the
 * end and backwards included) / didClose and every request the server
 * advertises, with positions past the end, unknown URIs and malformed params
 * mixed in. After each sequence:
 * - the server is still running and answered every request (a result or an
 *   error response), and logged no failure for a well-formed request;
 * - for every open draft, the last diagnostics it published are for the
 *   final version and equal a fresh check of the final text — both as the
 *   core computes them in-process and as the same server publishes them for
 *   the final text opened afresh under a new URI;
 * - every closed draft's last diagnostics are empty.
 *
 * Seeded like the property suites (test/property/seeds.ts): a fixed seed and
 * a fresh one printed in the title; SPEECH_PROP_SEED replays, SPEECH_FUZZ_RUNS
 * sets the number of sequences (each on a new server) per seed.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, InitializeResult, Position, Range, SymbolInformation, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { check, findRule } from '../../server/src/core';
import { toDiagnostics } from '../../server/src/lsp/diagnostics';
import { ruleDocsLinker } from '../../server/src/lsp/docsLinks';
import { mutatedCorpus, speechSoup, unicodeText } from '../property/arbitraries';
import { LINT_OPTIONS } from '../property/invariants';
import { itHoldsAsync } from '../property/seeds';
import { ROOT } from './ensureBuilt';
import { LspTestClient, TimeoutError } from './lspClient';

/** Drafts the sequences work on; a few, so opens, edits and closes meet the same URIs. */
const DRAFTS = 3;
const draftUri = (n: number): string => `untitled:fuzz-${n}.speech.md`;
/** URIs the server never saw opened. */
const UNKNOWN_URIS = ['untitled:never-opened.speech.md', 'file:///nonexistent/dir/x.speech.md', 'not a uri', ''];
/** Longest the server may take to answer anything here (drafts are small; this is a hang detector). */
const ANSWER_TIMEOUT_MS = 15_000;

/** A position as generated: resolved against the draft's text when the op runs. */
interface RawPosition {
  line: number;
  character: number;
  /** Keep the numbers as they are (past the end, or negative) instead of wrapping them into the text. */
  raw: boolean;
}

/** A params fault: none, or one of MALFORMATIONS by index. */
type Fault = number | null;

type Op =
  | { kind: 'open'; draft: number; text: string }
  | { kind: 'change'; draft: number; edits: Array<{ full: boolean; start: RawPosition; end: RawPosition; text: string }> }
  | { kind: 'close'; draft: number }
  | { kind: 'request'; method: number; draft: number; unknownUri: number | null; start: RawPosition; end: RawPosition; pick: number; fault: Fault }
  | { kind: 'burst'; requests: Array<{ method: number; draft: number; start: RawPosition; end: RawPosition; pick: number }>; editDuring: boolean }
  | { kind: 'junk'; variant: number; method: string };

/** True once in `n` cases. */
const oneIn = (n: number): fc.Arbitrary<boolean> => fc.nat({ max: n - 1 }).map((k) => k === 0);

const rawPosition: fc.Arbitrary<RawPosition> = fc.record({
  line: fc.integer({ min: -3, max: 500 }),
  character: fc.integer({ min: -3, max: 2000 }),
  raw: oneIn(5),
});

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('open' as const), draft: fc.nat({ max: DRAFTS - 1 }), text: fc.oneof(mutatedCorpus, unicodeText) }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('change' as const),
      draft: fc.nat({ max: DRAFTS - 1 }),
      edits: fc.array(
        fc.record({ full: oneIn(12), start: rawPosition, end: rawPosition, text: fc.oneof(speechSoup, fc.constantFrom('', '\n', '\r\n', '。', '一、', '\uD800')) }),
        { minLength: 1, maxLength: 4 },
      ),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('close' as const), draft: fc.nat({ max: DRAFTS - 1 }) }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('request' as const),
      method: fc.nat(),
      draft: fc.nat({ max: DRAFTS - 1 }),
      unknownUri: fc.option(fc.nat({ max: UNKNOWN_URIS.length - 1 }), { freq: 8 }),
      start: rawPosition,
      end: rawPosition,
      pick: fc.nat(),
      fault: fc.option(fc.nat(), { freq: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('burst' as const),
      requests: fc.array(fc.record({ method: fc.nat(), draft: fc.nat({ max: DRAFTS - 1 }), start: rawPosition, end: rawPosition, pick: fc.nat() }), { minLength: 2, maxLength: 8 }),
      editDuring: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('junk' as const), variant: fc.nat(), method: fc.constantFrom('$/unknown', 'textDocument/unknown', 'speech/nothing') }) },
);

/** Ways to spoil a request's params. The server may answer with an error or a result, but must answer and live on. */
const MALFORMATIONS: ReadonlyArray<(params: Record<string, unknown>) => unknown> = [
  () => null,
  () => [],
  () => 'params',
  (p) => ({ ...p, textDocument: undefined }),
  (p) => ({ ...p, textDocument: { uri: 42 } }),
  (p) => ({ ...p, textDocument: {} }),
  (p) => ({ ...p, position: { line: 'x', character: null } }),
  (p) => ({ ...p, position: { line: 1e12, character: -1e12 } }),
  (p) => ({ ...p, range: { start: { line: 5, character: 0 }, end: { line: 0, character: 0 } } }),
  (p) => ({ ...p, range: null, context: { diagnostics: 'none' } }),
  (p) => ({ ...p, context: { diagnostics: [{ range: null, message: 7, data: { version: 'x', fix: 'y' } }], only: 5 } }),
  (p) => ({ ...p, options: null, query: 12, command: 'no.such.command', arguments: [null, {}, 'x'] }),
];

/** Requests the server may advertise, keyed by capability; each builds well-formed params for a draft. */
interface RequestContext {
  uri: string;
  model: TextDocument | undefined;
  start: RawPosition;
  end: RawPosition;
  /** Picks among earlier answers (diagnostics, code lenses) to send back. */
  pick: number;
  diagnostics: readonly Diagnostic[];
  lenses: readonly unknown[];
  commands: readonly string[];
}

type RequestSpec = { method: string; params: (c: RequestContext) => Record<string, unknown> };

const ONLY_KINDS = [undefined, ['quickfix'], ['source'], ['source.fixAll'], ['source.fixAll.speech'], ['refactor'], []];

function requestsFor(capabilities: InitializeResult['capabilities']): RequestSpec[] {
  const doc = (c: RequestContext): Record<string, unknown> => ({ textDocument: { uri: c.uri } });
  const at = (c: RequestContext): Record<string, unknown> => ({ ...doc(c), position: resolve(c.model, c.start) });
  const range = (c: RequestContext): Range => ({ start: resolve(c.model, c.start), end: resolve(c.model, c.end) });
  const specs: Array<[unknown, RequestSpec]> = [
    [capabilities.documentSymbolProvider, { method: 'textDocument/documentSymbol', params: doc }],
    [capabilities.foldingRangeProvider, { method: 'textDocument/foldingRange', params: doc }],
    [
      capabilities.codeActionProvider,
      {
        method: 'textDocument/codeAction',
        params: (c) => ({
          ...doc(c),
          range: range(c),
          context: { diagnostics: c.diagnostics.filter((_, i) => (c.pick >> i) & 1), only: ONLY_KINDS[c.pick % ONLY_KINDS.length] },
        }),
      },
    ],
    [capabilities.completionProvider, { method: 'textDocument/completion', params: (c) => ({ ...at(c), context: { triggerKind: 1 } }) }],
    [capabilities.hoverProvider, { method: 'textDocument/hover', params: at }],
    [capabilities.documentFormattingProvider, { method: 'textDocument/formatting', params: (c) => ({ ...doc(c), options: { tabSize: 4, insertSpaces: c.pick % 2 === 0 } }) }],
    [capabilities.documentRangeFormattingProvider, { method: 'textDocument/rangeFormatting', params: (c) => ({ ...doc(c), range: range(c), options: { tabSize: 4, insertSpaces: true } }) }],
    [capabilities.codeLensProvider, { method: 'textDocument/codeLens', params: doc }],
    [
      (capabilities.codeLensProvider as { resolveProvider?: boolean } | undefined)?.resolveProvider,
      { method: 'codeLens/resolve', params: (c) => (c.lenses.length > 0 ? (c.lenses[c.pick % c.lenses.length] as Record<string, unknown>) : { range: range(c) }) },
    ],
    [capabilities.workspaceSymbolProvider, { method: 'workspace/symbol', params: (c) => ({ query: ['', '政协', '胡', 'zzz'][c.pick % 4] }) }],
    [
      capabilities.executeCommandProvider,
      { method: 'workspace/executeCommand', params: (c) => ({ command: c.commands[c.pick % Math.max(1, c.commands.length)] ?? 'none', arguments: [c.uri, resolve(c.model, c.start)] }) },
    ],
  ];
  return specs.filter(([advertised]) => !!advertised).map(([, spec]) => spec);
}

/** A generated position made concrete: wrapped into the text (one past its end allowed), or kept raw. */
function resolve(model: TextDocument | undefined, p: RawPosition): Position {
  if (p.raw || !model) return { line: p.line, character: p.character };
  const lines = model.lineCount;
  const line = Math.abs(p.line) % (lines + 1);
  const length = line < lines ? model.offsetAt({ line: line + 1, character: 0 }) - model.offsetAt({ line, character: 0 }) : 0;
  return { line, character: Math.abs(p.character) % (length + 2) };
}

/**
 * `text` after one change, as the protocol reads it (a position past the end is the end), each
 * change on a document made afresh: `TextDocument.update` keeps its table of lines by a range's raw
 * line numbers, and one edit past the last line would misplace every later one in the model too.
 */
function applied(text: string, change: TextDocumentContentChangeEvent): string {
  return TextDocument.update(TextDocument.create('untitled:model', 'speech', 0, text), [change], 0).getText();
}

/** What the server logged as a failure of its own (the `guarded` handlers and the checker log "<what> failed: <stack>"). */
const failures = (log: readonly string[]): string[] => log.filter((line) => / failed/.test(line));

/**
 * Failures of a request handler. A document's background check ("checking <uri> failed") may log
 * at any moment, so it is told by its URI at the end instead (a junk didOpen may earn one).
 */
const requestFailures = (log: readonly string[]): string[] => failures(log).filter((line) => !/^speechlint: (checking|publishing|clearing) /.test(line));

/** The diagnostics the core itself finds in `text`, mapped as the server maps them. */
function coreDiagnostics(text: string, version: number): Diagnostic[] {
  const { doc, findings } = check(text, LINT_OPTIONS);
  // The client speaks Chinese (zh-cn): its links go to the Chinese pages.
  const docsUrl = ruleDocsLinker(path.join(ROOT, 'docs', 'rules'), { locale: 'zh' });
  return JSON.parse(JSON.stringify(toDiagnostics(doc, findings, { version, locale: 'zh', docsUrl }))) as Diagnostic[];
}

async function runSequence(ops: readonly Op[]): Promise<void> {
  const client = await LspTestClient.start('zh-cn');
  let exited: string | undefined;
  client.process.once('exit', (code, signal) => (exited = `server exited (code ${code}, signal ${signal})`));
  const alive = (): void => assert.equal(exited, undefined, `${exited}; server log:\n${client.log.join('\n')}`);
  const requests = requestsFor(client.initializeResult!.capabilities);
  const commands = (client.initializeResult!.capabilities.executeCommandProvider?.commands ?? []) as string[];
  const models = new Map<string, TextDocument>();
  const everOpened = new Set<string>();
  const lenses: unknown[] = [];
  let version = 1;

  const lastPublished = (uri: string): Diagnostic[] => [...client.published].reverse().find((p) => p.uri === uri)?.diagnostics ?? [];

  const send = async (method: string, params: unknown, wellFormed: boolean): Promise<void> => {
    const before = client.log.length;
    let answer: unknown;
    try {
      answer = await client.within(client.connection.sendRequest(method, params), ANSWER_TIMEOUT_MS, `no answer to ${method}`);
    } catch (error) {
      // An error response is an answer; a timeout is not.
      if (error instanceof TimeoutError) throw error;
    }
    if (method === 'textDocument/codeLens' && Array.isArray(answer)) lenses.splice(0, lenses.length, ...answer);
    if (wellFormed) assert.deepEqual(requestFailures(client.log.slice(before)), [], `${method} with well-formed params logged a failure`);
  };

  const context = (draft: number, start: RawPosition, end: RawPosition, pick: number, uri = draftUri(draft)): RequestContext => ({
    uri,
    model: models.get(uri),
    start,
    end,
    pick,
    diagnostics: lastPublished(uri),
    lenses,
    commands,
  });

  const change = async (draft: number, edits: Extract<Op, { kind: 'change' }>['edits']): Promise<void> => {
    const uri = draftUri(draft);
    const changes: TextDocumentContentChangeEvent[] = edits.map((e) => {
      const model = models.get(uri);
      return e.full ? { text: e.text } : { range: { start: resolve(model, e.start), end: resolve(model, e.end) }, text: e.text };
    });
    version++;
    const model = models.get(uri);
    // A change to a draft that is not open is ignored by the server, and by the model.
    if (model) models.set(uri, TextDocument.create(uri, 'speech', version, changes.reduce(applied, model.getText())));
    await client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  };

  try {
    for (const op of ops) {
      switch (op.kind) {
        case 'open': {
          const uri = draftUri(op.draft);
          version++;
          models.set(uri, TextDocument.create(uri, 'speech', version, op.text));
          everOpened.add(uri);
          await client.open(uri, op.text, version);
          break;
        }
        case 'change':
          await change(op.draft, op.edits);
          break;
        case 'close':
          models.delete(draftUri(op.draft));
          await client.notify('textDocument/didClose', { textDocument: { uri: draftUri(op.draft) } });
          break;
        case 'request': {
          if (requests.length === 0) break;
          const spec = requests[op.method % requests.length];
          const uri = op.unknownUri === null ? draftUri(op.draft) : UNKNOWN_URIS[op.unknownUri];
          const params = spec.params(context(op.draft, op.start, op.end, op.pick, uri));
          const fault = op.fault === null ? undefined : MALFORMATIONS[op.fault % MALFORMATIONS.length];
          await send(spec.method, fault ? fault(params) : params, !fault);
          break;
        }
        case 'burst': {
          if (requests.length === 0) break;
          const answers = op.requests.map((r) => {
            const spec = requests[r.method % requests.length];
            return send(spec.method, spec.params(context(r.draft, r.start, r.end, r.pick)), true);
          });
          // Typing while requests are in flight: they may answer for an older text, or null, but must answer.
          if (op.editDuring) await change(op.requests[0].draft, [{ full: false, start: op.requests[0].start, end: op.requests[0].start, text: '改' }]);
          await Promise.all(answers);
          break;
        }
        case 'junk':
          await sendJunk(client, op, lastPublished);
          break;
      }
      alive();
    }

    for (const [uri, model] of models) {
      await client.diagnostics(uri, (p) => p.version === model.version, ANSWER_TIMEOUT_MS);
    }
    // Long enough for any check still queued (the quiet time after an edit is at most 150 ms) to publish: a stale one must not.
    await new Promise((r) => setTimeout(r, 500));
    alive();
    for (const [uri, model] of models) {
      const last = [...client.published].reverse().find((p) => p.uri === uri)!;
      assert.equal(last.version, model.version, `${uri}: the last diagnostics are for version ${last.version}, the draft is at ${model.version}`);
      const ruleDiagnostics = last.diagnostics.filter((d) => typeof d.code === 'string' && findRule(d.code));
      assert.deepEqual(ruleDiagnostics, coreDiagnostics(model.getText(), model.version), `${uri}: published diagnostics differ from a fresh check of ${JSON.stringify(model.getText())}`);
      const freshUri = `${uri}.fresh`;
      await client.open(freshUri, model.getText(), model.version);
      const fresh = await client.diagnostics(freshUri, (p) => p.version === model.version, ANSWER_TIMEOUT_MS);
      assert.deepEqual(last.diagnostics, fresh.diagnostics, `${uri}: diagnostics differ from those of the final text opened afresh`);
    }
    for (const uri of everOpened) {
      if (!models.has(uri)) assert.deepEqual(lastPublished(uri), [], `${uri} was closed but its diagnostics were not cleared`);
    }
    assert.deepEqual(failures(client.log).filter((line) => line.includes('untitled:fuzz-')), [], 'checking or publishing a draft failed');
    alive();
    assert.equal(await client.stop(), 0, 'the server did not shut down cleanly');
  } finally {
    // A case that failed leaves its server running: it has nothing more to say.
    if (exited === undefined) client.process.kill('SIGKILL');
    client.connection.dispose();
  }
}

/** Notifications and requests no server should choke on: unknown methods, malformed params, unknown URIs. */
async function sendJunk(client: LspTestClient, op: Extract<Op, { kind: 'junk' }>, lastPublished: (uri: string) => Diagnostic[]): Promise<void> {
  const uri = UNKNOWN_URIS[op.variant % UNKNOWN_URIS.length];
  const notifications: Array<[string, unknown]> = [
    [op.method, { anything: true }],
    ['textDocument/didOpen', null],
    ['textDocument/didOpen', { textDocument: { uri: 42, languageId: 'speech', version: 1, text: '正文。' } }],
    ['textDocument/didChange', { textDocument: { uri, version: 1 }, contentChanges: [{ text: '正文。' }] }],
    ['textDocument/didChange', { textDocument: { uri, version: null }, contentChanges: 'not an array' }],
    ['textDocument/didClose', { textDocument: { uri } }],
    ['textDocument/didClose', {}],
    ['textDocument/didSave', { textDocument: { uri } }],
  ];
  const [method, params] = notifications[op.variant % notifications.length];
  await client.notify(method, params);
  try {
    await client.within(client.connection.sendRequest(op.method, { textDocument: { uri } }), ANSWER_TIMEOUT_MS, `no answer to ${op.method}`);
    assert.fail(`${op.method} is no method, yet the server answered with a result`);
  } catch (error) {
    if (error instanceof assert.AssertionError || error instanceof TimeoutError) throw error;
  }
  assert.deepEqual(lastPublished(uri), [], `diagnostics published for ${uri}, which was never opened`);
}

const sequences = fc.array(opArb, { minLength: 10, maxLength: 80 });

describe('language server under protocol fuzzing', function () {
  this.timeout(600_000);

  // Fail once, fast, when the server cannot start at all, rather than in every generated case.
  before(async function () {
    const client = await LspTestClient.start('zh-cn');
    assert.equal(await client.stop(), 0);
  });

  itHoldsAsync(
    'survives random opens, edits, closes and requests, answers every request, and ends with the diagnostics of a fresh check',
    sequences,
    runSequence,
    4,
  );

  // Seed 17's counterexample, shrunk by hand: an open with a numeric URI must not join the open drafts,
  // where it would be checked and published under that number and fail every later workspace/symbol.
  it('refuses a didOpen whose URI is no string, so the drafts it lists stay well-formed', async function () {
    const client = await LspTestClient.start('zh-cn');
    try {
      await client.notify('textDocument/didOpen', { textDocument: { uri: 42, languageId: 'speech', version: 1, text: '正文。' } });
      await client.open('untitled:fuzz-0.speech.md', '正文。', 1);
      await client.diagnostics('untitled:fuzz-0.speech.md', () => true, ANSWER_TIMEOUT_MS);
      const symbols = await client.within(client.connection.sendRequest<SymbolInformation[] | null>('workspace/symbol', { query: '' }), ANSWER_TIMEOUT_MS, 'no answer to workspace/symbol');
      assert.deepEqual(symbols?.map((symbol) => symbol.location.uri), ['untitled:fuzz-0.speech.md']);
      assert.deepEqual(client.published.map((p) => p.uri), ['untitled:fuzz-0.speech.md']);
      assert.deepEqual(client.log.filter((line) => line.startsWith('speechlint:')), []);
    } finally {
      await client.stop();
    }
  });
});
