/**
 * `broken-paragraph`: a paragraph that stops mid-sentence and goes on in the
 * next one — where a printed page or column ended (`……构建“学习+知情……”的` /
 * `“1+4”学习格局……`). The fix joins the two: it deletes the line break, any
 * blank lines and the next paragraph's indentation.
 *
 * A paragraph without closing punctuation is only a candidate: published text
 * is full of them (bold summaries and closing lines print without their final
 * `。`, headings and verse have none), and a paragraph that merely lacks its
 * stop is a different fault. The rule reports a candidate only on evidence
 * that the next paragraph continues its sentence: in the marks and lengths
 * (`continuesByLayout`: the paragraph ends on a comma, the next one opens on a
 * mark that only follows words or with a fragment too short to be a sentence,
 * a number is cut from its measure word), or in the words (`continuesByWords`:
 * the break falls inside a word, the paragraph ends on a word that cannot end a
 * sentence or inside a frame (`即使…`) that has not reached its main clause, the
 * next one starts with a word that cannot start one, or finishes a parallel
 * pair or a predicate left open). Without a segmenter the layout alone decides.
 *
 * Candidates: both paragraphs are body text of the same speech with nothing
 * but whitespace between them (no comment line). The first ends on `，` or
 * `、`, or else on a Han character, a letter or digit or an opening bracket or
 * quote while reading as prose: it holds a sentence end or a `；`, or is longer
 * than any heading (40 characters). A section heading standing alone in its paragraph,
 * an unnumbered sub-heading and a bulleted line are never broken; nor lines of
 * verse, nor, in an article (no speaker line), the bold summary that opens it
 * or a couplet. The second must not open a section or an item (`二、` `（一）`
 * `一是`), must start like the rest of a sentence and must not be a reporter's
 * credit (`本报记者 王云娜整理`). A paragraph ending in a closing quote or
 * bracket may or may not be complete, so it is left alone.
 */
import type { Paragraph, Section, Speech } from '../../model';
import { isCredit } from '../../parse/closing';
import type { Rule, Segmenter } from '../../rule';
import { isHanAt, isHanCode } from '../../text/chars';

/** Longer than this, a line without a sentence end is still prose, not a heading. */
const HEADING_MAX = 40;

/** Marks that join a clause to what follows: a paragraph ending on one is never a heading. */
const JOINING_ENDINGS = '，、,';
/** Opening marks: the quoted or bracketed words are still to come. */
const OPENING_ENDINGS = '“‘《（【〈(';

/** Marks that can only go on with a sentence already begun. */
const CONTINUATION_MARKS = '，、。；：！？”’》）】〉';
/** Marks a sentence's continuation may start with, besides Han characters, letters and digits. */
const CONTINUATION_STARTS = `“‘《（【〈(${CONTINUATION_MARKS}`;

const isAsciiAlnum = (code: number): boolean => (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
const isAsciiDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;

/** Where the last character of `text` starts (a surrogate pair counts as one). */
function lastCharStart(text: string): number {
  const last = text.length - 1;
  const code = text.charCodeAt(last);
  return code >= 0xdc00 && code <= 0xdfff && last > 0 ? last - 1 : last;
}

/** Whether the paragraph stops mid-sentence: after a comma, or on a word or opening mark in a paragraph that cannot be a heading. */
function endsMidSentence(content: string): boolean {
  const at = lastCharStart(content);
  const last = content[at];
  if (JOINING_ENDINGS.includes(last)) return true;
  if (!isHanAt(content, at) && !isAsciiAlnum(content.charCodeAt(at)) && !OPENING_ENDINGS.includes(last)) return false;
  return /[。！？；]/.test(content) || longerThan(content, HEADING_MAX);
}

/** Whether `text` holds more than `n` characters (a surrogate pair counts as one), counting no further than needed. */
function longerThan(text: string, n: number): boolean {
  // A character takes one or two code units.
  if (text.length <= n) return false;
  if (text.length > 2 * n) return true;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    if (++count > n) return true;
  }
  return false;
}

function startsContinuation(content: string): boolean {
  return isHanAt(content, 0) || isAsciiAlnum(content.charCodeAt(0)) || CONTINUATION_STARTS.includes(content[0]);
}

/** Bullets that open a run-in heading (`●增加中美农业合作…`): such a line is a heading whatever its ending. */
const BULLETS = '●○■□◆◇▲△★☆◎•';

/**
 * Longest line of verse or a slogan couplet, in characters. Tuned against the
 * People's Daily archive of January–February 2020: cartoon captions print
 * 5- to 9-character lines (`村村通公路，` / `来把群山度。`), poems 5 to 10
 * (`为武汉忧心，` / `为湖北担心，` / `为疫情中的人们焦心。`), hanging
 * couplets 13 to 14 (`巨龙出海腾万里，布雨五洲，` / `润山川草木`); the
 * seed's broken paragraphs run 32 to 320 characters.
 */
const VERSE_MAX = 16;

/**
 * Two short lines of the same length, the first ending on a comma: in an article a couplet, not a
 * paragraph cut in two. In a speech with a speaker line two such lines may be one sentence cut in
 * two; there, verse takes a run of three (`isVerse`).
 */
function isCouplet(p: string, q: string): boolean {
  return !longerThan(p, VERSE_MAX) && p.length === q.length && /[，,]$/.test(p);
}

/** A line of verse: body text, short, with no sentence end but at its close. */
function isVerseLine(x: Paragraph | undefined): boolean {
  if (x === undefined || x.role !== 'body' || longerThan(x.content, VERSE_MAX)) return false;
  const end = x.content.search(/[。！？]/);
  return end < 0 || end >= lastCharStart(x.content);
}

/**
 * Whether `p` and `q` are lines of verse, in a run of at least three (the line before `p` or the
 * one after `q` is verse too). Two short lines alone (`我们坚持学习，` / `推动工作落实。`) may
 * still be one sentence cut in two.
 */
function isVerse(before: Paragraph | undefined, p: Paragraph, q: Paragraph, after: Paragraph | undefined): boolean {
  return isVerseLine(p) && isVerseLine(q) && (isVerseLine(before) || isVerseLine(after));
}

// --- Evidence that the next paragraph continues the sentence ---

/** How many characters of each side the segmenter reads: words that matter are 1–4 long, and a few more decide their cut. */
const WINDOW = 6;

/**
 * Words that cannot end a sentence, as the segmenter cuts them: structural particles, prepositions and
 * coverbs, conjunctions, adverbs that only modify what follows, the copula and verbs whose object is a
 * clause or a list, demonstratives without their noun. Content words (verbs, nouns, adjectives) are
 * left out: any of them may end a sentence whose stop is missing; so are words that are also one
 * (`在` in `初心还在`, `对` in `你说的对`, `正` in `守正`, `依据` and `通过` as noun and verb, `很` in
 * `热得很`, classical `也`): the People's Daily archive of January–February 2020 ends about 40 of
 * its 100,000 sentences on a word left here, nearly all words the dictionary lacks (`占比` cut
 * `占/比`) and verse. `的` and `地` are tested apart (`isAttributive`, `isAdverbial`).
 */
const CANNOT_END = new Set([
  '得',
  '把', '被', '将', '向', '从', '以', '为', '给', '由', '于', '按', '比', '跟', '同', '往', '朝', '自', '让', '使', '令',
  '按照', '依照', '根据', '经过', '关于', '对于', '围绕', '随着', '为了', '除了', '沿着',
  '和', '与', '及', '或', '并', '而', '且', '但', '以及', '并且', '而且', '或者', '但是', '从而', '进而', '然而', '因为', '所以',
  '因此', '如果', '虽然', '只要', '只有', '不仅', '不但', '尽管', '无论', '不论', '即使', '哪怕', '既',
  '都', '就', '才', '太', '再', '又', '已', '更', '最', '不', '均', '皆', '仍', '却', '便', '亦', '乃', '即',
  '已经', '正在', '必须', '更加', '非常', '十分',
  '这个', '那个', '这些', '那些', '这种', '那种', '这位', '那位', '每个', '各个', '该', '每', '各',
  '是', '包括', '成为', '比如', '例如', '譬如', '诸如', '就是', '便是', '乃是', '正是', '也是', '都是', '称为', '叫做',
]);

/** Words that cannot start a sentence: particles that only follow a word (`了`, `的`, `着`), as the segmenter cuts them. */
const CANNOT_START = new Set(['的', '了', '着', '之', '及', '吗', '呢', '吧']);

/** Longest fragment, in characters, that the next paragraph may open with (`精神。`, `委员提案。`): no sentence of the genre is that short but a greeting, which ends on `！`. */
const FRAGMENT_MAX = 4;

/** The run of Han characters (Basic Multilingual Plane) that ends `text`, at most `WINDOW` long. */
function hanTail(text: string): string {
  let i = text.length;
  while (i > 0 && text.length - i < WINDOW && isHanCode(text.charCodeAt(i - 1))) i--;
  return text.slice(i);
}

/** The run of Han characters that starts `text`, at most `WINDOW` long. */
function hanHead(text: string): string {
  let i = 0;
  while (i < text.length && i < WINDOW && isHanCode(text.charCodeAt(i))) i++;
  return text.slice(0, i);
}

/**
 * `地` after a word of two characters or more is the adverbial particle (`旗帜鲜明地`), which wants
 * its verb; after one character it ends a place (`北京、上海等地`, `用武之地`, `三亩地`).
 */
function isAdverbial(beforeLast: string | undefined): boolean {
  return beforeLast !== undefined && beforeLast.length > 1;
}

/** `的` ending a clause that holds `是` is the 是…的 frame (`是完全行得通的`), which ends a sentence; any other `的` wants its noun. */
function isAttributive(p: string): boolean {
  const clauseStart = Math.max(p.lastIndexOf('，'), p.lastIndexOf('。'), p.lastIndexOf('；'), p.lastIndexOf('：'), p.lastIndexOf('！'), p.lastIndexOf('？'));
  return !p.includes('是', clauseStart + 1);
}

/**
 * The first clauses of `q` are a parallel pair whose first half lost its opening word to `p`
 * (`引导委员多` / `建肺腑之言，多献务实之策。`): the second clause opens with `p`'s last word,
 * and that word and the first clause together are as long as the second.
 */
function finishesParallel(lastWord: string, q: string): boolean {
  // The halves of a parallel pair are short: no need to look further into a long paragraph.
  const opening = q.slice(0, 4 * WINDOW);
  const comma = opening.indexOf('，');
  if (comma < 1) return false;
  const first = opening.slice(0, comma);
  const rest = opening.slice(comma + 1);
  const second = rest.slice(0, rest.search(/[，。；！？：]|$/));
  return second.startsWith(lastWord) && !first.startsWith(lastWord) && Math.abs(lastWord.length + first.length - second.length) <= 1;
}

/**
 * Words that open a paragraph as a clause of their own (`当前，` `此外，`): time words and
 * connectives, a closed class. Tuned against the People's Daily archive of January–February 2020,
 * where they are nearly all the one-word clauses that open a paragraph after one whose stop is missing.
 */
const OPENERS = new Set([
  '同时', '此外', '另外', '当然', '其实', '然而', '不过', '但是', '可是', '因此', '所以', '于是', '为此', '对此', '首先', '其次',
  '再次', '最后', '总之', '比如', '例如', '其中', '如今', '现在', '目前', '当前', '眼下', '近日', '日前', '最近', '过去', '今天',
  '今年', '去年', '随后', '后来', '此后', '此前', '原来', '接着', '然后', '一方面', '另一方面', '与此同时', '事实上', '实际上',
  '显然', '确实', '的确', '同样', '相反', '可见', '看来', '据悉', '据介绍', '据了解', '据统计', '当时', '那时', '这时', '此时',
]);
/** A time word by its last character (`近年来`, `不久前`, `春节期间`, `岁末年初`). */
const TIME_ENDINGS = '来前后时间期初末底';

/** Adverbs that lean on a subject already given (`既严格要求`, `也要看到`): a clause opening with one has none of its own. */
const SUBJECTLESS = new Set(['既', '又', '也', '还', '都', '就', '才', '并', '更', '再', '却', '均', '仍', '亦', '皆', '便']);

/**
 * `q` opens with a lone word and a comma, and the clause after it has no subject of its own
 * (`全面能力` / `培养，既严格要求，又体恤冷暖`): the lone word ends the predicate `p` began,
 * unless it is a time word or connective, which open a paragraph that way (`同时，也要看到`).
 */
function finishesPredicate(segmenter: Segmenter, word: string, rest: string): boolean {
  if (OPENERS.has(word) || TIME_ENDINGS.includes(word[word.length - 1])) return false;
  const next = hanHead(rest);
  return next.length > 0 && SUBJECTLESS.has(segmenter.cut(next)[0]);
}

/** Conjunctions and prepositions that open a subordinate clause or frame: the sentence goes on to its main clause after a comma. */
const FRAME_OPENERS = new Set([
  '随着', '即使', '即便', '虽然', '尽管', '如果', '假如', '倘若', '无论', '不论', '不管', '哪怕', '既然', '一旦', '为了', '除了',
]);

/** The adverbs that open the main clause after a frame when no comma does (`即使是偏远地区也不例外`). */
const MAIN_CLAUSE = /[也都还就才却但仍便又]/;

/**
 * `p`'s last sentence opens a frame and has not yet reached its main clause, neither a comma nor
 * an adverb that opens one (`即使在中国` / `疫情防控工作取得……的情况下，`).
 */
function opensFrame(segmenter: Segmenter, p: string): boolean {
  const sentence = p.slice(Math.max(p.lastIndexOf('。'), p.lastIndexOf('！'), p.lastIndexOf('？'), p.lastIndexOf('；')) + 1);
  // Every opener is two characters long: the segmenter runs only to confirm one is a word of its own here.
  if (!FRAME_OPENERS.has(sentence.slice(0, 2)) || /[，,：]/.test(sentence) || MAIN_CLAUSE.test(sentence.slice(2))) return false;
  return segmenter.cut(hanHead(sentence))[0] === sentence.slice(0, 2);
}

/** Whether `q` opens with a sentence of at most `FRAGMENT_MAX` Han characters closed by `。` or `；`. */
function opensWithFragment(q: string): boolean {
  const head = hanHead(q);
  return head.length > 0 && head.length <= FRAGMENT_MAX && (q[head.length] === '。' || q[head.length] === '；');
}

/** Evidence in the marks and lengths alone that `q` goes on with the sentence `p` breaks off. */
function continuesByLayout(p: string, q: string): boolean {
  if (JOINING_ENDINGS.includes(p[p.length - 1])) return true;
  if (CONTINUATION_MARKS.includes(q[0])) return true;
  // A number cut from its measure word or unit (`每年督办1-2` / `件委员提案`).
  if (isAsciiDigit(p.charCodeAt(p.length - 1)) && isHanCode(q.charCodeAt(0))) return true;
  return opensWithFragment(q);
}

/**
 * How many candidates of one speech the segmenter weighs. A cut costs tens of microseconds, so a
 * pasted text of a hundred thousand lines, each without its stop, would hold the check for seconds;
 * a speech has a few dozen such paragraphs at most (the seed compilation, with its fourteen breaks,
 * has 12 that need words; the People's Daily archive of January–February 2020, 207 in 4,255 texts).
 * Past the bound, only the layout's evidence counts.
 */
const MAX_WEIGHED = 1000;

/** Evidence in the words: `p`'s last ones, `q`'s first ones, and how the segmenter cuts them together. */
function continuesByWords(p: string, q: string, segmenter: Segmenter): boolean {
  if (opensFrame(segmenter, p)) return true;
  const tail = hanTail(p);
  if (tail.length === 0) return false;
  const head = hanHead(q);
  // One cut of both sides. Where its most probable route breaks at the paragraph break, the words
  // on each side are that side's own most probable cut, as the route's score is a sum over words.
  const words = segmenter.cut(tail + head);
  let i = 0;
  let at = 0;
  while (at < tail.length && i < words.length) at += words[i++].length;
  // A word cut in two: a word across the break.
  if (at > tail.length) return true;
  // (A segmenter whose words do not make up its input tells nothing.)
  if (at < tail.length) return false;
  const lastWord = words[i - 1];
  if (CANNOT_END.has(lastWord) || (lastWord.length > 1 && lastWord.endsWith('于'))) return true;
  if (lastWord === '的' && isAttributive(p)) return true;
  if (lastWord === '地' && isAdverbial(words[i - 2])) return true;
  if (finishesParallel(lastWord, q)) return true;
  const firstWord = words[i];
  if (head.length === 0 || firstWord === undefined) return false;
  if (CANNOT_START.has(firstWord)) return true;
  const lone = firstWord.length === head.length && q[head.length] === '，';
  return lone && finishesPredicate(segmenter, firstWord, q.slice(head.length + 1, head.length + 1 + WINDOW));
}

/** Offsets where a section or item marker starts, and the paragraphs that are nothing but a section heading or are an unnumbered sub-heading. */
function markersOf(speech: Speech): { markerStarts: Set<number>; headingOnly: Set<Paragraph> } {
  const markerStarts = new Set<number>();
  const headingOnly = new Set<Paragraph>();
  for (const run of speech.itemRuns) for (const item of run.items) markerStarts.add(item.span.start);
  for (const h of speech.headings) headingOnly.add(h.paragraph);
  const visit = (section: Section): void => {
    markerStarts.add(section.marker.span.start);
    if (!section.heading.terminated) headingOnly.add(section.paragraphs[0]);
    for (const h of section.headings) headingOnly.add(h.paragraph);
    for (const run of section.itemRuns) for (const item of run.items) markerStarts.add(item.span.start);
    section.children.forEach(visit);
  };
  speech.sections.forEach(visit);
  return { markerStarts, headingOnly };
}

export const rule: Rule = {
  meta: {
    id: 'broken-paragraph',
    category: 'text',
    defaultSeverity: 'warning',
    description: {
      zh: '段落在句子中间断开，下一段接续本句',
      en: 'A paragraph breaks off mid-sentence and the next paragraph continues it',
    },
    messages: {
      broken: { zh: '段落在句中断开，应与下一段合并', en: 'Paragraph breaks off mid-sentence; join it with the next one' },
    },
    // Joining lines changes how the text is divided.
    fixable: 'edit',
  },
  check(ctx) {
    const { text } = ctx.doc;
    const { segmenter } = ctx.services;
    for (const speech of ctx.doc.speeches) {
      // Few paragraphs get past the tests on their own words: the speech's markers are gathered for those only.
      let markers: ReturnType<typeof markersOf> | undefined;
      const ps = speech.paragraphs;
      let firstBody = true;
      // An author named only after the body (`（作者为…）`) leaves the piece laid out as an article.
      const article = !speech.speaker || speech.speaker.form === 'closing';
      let weighed = 0;
      for (let i = 0; i + 1 < ps.length; i++) {
        const p = ps[i];
        const q = ps[i + 1];
        if (p.role !== 'body') continue;
        // In an article (no speaker line), the first body paragraph without a stop is the summary papers
        // print in bold under the title: it is broken only if the next one opens on a mark that goes on with it.
        const lead = firstBody && article;
        firstBody = false;
        if (q.role !== 'body') continue;
        if (!endsMidSentence(p.content) || !startsContinuation(q.content)) continue;
        if (lead && !CONTINUATION_MARKS.includes(q.content[0])) continue;
        if (BULLETS.includes(p.content[0]) || (article && isCouplet(p.content, q.content))) continue;
        // A reporter's credit under a told piece (`本报记者 某某整理`) is a line of its own.
        if (isVerse(ps[i - 1], p, q, ps[i + 2]) || isCredit(q)) continue;
        markers ??= markersOf(speech);
        if (markers.headingOnly.has(p) || markers.markerStarts.has(q.contentStart)) continue;
        if (text.slice(p.contentEnd, q.contentStart).trim() !== '') continue;
        // Last, as it alone may run the segmenter. Without one (a build missing its word list; the
        // CLI and the server lend one) no word can be weighed, and the layout alone decides, as
        // before the rule asked for evidence.
        if (segmenter && !continuesByLayout(p.content, q.content) && (++weighed > MAX_WEIGHED || !continuesByWords(p.content, q.content, segmenter))) continue;
        ctx.report({
          span: { start: p.contentStart + lastCharStart(p.content), end: p.contentEnd },
          messageId: 'broken',
          fix: [{ span: { start: p.contentEnd, end: q.contentStart }, text: '' }],
        });
      }
    }
  },
};
