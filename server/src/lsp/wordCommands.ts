/**
 * The Word commands of the server (`workspace/executeCommand`): export a
 * draft to a .docx, import a .docx as a draft, compile drafts into one
 * 发言摘登. Bytes travel base64-encoded; the client shows the dialogs and
 * writes the files. The connection stays in `server.ts`: what these need from
 * it comes in as a host.
 */
import type { FileProblem } from '../config/loadConfig';
import { formatMessage, LineIndex, parse, type LintOptions, type Locale, type LocalizedText } from '../core';
import { compile, type Draft } from '../core/compile';
import type { ExportSettings } from '../core/config';
import { structureRules } from '../core/rules/structure';
import { loadWord } from '../word/load';
import {
  COMPILE_COMMAND,
  EXPORT_WORD_COMMAND,
  IMPORT_WORD_COMMAND,
  type CompileParams,
  type CompileResult,
  type ExportWordParams,
  type ImportWordParams,
  type ImportWordResult,
  type WordExportResult,
  type WordFailure,
} from './protocol';

export const WORD_COMMANDS = [EXPORT_WORD_COMMAND, IMPORT_WORD_COMMAND, COMPILE_COMMAND];

export interface WordCommandHost {
  /** A draft's text: as open in the editor, else as saved. Rejects when it cannot be read. */
  textOf(uri: string): Promise<string>;
  /** The `export` settings of the configuration that applies to `uri`, and that configuration's problems. */
  exportFor(uri: string): { settings: ExportSettings; problems: FileProblem[] };
  lintOptionsFor(uri: string): Promise<LintOptions>;
  /** How to name a draft in a message. */
  displayName(uri: string): string;
  locale: Locale;
}

export const MESSAGES = {
  unreadable: { zh: '无法读取 {name}：{reason}', en: 'Cannot read {name}: {reason}' },
  configProblems: { zh: '配置文件有错误，请先改正：{problems}', en: 'Fix the configuration first: {problems}' },
  imported: { zh: '已从 Word 导入', en: 'Imported from Word' },
  importedWithInformation: { zh: '已从 Word 导入；{notes}', en: 'Imported from Word; {notes}' },
  importedWithNotes: { zh: '已从 Word 导入；{count} 处内容未能原样转换', en: 'Imported from Word; {count} thing(s) could not be carried over as they were' },
  blocked: { zh: '{count} 份发言稿有结构错误：{names}', en: '{count} draft(s) with structure errors: {names}' },
} satisfies Record<string, LocalizedText>;

/** The single object argument of a command, when it has the string fields named; undefined when malformed. */
function readParams<T>(args: readonly unknown[] | undefined, fields: ReadonlyArray<keyof T & string>): T | undefined {
  const [params] = args ?? [];
  if (typeof params !== 'object' || params === null) return undefined;
  const record = params as Record<string, unknown>;
  return fields.every((f) => typeof record[f] === 'string') ? (params as T) : undefined;
}

/** `EXPORT_WORD_COMMAND`: null for malformed arguments. */
export async function exportWord(args: readonly unknown[] | undefined, host: WordCommandHost): Promise<WordExportResult | null> {
  const params = readParams<ExportWordParams>(args, ['uri']);
  if (!params) return null;
  const text = await readDraft(params.uri, host);
  if (typeof text !== 'string') return text;
  return toDocx(text, params.uri, host);
}

/** `IMPORT_WORD_COMMAND`: null for malformed arguments. */
export async function importWord(args: readonly unknown[] | undefined, host: WordCommandHost): Promise<ImportWordResult | null> {
  const params = readParams<ImportWordParams>(args, ['docx']);
  if (!params) return null;
  const { locale } = host;
  const word = loadWord();
  let imported: Awaited<ReturnType<typeof word.importDocx>>;
  try {
    imported = await word.importDocx(Buffer.from(params.docx, 'base64'));
  } catch (error) {
    if (error instanceof word.WordImportError) return { error: error.text[locale] };
    throw error;
  }
  const notes = imported.notes.map((n) => ({ line: n.line, severity: word.noteSeverity(n.kind), message: n.message[locale] }));
  const warnings = notes.filter((n) => n.severity === 'warning').length;
  const information = notes.filter((n) => n.severity === 'info').map((n) => n.message);
  const summary =
    warnings > 0
      ? formatMessage(MESSAGES.importedWithNotes[locale], { count: warnings })
      : information.length > 0
        ? formatMessage(MESSAGES.importedWithInformation[locale], { notes: information.join(locale === 'zh' ? '；' : '; ') })
        : MESSAGES.imported[locale];
  return { text: imported.text, notes, summary };
}

/** `COMPILE_COMMAND`: null for malformed arguments. */
export async function compileDrafts(args: readonly unknown[] | undefined, host: WordCommandHost): Promise<CompileResult | null> {
  const params = readParams<CompileParams>(args, ['title']);
  if (!params || !Array.isArray(params.uris) || !params.uris.every((u) => typeof u === 'string')) return null;
  const texts = new Map<string, string>();
  for (const uri of params.uris) {
    const text = await readDraft(uri, host);
    if (typeof text !== 'string') return text;
    texts.set(uri, text);
  }
  const drafts: Draft[] = [];
  // Only structure errors stop a compilation: the text rules are not run.
  for (const uri of params.uris) drafts.push({ name: uri, text: texts.get(uri)!, lint: { ...(await host.lintOptionsFor(uri)), only: structureRules } });
  const { text, blocked } = compile(drafts, { title: params.title, subtitle: typeof params.subtitle === 'string' ? params.subtitle : undefined });
  const result = {
    text,
    blocked: blocked.map(({ name: uri, errors }) => {
      const lines = new LineIndex(texts.get(uri)!);
      return { uri, errors: errors.map((f) => ({ ...lines.positionAt(f.span.start), message: f.message[host.locale], ruleId: f.ruleId })) };
    }),
    summary: blocked.length > 0 ? formatMessage(MESSAGES.blocked[host.locale], { count: blocked.length, names: blocked.map((b) => host.displayName(b.name)).join(host.locale === 'zh' ? '、' : ', ') }) : undefined,
  };
  if (typeof params.docxFor !== 'string') return result;
  const docx = await toDocx(text, params.docxFor, host);
  return 'error' in docx ? docx : { ...result, docx: docx.docx };
}

async function readDraft(uri: string, host: WordCommandHost): Promise<string | WordFailure> {
  try {
    return await host.textOf(uri);
  } catch (error) {
    return { error: formatMessage(MESSAGES.unreadable[host.locale], { name: host.displayName(uri), reason: error instanceof Error ? error.message : String(error) }) };
  }
}

/** The draft text as a .docx with the export settings that apply to `configUri`, or why not. */
async function toDocx(text: string, configUri: string, host: WordCommandHost): Promise<WordExportResult> {
  const { locale } = host;
  const { settings, problems } = host.exportFor(configUri);
  if (problems.length > 0) return { error: formatMessage(MESSAGES.configProblems[locale], { problems: problems.map((p) => locate(p, locale)).join('; ') }) };
  const word = loadWord();
  try {
    return { docx: (await word.exportDocx(parse(text), settings)).toString('base64') };
  } catch (error) {
    if (error instanceof word.ExportOptionError) return { error: error.text[locale] };
    throw error;
  }
}

/** `file:line:column: message`, 1-based. */
function locate(problem: FileProblem, locale: Locale): string {
  const { line, character } = new LineIndex(problem.text).positionAt(problem.start);
  return `${problem.file}:${line + 1}:${character + 1}: ${problem.message[locale]}`;
}
