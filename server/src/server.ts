/**
 * The language server: the only module that knows the connection. It keeps
 * one analysis per open document version and hands it to the feature mappers
 * in `lsp/`. Started with `--stdio` by any LSP editor, over IPC by VS Code
 * (`createConnection` reads the transport from argv).
 */
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check, type Finding, type LintOptions, type Locale, type RuleServices, type SpeechDocument } from './core';
import { CODE_ACTION_KINDS, codeActions } from './lsp/codeActions';
import { Debouncer } from './lsp/debounce';
import { toDiagnostics } from './lsp/diagnostics';
import { bundledRulesDocsDir, ruleDocsLinker } from './lsp/docsLinks';
import { documentSymbols } from './lsp/documentSymbols';
import { foldingRanges } from './lsp/foldingRanges';
import { localeFromTag } from './lsp/locale';
import { loadSegmenter } from './segmenter';

/** Quiet time after a keystroke before re-checking. */
const CHANGE_DELAY_MS = 150;

interface Analysis {
  version: number;
  doc: SpeechDocument;
  findings: Finding[];
}

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const analyses = new Map<string, Analysis>();
const debouncer = new Debouncer();
const docsUrl = ruleDocsLinker(bundledRulesDocsDir());
let locale: Locale = 'zh';

connection.onInitialize((params): InitializeResult => {
  locale = localeFromTag(params.locale);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      documentSymbolProvider: { label: locale === 'zh' ? '发言稿' : 'Speech' },
      foldingRangeProvider: true,
      codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
    },
    serverInfo: { name: 'speechlint' },
  };
});

/** What the rules borrow from the host; the segmenter loads its dictionary on the first check. */
let services: RuleServices | undefined;

/**
 * The rule settings for a document. Default settings for now; this is where
 * the configuration (`.speechlintrc.json`, `speech.*` settings) will plug in.
 */
async function lintOptionsFor(_uri: string): Promise<LintOptions> {
  services ??= { segmenter: loadSegmenter() };
  return { services };
}

/** The analysis of `document` as it is now, from the cache when its version has not moved. */
async function analyze(document: TextDocument): Promise<Analysis> {
  const cached = analyses.get(document.uri);
  if (cached && cached.version === document.version) return cached;
  // The document object is updated in place by later edits: take text and version together, before any await.
  const text = document.getText();
  const version = document.version;
  const options = await lintOptionsFor(document.uri);
  const analysis: Analysis = { version, ...check(text, options) };
  if (documents.get(document.uri)?.version === version) analyses.set(document.uri, analysis);
  return analysis;
}

/** The analysis of an open document's current version; undefined when the document is closed or changed meanwhile (its own check follows). */
async function currentAnalysis(uri: string): Promise<Analysis | undefined> {
  const document = documents.get(uri);
  if (!document) return undefined;
  const analysis = await analyze(document);
  return analysis.version === documents.get(uri)?.version ? analysis : undefined;
}

async function publishDiagnostics(uri: string): Promise<void> {
  const analysis = await currentAnalysis(uri);
  if (!analysis) return;
  const { doc, findings, version } = analysis;
  await connection.sendDiagnostics({ uri, version, diagnostics: toDiagnostics(doc, findings, { version, locale, docsUrl }) });
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

const opened = new Set<string>();

documents.onDidChangeContent(({ document }) => {
  const { uri } = document;
  // Opening fires this event too: check a newly opened document at once, debounce typing.
  const delay = opened.has(uri) ? CHANGE_DELAY_MS : 0;
  opened.add(uri);
  debouncer.schedule(uri, delay, () => void publishDiagnostics(uri).catch((error) => logError(`checking ${uri}`, error)));
});

documents.onDidClose(({ document }) => {
  const { uri } = document;
  opened.delete(uri);
  debouncer.cancel(uri);
  analyses.delete(uri);
  connection.sendDiagnostics({ uri, diagnostics: [] }).catch((error) => logError(`clearing ${uri}`, error));
});

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

documents.listen(connection);
connection.listen();
