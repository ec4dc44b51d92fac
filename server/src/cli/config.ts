/**
 * Which rule settings each checked file gets: the nearest `.speechlintrc.json`
 * above it (standard input: above the working folder), or the `--config` file
 * for every file. All are read before anything is checked: a fault in any of
 * them stops the run, since checking (let alone fixing) with a half-read
 * configuration would do the wrong things.
 */
import * as path from 'node:path';
import { ConfigCache } from '../config/configCache';
import type { FileProblem, LoadedConfig } from '../config/loadConfig';
import { LineIndex, type LocalizedText, type RuleSettings } from '../core';
import type { ExportSettings } from '../core/config';
import { pathInside, STDIN } from './files';

/** One fault, located in its configuration file (1-based line and column, UTF-16 columns). */
export interface ConfigFault {
  file: string;
  line: number;
  column: number;
  message: LocalizedText;
}

export interface ResolvedConfigs {
  rulesFor(file: string): RuleSettings;
  /** The Word export options for a draft (or an output file: its folder's configuration). */
  exportFor(file: string): ExportSettings;
  faults: ConfigFault[];
}

export function resolveConfigs(files: readonly string[], configOption: string | undefined, cwd: string): ResolvedConfigs {
  const cache = new ConfigCache();
  // By folder as named: a tree of thousands of drafts in a few folders would otherwise resolve each path several times, twice.
  const byFolder = new Map<string, LoadedConfig>();
  const configOf = (file: string): LoadedConfig => {
    if (configOption !== undefined) return cache.forFile(path.resolve(cwd, configOption));
    const folder = file === STDIN ? cwd : path.dirname(file);
    let config = byFolder.get(folder);
    if (!config) byFolder.set(folder, (config = cache.forDirectory(path.resolve(cwd, folder))));
    return config;
  };
  const configs = new Set(files.map(configOf));
  // A named configuration is read even when no file is left to check: its faults are worth knowing.
  if (configOption !== undefined) configs.add(configOf(STDIN));
  const faults = [...configs].flatMap((c) => c.problems.map((p) => locate(p, cwd)));
  return { rulesFor: (file) => configOf(file).rules, exportFor: (file) => configOf(file).export, faults: dedupe(faults) };
}

function locate(problem: FileProblem, cwd: string): ConfigFault {
  const { line, character } = new LineIndex(problem.text).positionAt(problem.start);
  return { file: pathInside(cwd, problem.file) ?? problem.file, line: line + 1, column: character + 1, message: problem.message };
}

/** A file extended by several configurations reports its faults once. */
function dedupe(faults: ConfigFault[]): ConfigFault[] {
  const seen = new Set<string>();
  return faults.filter((f) => {
    const key = `${f.file}:${f.line}:${f.column}:${f.message.en}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
