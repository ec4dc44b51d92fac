/**
 * Finding and reading `.speechlintrc.json` files for a draft: walk up from the
 * draft's folder, nearest file wins, follow `extends` chains. Shared by the
 * language server and the CLI; the core only sees the resulting settings.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE_NAME, MAX_CONFIG_BYTES, parseConfig, layerRuleSettings, type ConfigProblem, type ExportSettings } from '../core/config';
import type { RuleSettings } from '../core/lint';

export interface FileProblem extends ConfigProblem {
  file: string;
  /** The file's text, so callers can turn offsets into line and column. */
  text: string;
}

export interface LoadedConfig {
  /** The nearest configuration file, if any. */
  file?: string;
  rules: RuleSettings;
  export: ExportSettings;
  problems: FileProblem[];
  /** Every file read (the chain), to watch for changes. */
  files: string[];
}

/** The nearest `.speechlintrc.json` above `startDir`, stopping at `root` if given. */
export function findConfigFile(startDir: string, root?: string): string | undefined {
  let dir = resolve(startDir);
  const stop = root ? resolve(root) : undefined;
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir || dir === stop) return undefined;
    dir = parent;
  }
}

/** Reads `file` and its `extends` chain; settings of the file win over what it extends. */
export function loadConfigFile(file: string): LoadedConfig {
  const out: LoadedConfig = { file, rules: {}, export: {}, problems: [], files: [] };
  const chain: Array<{ rules: RuleSettings; export: ExportSettings }> = [];
  const seen: string[] = [];
  let current: string | undefined = resolve(file);
  let from: { file: string; text: string; start: number; end: number } | undefined;
  while (current) {
    if (seen.includes(current)) {
      const cycle = [...seen.slice(seen.indexOf(current)), current].join(' → ');
      out.problems.push({ file: from!.file, text: from!.text, start: from!.start, end: from!.end, message: { zh: `"extends" 形成循环：${cycle}`, en: `"extends" forms a cycle: ${cycle}` } });
      break;
    }
    seen.push(current);
    out.files.push(current);
    const read = readText(current);
    if (read === 'too-large') {
      out.problems.push({ file: current, text: '', start: 0, end: 0, message: { zh: `配置文件过大（超过 ${MAX_CONFIG_BYTES} 字节），未读取`, en: `Configuration file too large (over ${MAX_CONFIG_BYTES} bytes); not read` } });
      break;
    }
    const text = read;
    if (text === undefined) {
      const message = from
        ? { zh: `找不到 "extends" 指向的文件：${current}`, en: `File named by "extends" not found: ${current}` }
        : { zh: `无法读取配置文件：${current}`, en: `Cannot read configuration file: ${current}` };
      if (from) out.problems.push({ file: from.file, text: from.text, start: from.start, end: from.end, message });
      else out.problems.push({ file: current, text: '', start: 0, end: 0, message });
      break;
    }
    const { config, problems } = parseConfig(text);
    for (const p of problems) out.problems.push({ ...p, file: current, text });
    chain.unshift({ rules: config.rules, export: config.export });
    if (!config.extends || !config.extendsSpan) break;
    from = { file: current, text, ...config.extendsSpan };
    current = resolve(dirname(current), config.extends);
  }
  out.rules = layerRuleSettings(...chain.map((c) => c.rules));
  out.export = Object.assign({}, ...chain.map((c) => c.export));
  return out;
}

/** The configuration that applies to `draftPath`: the nearest file's chain, or nothing. */
export function loadConfigFor(draftPath: string, root?: string): LoadedConfig {
  const file = findConfigFile(dirname(draftPath), root);
  return file ? loadConfigFile(file) : { rules: {}, export: {}, problems: [], files: [] };
}

/** The file's text without a BOM; oversized files are not read at all. */
function readText(file: string): string | undefined | 'too-large' {
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return undefined;
    if (stat.size > MAX_CONFIG_BYTES) return 'too-large';
    return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}
