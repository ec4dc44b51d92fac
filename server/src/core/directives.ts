/**
 * Inline control comments in a draft:
 *   <!-- speechlint-disable [ids] -->        off from here on (no ids: every rule)
 *   <!-- speechlint-enable [ids] -->         back on from here on
 *   <!-- speechlint-disable-next-line [ids] --> off for the next line that has text
 * and the same in a plain-text draft's form, `// speechlint-disable [ids]` and so on.
 * Comment lines are not paragraphs, so no rule ever sees them.
 */
import type { SpeechDocument, TextSpan } from './model';
import type { LocalizedText } from './rule';
import { findRule } from './rules';

export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line';
  /** Rule ids named; empty means every rule. */
  ids: string[];
  /** Where each of `ids` is written, in the same order. */
  idSpans: TextSpan[];
  line: number;
  /** The whole comment line. */
  span: TextSpan;
}

const DIRECTIVE = /^speechlint-(disable-next-line|disable|enable)(?:\s+(.*))?$/;
const ID = /[^\s,，]+/g;

export function readDirectives(doc: SpeechDocument): Directive[] {
  const out: Directive[] = [];
  for (const c of doc.comments) {
    const m = DIRECTIVE.exec(c.body);
    if (!m) continue;
    const lineText = doc.text.slice(c.span.start, c.span.end);
    // The body is the trimmed inside of the comment, so its first occurrence after the opener is the body itself.
    const opener = /<!--|\/\//.exec(lineText);
    const bodyStart = c.span.start + lineText.indexOf(c.body, opener ? opener.index + opener[0].length : 0);
    const idsText = m[2] ?? '';
    const idsStart = bodyStart + c.body.length - idsText.length;
    const ids: string[] = [];
    const idSpans: TextSpan[] = [];
    for (const id of idsText.matchAll(ID)) {
      ids.push(id[0]);
      idSpans.push({ start: idsStart + id.index, end: idsStart + id.index + id[0].length });
    }
    out.push({ kind: m[1] as Directive['kind'], ids, idSpans, line: c.line, span: c.span });
  }
  return out;
}

export interface DirectiveProblem {
  span: TextSpan;
  message: LocalizedText;
}

/** Rule ids in control comments that name no rule: a typo there would silently silence nothing. */
export function directiveProblems(directives: readonly Directive[]): DirectiveProblem[] {
  const out: DirectiveProblem[] = [];
  for (const d of directives) {
    d.ids.forEach((id, i) => {
      if (findRule(id)) return;
      out.push({
        span: d.idSpans[i],
        message: { zh: `未知的规则“${id}”，此注释对它不起作用`, en: `Unknown rule "${id}": this comment has no effect on it` },
      });
    });
  }
  return out;
}

/** A predicate telling whether a finding of `ruleId` starting on `line` is silenced. */
export function suppression(doc: SpeechDocument, directives: readonly Directive[]): (ruleId: string, line: number) => boolean {
  if (directives.length === 0) return () => false;
  const ps = doc.paragraphs;
  const nextTextLine = (line: number): number => {
    let lo = 0;
    let hi = ps.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ps[mid].line > line) hi = mid;
      else lo = mid + 1;
    }
    return lo < ps.length ? ps[lo].line : -1;
  };
  const nextLine = new Map<number, Directive[]>();
  for (const d of directives) {
    if (d.kind !== 'disable-next-line') continue;
    const target = nextTextLine(d.line);
    if (target >= 0) nextLine.set(target, [...(nextLine.get(target) ?? []), d]);
  }
  const regions = directives.filter((d) => d.kind !== 'disable-next-line');
  return (ruleId, line) => {
    if (nextLine.get(line)?.some((d) => d.ids.length === 0 || d.ids.includes(ruleId))) return true;
    let off = false;
    for (const d of regions) {
      if (d.line > line) break;
      if (d.ids.length === 0 || d.ids.includes(ruleId)) off = d.kind === 'disable';
    }
    return off;
  };
}
