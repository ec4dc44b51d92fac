/**
 * The heading hierarchy below level 1: a `（一）`, `1.` or `（1）` needs a
 * shallower heading above it, and under each parent each level counts 1, 2, 3…
 * afresh. (Skipping a level under a parent — `1.` right under `一、` — is
 * allowed by GB/T 9704 practice and not reported.)
 *
 * A quoted regulation numbers its clauses `（一）（二）…` afresh under each
 * article (`第十条 …：`), a body paragraph rather than a heading: a paragraph
 * opening with `第N条` before a heading restarts its level's count, and gives
 * a `（一）` before the first `一、` the parent it needs.
 */
import type { Section } from '../../model';
import type { Rule, RuleContext } from '../../rule';
import { formatChineseNumber } from '../../text/numerals';
import { renumbered } from './renumber';

/** A paragraph opening with an article number of a regulation (`第十条`, `第二十一条`). */
const ARTICLE = /(?:^|\n)[ \t\u3000]*第[一二三四五六七八九十百零〇\d]+条/;

const articleBetween = (text: string, from: number, to: number): boolean => ARTICLE.test(text.slice(from, to));

export const rule: Rule = {
  meta: {
    id: 'heading-levels',
    category: 'structure',
    defaultSeverity: 'warning',
    description: {
      zh: '标题层次混乱：下级标题前没有上级标题，或二至四级标题跳号、重号、换了上级未从1重新编号',
      en: 'Heading hierarchy broken: a lower-level heading with no parent, or level 2–4 numbers with a gap, a repeat, or not restarting under a new parent',
    },
    messages: {
      noParent: {
        zh: '“{marker}”之前没有上一级标题，应先用“一、”',
        en: '"{marker}" has no higher-level heading above it: start with "一、"',
      },
      numbering: {
        zh: '此处{levelZh}级标题序号应为“{expected}”，现为“{found}”',
        en: 'This level-{level} heading should be numbered "{expected}", found "{found}"',
      },
    },
    fixable: false,
  },
  check(ctx) {
    for (const speech of ctx.doc.speeches) {
      // Sections hang under the nearest shallower open section, so a top-level
      // section deeper than level 1 can only come before the first `一、`: report that run once.
      const orphan = speech.sections[0];
      if (orphan && orphan.level > 1 && !articleBetween(ctx.doc.text, speech.span.start, orphan.marker.span.start)) {
        ctx.report({ span: orphan.marker.span, messageId: 'noParent', data: { marker: orphan.marker.text } });
      }
      checkChildren(ctx, speech.sections);
    }
  },
};

/** Numbering of levels 2–4 among siblings, level by level; then down the tree. */
function checkChildren(ctx: RuleContext, siblings: readonly Section[]): void {
  if (siblings.length === 0) return;
  for (const level of [2, 3, 4] as const) {
    let expected = 0;
    let previous = -1;
    for (const { level: at, marker } of siblings) {
      if (at !== level) continue;
      if (previous >= 0 && articleBetween(ctx.doc.text, previous, marker.span.start)) expected = 0;
      previous = marker.span.start;
      expected++;
      if (marker.number === expected) continue;
      ctx.report({
        span: marker.span,
        messageId: 'numbering',
        data: { level, levelZh: formatChineseNumber(level), expected: renumbered(marker, expected), found: marker.text },
      });
    }
  }
  for (const s of siblings) checkChildren(ctx, s.children);
}
