/**
 * The language server: the only module that knows the connection. It keeps
 * one analysis per open document version and hands it to the feature mappers
 * in `lsp/`. Started with `--stdio` by any LSP editor, over IPC by VS Code
 * (`createConnection` reads the transport from argv).
 */
import {
  CodeLensRefreshRequest,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentFormattingRequest,
  DocumentRangeFormattingRequest,
  ExecuteCommandRequest,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocumentItem,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Diagnostic,
  type WorkspaceFoldersChangeEvent,
  type Disposable,
  type InitializeResult,
  type Range,
  type TextEdit,
  type WorkDoneProgressReporter,
  type WorkDoneProgressServerReporter,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import speechSnippets from '../../snippets/speech.code-snippets' with { type: 'json' };
import { check, LintCache, parse, type Finding, type LintOptions, type Locale, type RuleServices, type SpeechDocument } from './core';
import { paceFromSettings } from './core/summary';
import { CODE_ACTION_KINDS, codeActions } from './lsp/codeActions';
import { codeLenses } from './lsp/codeLens';
import { checkDrafts, MESSAGES as COMMAND_MESSAGES, readRenumberArguments, renumberWorkspaceEdit, SERVER_COMMANDS } from './lsp/commands';
import { COMPLETION_TRIGGER_CHARACTERS, completionItems } from './lsp/completion';
import { Debouncer } from './lsp/debounce';
import { toDiagnostics } from './lsp/diagnostics';
import { bundledRulesDocsDir, ruleDocsLinker } from './lsp/docsLinks';
import { documentSymbols } from './lsp/documentSymbols';
import { directiveDiagnostics } from './lsp/directiveDiagnostics';
import { foldingRanges } from './lsp/foldingRanges';
import { formattingEdits, readFormatSettings } from './lsp/formatting';
import { hover } from './lsp/hover';
import { LayoutCache, layoutOptions, layoutResult, printedPages, speechPages } from './lsp/layout';
import { localeFromTag } from './lsp/locale';
import { checksLanguage, SETTINGS_SECTION, CHECK_WORKSPACE_COMMAND, COMPILE_COMMAND, DESCRIBE_DRAFTS_COMMAND, EXPORT_WORD_COMMAND, IMPORT_WORD_COMMAND, RENUMBER_COMMAND, STATISTICS_REQUEST, LAYOUT_REQUEST, type CheckResult, type LayoutParams, type DraftDescription, type InitializationOptions, type StatisticsParams, WORKSPACE_TRUSTED_NOTIFICATION } from './lsp/protocol';
import { statisticsAt } from './lsp/statistics';
import { syncedDocuments } from './lsp/textSync';
import { RESTRICTED_MESSAGES, WorkspaceConfig } from './lsp/workspaceConfig';
import { draftDescription, draftOutline, workspaceSymbols, type DraftOutline } from './lsp/workspaceSymbols';
import { loadSegmenter } from './segmenter';
import { statisticalFindings } from './statisticalPhase';
import { CheckCosts, checkInSlices } from './checkScheduler';
import { compileDrafts, exportWord, importWord, WORD_COMMANDS, type WordCommandHost } from './lsp/wordCommands';
import { FileCache, fileUri, folderPaths, listDrafts, readWorkspaceDraft, uriFileName } from './workspaceDrafts';
import { fitHeapGrowth } from './heapGrowth';

interface Analysis {
  version: number;
  doc: SpeechDocument;
  findings: Finding[];
}

// Nothing is open yet: the heap is fitted to small drafts before the connection and the dictionary allocate anything (heapGrowth.ts).
fitHeapGrowth(0);
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(syncedDocuments);
const analyses = new Map<string, Analysis>();
/** Per-document findings of unchanged speeches, so a keystroke re-checks only the speech it touched. */
const lintCaches = new Map<string, LintCache>();
/** Each open draft's last checked model, which the next check takes over and re-parses only where the text changed (core/parse/incremental.ts). */
const lastModels = new Map<string, SpeechDocument>();
/** Checks under way, so two requests about one version share one check. */
const checksInFlight = new Map<string, { version: number; analysis: Promise<Analysis | undefined> }>();
const debouncer = new Debouncer();
/** What each draft's checks cost: the quiet time after a keystroke (checkScheduler.ts). */
const checkCosts = new CheckCosts();
/** Made at initialization, once the client has said its language and whether it shows pages rendered. */
let docsUrl = ruleDocsLinker(bundledRulesDocsDir());
let locale: Locale = 'zh';

/** What the drafting features (completion, formatting, statistics, commands, workspace drafts) learned at initialization. */
const drafting = {
  versionedEdits: false,
  registerFormatting: false,
  /** VS Code lists the contributed snippets itself: completion then leaves them out. */
  editorShowsSnippets: false,
};

/** The workspace's local folders: as announced at initialization, then as the user adds and removes folders. */
let workspaceFolders: string[] = [];

/** What the client said it can do: each missing ability means defaults or no live updates, never a failure. */
const clientCan = { pullSettings: false, registerSettingsChange: false, watchFiles: false, relativePatterns: false, changeFolders: false, refreshCodeLenses: false };

const config = new WorkspaceConfig({
  fetchSettings: (uri) => (clientCan.pullSettings ? connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }) : Promise.resolve(undefined)),
  publish: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }).catch((error) => logError(`publishing ${uri}`, error)),
  // A notification, not `window.showWarningMessage` (a request, which fails with clients that cannot answer it).
  warn: (message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }).catch((error) => logError('showing a message', error)),
  watch: (files) => watchConfigFiles(files),
  locale: () => locale,
});

connection.onInitialize((params): InitializeResult => {
  locale = localeFromTag(params.locale);
  const workspace = params.capabilities.workspace;
  clientCan.pullSettings = workspace?.configuration === true;
  clientCan.registerSettingsChange = workspace?.didChangeConfiguration?.dynamicRegistration === true;
  clientCan.watchFiles = workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  clientCan.refreshCodeLenses = workspace?.codeLens?.refreshSupport === true;
  clientCan.relativePatterns = workspace?.didChangeWatchedFiles?.relativePatternSupport === true;
  workspaceFolders = folderPaths(params.workspaceFolders, params.rootUri);
  config.setWorkspaceFolders(workspaceFolders);
  clientCan.changeFolders = workspace?.workspaceFolders === true;
  drafting.versionedEdits = workspace?.workspaceEdit?.documentChanges === true;
  drafting.registerFormatting = params.capabilities.textDocument?.formatting?.dynamicRegistration === true && params.capabilities.textDocument?.rangeFormatting?.dynamicRegistration === true;
  const options = params.initializationOptions as InitializationOptions | undefined;
  drafting.editorShowsSnippets = options?.editorShowsSnippets === true;
  docsUrl = ruleDocsLinker(bundledRulesDocsDir(), { locale, viewCommand: typeof options?.ruleDocsCommand === 'string' ? options.ruleDocsCommand : undefined });
  config.setTrust(options?.workspaceTrusted === true ? 'trusted' : options?.workspaceTrusted === false ? 'restricted' : 'unknown');
  return {
    capabilities: {
      // Saves are announced for `speech.run: onSave`.
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      documentSymbolProvider: { label: locale === 'zh' ? '发言稿' : 'Speech' },
      foldingRangeProvider: true,
      codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
      completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS },
      // Registered for speech drafts only when the client allows (see onInitialized), so Markdown keeps its own formatter.
      documentFormattingProvider: !drafting.registerFormatting,
      documentRangeFormattingProvider: !drafting.registerFormatting,
      codeLensProvider: { resolveProvider: false },
      hoverProvider: true,
      workspaceSymbolProvider: true,
      executeCommandProvider: { commands: [...SERVER_COMMANDS, ...WORD_COMMANDS] },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'speechlint' },
  };
});

connection.onInitialized(() => {
  if (clientCan.registerSettingsChange) {
    connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch((error) => logError('registering for settings changes', error));
  }
  config.scanWorkspace().catch((error) => logError('finding configuration files', error));
  if (clientCan.changeFolders) connection.workspace.onDidChangeWorkspaceFolders(foldersChanged);
  if (drafting.registerFormatting) {
    const documentSelector = [{ language: 'speech' }];
    connection.client.register(DocumentFormattingRequest.type, { documentSelector }).catch((error) => logError('registering formatting', error));
    connection.client.register(DocumentRangeFormattingRequest.type, { documentSelector }).catch((error) => logError('registering range formatting', error));
  }
});

/** A folder added or removed: its configuration files are found (or let go) and the drafts checked again under them. */
function foldersChanged({ added, removed }: WorkspaceFoldersChangeEvent): void {
  const gone = folderPaths(removed);
  workspaceFolders = [...workspaceFolders.filter((folder) => !gone.includes(folder)), ...folderPaths(added)];
  config.setWorkspaceFolders(workspaceFolders);
  config.scanWorkspace().catch((error) => logError('finding configuration files', error));
  recheckAll();
}

let configWatch: Promise<Disposable | undefined> = Promise.resolve(undefined);

/** Replaces the configuration file watchers, one registration at a time. */
function watchConfigFiles(files: readonly string[]): void {
  if (!clientCan.watchFiles) return;
  const watchers = WorkspaceConfig.watchers(files, clientCan.relativePatterns);
  configWatch = configWatch.then(async (previous) => {
    const next = await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    previous?.dispose();
    return next;
  }).catch((error) => {
    logError('watching configuration files', error);
    return undefined;
  });
}

/** What the rules borrow from the host: the segmenter, loaded with the first check (a few milliseconds). */
let services: RuleServices | undefined;

function ruleServices(): RuleServices {
  if (!services) {
    const segmenter = loadSegmenter();
    if (!segmenter) connection.console.warn('speechlint: the word list is missing; repeated-char reports nothing');
    services = { segmenter };
  }
  return services;
}

/** The rules and their settings for a document: its `.speechlintrc.json` chain under the `speech.rules` setting. */
async function lintOptionsFor(uri: string): Promise<LintOptions> {
  return { services: { ...ruleServices(), page: config.exportFor(uri).settings }, rules: config.rulesFor(uri, await config.settingsFor(uri)) };
}

/** Whether the document is checked at all (Markdown and plain text only when switched on). */
async function isChecked(document: TextDocument): Promise<boolean> {
  return checksLanguage(document.languageId, await config.settingsFor(document.uri));
}

/**
 * The draft's last checked model, for the next check to take over (its nodes move into the new model):
 * a check dropped half-way leaves none, and the next one parses afresh. Handed straight to the check,
 * not kept in a variable, so the old model and its text are let go once re-parsed.
 */
function takeLastModel(uri: string): SpeechDocument | undefined {
  const previous = lastModels.get(uri);
  lastModels.delete(uri);
  return previous;
}

/** The analysis of `document` as it is now, from the cache when its version has not moved; undefined when the document is not checked. */
async function analyze(document: TextDocument): Promise<Analysis | undefined> {
  const { uri } = document;
  const cached = analyses.get(uri);
  if (cached && cached.version === document.version) return cached;
  const running = checksInFlight.get(uri);
  if (running && running.version === document.version) return running.analysis;
  // The document object is updated in place by later edits: take text and version together, before any await.
  const text = document.getText();
  const version = document.version;
  const analysis = (async (): Promise<Analysis | undefined> => {
    if (!(await isChecked(document))) return undefined;
    const options = await lintOptionsFor(uri);
    let cache = lintCaches.get(uri);
    if (!cache) lintCaches.set(uri, (cache = new LintCache()));
    const checked = await checkInSlices(
      text,
      { ...options, cache },
      () => documents.get(uri)?.version !== version,
      (busyMs, finished) => checkCosts.record(uri, busyMs, finished),
      takeLastModel(uri),
    );
    if (!checked) return undefined;
    if (documents.get(uri)) lastModels.set(uri, checked.doc);
    const result: Analysis = { version, ...checked };
    if (documents.get(uri)?.version === version) analyses.set(uri, result);
    return result;
  })();
  checksInFlight.set(uri, { version, analysis });
  try {
    return await analysis;
  } finally {
    if (checksInFlight.get(uri)?.analysis === analysis) checksInFlight.delete(uri);
  }
}

/** The analysis of an open document's current version; undefined when the document is closed, not checked, or changed meanwhile (its own check follows). */
async function currentAnalysis(uri: string): Promise<Analysis | undefined> {
  const document = documents.get(uri);
  if (!document) return undefined;
  const analysis = await analyze(document);
  return analysis && analysis.version === documents.get(uri)?.version ? analysis : undefined;
}

/** Drafts with diagnostics out, so a draft that stops being checked is cleared. */
const publishedDrafts = new Set<string>();

async function publishDiagnostics(uri: string): Promise<void> {
  const document = documents.get(uri);
  if (!document) return;
  if (!(await isChecked(document))) {
    if (publishedDrafts.delete(uri)) await connection.sendDiagnostics({ uri, diagnostics: [] });
    return;
  }
  const analysis = await currentAnalysis(uri);
  if (!analysis) return;
  const { doc, findings, version } = analysis;
  const diagnostics = [...toDiagnostics(doc, findings, { version, locale, docsUrl }), ...directiveDiagnostics(doc, locale)];
  publishedDrafts.add(uri);
  await connection.sendDiagnostics({ uri, version, diagnostics });
  await publishStatistical(uri, analysis, diagnostics);
}

/**
 * The second phase: the `typo` rule's statistical tier, when switched on,
 * after the first diagnostics are out; a newer version of the draft drops it
 * (that version gets both phases of its own). Its findings join the
 * analysis, so quick fixes see them.
 */
async function publishStatistical(uri: string, analysis: Analysis, first: Diagnostic[]): Promise<void> {
  const document = documents.get(uri);
  if (!document || document.version !== analysis.version) return;
  const stale = (): boolean => documents.get(uri)?.version !== analysis.version;
  const options = await lintOptionsFor(uri);
  if (stale()) return;
  const extra = await statisticalFindings(document.getText(), options, stale);
  if (!extra || extra.length === 0 || stale()) return;
  const { doc, version } = analysis;
  if (analyses.get(uri) === analysis) analyses.set(uri, { version, doc, findings: [...analysis.findings, ...extra] });
  await connection.sendDiagnostics({ uri, version, diagnostics: [...first, ...toDiagnostics(doc, extra, { version, locale, docsUrl })] });
}

/** Checks every open document again: the configuration or the settings changed under them. */
function recheckAll(): void {
  analyses.clear();
  for (const { uri } of documents.all()) {
    debouncer.schedule(uri, 0, () => void publishDiagnostics(uri).catch((error) => logError(`checking ${uri}`, error)));
  }
}

function logError(what: string, error: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  connection.console.error(`speechlint: ${what} failed: ${detail}`);
}

/** Runs a request handler; a failure is logged and answered with `fallback` instead of taking the server down. */
async function guarded<T>(what: string, fallback: T, handler: () => Promise<T>): Promise<T> {
  try {
    return await handler();
  } catch (error) {
    logError(what, error);
    return fallback;
  }
}

// A fault that escapes every handler (a timer, a promise nobody awaits) would
// otherwise end the process and every open draft's checking with it: log it
// where the user can see it (the client's output channel) and keep serving.
process.on('uncaughtException', (error) => connection.console.error(`speechlint: uncaught exception (the server keeps running): ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) =>
  connection.console.error(`speechlint: unhandled promise rejection (the server keeps running): ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`),
);

const opened = new Set<string>();

documents.onDidChangeContent(({ document }) => {
  const { uri } = document;
  // Opening fires this event too: check a newly opened document at once, typing after a quiet time as long as its checks take.
  const typing = opened.has(uri);
  opened.add(uri);
  fitHeapGrowth(openChars());
  // Every reader of an analysis wants the current version's: the last one, model, findings and text, is dead weight from here on (a 10 MB draft's is some 30 MB).
  analyses.delete(uri);
  debouncer.schedule(uri, typing ? checkCosts.delayAfterEdit(uri) : 0, () => void checkUnless(typing ? 'onSave' : undefined, uri));
});

documents.onDidSave(({ document }) => {
  const { uri } = document;
  // With `onType` the text was checked as it was typed; a save adds nothing.
  debouncer.schedule(uri, 0, () => void checkUnless('onType', uri));
});

/** Publishes the document's diagnostics unless `speech.run` is `skipIn` for it. */
async function checkUnless(skipIn: 'onType' | 'onSave' | undefined, uri: string): Promise<void> {
  try {
    if (skipIn && (await config.settingsFor(uri)).run === skipIn) return;
    await publishDiagnostics(uri);
  } catch (error) {
    logError(`checking ${uri}`, error);
  }
}

connection.onDidChangeConfiguration(() => {
  config.settingsChanged();
  recheckAll();
  // The lenses' minutes rest on the reading pace, which may be what changed.
  if (clientCan.refreshCodeLenses) connection.sendRequest(CodeLensRefreshRequest.type).catch((error: unknown) => logError('refreshing code lenses', error));
});

// The user trusted the workspace: its configuration files and its restricted settings (`speech.rules`) apply from now on, without a restart.
connection.onNotification(WORKSPACE_TRUSTED_NOTIFICATION, () => {
  config.setTrust('trusted');
  config.settingsChanged();
  config.scanWorkspace().catch((error) => logError('finding configuration files', error));
  recheckAll();
});

connection.onDidChangeWatchedFiles(({ changes }) => {
  config.filesChanged(changes);
  recheckAll();
});

documents.onDidClose(({ document }) => {
  const { uri } = document;
  opened.delete(uri);
  debouncer.cancel(uri);
  checkCosts.forget(uri);
  analyses.delete(uri);
  lintCaches.delete(uri);
  lastModels.delete(uri);
  layouts.forget(uri);
  publishedDrafts.delete(uri);
  config.forget(uri);
  connection.sendDiagnostics({ uri, diagnostics: [] }).catch((error) => logError(`clearing ${uri}`, error));
  fitHeapGrowth(openChars());
});

/** The characters of every open document: how much garbage a round of checks leaves (heapGrowth.ts). */
function openChars(): number {
  let chars = 0;
  for (const document of documents.all()) chars += document.getText().length;
  return chars;
}

connection.onDocumentSymbol(({ textDocument }) =>
  guarded('outline', null, async () => {
    const analysis = await currentAnalysis(textDocument.uri);
    return analysis ? documentSymbols(analysis.doc, locale) : null;
  }),
);

connection.onFoldingRanges(({ textDocument }) =>
  guarded('folding', null, async () => {
    const analysis = await currentAnalysis(textDocument.uri);
    return analysis ? foldingRanges(analysis.doc) : null;
  }),
);

connection.onCodeAction(({ textDocument, context }) =>
  guarded('code actions', null, async () => {
    const analysis = await currentAnalysis(textDocument.uri);
    if (!analysis) return null;
    const { doc, findings, version } = analysis;
    return codeActions({ uri: textDocument.uri, version, doc, findings, diagnostics: context.diagnostics, only: context.only, locale });
  }),
);

/** An open, checked document's structure as it is now, without waiting for its check: what the drafting features need. */
async function currentDraft(uri: string): Promise<{ doc: SpeechDocument; version: number } | undefined> {
  const document = documents.get(uri);
  if (!document || !(await isChecked(document))) return undefined;
  const { version } = document;
  const cached = analyses.get(uri);
  if (cached?.version === version) return { doc: cached.doc, version };
  // A check of this very version is under way: its model comes soon, and parsing the text beside it would only delay it (the status bar asks while the user types).
  const text = document.getText();
  const running = checksInFlight.get(uri);
  const checked = running?.version === version ? await running.analysis : undefined;
  return { doc: checked?.version === version ? checked.doc : parse(text), version };
}

/** The reading pace for a document: `length-limit`'s `charsPerMinute` in its configuration. */
async function paceFor(uri: string): Promise<number> {
  return paceFromSettings((await lintOptionsFor(uri)).rules);
}

connection.onCompletion(({ textDocument, position }) =>
  guarded('completion', null, async () => {
    const draft = await currentDraft(textDocument.uri);
    if (!draft) return null;
    const { doc } = draft;
    return completionItems(doc, doc.lines.offsetAt(position), { locale, snippets: speechSnippets, offerSnippets: !drafting.editorShowsSnippets });
  }),
);

async function formatting(uri: string, range?: Range): Promise<TextEdit[] | null> {
  const settings = readFormatSettings(clientCan.pullSettings ? await connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }) : undefined);
  const options = await lintOptionsFor(uri);
  // The model last, used at once: the next check takes it over (see `takeLastModel`).
  const draft = await currentDraft(uri);
  return draft ? formattingEdits(draft.doc, settings, options, range) : null;
}

connection.onDocumentFormatting(({ textDocument }) => guarded('formatting', null, () => formatting(textDocument.uri)));
connection.onDocumentRangeFormatting(({ textDocument, range }) => guarded('range formatting', null, () => formatting(textDocument.uri, range)));

connection.onCodeLens(({ textDocument }) =>
  guarded('code lens', null, async () => {
    const pace = await paceFor(textDocument.uri);
    const draft = await currentDraft(textDocument.uri);
    return draft ? codeLenses(draft.doc, pace, locale) : null;
  }),
);

/** The last layout of each open draft, shared by the print preview, the status bar and the hover. */
const layouts = new LayoutCache();

/** An open, checked draft laid out on the export's page (its configuration's `export` settings), as it is now. */
async function currentLayout(uri: string) {
  const pace = await paceFor(uri);
  const draft = await currentDraft(uri);
  if (!draft) return undefined;
  const laidOut = layouts.get(uri, draft.version, draft.doc, layoutOptions(config.exportFor(uri).settings, pace));
  return { ...draft, pace, layout: laidOut };
}

connection.onRequest(LAYOUT_REQUEST, ({ textDocument }: LayoutParams) =>
  guarded('layout', null, async () => {
    const printed = await currentLayout(textDocument.uri);
    if (!printed) return null;
    const findings = analyses.get(textDocument.uri)?.findings ?? [];
    return layoutResult(printed.doc, printed.layout, { version: printed.version, findings, charsPerMinute: printed.pace, locale });
  }),
);

connection.onHover(({ textDocument, position }) =>
  guarded('hover', null, async () => {
    const printed = await currentLayout(textDocument.uri);
    return printed ? hover(printed.doc, printed.doc.lines.offsetAt(position), printed.pace, locale, (speech) => speechPages(printed.layout, speech)) : null;
  }),
);

connection.onRequest(STATISTICS_REQUEST, ({ textDocument, position }: StatisticsParams) =>
  guarded('statistics', null, async () => {
    const printed = await currentLayout(textDocument.uri);
    if (!printed) return null;
    const statistics = statisticsAt(printed.doc, printed.doc.lines.offsetAt(position), printed.pace, locale, printedPages(printed.layout));
    return config.restricted ? { ...statistics, tooltip: `${statistics.tooltip}\n\n${RESTRICTED_MESSAGES.note[locale]}` } : statistics;
  }),
);

/** Outlines of drafts on disk, parsed again only when a file changes. */
const diskOutlines = new FileCache((file, text) => draftOutline(fileUri(file), parse(text), path.basename(file)));

connection.onWorkspaceSymbol(({ query }) =>
  guarded('workspace symbols', null, async () => {
    // A restricted workspace is not searched: only the open drafts are listed.
    const files = config.restricted ? [] : listDrafts(workspaceFolders);
    diskOutlines.retain(files);
    const outlines: DraftOutline[] = [];
    // Open documents as they are in the editor, the others as saved.
    for (const document of documents.all()) {
      const draft = await currentDraft(document.uri);
      if (draft) outlines.push(draftOutline(document.uri, draft.doc, uriFileName(document.uri)));
    }
    for (const file of files) {
      const outline = documents.get(fileUri(file)) ? undefined : diskOutlines.get(file);
      if (outline) outlines.push(outline);
    }
    return workspaceSymbols(outlines, query, locale);
  }),
);

/** `DESCRIBE_DRAFTS_COMMAND`: each draft by title and speaker, from the editor when open, else as saved; null for malformed arguments. */
async function describeDrafts(args: readonly unknown[] | undefined): Promise<DraftDescription[] | null> {
  const uris = args?.[0];
  if (!Array.isArray(uris) || !uris.every((u): u is string => typeof u === 'string')) return null;
  const described: DraftDescription[] = [];
  for (const uri of uris) {
    const draft = documents.get(uri) ? await currentDraft(uri) : undefined;
    const outline = draft ? draftOutline(uri, draft.doc, uriFileName(uri)) : uri.startsWith('file:') ? diskOutlines.get(fileURLToPath(uri)) : undefined;
    described.push({ uri, ...(outline ? draftDescription(outline, locale) : { label: uriFileName(uri) }) });
  }
  return described;
}

/** Checks one draft of the workspace and publishes its diagnostics: from the editor when open, else from disk. Returns how many problems it has. */
async function checkDraftFile(file: string): Promise<number> {
  const uri = fileUri(file);
  if (documents.get(uri)) {
    await publishDiagnostics(uri);
    return (await currentAnalysis(uri))?.findings.length ?? 0;
  }
  const { doc, findings } = check(readWorkspaceDraft(file), await lintOptionsFor(uri));
  // No version: a closed file's fixes are offered once it is opened and checked again.
  const diagnostics = [...toDiagnostics(doc, findings, { version: -1, locale, docsUrl }), ...directiveDiagnostics(doc, locale)];
  await connection.sendDiagnostics({ uri, diagnostics });
  return diagnostics.length;
}

async function checkWorkspace(token: CancellationToken, progress: WorkDoneProgressReporter | WorkDoneProgressServerReporter): Promise<CheckResult> {
  if (config.restricted) return { files: 0, done: 0, problems: 0, withProblems: 0, cancelled: false, message: RESTRICTED_MESSAGES.noWorkspaceCheck[locale] };
  const files = listDrafts(workspaceFolders);
  const cancelledByProgress = 'token' in progress ? progress.token : undefined;
  const checkOne = async (file: string): Promise<number> => {
    try {
      return await checkDraftFile(file);
    } catch (error) {
      logError(`checking ${file}`, error);
      return 0;
    }
  };
  return checkDrafts(files, checkOne, {
    progress: {
      begin: (title, message) => progress.begin(title, 0, message, true),
      report: (percentage, message) => progress.report(percentage, message),
      done: () => progress.done(),
    },
    isCancelled: () => token.isCancellationRequested || !!cancelledByProgress?.isCancellationRequested,
    displayName: (file) => path.basename(file),
    locale,
  });
}

/** What the Word commands need: drafts as the editor has them, their configuration. */
const wordHost: WordCommandHost = {
  textOf: async (uri) => documents.get(uri)?.getText() ?? readWorkspaceDraft(fileURLToPath(uri)),
  exportFor: (uri) => config.exportFor(uri),
  lintOptionsFor,
  displayName: uriFileName,
  get locale() {
    return locale;
  },
};

async function renumber(args: readonly unknown[] | undefined): Promise<{ applied: boolean } | null> {
  const target = readRenumberArguments(args);
  const draft = target && (await currentDraft(target.uri));
  if (!target || !draft) return null;
  const edit = renumberWorkspaceEdit(draft.doc, { ...target, version: draft.version }, drafting.versionedEdits);
  if (!edit) {
    // A notification: nothing to answer, and no request left unanswered by a client that does not show messages.
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: COMMAND_MESSAGES.nothingToRenumber[locale] });
    return { applied: false };
  }
  const { applied } = await connection.workspace.applyEdit({ label: COMMAND_MESSAGES.renumberLabel[locale], edit });
  return { applied };
}

// Registered as a plain request, not `onExecuteCommand`: that one takes `workDoneToken` out of the params, and the check needs to know whether the client sent one.
connection.onRequest(ExecuteCommandRequest.type, ({ command, arguments: args, workDoneToken }, token) =>
  guarded(`command ${command}`, null, async () => {
    if (command === RENUMBER_COMMAND) return renumber(args);
    if (command === EXPORT_WORD_COMMAND) return exportWord(args, wordHost);
    if (command === IMPORT_WORD_COMMAND) return importWord(args, wordHost);
    if (command === COMPILE_COMMAND) return compileDrafts(args, wordHost);
    if (command === DESCRIBE_DRAFTS_COMMAND) return describeDrafts(args);
    // Progress on the client's token when it sent one (VS Code shows it in its own notification), else the server's own.
    if (command === CHECK_WORKSPACE_COMMAND) {
      return checkWorkspace(token, workDoneToken !== undefined ? connection.window.attachWorkDoneProgress(workDoneToken) : await connection.window.createWorkDoneProgress());
    }
    return null;
  }),
);

// The document store takes only opens that carry a whole text document item: one whose URI or
// text is no string would sit among the open drafts and trip every feature that lists them
// (workspace symbols). Refused with an error, which the connection logs, as it does for opens
// without params.
documents.listen({
  onDidOpenTextDocument: (handler) =>
    connection.onDidOpenTextDocument((params) => {
      if (!TextDocumentItem.is(params?.textDocument)) throw new Error('textDocument/didOpen without a valid text document item (uri, languageId, version, text)');
      return handler(params);
    }),
  onDidChangeTextDocument: (handler) => connection.onDidChangeTextDocument(handler),
  onDidCloseTextDocument: (handler) => connection.onDidCloseTextDocument(handler),
  onWillSaveTextDocument: (handler) => connection.onWillSaveTextDocument(handler),
  onWillSaveTextDocumentWaitUntil: (handler) => connection.onWillSaveTextDocumentWaitUntil(handler),
  onDidSaveTextDocument: (handler) => connection.onDidSaveTextDocument(handler),
});
connection.listen();
