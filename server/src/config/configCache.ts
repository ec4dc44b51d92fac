/**
 * Configurations by folder, read once and kept until a configuration file
 * changes: the editor asks on every keystroke, the CLI once per checked file,
 * and neither should walk the disk each time.
 */
import { resolve } from 'node:path';
import type { RuleSettings } from '../core/lint';
import { findConfigFile, loadConfigFile, type ChainBounds, type LoadedConfig } from './loadConfig';

const NO_CONFIG: LoadedConfig = { rules: {}, export: {}, problems: [], files: [], links: [] };

export class ConfigCache {
  /** Folder → its nearest configuration file (undefined: none up to the root). */
  private readonly nearest = new Map<string, string | undefined>();
  /** Configuration file → the file and its `extends` chain as read. */
  private readonly loaded = new Map<string, LoadedConfig>();
  /** Configuration file → its last reading without problems; survives `clear`. */
  private readonly lastGood = new Map<string, LoadedConfig>();

  /** `bounds` is asked at each reading: the workspace folders change while the cache lives. */
  constructor(private readonly bounds: () => ChainBounds = () => ({})) {}

  /** The configuration that applies to drafts in `dir`, problems included. */
  forDirectory(dir: string): LoadedConfig {
    const folder = resolve(dir);
    if (!this.nearest.has(folder)) this.nearest.set(folder, findConfigFile(folder));
    const file = this.nearest.get(folder);
    return file ? this.forFile(file) : NO_CONFIG;
  }

  /** `file` and its `extends` chain, problems included. */
  forFile(file: string): LoadedConfig {
    const key = resolve(file);
    let config = this.loaded.get(key);
    if (!config) {
      config = loadConfigFile(key, this.bounds());
      this.loaded.set(key, config);
      if (config.problems.length === 0) this.lastGood.set(key, config);
    }
    return config;
  }

  /**
   * The rule settings to check drafts in `dir` with: the configuration when it
   * reads cleanly, else its last clean reading, else none (the defaults). A file
   * being edited must not switch rules on and off with every half-typed save.
   */
  rulesForDirectory(dir: string): RuleSettings {
    const config = this.forDirectory(dir);
    if (config.problems.length === 0 || !config.file) return config.rules;
    return this.lastGood.get(resolve(config.file))?.rules ?? {};
  }

  /** Every configuration read so far. */
  all(): LoadedConfig[] {
    return [...this.loaded.values()];
  }

  /** Forgets what was read (a configuration file was created, changed or deleted); last clean readings stay. */
  clear(): void {
    this.nearest.clear();
    this.loaded.clear();
  }
}
