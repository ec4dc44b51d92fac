/**
 * Finding and reading `.speechlintrc.json` files for a draft: walk up from the
 * draft's folder, nearest file wins, follow `extends` chains. Shared by the
 * language server and the CLI; the core only sees the resulting settings.
 */
import { existsSync, realpathSync, statfsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { CONFIG_FILE_NAME, MAX_CONFIG_BYTES, parseConfig, layerRuleSettings, type ConfigProblem, type ExportSettings } from '../core/config';
import type { LocalizedText } from '../core';
import type { RuleSettings } from '../core/lint';
import { ReadRefusal, readRegularFile } from '../io/boundedRead';

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
  /** Each `extends` value met, in chain order: `links[i]` is written in `files[i]` and names the next file. */
  links: ExtendsLink[];
}

/** Where an `extends` value is written. */
export interface ExtendsLink {
  file: string;
  text: string;
  start: number;
  end: number;
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

/**
 * How far a chain may reach. The CLI and a trusted workspace follow `extends`
 * anywhere (an office may keep shared rules elsewhere); a workspace that is not
 * vouched for keeps every file of the chain inside the workspace folder of the
 * file that names it, or inside that file's own folder when it is in none.
 */
export interface ChainBounds {
  /** The workspace folders; undefined: no bound. */
  within?: readonly string[];
}

/** Why a file of the chain was not read. */
type Refusal = 'missing' | 'not-json' | 'not-regular' | 'outside' | 'too-large';

/** Reads `file` and its `extends` chain; settings of the file win over what it extends. */
export function loadConfigFile(file: string, bounds: ChainBounds = {}): LoadedConfig {
  const out: LoadedConfig = { file, rules: {}, export: {}, problems: [], files: [], links: [] };
  const chain: Array<{ rules: RuleSettings; export: ExportSettings }> = [];
  const seen: string[] = [];
  let current: string | undefined = resolve(file);
  let from: ExtendsLink | undefined;
  while (current) {
    if (seen.includes(current)) {
      const cycle = [...seen.slice(seen.indexOf(current)), current].join(' → ');
      out.problems.push(on(from!, { zh: `"extends" 形成循环：${cycle}`, en: `"extends" forms a cycle: ${cycle}` }));
      break;
    }
    seen.push(current);
    const read = readConfigText(current, boundaryOf(from?.file ?? current, bounds));
    if ('refused' in read) {
      const why = read.refused;
      // A link is named with what it points to: the name alone would not say why it was refused.
      const named = read.real && read.real !== current ? `${current} → ${read.real}` : current;
      // An oversized file is reported on itself, as any fault inside a file is; every other refusal is on the `extends` that named it.
      if (from && why !== 'too-large') out.problems.push(on(from, refusedTarget(why, named)));
      else out.problems.push({ file: current, text: '', start: 0, end: 0, message: refusedFile(why, named) });
      // Watched, so the configuration is read again once the file appears or shrinks; refused files are never watched.
      if (why === 'missing' || why === 'too-large') out.files.push(current);
      break;
    }
    out.files.push(current);
    const { text } = read;
    const { config, problems } = parseConfig(text);
    for (const p of problems) out.problems.push({ ...p, file: current, text });
    chain.unshift({ rules: config.rules, export: config.export });
    if (!config.extends || !config.extendsSpan) break;
    from = { file: current, text, ...config.extendsSpan };
    out.links.push(from);
    current = resolve(dirname(current), config.extends);
  }
  out.rules = layerRuleSettings(...chain.map((c) => c.rules));
  out.export = Object.assign({}, ...chain.map((c) => c.export));
  return out;
}

/** The configuration that applies to `draftPath`: the nearest file's chain, or nothing. */
export function loadConfigFor(draftPath: string, root?: string): LoadedConfig {
  const file = findConfigFile(dirname(draftPath), root);
  return file ? loadConfigFile(file) : { rules: {}, export: {}, problems: [], files: [], links: [] };
}

/**
 * Pseudo filesystems whose files look regular (and report size 0) but are the
 * kernel talking: `/proc/self/pagemap` streams gigabytes, `/proc/self/status`
 * holds the process's secrets. Magic numbers from statfs(2).
 */
const PSEUDO_FILESYSTEMS = new Set([
  0x9fa0, // proc
  0x62656572, // sysfs
  0x64626720, // debugfs
  0x74726163, // tracefs
  0x73636673, // securityfs
  0x27e0eb, // cgroup
  0x63677270, // cgroup2
  0xcafe4a11, // bpf
  0x62656570, // configfs
  0xde5e81e4, // efivarfs
]);

/** The folder a file named from `referrer` must stay inside, or undefined when anything goes. */
function boundaryOf(referrer: string, bounds: ChainBounds): string | undefined {
  if (!bounds.within) return undefined;
  return bounds.within.find((folder) => isInside(referrer, folder)) ?? dirname(referrer);
}

/**
 * The text of the configuration file `file` without a BOM, or why it was not
 * read. Names and places are judged on the real path (a link named `x.json`
 * may point anywhere); the read itself is bounded and checks the file type on
 * the open descriptor, since a path can change between a look and the open.
 */
function readConfigText(file: string, boundary: string | undefined): { text: string } | { refused: Refusal; real?: string } {
  if (!isJsonName(file)) return { refused: 'not-json' };
  if (boundary !== undefined && !isInside(file, boundary)) return { refused: 'outside' };
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return { refused: 'missing' };
  }
  try {
    if (PSEUDO_FILESYSTEMS.has(Number(statfsSync(real).type))) return { refused: 'not-regular', real };
    if (!isJsonName(real)) return { refused: 'not-json', real };
    if (boundary !== undefined && !isInside(real, realOrSelf(boundary))) return { refused: 'outside', real };
    return { text: readRegularFile(real, MAX_CONFIG_BYTES).toString('utf8').replace(/^\uFEFF/, '') };
  } catch (error) {
    if (error instanceof ReadRefusal) return { refused: error.kind, real };
    // ENXIO: a socket, which cannot be opened as a file at all.
    return { refused: (error as NodeJS.ErrnoException).code === 'ENXIO' ? 'not-regular' : 'missing', real };
  }
}

const isJsonName = (file: string): boolean => file.toLowerCase().endsWith('.json');

function realOrSelf(folder: string): string {
  try {
    return realpathSync(folder);
  } catch {
    return folder;
  }
}

/** Whether `file` lies in `folder` or below it. */
export function isInside(file: string, folder: string): boolean {
  const rel = relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

function on(link: ExtendsLink, message: LocalizedText): FileProblem {
  return { file: link.file, text: link.text, start: link.start, end: link.end, message };
}

/** A file named by `extends` that was not read, said on the `extends` value. */
function refusedTarget(why: Exclude<Refusal, 'too-large'>, target: string): LocalizedText {
  switch (why) {
    case 'missing':
      return { zh: `找不到 "extends" 指向的文件：${target}`, en: `File named by "extends" not found: ${target}` };
    case 'not-json':
      return { zh: `"extends" 只能指向 .json 文件：${target}`, en: `"extends" must name a .json file: ${target}` };
    case 'not-regular':
      return {
        zh: `"extends" 只能指向普通文件，不能是文件夹、设备、管道、套接字或 /proc、/sys 下的文件：${target}`,
        en: `"extends" must name a regular file, not a folder, device, FIFO, socket or a file under /proc or /sys: ${target}`,
      };
    case 'outside':
      return {
        zh: `"extends" 指向工作区文件夹之外的文件，只在受信任的工作区中读取：${target}`,
        en: `"extends" names a file outside the workspace folder, read only in a trusted workspace: ${target}`,
      };
  }
}

/** A configuration file that was not read, said on the file itself. */
function refusedFile(why: Refusal, file: string): LocalizedText {
  switch (why) {
    case 'too-large':
      return { zh: `配置文件过大（超过 ${MAX_CONFIG_BYTES} 字节），未读取`, en: `Configuration file too large (over ${MAX_CONFIG_BYTES} bytes); not read` };
    case 'missing':
      return { zh: `无法读取配置文件：${file}`, en: `Cannot read configuration file: ${file}` };
    case 'not-json':
      return { zh: `配置文件必须是 .json 文件，未读取：${file}`, en: `A configuration file must be a .json file; not read: ${file}` };
    case 'not-regular':
      return {
        zh: `配置文件必须是普通文件，不能是文件夹、设备、管道、套接字或 /proc、/sys 下的文件，未读取：${file}`,
        en: `A configuration file must be a regular file, not a folder, device, FIFO, socket or a file under /proc or /sys; not read: ${file}`,
      };
    case 'outside':
      return {
        zh: `配置文件链接到工作区文件夹之外，只在受信任的工作区中读取：${file}`,
        en: `The configuration file links outside the workspace folder, read only in a trusted workspace: ${file}`,
      };
  }
}
