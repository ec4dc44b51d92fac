/**
 * Titles (the compilation's and each speech's) carry no terminal punctuation,
 * stay short, and use full-width punctuation inside. Subtitles (`——…`) are
 * checked for terminal punctuation only: they are a different form, often long.
 */
import type { TitleNode } from '../../model';
import type { Rule, RuleContext } from '../../rule';
import { countVisibleChars } from '../../stats';

const MAX_TITLE_CHARS = 40;
const TRAILING_PUNCTUATION = /[。，、；：！？.,;:!?]+$/;
/** Half-width punctuation; a `.` between digits (`2.0`) is a decimal point, not punctuation. */
const HALF_WIDTH = /[,;:?!()"]|(?<!\d)\.|\.(?!\d)/g;
const HAS_HALF_WIDTH = /[,;:?!()".]/;

export const rule: Rule = {
  meta: {
    id: 'title-form',
    category: 'structure',
    defaultSeverity: 'warning',
    description: {
      zh: '标题末尾有标点、超过40字或含半角标点',
      en: 'A title ends in punctuation, is longer than 40 characters, or holds half-width punctuation',
    },
    messages: {
      trailing: {
        zh: '标题末尾不应有标点“{punct}”，应删去',
        en: 'A title should not end in punctuation: delete "{punct}"',
      },
      tooLong: {
        zh: '标题共{count}字，超过{max}字，宜精简',
        en: 'Title is {count} characters long, over {max}: shorten it',
      },
      halfWidth: {
        zh: '标题中有半角标点{chars}，应改用全角标点',
        en: 'Title holds half-width punctuation {chars}: use the full-width forms',
      },
    },
    // A plain-text title is the parser's guess; its last mark may end a sentence.
    fixable: 'edit',
  },
  check(ctx) {
    const { doc } = ctx;
    // Runs once per speech of a compilation: no arrays gathered for the one or two titles each part holds.
    if (doc.title) checkTitle(ctx, doc.title);
    for (const { title } of doc.speeches) if (title) checkTitle(ctx, title);
    if (doc.subtitle) checkTrailing(ctx, doc.subtitle);
    for (const { subtitle } of doc.speeches) if (subtitle) checkTrailing(ctx, subtitle);
  },
};

/** Reports trailing punctuation; returns where the title's words end. */
function checkTrailing(ctx: RuleContext, title: TitleNode): number {
  const m = TRAILING_PUNCTUATION.exec(title.text);
  if (!m) return title.text.length;
  const span = { start: title.span.start + m.index, end: title.span.end };
  ctx.report({ span, messageId: 'trailing', data: { punct: m[0] }, fix: [{ span, text: '' }] });
  return m.index;
}

function checkTitle(ctx: RuleContext, title: TitleNode): void {
  const wordsEnd = checkTrailing(ctx, title);
  const count = countVisibleChars(title.text);
  if (count > MAX_TITLE_CHARS) {
    ctx.report({ span: title.span, messageId: 'tooLong', data: { count, max: MAX_TITLE_CHARS } });
  }
  // Trailing punctuation is its own finding; only look before it.
  const words = title.text.slice(0, wordsEnd);
  // Nearly every title holds no half-width mark.
  if (!HAS_HALF_WIDTH.test(words)) return;
  const found = [...words.matchAll(HALF_WIDTH)];
  if (found.length > 0) {
    const first = found[0].index;
    const last = found[found.length - 1].index + 1;
    const chars = [...new Set(found.map((m) => m[0]))].map((c) => `“${c}”`).join('');
    ctx.report({ span: { start: title.span.start + first, end: title.span.start + last }, messageId: 'halfWidth', data: { chars } });
  }
}
