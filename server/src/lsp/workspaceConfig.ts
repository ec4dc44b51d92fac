/**
 * Where a document's rule settings come from in the editor: the nearest
 * `.speechlintrc.json` chain (cached per folder), with the `speech.rules`
 * setting layered on top. Also keeps the configuration files' own diagnostics
 * current and says which files to watch. Knows nothing of the connection: the
 * server hands it the few calls it needs.
 */
import { existsSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FileChangeType, type Diagnostic, type FileEvent, type FileSystemWatcher } from 'vscode-languageserver';
import { ConfigCache } from '../config/configCache';
import { findConfigFiles } from '../config/findConfigFiles';
import { isInside, type FileProblem, type LoadedConfig } from '../config/loadConfig';
import { CONFIG_FILE_NAME, layerRuleSettings, type ExportSettings } from '../core/config';
import type { Locale, LocalizedText, RuleSettings } from '../core';
import { ConfigDiagnosticsPublisher, configDiagnostics } from './configDiagnostics';
import { DEFAULT_SETTINGS, readSettings, withEditorSettings, type SpeechSettings } from './settings';

export interface WorkspaceConfigHost {
  /** The client's `speech` section for `uri` (`workspace/configuration`); undefined when the client cannot say. */
  fetchSettings(uri: string): Promise<unknown>;
  publish(uri: string, diagnostics: Diagnostic[]): void;
  /** Tells the user about settings that were ignored. */
  warn(message: string): void;
  /** Asks the client to watch these configuration files (the whole set each time). */
  watch(files: readonly string[]): void;
  locale(): Locale;
}

/**
 * Whether the user vouches for the workspace: `trusted` and `restricted` as the
 * client says (VS Code's workspace trust), `unknown` from an editor that has no
 * such notion. A restricted workspace's configuration files are not read at
 * all; an unknown one's are, but their `extends` stays inside the workspace
 * folder; a trusted one's may name shared rules anywhere.
 */
export type WorkspaceTrust = 'trusted' | 'restricted' | 'unknown';

/** What the user is told in a restricted workspace: the status bar's note, and the answer to a workspace check. */
export const RESTRICTED_MESSAGES = {
  note: {
    zh: '受限模式：未读取工作区的配置文件（.speechlintrc.json），只按默认规则和用户设置检查；信任此文件夹后即按其配置检查',
    en: 'Restricted Mode: the workspace configuration files (.speechlintrc.json) are not read; drafts are checked with the defaults and user settings until the folder is trusted',
  },
  noWorkspaceCheck: {
    zh: '受限模式下不检查整个工作区；信任此文件夹后即可检查',
    en: 'The whole workspace is not checked in Restricted Mode; trust the folder to check it',
  },
} satisfies Record<string, LocalizedText>;

export class WorkspaceConfig {
  private trust: WorkspaceTrust = 'unknown';
  private readonly cache = new ConfigCache(() => ({ within: this.trust === 'trusted' ? undefined : this.folders }));
  private readonly settings = new Map<string, Promise<SpeechSettings>>();
  /** Root configuration files to keep validated: found by the scan, reported by the watcher, or nearest to a checked draft. */
  private readonly known = new Set<string>();
  private readonly diagnostics: ConfigDiagnosticsPublisher;
  private folders: string[] = [];
  private warned = '';
  /** The watched files as last registered; undefined until the first registration, which must happen even with no file. */
  private watched: string | undefined;

  constructor(private readonly host: WorkspaceConfigHost) {
    this.diagnostics = new ConfigDiagnosticsPublisher((uri, diagnostics) => host.publish(uri, diagnostics));
  }

  /**
   * The workspace's local folders; the first one stands in for drafts that
   * have no folder of their own (untitled). The configuration files of a
   * folder that left the workspace are no longer validated, and their marks
   * are cleared.
   */
  setWorkspaceFolders(folders: readonly string[]): void {
    const gone = this.folders.filter((f) => !folders.includes(f));
    this.folders = [...folders];
    if (gone.length === 0) return;
    for (const file of this.known) if (gone.some((f) => isInside(file, f)) && !folders.some((f) => isInside(file, f))) this.known.delete(file);
    this.refresh();
  }

  /**
   * The client said how far the workspace is trusted (at initialization, or
   * when the user trusts it): configurations are read again under the new
   * bounds, from the next `scanWorkspace` or check on.
   */
  setTrust(trust: WorkspaceTrust): void {
    this.trust = trust;
    this.cache.clear();
  }

  /** In a restricted workspace no configuration file is read and nothing is searched workspace-wide. */
  get restricted(): boolean {
    return this.trust === 'restricted';
  }

  /** Finds the configuration files already in the workspace, so broken ones are marked before a draft is opened. */
  async scanWorkspace(): Promise<void> {
    if (this.restricted) return;
    for (const folder of this.folders) for (const file of await findConfigFiles(folder)) this.known.add(file);
    this.refresh();
  }

  /** The `speech` settings for a document, asked once per document until settings change. */
  settingsFor(uri: string): Promise<SpeechSettings> {
    let settings = this.settings.get(uri);
    if (!settings) {
      // A client that fails to answer leaves the defaults, as one that cannot answer does.
      settings = this.host.fetchSettings(uri).then(
        (raw) => this.report(readSettings(raw)),
        () => ({ ...DEFAULT_SETTINGS }),
      );
      this.settings.set(uri, settings);
    }
    return settings;
  }

  /** Rule settings for a document: its configuration file chain, then `speech.rules` over it, then the Settings UI's severities and pace (`withEditorSettings`). */
  rulesFor(uri: string, settings: SpeechSettings): RuleSettings {
    const dir = this.restricted ? undefined : this.configFolder(uri);
    if (dir === undefined) return withEditorSettings(settings.rules, settings);
    const config = this.cache.forDirectory(dir);
    if (config.file && !this.known.has(config.file)) {
      this.known.add(config.file);
      this.refresh();
    }
    return withEditorSettings(layerRuleSettings(this.cache.rulesForDirectory(dir), settings.rules), settings);
  }

  /**
   * The Word export settings for a document's configuration, with that
   * configuration's problems: unlike checking, an export does not fall back on
   * an older reading, since it would print the wrong layout without a word.
   */
  exportFor(uri: string): { settings: ExportSettings; problems: FileProblem[] } {
    const dir = this.restricted ? undefined : this.configFolder(uri);
    if (dir === undefined) return { settings: {}, problems: [] };
    const config = this.cache.forDirectory(dir);
    return { settings: config.export, problems: config.problems };
  }

  /** `didChangeConfiguration`: settings are asked again. */
  settingsChanged(): void {
    this.settings.clear();
    this.warned = '';
  }

  forget(uri: string): void {
    this.settings.delete(uri);
  }

  /** `didChangeWatchedFiles`: every configuration is read again (they are few and small) and the diagnostics follow. */
  filesChanged(changes: readonly FileEvent[]): void {
    for (const change of changes) {
      if (!change.uri.startsWith('file:')) continue;
      const file = fileURLToPath(change.uri);
      if (change.type === FileChangeType.Deleted) this.known.delete(file);
      else if (basename(file) === CONFIG_FILE_NAME) this.known.add(file);
    }
    this.cache.clear();
    this.refresh();
  }

  /** Watchers for the configuration files: every `.speechlintrc.json`, plus each file read (names in `extends`, files above the workspace). */
  static watchers(files: readonly string[], relativePatterns: boolean): FileSystemWatcher[] {
    const watchers: FileSystemWatcher[] = [{ globPattern: `**/${CONFIG_FILE_NAME}` }];
    if (relativePatterns) {
      for (const file of files) watchers.push({ globPattern: { baseUri: pathToFileURL(dirname(file)).href, pattern: basename(file) } });
    }
    return watchers;
  }

  /** The folder whose configuration applies: the draft's own, or the first workspace folder for drafts not on disk. */
  private configFolder(uri: string): string | undefined {
    if (uri.startsWith('file:')) return dirname(fileURLToPath(uri));
    return this.folders[0];
  }

  /** Re-validates every known configuration, publishes what changed and updates the watch list. */
  private refresh(): void {
    for (const file of this.known) if (!existsSync(file)) this.known.delete(file);
    const configs = this.restricted ? [] : [...this.known].map((file) => this.cache.forFile(file));
    this.diagnostics.update(configDiagnostics(configs.flatMap((c) => this.shown(c)), this.host.locale()));
    const files = [...new Set(configs.flatMap((c) => c.files))].sort();
    const key = files.join('\n');
    if (key !== this.watched) {
      this.watched = key;
      this.host.watch(files);
    }
  }

  /**
   * The problems of a configuration that can be shown: those in files inside
   * the workspace folders. A fault in a file outside (shared rules of a trusted
   * workspace, a configuration above the folder) is told on the last `extends`
   * inside the workspace that leads to it, or not at all: the server never
   * marks a file the user did not bring into the workspace.
   */
  private shown(config: LoadedConfig): FileProblem[] {
    const inWorkspace = (file: string): boolean => this.folders.some((folder) => isInside(file, folder));
    const out: FileProblem[] = [];
    for (const problem of config.problems) {
      if (inWorkspace(problem.file)) {
        out.push(problem);
        continue;
      }
      // The links written before the faulty file; none for the first file of the chain.
      const before = config.links.slice(0, Math.max(0, config.files.indexOf(problem.file)));
      const entry = before.reverse().find((link) => inWorkspace(link.file));
      if (!entry) continue;
      const { zh, en } = problem.message;
      out.push({
        file: entry.file,
        text: entry.text,
        start: entry.start,
        end: entry.end,
        message: { zh: `"extends" 引入的 ${problem.file} 有误：${zh}`, en: `${problem.file}, included by "extends", has a fault: ${en}` },
      });
    }
    return out;
  }

  private report(read: { settings: SpeechSettings; problems: LocalizedText[] }): SpeechSettings {
    const message = read.problems.map((p) => p[this.host.locale()]).join('\n');
    // Each document asks for its settings: say the same thing once.
    if (message && message !== this.warned) {
      this.warned = message;
      this.host.warn(message);
    }
    return read.settings;
  }
}
