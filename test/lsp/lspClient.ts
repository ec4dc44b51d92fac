/** A real LSP client for tests: spawns `node dist/server.js --stdio` and speaks JSON-RPC to it. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import {
  ConfigurationRequest,
  createProtocolConnection,
  ExitNotification,
  InitializedNotification,
  LogMessageNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  UnregistrationRequest,
  WorkspaceFoldersRequest,
  DidChangeWorkspaceFoldersNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Registration,
} from 'vscode-languageserver-protocol/node';
import { ensureBuilt, ROOT } from './ensureBuilt';

/** Longest the client waits for the server to start, to take a message or to shut down: a stuck server fails the test instead of hanging it. */
const SERVER_TIMEOUT_MS = 15_000;

/** A wait on the server that ran out of time, as opposed to an error the server answered with. */
export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

/** A workspace-aware client, as VS Code is: it answers `workspace/configuration` and accepts dynamic registrations. */
export interface WorkspaceOptions {
  /** The `speech` section, asked for each time the server pulls settings (so a test can change it). */
  settings: () => unknown;
  /** Workspace folder URIs. */
  folders?: string[];
  /** `InitializeParams.initializationOptions`, as the VS Code client sends them. */
  initializationOptions?: unknown;
}

export class LspTestClient {
  /** Registrations the server holds (with `WorkspaceOptions` only): registered and not yet unregistered. */
  readonly registrations: Registration[] = [];
  /** The scope URIs of every `workspace/configuration` item the server asked for. */
  readonly settingsAsked: Array<string | undefined> = [];
  readonly published: PublishDiagnosticsParams[] = [];
  /** The workspace folders (with `WorkspaceOptions`), as `workspace/workspaceFolders` answers; `changeFolders` changes them. */
  readonly folders: string[] = [];
  /** What the server logged (window/logMessage), to show when a test fails. */
  readonly log: string[] = [];
  initializeResult: InitializeResult | undefined;
  private waiters: Array<{ matches: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }> = [];

  readonly process: ChildProcessWithoutNullStreams;
  readonly connection: ProtocolConnection;

  private constructor() {
    this.process = spawn(process.execPath, [path.join(ROOT, 'dist', 'server.js'), '--stdio'], { cwd: ROOT });
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      this.deliver(params);
    });
    this.connection.onNotification(LogMessageNotification.type, (params) => {
      this.log.push(params.message);
    });
    this.connection.listen();
  }

  /** Starts a server and initializes it with `locale` as the client's display language; `workspace` makes it a client with settings and file watching. */
  static async start(locale: string | undefined, workspace?: WorkspaceOptions): Promise<LspTestClient> {
    ensureBuilt();
    const client = new LspTestClient();
    if (workspace) {
      client.folders.push(...(workspace.folders ?? []));
      client.connection.onRequest(WorkspaceFoldersRequest.type, () => client.folders.map((uri, i) => ({ uri, name: `folder${i}` })));
      client.connection.onRequest(ConfigurationRequest.type, ({ items }) =>
        items.map((item) => {
          client.settingsAsked.push(item.scopeUri);
          return item.section === 'speech' ? workspace.settings() : null;
        }),
      );
      client.connection.onRequest(RegistrationRequest.type, ({ registrations }) => {
        client.registrations.push(...registrations);
      });
      client.connection.onRequest(UnregistrationRequest.type, ({ unregisterations }) => {
        for (const { id } of unregisterations) {
          const at = client.registrations.findIndex((r) => r.id === id);
          if (at >= 0) client.registrations.splice(at, 1);
        }
      });
    }
    const initialize = client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: workspace?.folders?.map((uri, i) => ({ uri, name: `folder${i}` })) ?? null,
      locale,
      initializationOptions: workspace?.initializationOptions,
      capabilities: {
        workspace: workspace && {
          configuration: true,
          workspaceFolders: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
        },
        textDocument: {
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } }, isPreferredSupport: true, dataSupport: true },
        },
      },
    });
    try {
      client.initializeResult = await client.within(initialize, SERVER_TIMEOUT_MS, 'no answer to initialize');
      await client.notify(InitializedNotification.method, {});
    } catch (error) {
      client.process.kill('SIGKILL');
      client.connection.dispose();
      throw error;
    }
    return client;
  }

  /** Adds and removes workspace folders, as a user does, and tells the server. */
  async changeFolders(added: readonly string[], removed: readonly string[]): Promise<void> {
    const kept = this.folders.filter((uri) => !removed.includes(uri));
    this.folders.splice(0, this.folders.length, ...kept, ...added);
    const folder = (uri: string) => ({ uri, name: uri.slice(uri.lastIndexOf('/') + 1) });
    await this.notify(DidChangeWorkspaceFoldersNotification.method, { event: { added: added.map(folder), removed: removed.map(folder) } });
  }

  /** `promise`, or a `TimeoutError` carrying the server's log when it does not settle within `ms`. */
  within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TimeoutError(`${what} within ${ms} ms; server log:\n${this.log.join('\n')}`)), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }

  /** Sends a notification; a server that stopped reading its input, its pipe full, fails the wait instead of blocking it. */
  notify(method: string, params: unknown): Promise<void> {
    return this.within(this.connection.sendNotification(method, params), SERVER_TIMEOUT_MS, `the server did not take ${method}`);
  }

  private deliver(params: PublishDiagnosticsParams): void {
    const waiter = this.waiters.find((w) => w.matches(params));
    if (!waiter) return;
    this.waiters = this.waiters.filter((w) => w !== waiter);
    waiter.resolve(params);
  }

  /** The next diagnostics published for `uri` that satisfy `matches` (already published ones count). */
  diagnostics(uri: string, matches: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 5000): Promise<PublishDiagnosticsParams> {
    const earlier = this.published.find((p) => p.uri === uri && matches(p));
    if (earlier) return Promise.resolve(earlier);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; server log:\n${this.log.join('\n')}`)), timeoutMs);
      this.waiters.push({
        matches: (p) => p.uri === uri && matches(p),
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  async open(uri: string, text: string, version = 1, languageId = 'speech'): Promise<void> {
    await this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Shuts the server down politely and resolves with its exit code; kills it when it is not gone within the time limit. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.process.once('exit', (code) => resolve(code)));
    const shutdown = async (): Promise<number | null> => {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
      return exited;
    };
    try {
      return await this.within(shutdown(), SERVER_TIMEOUT_MS, 'the server did not shut down and exit');
    } catch (error) {
      this.process.kill('SIGKILL');
      throw error;
    } finally {
      this.connection.dispose();
    }
  }
}
