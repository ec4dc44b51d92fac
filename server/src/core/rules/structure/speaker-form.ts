/**
 * The speaker line: `单位职务、职务 姓名`. Checks what the parser found: the
 * name glued to the position, positions joined by a comma, a name that is
 * not a personal name's shape, punctuation at the end.
 */
import type { Rule } from '../../rule';
import { isHanAt } from '../../text/chars';

/** Dots used in transliterated names (`买买提·艾力`); the parser accepts the same three. */
const NAME_DOT = /[·•・]/;

export const rule: Rule = {
  meta: {
    id: 'speaker-form',
    category: 'structure',
    defaultSeverity: 'warning',
    description: {
      zh: '发言人行格式不规范：姓名前缺空格、职务间用逗号、姓名不是2至4个汉字、末尾有标点',
      en: 'Speaker line malformed: no space before the name, positions joined by commas, a name that is not 2–4 Han characters, trailing punctuation',
    },
    messages: {
      noSeparator: {
        zh: '职务与姓名“{name}”之间应空一格',
        en: 'Put a space between the position and the name "{name}"',
      },
      joiner: {
        zh: '职务之间应用顿号“、”，不用“{joiner}”',
        en: 'Join positions with "、", not "{joiner}"',
      },
      nameShape: {
        zh: '姓名“{name}”应为2至4个汉字',
        en: 'The name "{name}" should be 2 to 4 Han characters',
      },
      trailing: {
        zh: '发言人行末尾不应有标点“{punct}”，应删去',
        en: 'A speaker line should not end in punctuation: delete "{punct}"',
      },
    },
    // A speaker line is the parser's guess; its spacing and joiners may be deliberate.
    fixable: 'edit',
  },
  check(ctx) {
    for (const { speaker } of ctx.doc.speeches) {
      // An author line after the body has its own house style (glued names, several signers, `，`).
      if (!speaker || speaker.form === 'closing') continue;
      const { name } = speaker;
      if (name && speaker.form === 'trailing-name' && !speaker.separator) {
        // The parser only splits a glued name off after a position word, so the boundary is known.
        const at = { start: name.span.start, end: name.span.start };
        ctx.report({ span: name.span, messageId: 'noSeparator', data: { name: name.text }, fix: [{ span: at, text: ' ' }] });
      }
      for (const joiner of speaker.joiners) {
        if (joiner.text === '、') continue;
        ctx.report({ span: joiner.span, messageId: 'joiner', data: { joiner: joiner.text }, fix: [{ span: joiner.span, text: '、' }] });
      }
      if (name && !isPersonalName(name.value)) {
        ctx.report({ span: name.span, messageId: 'nameShape', data: { name: name.text } });
      }
      // Without a name the parser may have taken a short sentence after a title for a speaker line.
      if (speaker.trailing && name) {
        const { span, text } = speaker.trailing;
        ctx.report({ span, messageId: 'trailing', data: { punct: text }, fix: [{ span, text: '' }] });
      }
    }
  },
};

/** 2–4 Han characters, or Han parts joined by a name dot (any length). */
function isPersonalName(value: string): boolean {
  const parts = value.split(NAME_DOT);
  if (!parts.every((part) => part.length > 0 && [...part].every((ch) => isHanAt(ch, 0)))) return false;
  if (parts.length > 1) return true;
  const length = [...value].length;
  return length >= 2 && length <= 4;
}
