/**
 * What a fix does, in words, for the title of its quick fix: `改为“三、”`,
 * `删除多余空格`, `删除“的”`, `合并为一段`, `插入空格`. Read off the edits
 * themselves rather than worded by each rule, so every rule's fix is named
 * the same way and a new rule's fix is named without a word of its own.
 */
import type { Finding } from './lint';
import type { LocalizedText } from './rule';
import { isSpaceCode } from './text/chars';

/** Longest result quoted whole; a longer one (a quotation whose marks change) is quoted by its two ends. */
const QUOTED_MAX = 16;
const END_LENGTH = 6;

/** The title of the quick fix for `finding` in `text`; undefined when the finding carries no fix. */
export function describeFix(text: string, finding: Finding): LocalizedText | undefined {
  const edits = finding.fix ? [...finding.fix].sort((a, b) => a.span.start - b.span.start) : [];
  if (edits.length === 0) return undefined;
  const removed = edits.map((e) => text.slice(e.span.start, e.span.end)).join('');
  const inserted = edits.map((e) => e.text).join('');
  if (inserted === '') {
    if (/[\r\n]/.test(removed)) return { zh: '合并为一段', en: 'Join into one paragraph' };
    if (allSpace(removed)) return { zh: '删除多余空格', en: 'Delete the extra space' };
    return { zh: `删除“${quoted(removed)}”`, en: `Delete "${quoted(removed)}"` };
  }
  if (removed === '' && allSpace(inserted)) return { zh: '插入空格', en: 'Insert a space' };
  // The finding's own text as it reads after the fix: `三是` → `二是` names the marker, not the lone numeral.
  const from = Math.min(finding.span.start, edits[0].span.start);
  const to = Math.max(finding.span.end, ...edits.map((e) => e.span.end));
  let after = '';
  let at = from;
  for (const e of edits) {
    after += text.slice(at, e.span.start) + e.text;
    at = e.span.end;
  }
  after += text.slice(at, to);
  return { zh: `改为“${quoted(after.trim())}”`, en: `Change to "${quoted(after.trim())}"` };
}

function allSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isSpaceCode(s.charCodeAt(i))) return false;
  return true;
}

/** `s` short enough for a menu line: its two ends around `…` when long, never splitting a surrogate pair. */
function quoted(s: string): string {
  const chars = Array.from(s);
  if (chars.length <= QUOTED_MAX) return s;
  return `${chars.slice(0, END_LENGTH).join('')}…${chars.slice(-END_LENGTH).join('')}`;
}
