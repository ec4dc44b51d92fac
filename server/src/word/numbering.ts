/**
 * Word's automatic numbering: the label Word draws in front of a numbered
 * paragraph (`一、`, `（一）`, `1.`, `（1）`), which is no text in the file.
 * `numbering.xml` defines list templates (`w:abstractNum`, one `w:lvl` per
 * level) and the instances paragraphs point at (`w:num`, with per-level
 * overrides); `styles.xml` gives paragraph styles a numbering of their own.
 * A `Numbering` is fed the document's paragraphs in order and counts as Word
 * counts:
 * - one set of counters per list template, shared by every instance of it
 *   (Word continues a list across instances; only a `w:startOverride`
 *   restarts it, at the first paragraph of that instance on that level);
 * - a level restarts when a higher level is used (`w:lvlRestart` narrows
 *   which, 0 = never);
 * - `%1`…`%9` in `w:lvlText` take each level's current count in that level's
 *   format; a higher level not yet used counts as one before its start, which
 *   is why Word shows `0.1` under no heading; `w:isLgl` draws the higher
 *   levels in decimal.
 */
import type { LocalizedText } from '../core/rule';
import { formatNumber } from './numberFormat';
import { xmlTags } from './xmlTags';

export type LevelSuffix = 'tab' | 'space' | 'nothing';

export interface LevelDefinition {
  format: string;
  text: string;
  start: number;
  /** `w:lvlRestart`: restart when a level above this 1-based level is used; 0 never; undefined any higher level. */
  restart?: number;
  legal: boolean;
  suffix: LevelSuffix;
  /** The paragraph style this level belongs to (`w:lvl/w:pStyle`). */
  styleId?: string;
}

/** What a paragraph says about its numbering: its style, and its own `w:numPr` if any. */
export interface ParagraphNumberingProperties {
  styleId: string | null;
  numId?: string;
  level?: number;
}

/** The label of one numbered paragraph, and a note when it is not what Word shows. */
export interface NumberLabel {
  /** To stand before the paragraph's text; empty for a bullet. */
  text: string;
  note?: LocalizedText;
}

const LEVELS = 9;
/**
 * Word's number format box takes far fewer characters; the bound keeps a
 * hostile `w:lvlText` from costing its length at every one of many paragraphs.
 */
const MAX_LEVEL_TEXT = 255;
/** A level as far as `w:lvl` leaves things unsaid (ECMA-376 §17.9.6: `w:start` 0, a tab after the number). */
const DEFAULT_LEVEL: LevelDefinition = { format: 'decimal', text: '', start: 0, legal: false, suffix: 'tab' };

interface AbstractNumbering {
  levels: (LevelDefinition | undefined)[];
  styleLink?: string;
  numStyleLink?: string;
}

interface LevelOverride {
  start?: number;
  /** What a `w:lvl` inside the override says; what it leaves out comes from the template. */
  definition?: Partial<LevelDefinition>;
}

interface NumberingInstance {
  abstractId: string;
  overrides: Map<number, LevelOverride>;
}

interface ParagraphStyle {
  basedOn?: string;
  numId?: string;
  level?: number;
}

/**
 * Bullets that Symbol and Wingdings draw from the private use area (Word and
 * LibreOffice write them so), by the character they look like; other
 * private-use bullets go unnamed.
 */
const SYMBOL_BULLETS: Readonly<Record<string, string>> = {
  '\uf0b7': '•',
  '\uf06c': '●',
  '\uf06e': '■',
  '\uf0a7': '▪',
  '\uf075': '◆',
  '\uf076': '❖',
  '\uf0d8': '➢',
  '\uf0fc': '✓',
};

/** Separators after which Word's tab or space adds nothing a draft needs: `一、`, `（一）`, `1.`. */
const ENDS_SEPARATED = /[、，,.．:：;；)）\]】」』〕〉》\s]$/u;

export class Numbering {
  private readonly abstracts = new Map<string, AbstractNumbering>();
  private readonly instances = new Map<string, NumberingInstance>();
  private readonly styles = new Map<string, ParagraphStyle>();
  private defaultStyle: string | undefined;
  /** Current count of each level, per list template; undefined: not used since it last restarted. */
  private readonly counts = new Map<string, (number | undefined)[]>();
  /** Instance and level pairs met so far, for `w:startOverride`. */
  private readonly seen = new Set<string>();
  /** Answers of `styleNumbering` and `templateOf`, asked once per paragraph: chains are walked once. */
  private readonly styleNumberings = new Map<string | undefined, { numId?: string; level?: number }>();
  private readonly templates = new Map<string, string | undefined>();
  /** The list of the last paragraph, when it was a bullet: a run of bullets is noted once. */
  private lastBullet: string | undefined;

  /** From the two parts' text; either may be missing (a document without lists has no numbering part). */
  constructor(numberingXml: string | undefined, stylesXml: string | undefined) {
    if (numberingXml) this.readNumbering(numberingXml);
    if (stylesXml) this.readStyles(stylesXml);
  }

  /** Whether any paragraph could be numbered at all. */
  get empty(): boolean {
    return this.instances.size === 0;
  }

  /**
   * The label of the next paragraph in document order, undefined when it has
   * none. Every paragraph Word would count must pass through here, numbered or
   * not, in order.
   */
  next(paragraph: ParagraphNumberingProperties): NumberLabel | undefined {
    const resolved = this.resolve(paragraph);
    if (!resolved) {
      this.lastBullet = undefined;
      return undefined;
    }
    const { numId, level, abstractId, definitions } = resolved;
    const definition = definitions[level];
    if (!definition) {
      this.lastBullet = undefined;
      return undefined;
    }
    const counts = this.countsOf(abstractId);
    const instance = this.instances.get(numId);
    const override = instance?.overrides.get(level);
    const key = `${numId}:${level}`;
    if (!this.seen.has(key)) {
      this.seen.add(key);
      if (override?.start !== undefined) counts[level] = undefined;
    }
    const startOf = (k: number): number => instance?.overrides.get(k)?.start ?? definitions[k]?.start ?? 1;
    counts[level] = counts[level] === undefined ? startOf(level) : counts[level] + 1;
    for (let deeper = level + 1; deeper < LEVELS; deeper++) {
      const restart = definitions[deeper]?.restart;
      if (restart === undefined || restart > deeper || (restart !== 0 && level < restart)) counts[deeper] = undefined;
    }
    if (definition.format === 'bullet') return this.bullet(numId, definition);
    this.lastBullet = undefined;
    return this.label(definition, level, definitions, (k) => counts[k] ?? startOf(k) - 1);
  }

  private bullet(numId: string, definition: LevelDefinition): NumberLabel {
    const first = this.lastBullet !== numId;
    this.lastBullet = numId;
    if (!first) return { text: '' };
    const shown = [...definition.text].map((c) => SYMBOL_BULLETS[c] ?? (/\p{Co}/u.test(c) ? '' : c)).join('').trim();
    const named = shown === '' ? '' : `（${shown}）`;
    return {
      text: '',
      note: {
        zh: `此处起的项目符号${named}未导入，草稿不带项目符号`,
        en: `The list bullets from here on${shown === '' ? '' : ` (${shown})`} were not imported: a draft holds no bullets`,
      },
    };
  }

  private label(definition: LevelDefinition, level: number, definitions: readonly (LevelDefinition | undefined)[], countOf: (level: number) => number): NumberLabel {
    if (definition.text.length > MAX_LEVEL_TEXT) {
      return {
        text: '',
        note: {
          zh: `Word 自动编号的编号文字超过 ${MAX_LEVEL_TEXT} 字，不像正常的编号，未导入`,
          en: `Word's automatic numbering text is longer than ${MAX_LEVEL_TEXT} characters, which no real numbering is; not imported`,
        },
      };
    }
    const inexact = new Set<string>();
    const text = definition.text.replace(/%([1-9])/g, (_, digit: string) => {
      const k = Number(digit) - 1;
      // A placeholder for a deeper level has no count to show.
      if (k > level) return '';
      const format = k < level && definition.legal ? 'decimal' : (definitions[k]?.format ?? 'decimal');
      const formatted = formatNumber(countOf(k), format);
      if (!formatted?.exact) inexact.add(format);
      return formatted?.text ?? String(countOf(k));
    });
    const label = text + (definition.suffix !== 'nothing' && text !== '' && !ENDS_SEPARATED.test(text) ? '\u3000' : '');
    if (inexact.size === 0) return { text: label };
    const formats = [...inexact].join('、');
    return {
      text: label,
      note: {
        zh: `Word 自动编号的格式 ${formats} 无法照原样导入，编号已按阿拉伯数字写作“${text}”，请核对`,
        en: `Word's automatic numbering format ${formats} cannot be imported as it is drawn; the number was written in Arabic digits as "${text}"; check it`,
      },
    };
  }

  private countsOf(abstractId: string): (number | undefined)[] {
    let counts = this.counts.get(abstractId);
    if (!counts) this.counts.set(abstractId, (counts = new Array<number | undefined>(LEVELS).fill(undefined)));
    return counts;
  }

  /** The instance, level and level definitions a paragraph is numbered by, from its own `w:numPr` and its style's. */
  private resolve(paragraph: ParagraphNumberingProperties): { numId: string; level: number; abstractId: string; definitions: (LevelDefinition | undefined)[] } | undefined {
    const styleId = paragraph.styleId ?? this.defaultStyle;
    const fromStyle = this.styleNumbering(styleId);
    const numId = paragraph.numId ?? fromStyle.numId;
    // numId 0 takes away the numbering a style gives.
    if (numId === undefined || numId === '0') return undefined;
    const instance = this.instances.get(numId);
    if (!instance) return undefined;
    const abstractId = this.templateOf(instance.abstractId);
    const abstract = abstractId === undefined ? undefined : this.abstracts.get(abstractId);
    if (abstractId === undefined || !abstract) return undefined;
    const definitions = Array.from({ length: LEVELS }, (_, k): LevelDefinition | undefined => {
      const own = instance.overrides.get(k)?.definition;
      const base = abstract.levels[k];
      return own ? { ...(base ?? DEFAULT_LEVEL), ...own } : base;
    });
    const styleLevel = styleId === undefined ? -1 : definitions.findIndex((d) => d?.styleId === styleId);
    const level = paragraph.level ?? fromStyle.level ?? (styleLevel >= 0 ? styleLevel : 0);
    if (level < 0 || level >= LEVELS) return undefined;
    return { numId, level, abstractId, definitions };
  }

  /** The nearest `w:numId` and `w:ilvl` along the style's `w:basedOn` chain. */
  private styleNumbering(styleId: string | undefined): { numId?: string; level?: number } {
    let known = this.styleNumberings.get(styleId);
    if (!known) this.styleNumberings.set(styleId, (known = this.walkStyles(styleId)));
    return known;
  }

  private walkStyles(styleId: string | undefined): { numId?: string; level?: number } {
    const found: { numId?: string; level?: number } = {};
    const visited = new Set<string>();
    for (let id = styleId; id !== undefined && !visited.has(id); id = this.styles.get(id)?.basedOn) {
      visited.add(id);
      const style = this.styles.get(id);
      found.numId ??= style?.numId;
      found.level ??= style?.level;
    }
    return found;
  }

  /**
   * The template that holds the levels: a template linked to a numbering style
   * (`w:numStyleLink`) holds none itself, the style's own instance leads to the
   * one that does (`w:styleLink`).
   */
  private templateOf(abstractId: string): string | undefined {
    if (!this.templates.has(abstractId)) this.templates.set(abstractId, this.followLinks(abstractId));
    return this.templates.get(abstractId);
  }

  private followLinks(abstractId: string): string | undefined {
    const visited = new Set<string>();
    let id: string | undefined = abstractId;
    while (id !== undefined && !visited.has(id)) {
      visited.add(id);
      const link: string | undefined = this.abstracts.get(id)?.numStyleLink;
      if (link === undefined) return id;
      const viaStyle: string | undefined = this.styles.get(link)?.numId;
      const next: string | undefined = viaStyle === undefined ? undefined : this.instances.get(viaStyle)?.abstractId;
      id = next ?? [...this.abstracts].find(([, a]) => a.styleLink === link)?.[0];
    }
    return undefined;
  }

  private readNumbering(xml: string): void {
    let abstract: AbstractNumbering | undefined;
    let instance: NumberingInstance | undefined;
    let override: LevelOverride | undefined;
    let level: Partial<LevelDefinition> | undefined;
    // Word 2010 writes a custom format (001) as a choice with a plain fallback; the choice wins.
    let inFallback = false;
    for (const tag of xmlTags(xml)) {
      const a = tag.attributes;
      const val = a['w:val'];
      if (tag.kind === 'close') {
        if (tag.name === 'w:abstractNum') abstract = undefined;
        else if (tag.name === 'w:num') instance = undefined;
        else if (tag.name === 'w:lvlOverride') override = undefined;
        else if (tag.name === 'w:lvl') level = undefined;
        else if (tag.name === 'mc:Fallback') inFallback = false;
        continue;
      }
      const open = tag.kind === 'open';
      switch (tag.name) {
        case 'w:abstractNum':
          if (!open) break;
          abstract = { levels: [] };
          if (a['w:abstractNumId'] !== undefined) this.abstracts.set(a['w:abstractNumId'], abstract);
          break;
        case 'w:num':
          if (!open || a['w:numId'] === undefined) break;
          instance = { abstractId: '', overrides: new Map() };
          this.instances.set(a['w:numId'], instance);
          break;
        case 'w:abstractNumId':
          if (instance && val !== undefined) instance.abstractId = val;
          break;
        case 'w:lvlOverride': {
          const index = Number(a['w:ilvl'] ?? 0);
          if (!instance || !open || !(index >= 0 && index < LEVELS)) break;
          override = {};
          instance.overrides.set(index, override);
          break;
        }
        case 'w:startOverride':
          if (override && val !== undefined && /^-?\d+$/.test(val)) override.start = Number(val);
          break;
        case 'w:lvl': {
          const index = Number(a['w:ilvl'] ?? 0);
          if (!open || !(index >= 0 && index < LEVELS)) break;
          if (override) level = override.definition = {};
          else if (abstract) level = abstract.levels[index] = { ...DEFAULT_LEVEL };
          break;
        }
        case 'w:styleLink':
          if (abstract && !level && val !== undefined) abstract.styleLink = val;
          break;
        case 'w:numStyleLink':
          if (abstract && !level && val !== undefined) abstract.numStyleLink = val;
          break;
        case 'mc:Fallback':
          inFallback = open;
          break;
        default:
          if (level) readLevelProperty(level, tag.name, a, inFallback);
      }
    }
  }

  private readStyles(xml: string): void {
    let style: ParagraphStyle | undefined;
    let path: string[] = [];
    for (const tag of xmlTags(xml)) {
      const a = tag.attributes;
      if (tag.name === 'w:style') {
        if (tag.kind === 'close') style = undefined;
        else if (a['w:styleId'] !== undefined && (a['w:type'] ?? 'paragraph') !== 'table' && a['w:type'] !== 'character') {
          style = {};
          this.styles.set(a['w:styleId'], style);
          if (a['w:type'] === 'paragraph' && a['w:default'] !== undefined && isOn(a['w:default'])) this.defaultStyle = a['w:styleId'];
        }
        path = [];
        continue;
      }
      if (!style) continue;
      if (tag.kind === 'close') {
        path.pop();
        continue;
      }
      const where = path.join('/');
      const val = a['w:val'];
      if (tag.name === 'w:basedOn' && where === '' && val !== undefined) style.basedOn = val;
      else if (tag.name === 'w:numId' && where === 'w:pPr/w:numPr' && val !== undefined) style.numId = val;
      else if (tag.name === 'w:ilvl' && where === 'w:pPr/w:numPr' && /^\d+$/.test(val ?? '')) style.level = Number(val);
      if (tag.kind === 'open') path.push(tag.name);
    }
  }
}

function readLevelProperty(definition: Partial<LevelDefinition>, name: string, a: Record<string, string>, inFallback: boolean): void {
  const val = a['w:val'];
  switch (name) {
    case 'w:start':
      if (val !== undefined && /^-?\d+$/.test(val)) definition.start = Number(val);
      break;
    case 'w:numFmt':
      if (val === undefined || (inFallback && definition.format?.startsWith('custom:'))) break;
      definition.format = val === 'custom' ? `custom:${a['w:format'] ?? ''}` : val;
      break;
    case 'w:lvlText':
      definition.text = val ?? '';
      break;
    case 'w:lvlRestart':
      if (val !== undefined && /^\d+$/.test(val)) definition.restart = Number(val);
      break;
    case 'w:isLgl':
      definition.legal = isOn(val);
      break;
    case 'w:suff':
      if (val === 'tab' || val === 'space' || val === 'nothing') definition.suffix = val;
      break;
    case 'w:pStyle':
      if (val !== undefined) definition.styleId = val;
      break;
  }
}

/** An OOXML on/off value: present without a value means on. */
function isOn(value: string | undefined): boolean {
  return value === undefined || value === '1' || value === 'true' || value === 'on';
}
