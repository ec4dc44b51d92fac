/**
 * Author lines printed after a piece's body instead of under its title (issue 14):
 * - told: `单位职务+姓名讲述` (or `口述`), a piece written down from what its speaker told,
 *   usually followed by the writer's credit (`本报记者 某某整理`);
 * - attribution: `——单位职务+姓名` under a quote;
 * - note: `（作者为…）`, `（作者系…）`, `（作者单位：…）` closing a signed article: the position
 *   only (the paper prints the name above the text, outside it);
 * - signature: `地名 姓名`, or several names (`地名 姓名 姓名`), closing a reader's letter.
 * Each reader here reads one line. Whether the line stands where an author line stands (after a
 * piece's body, before the next piece or the end) is the layout's question, answered in document.ts.
 */
import type { Paragraph, Piece, SpeakerNode } from '../model';
import { endsLikePosition as endsLikeSpeakerPosition, gluedNameStart, makeName, splitPositions } from './speaker';

/** How an author line after the body is printed. */
export type ClosingKind = 'told' | 'attribution' | 'note' | 'signature';

export interface ClosingLine {
  kind: ClosingKind;
  /** Form `closing`; the name is absent in a note. */
  speaker: SpeakerNode;
}

const HAN = '[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]';
const GAP_CHARS = '[ \\u3000\\u00a0]';
const TOKEN = /[^ \u3000\u00a0]+/g;
const HAS_GAP = new RegExp(GAP_CHARS);
const ALL_HAN = new RegExp(`^${HAN}+$`);
const DOTTED_NAME = new RegExp(`^${HAN}+(?:[·•・]${HAN}+)+$`);
/** Positions and a name, glued or apart: Han, digits, joiners, name dots, a book title (`《…》一书作者`), a connector (`阿拉伯—中国`). */
const POSITIONS_AND_NAME = new RegExp(`^(?:${HAN}|${GAP_CHARS}|[0-9、，·•・《》—])+$`);

const ATTRIBUTION = /^——(?!—)/;
const NOTE = /^[（(]作者(为|系|是|单位[：:])(.+)[）)]$/;
/** Where a note's position ends: a sentence end, or a comma before the writer's credit (`，本报记者某某整理`). */
const NOTE_CUT = /[。；;]|[，,](?=本报|记者|通讯员|新华社|图)/;

/**
 * Position endings beyond the ones speaker.ts knows, for lines whose shape already says "author":
 * titles of state and boards (总统, 总理, 首相, 大使, 董事), and the village, county or city a
 * villager or a reader signs with (…村, …县, 村民, 贫困户). Tuned on the told and attribution lines of
 * the People's Daily archive (all of them in February 2020; January prints none).
 */
const MORE_POSITION_END = /[统理相使事村镇乡县市区州省旗民户]$/;
const endsLikePosition = (s: string): boolean => endsLikeSpeakerPosition(s) || MORE_POSITION_END.test(s);

/** A writer's or photographer's credit after an author line (`本报记者 某某整理`, `某某摄`): no author of the piece. */
const CREDIT_START = /^(?:本报|新华社|本刊)?(?:特约)?(?:记者|通讯员)/;
const CREDIT_END = /(?:整理|采写|摄|供图|制图)$/;

export function isCredit(p: Paragraph): boolean {
  const c = p.content;
  return c.length <= 40 && !/[。！？]/.test(c) && (CREDIT_START.test(c) || CREDIT_END.test(c));
}

/** `关键词：效率`, `时间：1月24日，大年三十，雨`, `版式设计：某某`: a short label, its colon and a value; a kicker or a note, never a title. */
const LABEL = /^[^\s，。：:、；！？“”]{2,6}[：:](?!$)[^。！？]*$/;

export const isLabel = (p: Paragraph): boolean => p.content.length <= 40 && LABEL.test(p.content);

/**
 * Reads `p` as an author line printed after a piece's body. Cheap tests of the line's first and last
 * characters come first: almost every line is turned away before any pattern runs.
 */
export function readClosingLine(p: Paragraph): ClosingLine | undefined {
  const c = p.content;
  if (c.length < 4 || c.length > 120) return undefined;
  const first = c.charCodeAt(0);
  if (first === 0xff08 || first === 0x28) {
    const speaker = readNote(p);
    return speaker && { kind: 'note', speaker };
  }
  if (c.length > 80) return undefined;
  if (c.charCodeAt(0) === 0x2014 && ATTRIBUTION.test(c)) {
    const speaker = readPositionsAndName(p, 2, c.length, 2);
    return speaker && { kind: 'attribution', speaker };
  }
  if (c.endsWith('讲述') || c.endsWith('口述')) {
    // A told line names a place or unit before the speaker: a phrase such as `听村里老党员讲述` does not.
    const speaker = readPositionsAndName(p, 0, c.length - 2, 3);
    return speaker && { kind: 'told', speaker };
  }
  if (c.length <= 40 && HAS_GAP.test(c)) {
    const speaker = readSignature(p);
    return speaker && { kind: 'signature', speaker };
  }
  return undefined;
}

function closingNode(p: Paragraph): SpeakerNode {
  // Every field from the start: one hidden class for every speaker line (see scanLines).
  return { paragraph: p, span: { start: p.contentStart, end: p.contentEnd }, form: 'closing', unit: undefined, positions: [], joiners: [], separator: undefined, name: undefined, trailing: undefined };
}

function readNote(p: Paragraph): SpeakerNode | undefined {
  const m = NOTE.exec(p.content);
  if (!m) return undefined;
  const cut = m[2].search(NOTE_CUT);
  const text = (cut >= 0 ? m[2].slice(0, cut) : m[2]).trim();
  if (text.length < 2) return undefined;
  const at = p.contentStart + 3 + m[1].length;
  const node = closingNode(p);
  if (m[1].startsWith('单位')) node.unit = { span: { start: at, end: at + text.length }, text };
  else splitPositions(text, at, node);
  return node;
}

interface Token {
  text: string;
  /** Offset in the text it was cut from. */
  at: number;
}

function tokensOf(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) out.push({ text: m[0], at: m.index });
  return out;
}

/** Characters of grammar no name holds: `——这是大家共同的心声` ends in no name. */
const NOT_IN_NAME = /[的了们这那我你她它吗呢吧着过]/;
const isNameToken = (t: string): boolean => ((ALL_HAN.test(t) && t.length >= 2 && t.length <= 5) || DOTTED_NAME.test(t)) && !NOT_IN_NAME.test(t);

/**
 * Names from `tokens`, each a run of tokens: a token of 2–5 Han (five for a foreign name such as
 * `鸠山由纪夫`) or a transliterated name, or two one-character tokens (a two-character name padded
 * to the width of three, `谢 平`). Undefined when a token is left over.
 */
function namesOf(tokens: readonly Token[]): Token[][] | undefined {
  const names: Token[][] = [];
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i].text;
    if (isNameToken(t)) {
      names.push([tokens[i]]);
      i++;
    } else if (t.length === 1 && ALL_HAN.test(t) && tokens[i + 1]?.text.length === 1 && ALL_HAN.test(tokens[i + 1].text)) {
      names.push([tokens[i], tokens[i + 1]]);
      i += 2;
    } else {
      return undefined;
    }
  }
  return names;
}

/**
 * `positions+name` (glued, as told and attribution lines print it) or `positions name`, read from
 * `p.content.slice(from, to)`, the positions at least `minPositions` characters long.
 */
function readPositionsAndName(p: Paragraph, from: number, to: number, minPositions: number): SpeakerNode | undefined {
  const text = p.content.slice(from, to);
  if (!POSITIONS_AND_NAME.test(text)) return undefined;
  const base = p.contentStart + from;
  const node = closingNode(p);
  let nameAt: number;
  let positionsEnd: number;
  if (HAS_GAP.test(text)) {
    const tokens = tokensOf(text);
    const last = tokens[tokens.length - 1];
    const padded = tokens.length >= 3 && last.text.length === 1 && tokens[tokens.length - 2].text.length === 1;
    const name = padded ? tokens[tokens.length - 2] : last;
    if (!padded && !isNameToken(last.text)) return undefined;
    nameAt = name.at;
    positionsEnd = text.slice(0, nameAt).trimEnd().length;
    node.separator = { span: { start: base + positionsEnd, end: base + nameAt }, text: text.slice(positionsEnd, nameAt) };
  } else {
    nameAt = gluedNameStart(text, endsLikePosition);
    positionsEnd = nameAt;
  }
  const positions = text.slice(0, positionsEnd);
  if (nameAt < 0 || positions.length < minPositions || !endsLikePosition(positions) || NOT_IN_NAME.test(text.slice(nameAt))) return undefined;
  node.name = makeName(text.slice(nameAt), base + nameAt);
  splitPositions(positions, base, node);
  return node;
}

/** `江苏南通市 杨汉祥 谢 平`: a place (or unit) ending like one, then one to three names, each set apart by spaces. */
function readSignature(p: Paragraph): SpeakerNode | undefined {
  if (isCredit(p)) return undefined;
  const tokens = tokensOf(p.content);
  if (tokens.length < 2 || tokens.length > 7) return undefined;
  const unit = tokens[0].text;
  if (unit.length < 3 || unit.length > 20 || !ALL_HAN.test(unit) || !endsLikePosition(unit)) return undefined;
  const names = namesOf(tokens.slice(1));
  if (!names || names.length > 3) return undefined;
  const base = p.contentStart;
  const node = closingNode(p);
  const from = names[0][0].at;
  const lastName = names[names.length - 1];
  const to = lastName[lastName.length - 1].at + lastName[lastName.length - 1].text.length;
  node.unit = { span: { start: base, end: base + unit.length }, text: unit };
  node.separator = { span: { start: base + unit.length, end: base + from }, text: p.content.slice(unit.length, from) };
  const name: Piece & { value: string } = {
    span: { start: base + from, end: base + to },
    text: p.content.slice(from, to),
    value: names.map((n) => n.map((t) => t.text).join('')).join('、'),
  };
  node.name = name;
  return node;
}
