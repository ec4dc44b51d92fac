/**
 * The Word commands' UI: export a draft to a .docx, import a .docx as a draft,
 * compile drafts into one 发言摘登. The server does the work
 * (`speech.server.exportWord|importWord|compile`); this shows the dialogs,
 * writes the files and says how it went.
 */
import { env, FileSystemError, QuickPickItemKind, Uri, window, workspace, commands, type ExtensionContext, type OutputChannel, type QuickPickItem } from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import {
  COMPILE_COMMAND,
  DESCRIBE_DRAFTS_COMMAND,
  EXPORT_WORD_COMMAND,
  IMPORT_WORD_COMMAND,
  type CompileParams,
  type CompileResult,
  type DraftDescription,
  type ExportWordParams,
  type ImportWordParams,
  type ImportWordResult,
  type WordExportResult,
} from '../../server/src/lsp/protocol';
import { MAX_DOCX_BYTES } from '../../server/src/io/limits';
import { docxNameFor, draftNameFor, freeName } from '../../server/src/word/fileNames';
import { isServed } from './served';
import { fill, t } from './strings';

const DRAFT_GLOB = '**/*.{speech.md,speech.txt,speech}';

export function registerWordCommands(context: ExtensionContext, client: LanguageClient): void {
  let channel: OutputChannel | undefined;
  /** Import notes and blocked drafts are listed here, each run's alone; the channel is made on first use. */
  const details: Details = (lines) => {
    if (!channel) context.subscriptions.push((channel = window.createOutputChannel(t('wordChannel'))));
    channel.clear();
    for (const line of lines) channel.appendLine(line);
    return channel;
  };
  context.subscriptions.push(
    commands.registerCommand('speech.exportWord', (uri?: Uri) => exportWord(client, uri)),
    commands.registerCommand('speech.importWord', (uri?: Uri) => importWord(client, details, uri)),
    commands.registerCommand('speech.compile', () => compileSpeeches(client, details)),
  );
}

/** Puts `lines` in the output channel (replacing what was there) and returns it, to show on request. */
type Details = (lines: readonly string[]) => OutputChannel;

function execute<R>(client: LanguageClient, command: string, params: unknown): Promise<R | null> {
  return client.sendRequest(ExecuteCommandRequest.type, { command, arguments: [params] }) as Promise<R | null>;
}

/** `uri` with its last path segment replaced by `name`. */
function sibling(uri: Uri, name: string): Uri {
  return Uri.joinPath(uri, '..', name);
}

/** Whether something is at `uri`: only a file-not-found error says no, so that an unreadable folder never passes for free room. */
async function exists(uri: Uri): Promise<boolean> {
  try {
    await workspace.fs.stat(uri);
    return true;
  } catch (error) {
    return !(error instanceof FileSystemError && error.code === 'FileNotFound');
  }
}

function fileName(uri: Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** Where a new file goes by default: beside `near` when it is on disk, else in the first workspace folder. */
function defaultLocation(near: Uri | undefined, name: string): Uri | undefined {
  if (near?.scheme === 'file') return sibling(near, name);
  const folder = workspace.workspaceFolders?.[0]?.uri;
  return folder && Uri.joinPath(folder, name);
}

async function exportWord(client: LanguageClient, target: Uri | undefined): Promise<void> {
  const document = target ? await workspace.openTextDocument(target) : window.activeTextEditor?.document;
  if (!document || !isServed(client, document)) {
    void window.showWarningMessage(t('notADraft'));
    return;
  }
  const params: ExportWordParams = { uri: client.code2ProtocolConverter.asUri(document.uri) };
  const result = await execute<WordExportResult>(client, EXPORT_WORD_COMMAND, params);
  if (!result) {
    void window.showWarningMessage(t('notADraft'));
    return;
  }
  if ('error' in result) {
    void window.showErrorMessage(result.error);
    return;
  }
  const name = docxNameFor(fileName(document.uri));
  const out = await window.showSaveDialog({ title: t('exportSave'), defaultUri: defaultLocation(document.uri, name), filters: { [t('wordFilter')]: ['docx'] } });
  if (!out) return;
  await workspace.fs.writeFile(out, Buffer.from(result.docx, 'base64'));
  await offerToOpen(out);
}

async function offerToOpen(docx: Uri): Promise<void> {
  const choice = await window.showInformationMessage(fill(t('exported'), { file: workspace.asRelativePath(docx) }), t('open'));
  // The system's application for .docx: Word or WPS on an office PC.
  if (choice) await env.openExternal(docx);
}

async function importWord(client: LanguageClient, details: Details, source: Uri | undefined): Promise<void> {
  const docx =
    source ?? (await window.showOpenDialog({ title: t('importOpen'), openLabel: t('importOpen'), canSelectMany: false, filters: { [t('wordFilter')]: ['docx'] } }))?.[0];
  if (!docx) return;
  // Read whole and sent to the server: a stray video or disk image picked by mistake must not be.
  if ((await workspace.fs.stat(docx)).size > MAX_DOCX_BYTES) {
    void window.showErrorMessage(fill(t('importTooLarge'), { file: fileName(docx), mib: MAX_DOCX_BYTES / 2 ** 20 }));
    return;
  }
  const params: ImportWordParams = { docx: Buffer.from(await workspace.fs.readFile(docx)).toString('base64') };
  const result = await execute<ImportWordResult>(client, IMPORT_WORD_COMMAND, params);
  if (!result) return;
  if ('error' in result) {
    void window.showErrorMessage(result.error);
    return;
  }
  // The likely name is the draft the document was exported from: propose one that replaces nothing.
  const proposed = await freeName(draftNameFor(fileName(docx)), (candidate) => exists(sibling(docx, candidate)));
  const out = await window.showSaveDialog({
    title: t('importSave'),
    defaultUri: proposed === undefined ? sibling(docx, '.') : sibling(docx, proposed),
    filters: { [t('draftFilter')]: ['md', 'txt', 'speech'] },
  });
  if (!out) return;
  await workspace.fs.writeFile(out, new TextEncoder().encode(result.text));
  await window.showTextDocument(await workspace.openTextDocument(out));
  // Notes that change nothing the reader reads (empty paragraphs dropped) are in the summary itself.
  if (!result.notes.some((note) => note.severity === 'warning')) {
    void window.showInformationMessage(result.summary);
    return;
  }
  const name = workspace.asRelativePath(out);
  const channel = details(result.notes.map((note) => (note.line === undefined ? `${name}: ${note.message}` : `${name}:${note.line}: ${note.message}`)));
  if (await window.showWarningMessage(result.summary, t('showDetails'))) channel.show(true);
}

async function compileSpeeches(client: LanguageClient, details: Details): Promise<void> {
  const drafts = (await workspace.findFiles(DRAFT_GLOB, '**/node_modules/**')).sort((a, b) => a.path.localeCompare(b.path));
  if (drafts.length === 0) {
    void window.showInformationMessage(t('noWorkspaceDrafts'));
    return;
  }
  const c2p = client.code2ProtocolConverter;
  // The server reads each draft's title and speaker; the file name stands in for any it could not describe.
  const described = await execute<DraftDescription[]>(client, DESCRIBE_DRAFTS_COMMAND, drafts.map((u) => c2p.asUri(u))).catch(() => null);
  const chosen = await pickInOrder(drafts.map((uri, i) => ({ uri, label: described?.[i]?.label ?? fileName(uri), description: described?.[i]?.description })));
  if (!chosen?.length) return;
  const title = await window.showInputBox({ prompt: t('compileTitle'), validateInput: (value) => (value.trim() ? undefined : t('compileTitleRequired')) });
  if (title === undefined) return;
  const subtitle = await window.showInputBox({ prompt: t('compileSubtitle') });
  if (subtitle === undefined) return;
  const out = await window.showSaveDialog({
    title: t('compileSave'),
    defaultUri: defaultLocation(chosen[0], `${t('compileDefaultName')}.speech.md`),
    filters: { [t('draftFilter')]: ['md'], [t('wordFilter')]: ['docx'] },
  });
  if (!out) return;
  const toWord = /\.docx$/i.test(out.path);
  const params: CompileParams = { uris: chosen.map((u) => c2p.asUri(u)), title, subtitle, docxFor: toWord ? c2p.asUri(out) : undefined };
  const result = await execute<CompileResult>(client, COMPILE_COMMAND, params);
  if (!result) return;
  if ('error' in result) {
    void window.showErrorMessage(result.error);
    return;
  }
  if (result.blocked.length > 0) {
    const channel = details(
      result.blocked.flatMap(({ uri, errors }) => {
        const name = workspace.asRelativePath(client.protocol2CodeConverter.asUri(uri));
        return errors.map((e) => `${name}:${e.line + 1}:${e.character + 1}  error  ${e.message}  ${e.ruleId}`);
      }),
    );
    const choice = await window.showWarningMessage(result.summary ?? '', t('compileAnyway'), t('showDetails'));
    if (choice === t('showDetails')) channel.show(true);
    if (choice !== t('compileAnyway')) return;
  }
  if (toWord && result.docx) {
    await workspace.fs.writeFile(out, Buffer.from(result.docx, 'base64'));
    await offerToOpen(out);
  } else {
    await workspace.fs.writeFile(out, new TextEncoder().encode(result.text));
    await window.showTextDocument(await workspace.openTextDocument(out));
  }
}

interface DraftItem extends QuickPickItem {
  /** Undefined for the "done" entry. */
  uri?: Uri;
}

/** A draft offered for the compilation: its title as the label, its speaker as the description. */
interface DraftChoice {
  uri: Uri;
  label: string;
  description?: string;
}

/** The drafts picked one after another, in that order; undefined when the pick is dismissed. */
function pickInOrder(drafts: readonly DraftChoice[]): Promise<Uri[] | undefined> {
  const chosen: DraftChoice[] = [];
  const pick = window.createQuickPick<DraftItem>();
  // The file stays findable (and two drafts of one title told apart) by its path in the detail line.
  pick.matchOnDetail = true;
  pick.matchOnDescription = true;
  const refresh = (): void => {
    pick.title = fill(t('compilePick'), { n: chosen.length + 1 });
    pick.placeholder = chosen.length > 0 ? fill(t('compilePicked'), { drafts: chosen.map((d) => d.label).join(' → ') }) : '';
    const remaining = drafts
      .filter((d) => !chosen.includes(d))
      .map((d): DraftItem => ({ label: d.label, description: d.description, detail: workspace.asRelativePath(d.uri), uri: d.uri }));
    const done: DraftItem[] = chosen.length > 0 ? [{ label: `$(check) ${fill(t('compileDone'), { n: chosen.length })}` }, { label: '', kind: QuickPickItemKind.Separator }] : [];
    pick.items = [...done, ...remaining];
    pick.value = '';
  };
  return new Promise((resolve) => {
    pick.onDidAccept(() => {
      const item = pick.selectedItems[0];
      if (!item) return;
      const choice = item.uri && drafts.find((d) => d.uri === item.uri);
      if (choice) chosen.push(choice);
      if (!choice || chosen.length === drafts.length) {
        resolve(chosen.map((d) => d.uri));
        pick.hide();
        return;
      }
      refresh();
    });
    // Hiding after a resolve changes nothing: a promise settles once.
    pick.onDidHide(() => {
      resolve(undefined);
      pick.dispose();
    });
    refresh();
    pick.show();
  });
}
