/**
 * Reading a speaker line: `唐山市政协主席、党组书记 胡国辉`, `山东省济南市政协主席 雷 杰`,
 * `最高人民法院民四庭副庭长  高晓力`, `胡国辉（唐山市政协主席）`, `铁  凝（中国作协主席）`,
 * `（法国）罗 梁`, a labelled line `写信人：李某（演员）` or interview subtitle
 * `——访某某研究院院长李某`, or (right after a title) a bare name `张  红` or a unit
 * with no position `某某省考古研究所 张 某`.
 */
import type { Piece, SpeakerNode, Paragraph } from '../model';

/** Words a position ends with. A line is only taken for a speaker line on its own when its last position ends in one of these. */
const POSITION_WORDS = [
  '主席', '书记', '主任', '委员', '成员', '代表', '秘书长', '处长', '庭长', '院长', '教务长', '局长', '厅长', '部长',
  '市长', '县长', '区长', '州长', '省长', '镇长', '乡长', '村长', '校长', '所长', '科长', '社长', '会长', '馆长',
  '行长', '董事长', '理事长', '总经理', '经理', '检察长', '审判长', '审判员', '法官', '检察官', '干部', '教师', '老师',
  '负责人', '组长', '队长', '站长', '主编', '总编辑', '专员', '巡视员', '调研员', '秘书', '干事', '理事', '总监', '总裁',
  '主任委员', '厂长', '团长', '政委', '司令员', '参谋长', '研究员', '教授', '讲师', '医师', '护士长', '主管', '班长', '职工',
  '党员', '工程师', '专家', '辅导员', '指导员', '园长', '台长', '监事长', '总会计师', '总工程师', '督学',
];
/** Qualifiers that belong to the position, not the unit: 原庭长, 党组副书记, 常务副主任. */
const POSITION_PREFIX = '(?:原|前|代理|常务副|常务|执行|党组副|党组|分党组副|分党组|党支部副|党支部|党委副|党委|党总支|机关党委|副)?';
export const POSITION_AT_END = new RegExp(`${POSITION_PREFIX}(?:${POSITION_WORDS.sort((a, b) => b.length - a.length).join('|')})$`);

const HAN = '[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]';
const GAP = '[ \\u3000\\u00a0]';
/**
 * A personal name: 2–4 Han; a two-character name padded to the width of three
 * with one to three spaces of any kind (`雷 杰`, `韩  延`, `张\u00a0\u00a0红`: papers
 * pad with U+00A0 or U+3000 as often as with ASCII spaces); or a transliterated
 * name whose parts are joined by `·`.
 */
const NAME = `${HAN}${GAP}{1,3}${HAN}|${HAN}{2,4}|${HAN}{1,8}(?:[·•・]${HAN}{1,8}){1,3}`;
const TRAILING_NAME = new RegExp(`^(.+?)(${GAP}{1,3})(${NAME})$`);
const PARENTHESIZED = new RegExp(`^(${NAME})[（(](.+)[）)]$`);
/** `（法国）罗 梁`: a country (or region) in brackets before the name, as foreign authors are printed. */
const COUNTRY_FIRST = new RegExp(`^[（(](${HAN}{2,8})[）)](${NAME})$`);
/** A line that is only a name. */
const BARE_NAME = new RegExp(`^(?:${NAME})$`);
/** Chinese numerals: `（一）加强领导` is a section, not a country and a name. */
const NUMERALS = /^[一二三四五六七八九十百零〇]+$/;
/**
 * The last character of most titles of office and trade that no list can
 * hold (演员, 导演, 主持人, 作家, 艺术家, 经济师, 研究员…). Only asked about the
 * bracketed part of `名（…）`, whose shape is evidence enough that the bracket
 * holds a position. Tuned on the two compilations of writers' and performers'
 * pieces of the People's Daily selection; checked on the artists' one.
 */
export const POSITION_LIKE_END = /[长员师家者手官演授席记任表委编监裁士人]$/;
/** Sentence punctuation never found inside a bracketed position (which may name a paper: `《文艺报》社总编辑`). */
const BRACKET_SENTENCE_PUNCT = /[。；！？：;!?:“”"]/;
/** Positions glued to a name, all Han but for a transliterated name's dots (`院长杰伊·某某`). */
const GLUED_CHUNK = new RegExp(`^${HAN}+(?:[·•・]${HAN}{1,8}){0,3}$`);
/** A transliterated name at the end: its first part is within the Han run before the first dot, the other parts follow it. */
const DOTTED_END = new RegExp(`(${HAN}+)((?:[·•・]${HAN}{1,8}){1,3})$`);
const TRAILING_HAN = new RegExp(`${HAN}+$`);
const isListedPosition = (text: string): boolean => POSITION_AT_END.test(text);
export const endsLikePosition = (text: string): boolean => POSITION_AT_END.test(text) || POSITION_LIKE_END.test(text);
const POSITION_ANYWHERE = new RegExp(`(?:${POSITION_WORDS.join('|')})`);
const SPACED_NAME = new RegExp(`^(.+)(${GAP}+)(\\S+)$`);
const TRAILING_PUNCT_CODES = new Set([...'。，、,.;；:：!！?？'].map((c) => c.charCodeAt(0)));
/** What a `strong` reading needs somewhere in the line: a gap before the name, or a parenthesis around the positions. */
const STRONG_MARK = /[ \u3000\u00a0（(]/;
/** Sentence punctuation never found inside a speaker line. */
const SENTENCE_PUNCT = /[。；！？：;!?:“”"《》]/;

/**
 * A label that names who wrote or speaks the piece, then `name（positions）` or
 * `positions+name`: `写信人：李某（演员）`. Not `收信人：` (the addressee), nor
 * `主持人：`/`记者：` (who asks). An interview's subtitle names the one
 * interviewed the same way: `——访某某研究院院长李某`; `——回访`, `——探访`
 * and `——追记` name whom a report is about, and `——访问` a visit.
 * The labels are the ones the People's Daily archive prints before a writer's
 * or narrator's name (2020-01/02: 写信人, 讲述人); 发言人, 作者 and 口述人 are the same use.
 */
const SPEAKER_LABEL = /^(?:(?:写信人|讲述人|发言人|口述人|作者)[：:]|(?:——|--)访(?!问))/;
/**
 * Last words of an organisation's name: a scholar signs with the institute
 * alone (`某某省文物考古研究院 某某某`). Taken only after a title and only when
 * the page prints every piece so (see layoutSpeakerStarts). Tuned on the
 * archaeology page of the People's Daily selection (研究院, 研究所, 考古院),
 * with the commonest other endings of institutions' names.
 */
const ORGANISATION_END = /(?:[院所局馆社]|中心|大学|学校|委员会|公司|协会|学会|集团|银行|办公室|基金会)$/;
const SPACE_INSIDE = /[ \u3000\u00a0]/;
/**
 * Particles and pronouns that make a clause, found in neither an organisation's
 * name nor a personal one: `我们参观了某某馆 很受启发` is a sentence with a gap.
 */
const CLAUSE_MARK = /[了着是把被很就也没我你他她们吗呢吧啊]/;
/** A photo credit (`某某摄`) under a caption ends like a name but names the photographer. */
const PHOTO_CREDIT = /摄$/;

/** Between positions: `、`, or a faulty `，`/`,` (global: `splitPositions` walks them). */
const JOINER = /[、，,]/g;
const JOINER_ONCE = /[、，,]/;

export type SpeakerStrength = 'strong' | 'weak';

/**
 * Reads `paragraph` as a speaker line. `strong` accepts only lines that are
 * unmistakably speaker lines (a position word, a separator, a name), so they can
 * mark where a speech starts; `weak` accepts any short line without sentence
 * punctuation, for the line right after a title.
 */
export function readSpeaker(paragraph: Paragraph, strength: SpeakerStrength): SpeakerNode | undefined {
  const base = paragraph.contentStart;
  let content = paragraph.content;
  if (content.length < 2 || content.length > 60) return undefined;
  // A label is evidence enough in either strength: it says the line names the speaker.
  const label = SPEAKER_LABEL.exec(content);
  if (label) return readLabelled(paragraph, label[0].length);
  // Most lines a strong reading is asked about are prose: turned away before any pattern runs.
  if (strength === 'strong' && !STRONG_MARK.test(content)) return undefined;
  let trailing: Piece | undefined;
  let kept = content.length;
  while (kept > 0 && TRAILING_PUNCT_CODES.has(content.charCodeAt(kept - 1))) kept--;
  if (kept < content.length) {
    trailing = { span: { start: base + kept, end: base + content.length }, text: content.slice(kept) };
    content = content.slice(0, kept);
  }
  if (BRACKET_SENTENCE_PUNCT.test(content) || /^[—\-]/.test(content) || content.length < 2) return undefined;

  const node: SpeakerNode = {
    paragraph,
    span: { start: base, end: paragraph.contentEnd },
    form: 'trailing-name',
    // Every field from the start (one hidden class for every speaker line, see scanLines).
    unit: undefined,
    positions: [],
    joiners: [],
    separator: undefined,
    name: undefined,
    trailing,
  };

  const paren = PARENTHESIZED.exec(content);
  if (paren) {
    const positions = paren[2].replace(/[，,、\s]+$/, '');
    // A bracket ending only like a position is taken on a clean line (`名（…护士）：` opens quoted
    // words) and without `·`, which joins a column's name to its series (`标题（专栏·系列名）`).
    if (POSITION_AT_END.test(positions) || (!trailing && !/[·•・]/.test(positions) && POSITION_LIKE_END.test(positions))) {
      node.form = 'parenthesized';
      node.name = makeName(paren[1], base);
      splitPositions(paren[2], base + paren[1].length + 1, node);
      return node;
    }
  }
  const country = COUNTRY_FIRST.exec(content);
  if (country && !NUMERALS.test(country[1])) {
    node.form = 'parenthesized';
    node.unit = { span: { start: base + 1, end: base + 1 + country[1].length }, text: country[1] };
    node.name = makeName(country[2], base + country[1].length + 2);
    return node;
  }

  if (SENTENCE_PUNCT.test(content)) return undefined;
  const m = TRAILING_NAME.exec(content);
  if (m && endsWithPosition(m[1])) {
    node.separator = { span: { start: base + m[1].length, end: base + m[1].length + m[2].length }, text: m[2] };
    node.name = makeName(m[3], base + m[1].length + m[2].length);
    splitPositions(m[1], base, node);
    return node;
  }
  if (strength === 'strong') return undefined;
  // A unit with no position (`某某研究所 张 某`): the unit, whole, is the speaker's; one unit, so no gap inside.
  if (m && ORGANISATION_END.test(m[1]) && !SPACE_INSIDE.test(m[1]) && !JOINER_ONCE.test(m[1]) && !CLAUSE_MARK.test(content) && !PHOTO_CREDIT.test(m[3])) {
    node.separator = { span: { start: base + m[1].length, end: base + m[1].length + m[2].length }, text: m[2] };
    node.name = makeName(m[3], base + m[1].length + m[2].length);
    node.unit = { span: { start: base, end: base + m[1].length }, text: m[1] };
    return node;
  }

  if (/^(?:[一二三四五六七八九十]+[、.．，]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．])/.test(content)) return undefined;
  if (content.length > 40 || (/[，,]/.test(content) && !POSITION_AT_END.test(content.split(/[，,]/)[0]))) return undefined;
  // No separator: the name may be glued to the last position (`主席胡国辉`).
  const glued = gluedNameStart(content, isListedPosition);
  if (glued >= 0) {
    node.name = makeName(content.slice(glued), base + glued);
    splitPositions(content.slice(0, glued), base, node);
    return node;
  }
  // Only a name: the name of a signed piece, its position left to a closing note. Not with a
  // final colon (`同志们：` opens a speech) and not a position alone (`党委书记`).
  if (!trailing && BARE_NAME.test(content) && !POSITION_AT_END.test(content)) {
    node.form = 'name-only';
    node.name = makeName(content, base);
    return node;
  }
  // `护士熊杰：` before a title: a position no list holds, the name glued on, told by the final colon.
  if (trailing && /^[：:]$/.test(trailing.text)) {
    const split = gluedName(content);
    if (split) {
      node.name = makeName(split[1], base + split[0].length);
      splitPositions(split[0], base, node);
      return node;
    }
  }
  const hasPosition = POSITION_ANYWHERE.test(content);
  // An odd separator, or a unit with no recognised position: still a speaker line if it ends in a short name.
  const spaced = SPACED_NAME.exec(content);
  if (spaced && (hasPosition || spaced[3].length <= 4)) {
    node.separator = { span: { start: base + spaced[1].length, end: base + spaced[1].length + spaced[2].length }, text: spaced[2] };
    node.name = makeName(spaced[3], base + spaced[1].length + spaced[2].length);
    splitPositions(spaced[1], base, node);
    return node;
  }
  if (!hasPosition) return undefined;
  // Positions and no name at all.
  splitPositions(content, base, node);
  return node;
}

/**
 * `label` then `name（positions）` or `positions+name` (the name glued on, as
 * labelled lines and interview subtitles print it: no separator is expected).
 * The label itself is neither unit nor position.
 */
function readLabelled(paragraph: Paragraph, labelLength: number): SpeakerNode | undefined {
  const rest = paragraph.content.slice(labelLength);
  if (BRACKET_SENTENCE_PUNCT.test(rest)) return undefined;
  const start = paragraph.contentStart + labelLength;
  const node: SpeakerNode = {
    paragraph,
    span: { start: paragraph.contentStart, end: paragraph.contentEnd },
    form: 'labelled',
    unit: undefined,
    positions: [],
    joiners: [],
    separator: undefined,
    name: undefined,
    trailing: undefined,
  };
  const paren = PARENTHESIZED.exec(rest);
  if (paren) {
    const positions = paren[2];
    if (!POSITION_AT_END.test(positions) && !POSITION_LIKE_END.test(positions)) return undefined;
    node.name = makeName(paren[1], start);
    splitPositions(positions, start + paren[1].length + 1, node);
    return node;
  }
  // Glued: the last chunk (after any `、`/`，`) is positions and a name, all Han but for a name's `·`.
  const lastJoiner = Math.max(rest.lastIndexOf('、'), rest.lastIndexOf('，'), rest.lastIndexOf(','));
  const split = gluedName(rest.slice(lastJoiner + 1));
  if (!split) return undefined;
  const cut = lastJoiner + 1 + split[0].length;
  node.name = makeName(split[1], start + cut);
  splitPositions(rest.slice(0, cut), start, node);
  return node;
}

/** `[positions, name]` of positions with the name glued on (`院长曲某某`, `护士熊某`, `院长杰伊·某某`). */
function gluedName(chunk: string): [string, string] | undefined {
  const at = GLUED_CHUNK.test(chunk) ? gluedNameStart(chunk) : -1;
  return at < 0 ? undefined : [chunk.slice(0, at), chunk.slice(at)];
}

/** Whether a chunk of positions names its own organisation: a listed position word after other text (`某法院党组成员`, not `党组书记`). */
function startsOrganisation(chunk: string): boolean {
  const pos = POSITION_AT_END.exec(chunk);
  return !!pos && pos.index > 0;
}

/**
 * Where a name glued to the positions before it starts, or -1: the one cutter of every reading
 * that meets `positions+name` with no separator (speaker lines, labelled lines, author lines after
 * a body). The name is taken from the Han run at the end (a transliterated name's first part is the
 * end of the run before its first dot). Names of three characters are tried first, as the
 * commonest, then two, four and five (a transliterated name's first part: two, three, four, one,
 * five, six); a listed position word before the name wins over an ending alone (`书记刘某`, not
 * `书` + `记刘某`). A cut is not taken when the name's first character would lengthen the position
 * (`副秘书|长某某` is `副秘书长|某某`, `著名演|员某某` is `著名演员|某某`).
 */
export function gluedNameStart(text: string, endsLike: (positions: string) => boolean = endsLikePosition): number {
  const dotted = DOTTED_END.exec(text);
  const run = dotted ? dotted[1].length : (TRAILING_HAN.exec(text)?.[0].length ?? 0);
  const tail = dotted ? dotted[2].length : 0;
  const lengths = dotted ? [2, 3, 4, 1, 5, 6] : [3, 2, 4, 5];
  for (const ends of endsLike === isListedPosition ? [isListedPosition] : [isListedPosition, endsLike]) {
    for (const n of lengths) {
      const start = text.length - tail - n;
      if (n > run || start < 2) continue;
      if (ends(text.slice(0, start)) && !ends(text.slice(0, start + 1))) return start;
    }
  }
  return -1;
}

/** Whether the last of the `、`/`，`/`,`-separated chunks of `prefix` ends in a position word. */
function endsWithPosition(prefix: string): boolean {
  const last = Math.max(prefix.lastIndexOf('、'), prefix.lastIndexOf('，'), prefix.lastIndexOf(','));
  return POSITION_AT_END.test(prefix.slice(last + 1).trim());
}

export function makeName(text: string, start: number): Piece & { value: string } {
  return { span: { start, end: start + text.length }, text, value: text.replace(/[ \u3000\u00a0]/g, '') };
}

/**
 * Splits `unit+positions` at `、` (or a faulty `，`/`,`) and peels the unit off
 * the first position. A `，` before another organisation's positions
 * (`某学会副会长，某法院党组成员、副院长`) is how the People's Daily prints
 * several offices, not a fault: it splits the positions but is no joiner.
 */
export function splitPositions(text: string, start: number, node: SpeakerNode): void {
  JOINER.lastIndex = 0;
  let at = 0;
  const chunks: Piece[] = [];
  for (let m = JOINER.exec(text); ; m = JOINER.exec(text)) {
    const end = m ? m.index : text.length;
    chunks.push({ span: { start: start + at, end: start + end }, text: text.slice(at, end) });
    if (!m) break;
    if (m[0] !== '，' || !startsOrganisation(text.slice(m.index + 1).split(JOINER_ONCE)[0])) {
      node.joiners.push({ span: { start: start + m.index, end: start + m.index + 1 }, text: m[0] });
    }
    at = m.index + 1;
  }
  const first = chunks[0];
  const pos = POSITION_AT_END.exec(first.text);
  if (pos && pos.index > 0) {
    node.unit = { span: { start: first.span.start, end: first.span.start + pos.index }, text: first.text.slice(0, pos.index) };
    chunks[0] = { span: { start: first.span.start + pos.index, end: first.span.end }, text: pos[0] };
  }
  node.positions = chunks.filter((c) => c.text.length > 0);
}
