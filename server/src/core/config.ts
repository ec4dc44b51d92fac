/**
 * The `.speechlintrc.json` format: reading one file's text into settings with
 * every fault located, layering settings, and the JSON schema the editor
 * validates the file with. Finding and reading files is the host's job.
 */
import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { GRID_LIMITS, type GridOption } from './exportLimits';
import type { RuleSetting, RuleSettings } from './lint';
import type { LocalizedText, OptionSpec, Rule, SeveritySetting } from './rule';
import { allRules } from './rules';

export const CONFIG_FILE_NAME = '.speechlintrc.json';
const SEVERITIES: readonly SeveritySetting[] = ['off', 'hint', 'info', 'warning', 'error'];

/** House options for Word export; the export module documents them. */
export interface ExportSettings {
  titleFont?: string;
  linesPerPage?: number;
  charsPerLine?: number;
  pageNumbers?: boolean;
  pageBreakBetweenSpeeches?: boolean;
}

const EXPORT_KEYS: Readonly<Record<keyof ExportSettings, 'string' | 'number' | 'boolean'>> = {
  titleFont: 'string',
  linesPerPage: 'number',
  charsPerLine: 'number',
  pageNumbers: 'boolean',
  pageBreakBetweenSpeeches: 'boolean',
};

const isGridOption = (name: string): name is GridOption => Object.hasOwn(GRID_LIMITS, name);

export interface ConfigFile {
  extends?: string;
  /** Where the `extends` value is written, for faults found in what it names. */
  extendsSpan?: { start: number; end: number };
  rules: RuleSettings;
  export: ExportSettings;
}

export interface ConfigProblem {
  /** Offsets in the configuration file's text. */
  start: number;
  end: number;
  message: LocalizedText;
}

/** Files bigger than this are refused unread: a configuration is a few hundred bytes. */
export const MAX_CONFIG_BYTES = 256 * 1024;

/** Reads one configuration file's text. Every fault is located; what is valid is kept. */
export function parseConfig(text: string): { config: ConfigFile; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const config: ConfigFile = { rules: {}, export: {} };
  if (text.length > MAX_CONFIG_BYTES) {
    problems.push({ start: 0, end: 0, message: { zh: `配置文件过大（超过 ${MAX_CONFIG_BYTES} 字节），未读取`, en: `Configuration file too large (over ${MAX_CONFIG_BYTES} bytes); not read` } });
    return { config, problems };
  }
  const errors: ParseError[] = [];
  let root: Node | undefined;
  try {
    root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  } catch {
    // The parser recurses once per nesting level: thousands of `[` exhaust the stack.
    problems.push({ start: 0, end: 0, message: { zh: '配置文件嵌套过深，无法读取', en: 'Configuration nested too deeply to read' } });
    return { config, problems };
  }
  for (const e of errors) {
    problems.push({ start: e.offset, end: e.offset + Math.max(1, e.length), message: { zh: `JSON 语法错误：${printParseErrorCode(e.error)}`, en: `Invalid JSON: ${printParseErrorCode(e.error)}` } });
  }
  if (!root) return { config, problems };
  if (root.type !== 'object') {
    problems.push(at(root, { zh: '配置文件应为一个 JSON 对象', en: 'The configuration must be a JSON object' }));
    return { config, problems };
  }
  for (const prop of root.children ?? []) {
    const [keyNode, valueNode] = prop.children ?? [];
    if (!keyNode || !valueNode) continue;
    const key = String(keyNode.value);
    if (key === '$schema') continue;
    if (key === 'extends') {
      if (valueNode.type === 'string' && valueNode.value) {
        config.extends = valueNode.value;
        config.extendsSpan = { start: valueNode.offset, end: valueNode.offset + valueNode.length };
      }
      else problems.push(at(valueNode, { zh: '"extends" 应为相对路径字符串', en: '"extends" must be a relative path string' }));
    } else if (key === 'rules') {
      config.rules = readRules(valueNode, problems);
    } else if (key === 'export') {
      config.export = readExport(valueNode, problems);
    } else {
      problems.push(at(keyNode, { zh: `未知的配置项“${key}”`, en: `Unknown configuration key "${key}"` }));
    }
  }
  return { config, problems };
}

function at(node: Node, message: LocalizedText): ConfigProblem {
  return { start: node.offset, end: node.offset + node.length, message };
}

function readRules(node: Node, problems: ConfigProblem[]): RuleSettings {
  const out: Record<string, RuleSetting> = {};
  if (node.type !== 'object') {
    problems.push(at(node, { zh: '"rules" 应为对象：规则 id → 级别', en: '"rules" must be an object: rule id → severity' }));
    return out;
  }
  for (const prop of node.children ?? []) {
    const [keyNode, valueNode] = prop.children ?? [];
    if (!keyNode || !valueNode) continue;
    const id = String(keyNode.value);
    const rule = allRules.find((r) => r.meta.id === id);
    if (!rule) {
      problems.push(at(keyNode, { zh: `未知的规则“${id}”`, en: `Unknown rule "${id}"` }));
      continue;
    }
    const setting = readRuleSetting(rule, valueNode, problems);
    if (setting !== undefined) out[id] = setting;
  }
  return out;
}

function readSeverity(node: Node | undefined, problems: ConfigProblem[]): SeveritySetting | undefined {
  if (node && node.type === 'string' && SEVERITIES.includes(node.value)) return node.value as SeveritySetting;
  if (node) problems.push(at(node, { zh: `级别应为 ${SEVERITIES.join('、')} 之一`, en: `Severity must be one of ${SEVERITIES.join(', ')}` }));
  return undefined;
}

function readRuleSetting(rule: Rule, node: Node, problems: ConfigProblem[]): RuleSetting | undefined {
  if (node.type !== 'array') return readSeverity(node, problems);
  const [sevNode, optNode, ...extra] = node.children ?? [];
  const severity = readSeverity(sevNode, problems);
  for (const e of extra) problems.push(at(e, { zh: '多余的数组元素：应为 [级别, 选项]', en: 'Extra element: expected [severity, options]' }));
  if (!sevNode) problems.push(at(node, { zh: '应为 [级别, 选项]', en: 'Expected [severity, options]' }));
  if (severity === undefined) return undefined;
  const options = optNode ? readOptions(rule, optNode, problems) : {};
  return Object.keys(options).length > 0 ? [severity, options] : severity;
}

function readOptions(rule: Rule, node: Node, problems: ConfigProblem[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const specs = rule.meta.options ?? {};
  if (node.type !== 'object') {
    problems.push(at(node, { zh: `规则“${rule.meta.id}”的选项应为对象`, en: `Options of rule "${rule.meta.id}" must be an object` }));
    return out;
  }
  for (const prop of node.children ?? []) {
    const [keyNode, valueNode] = prop.children ?? [];
    if (!keyNode || !valueNode) continue;
    const name = String(keyNode.value);
    // Own keys only: `toString` or `__proto__` is no option, whatever Object.prototype says.
    const spec = Object.hasOwn(specs, name) ? specs[name] : undefined;
    if (!spec) {
      const known = Object.keys(specs);
      problems.push(at(keyNode, {
        zh: `规则“${rule.meta.id}”没有选项“${name}”${known.length ? `（可用：${known.join('、')}）` : ''}`,
        en: `Rule "${rule.meta.id}" has no option "${name}"${known.length ? ` (known: ${known.join(', ')})` : ''}`,
      }));
      continue;
    }
    const fault = optionFault(spec, valueNode);
    if (fault) problems.push(at(valueNode, { zh: `选项“${name}”${fault.zh}`, en: `Option "${name}" ${fault.en}` }));
    else out[name] = spec.type === 'pairs' ? readPairs(valueNode, problems) : getNodeValue(valueNode);
  }
  return out;
}

/**
 * A `pairs` option's value without the pairs whose fix would feed itself: a
 * replacement that holds the wrong form (`A` → `A与A`) is found again in
 * what it wrote, and every fix pass would grow the draft.
 */
function readPairs(node: Node, problems: ConfigProblem[]): Record<string, unknown> {
  const value = getNodeValue(node) as Record<string, unknown>;
  for (const prop of node.children ?? []) {
    const [keyNode, valueNode] = prop.children ?? [];
    const [wrong, right] = [keyNode?.value, valueNode?.value];
    if (typeof wrong !== 'string' || typeof right !== 'string' || wrong === '' || wrong === right || !right.includes(wrong)) continue;
    problems.push(
      at(keyNode!, {
        zh: `词条“${wrong}”的正确写法“${right}”中又含有“${wrong}”：修复后会再次命中，文本越改越长`,
        en: `The preferred form "${right}" contains the wrong form "${wrong}": each fix would match again and the text would keep growing`,
      }),
    );
    delete value[wrong];
  }
  return value;
}

function optionFault(spec: OptionSpec, node: Node): LocalizedText | undefined {
  switch (spec.type) {
    case 'number':
      if (node.type === 'null' && spec.default === null) return undefined;
      if (node.type !== 'number') return { zh: '应为数字', en: 'must be a number' };
      if (spec.minimum !== undefined && node.value < spec.minimum) return { zh: `不能小于 ${spec.minimum}`, en: `must be at least ${spec.minimum}` };
      return undefined;
    case 'string':
      if (node.type !== 'string') return { zh: '应为字符串', en: 'must be a string' };
      if (spec.enum && !spec.enum.includes(node.value)) return { zh: `应为 ${spec.enum.join('、')} 之一`, en: `must be one of ${spec.enum.join(', ')}` };
      return undefined;
    case 'boolean':
      return node.type === 'boolean' ? undefined : { zh: '应为 true 或 false', en: 'must be true or false' };
    case 'strings':
      if (node.type !== 'array' || (node.children ?? []).some((c) => c.type !== 'string')) return { zh: '应为字符串数组', en: 'must be an array of strings' };
      if (spec.enum && (node.children ?? []).some((c) => !spec.enum!.includes(c.value))) return { zh: `各项应为 ${spec.enum.join('、')} 之一`, en: `each item must be one of ${spec.enum.join(', ')}` };
      return undefined;
    case 'pairs':
      if (node.type !== 'object' || (node.children ?? []).some((p) => p.children?.[1]?.type !== 'string')) {
        return { zh: '应为对象：错误写法 → 正确写法（字符串）', en: 'must be an object mapping wrong form → right form (strings)' };
      }
      return undefined;
  }
}

function readExport(node: Node, problems: ConfigProblem[]): ExportSettings {
  const out: Record<string, unknown> = {};
  if (node.type !== 'object') {
    problems.push(at(node, { zh: '"export" 应为对象', en: '"export" must be an object' }));
    return out;
  }
  for (const prop of node.children ?? []) {
    const [keyNode, valueNode] = prop.children ?? [];
    if (!keyNode || !valueNode) continue;
    const name = String(keyNode.value) as keyof ExportSettings;
    const type = Object.hasOwn(EXPORT_KEYS, name) ? EXPORT_KEYS[name] : undefined;
    if (!type) problems.push(at(keyNode, { zh: `未知的导出选项“${name}”`, en: `Unknown export option "${name}"` }));
    else if (valueNode.type !== type) problems.push(at(valueNode, { zh: `导出选项“${name}”类型应为 ${type}`, en: `Export option "${name}" must be a ${type}` }));
    else {
      const fault = exportValueFault(name, valueNode.value);
      if (fault) problems.push(at(valueNode, fault));
      else out[name] = valueNode.value;
    }
  }
  return out;
}

/** What the export would refuse: a grid value out of its bounds, a blank title font. */
function exportValueFault(name: keyof ExportSettings, value: unknown): LocalizedText | undefined {
  if (isGridOption(name)) {
    const { min, max } = GRID_LIMITS[name];
    if (Number.isInteger(value) && (value as number) >= min && (value as number) <= max) return undefined;
    return { zh: `导出选项“${name}”应为 ${min} 到 ${max} 之间的整数`, en: `Export option "${name}" must be a whole number from ${min} to ${max}` };
  }
  if (name === 'titleFont' && String(value).trim() === '') return { zh: '导出选项“titleFont”不能为空', en: 'Export option "titleFont" must not be empty' };
  return undefined;
}

/**
 * Layers rule settings: later layers win. A bare severity over `[severity, options]`
 * keeps the options (as ESLint does), so a setting can change a level without
 * repeating the options a shared file gave.
 */
export function layerRuleSettings(...layers: ReadonlyArray<RuleSettings | undefined>): RuleSettings {
  // A Map, then own properties: an id `__proto__` from a settings layer must not set the result's prototype.
  const out = new Map<string, RuleSetting>();
  for (const layer of layers) {
    for (const [id, setting] of Object.entries(layer ?? {})) {
      const before = out.get(id);
      if (!Array.isArray(setting) && Array.isArray(before) && before[1]) out.set(id, [setting as SeveritySetting, before[1]]);
      else if (Array.isArray(setting) && Array.isArray(before) && before[1] && setting[1]) out.set(id, [setting[0], { ...before[1], ...setting[1] }]);
      else out.set(id, setting);
    }
  }
  return Object.fromEntries(out);
}

/** The JSON schema of `.speechlintrc.json`, generated from the rule declarations. */
export function configSchema(rules: readonly Rule[] = allRules): object {
  const exportProps: Record<string, object> = {};
  for (const [name, type] of Object.entries(EXPORT_KEYS)) {
    exportProps[name] = isGridOption(name) ? { type: 'integer', minimum: GRID_LIMITS[name].min, maximum: GRID_LIMITS[name].max } : { type };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'speechlint configuration',
    type: 'object',
    properties: {
      $schema: { type: 'string' },
      extends: { type: 'string', description: '继承的配置文件（相对路径） / Configuration file to extend (relative path)' },
      rules: rulesSchema(rules),
      export: { type: 'object', properties: exportProps, additionalProperties: false },
    },
    additionalProperties: false,
  };
}

/** The schema of `"rules"`, shared by the file's schema and the `speech.rules` setting in package.json. */
export function rulesSchema(rules: readonly Rule[] = allRules): { type: 'object'; properties: Record<string, object>; additionalProperties: false } {
  const severity = { enum: SEVERITIES };
  const ruleProps: Record<string, object> = {};
  for (const r of rules) {
    const optionProps: Record<string, object> = {};
    for (const [name, spec] of Object.entries(r.meta.options ?? {})) optionProps[name] = optionSchema(spec);
    const description = `${r.meta.description.zh} / ${r.meta.description.en} (default: ${r.meta.defaultSeverity})`;
    ruleProps[r.meta.id] = {
      description,
      oneOf: [
        severity,
        {
          type: 'array',
          items: [severity, { type: 'object', properties: optionProps, additionalProperties: false }],
          minItems: 1,
          maxItems: 2,
        },
      ],
    };
  }
  return { type: 'object', properties: ruleProps, additionalProperties: false };
}

function optionSchema(spec: OptionSpec): object {
  const description = `${spec.description.zh} / ${spec.description.en}`;
  switch (spec.type) {
    case 'number':
      return { type: spec.default === null ? ['number', 'null'] : 'number', default: spec.default, minimum: spec.minimum, description };
    case 'string':
      return { type: 'string', enum: spec.enum, default: spec.default, description };
    case 'boolean':
      return { type: 'boolean', default: spec.default, description };
    case 'strings':
      if (spec.enum) return { type: 'array', items: { type: 'string', enum: spec.enum }, uniqueItems: true, default: spec.default, description };
      return { type: 'array', items: { type: 'string' }, default: spec.default, description };
    case 'pairs':
      return { type: 'object', additionalProperties: { type: 'string' }, default: spec.default, description };
  }
}
