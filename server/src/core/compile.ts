/**
 * Compile: speeches in the given order joined into one compilation (发言摘登)
 * in the Markdown form of the spec (§1.2): `# title`, `## ——subtitle`, then
 * per speech `### title`, speaker line and body, a blank line between
 * paragraphs. Each draft is checked on the way; drafts with structure errors
 * are named so the caller can refuse them (or go on when forced).
 */
import type { Finding, LintOptions } from './lint';
import { lint } from './lint';
import type { ParagraphRole } from './model';
import { parse } from './parse';
import { allRules } from './rules';

export interface Draft {
  /** How the caller names the draft in messages (a path as given). */
  name: string;
  text: string;
  /** The configuration this draft is checked with (its own `.speechlintrc.json`). */
  lint?: LintOptions;
}

export interface CompileOptions {
  /** The compilation's title (`# …`); omitted when blank. */
  title: string;
  /** Its subtitle; `——` is put in front unless already there. Omitted when blank. */
  subtitle?: string;
  eol?: '\n' | '\r\n';
}

export interface BlockedDraft {
  name: string;
  /** Error-severity findings of structure rules, in text order. */
  errors: Finding[];
}

export interface Compilation {
  /** The compiled draft, always produced; whether to use it with `blocked` drafts is the caller's call. */
  text: string;
  /** Drafts with structure errors, in input order. Empty when every draft may go in. */
  blocked: BlockedDraft[];
}

/** A draft's own compilation title and subtitle give way to the new ones. */
const DROPPED_ROLES: ReadonlySet<ParagraphRole> = new Set(['compilation-title', 'compilation-subtitle']);

export function compile(drafts: readonly Draft[], options: CompileOptions): Compilation {
  const eol = options.eol ?? '\n';
  const paragraphs: string[] = [];
  const title = options.title.trim();
  if (title) paragraphs.push(`# ${title}`);
  const subtitle = options.subtitle?.trim().replace(/^[—\-－\s]+/, '');
  if (subtitle) paragraphs.push(`## ——${subtitle}`);

  const blocked: BlockedDraft[] = [];
  for (const draft of drafts) {
    const doc = parse(draft.text);
    const rules = draft.lint?.only ?? allRules;
    const structural = new Set(rules.filter((r) => r.meta.category === 'structure').map((r) => r.meta.id));
    const errors = lint(doc, draft.lint).filter((f) => f.severity === 'error' && structural.has(f.ruleId));
    if (errors.length > 0) blocked.push({ name: draft.name, errors });
    for (const p of doc.paragraphs) {
      if (DROPPED_ROLES.has(p.role)) continue;
      paragraphs.push(p.role === 'speech-title' ? `### ${p.content}` : p.content);
    }
  }
  return { text: paragraphs.length > 0 ? paragraphs.join(eol + eol) + eol : '', blocked };
}
