/**
 * Where a document's rule settings come from in the editor: the nearest
 * `.speechlintrc.json` chain (cached per folder), with the `speech.rules`
 * setting layered on top. Also keeps the configuration files' own diagnostics
 * current and says which files to watch. Knows nothing of the connection: the
 * server hands it the few calls it needs.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FileChangeType, type Diagnostic, type FileEvent, type FileSystemWatcher } from 'vscode-languageserver';
import { ConfigCache } from '../config/configCache';
import { findConfigFiles } from '../config/findConfigFiles';
import type { FileProblem } from '../config/loadConfig';
import { CONFIG_FILE_NAME, layerRuleSettings, type ExportSettings } from '../core/config';
import type { Locale, LocalizedText, RuleSettings } from '../core';
import { ConfigDiagnosticsPublisher, configDiagnostics } from './configDiagnostics';
import { DEFAULT_SETTINGS, readSettings, type SpeechSettings } from './settings';

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

export class WorkspaceConfig {
  private readonly cache = new ConfigCache();
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

  /** Finds the configuration files already in the workspace, so broken ones are marked before a draft is opened. */
  async scanWorkspace(): Promise<void> {
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

  /** Rule settings for a document: its configuration file chain, then `speech.rules` over it. */
  rulesFor(uri: string, settings: SpeechSettings): RuleSettings {
    const dir = this.configFolder(uri);
    if (dir === undefined) return settings.rules;
    const config = this.cache.forDirectory(dir);
    if (config.file && !this.known.has(config.file)) {
      this.known.add(config.file);
      this.refresh();
    }
    return layerRuleSettings(this.cache.rulesForDirectory(dir), settings.rules);
  }

  /**
   * The Word export settings for a document's configuration, with that
   * configuration's problems: unlike checking, an export does not fall back on
   * an older reading, since it would print the wrong layout without a word.
   */
  exportFor(uri: string): { settings: ExportSettings; problems: FileProblem[] } {
    const dir = this.configFolder(uri);
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
    const configs = [...this.known].map((file) => this.cache.forFile(file));
    this.diagnostics.update(configDiagnostics(configs.flatMap((c) => c.problems), this.host.locale()));
    const files = [...new Set(configs.flatMap((c) => c.files))].sort();
    const key = files.join('\n');
    if (key !== this.watched) {
      this.watched = key;
      this.host.watch(files);
    }
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

/** Whether `file` lies in `folder` or below it. */
function isInside(file: string, folder: string): boolean {
  const rel = relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}
