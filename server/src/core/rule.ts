/**
 * What a rule is. A rule looks at a parsed document and reports findings with
 * a message id; it never knows its severity (the engine assigns it from the
 * configuration) and never formats for an editor or terminal.
 */
import type { ExportSettings } from './config';
import type { SpeechDocument, TextSpan } from './model';
import type { Confusions } from './typo/statConfusions';
import type { NgramModel } from './typo/statModel';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

/** A user-facing text in both languages; `{name}` placeholders are filled from a finding's data. */
export interface LocalizedText {
  zh: string;
  en: string;
}

export type Locale = keyof LocalizedText;

/** One replacement: the text in `span` becomes `text` (empty to delete, empty span to insert). */
export interface TextEdit {
  span: TextSpan;
  text: string;
}

/** A rule's declared option: its JSON type, default and description (the config schema is generated from these). */
export type OptionSpec =
  | { type: 'number'; default: number | null; minimum?: number; description: LocalizedText }
  | { type: 'string'; default: string; enum?: readonly string[]; description: LocalizedText }
  | { type: 'boolean'; default: boolean; description: LocalizedText }
  /** `enum`: the only values an item may take (a set of names that may grow: an old config stays valid). */
  | { type: 'strings'; default: readonly string[]; enum?: readonly string[]; description: LocalizedText }
  | { type: 'pairs'; default: Readonly<Record<string, string>>; description: LocalizedText };

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/**
 * How a rule's fixes may be applied. `form`: the fix changes only how the text
 * is written — a mark's width or glyph, a doubled mark, the form of one
 * section marker — never its words, its numbers or how it is divided into
 * lines, speeches and sections; such fixes are applied in bulk and unseen
 * (Fix All, fix on save, formatting, `speechlint --fix`). `edit`: the fix
 * rests on a reading of the draft that can be wrong (renumbering, joining
 * lines, deleting a repeat, a speaker or title line), so it is only ever
 * offered as a quick fix the user accepts one at a time.
 */
export type FixClass = 'form' | 'edit';

export interface RuleMeta {
  /** Stable kebab-case id from the spec's catalog. */
  id: string;
  category: 'structure' | 'text';
  defaultSeverity: Severity;
  description: LocalizedText;
  messages: Readonly<Record<string, LocalizedText>>;
  /** The published source the rule enforces (a standard and its clauses), quoted on its page. */
  docs?: string;
  /** Whether some of its findings carry a fix, and of which class. */
  fixable: FixClass | false;
  options?: OptionSpecs;
}

export interface Report {
  span: TextSpan;
  messageId: string;
  data?: Readonly<Record<string, string | number>>;
  /** Edits that together repair this finding; each stays inside the finding's own concern. */
  fix?: readonly TextEdit[];
  /** A guess rather than a fault found (the `typo` rule's statistics): the engine reports it as `info` at most. */
  suspicion?: boolean;
}

/** Splits Chinese text into words. Supplied from outside the core (it may load a dictionary). */
export interface Segmenter {
  cut(text: string): string[];
  /** Whether the dictionary lists `word`, however rare: the cut may still split a rare word (`过过`). Optional: a host may lend a cut alone. */
  isWord?(word: string): boolean;
  /** jieba's part-of-speech tag of a listed word (`v` verb, `a` adjective, `n` noun…). Optional, like `isWord`. */
  tag?(word: string): string | undefined;
}

/** What the host lends the rules: things that need I/O to set up. All optional; rules degrade without them. */
export interface RuleServices {
  segmenter?: Segmenter;
  /** The `typo` rule's statistical tier: lent only when that tier is to run (it is slower than the rest; hosts run it apart). */
  typoModel?: TypoModel;
  /** The page the draft's Word export prints on (its configuration's `"export"` options), for `length-limit`'s page count. */
  page?: Readonly<ExportSettings>;
}

/** A character language model and the characters each character may be confused with. */
export interface TypoModel {
  ngrams: NgramModel;
  confusions: Confusions;
}

export interface RuleContext {
  readonly doc: SpeechDocument;
  readonly services: RuleServices;
  /** The rule's options, defaults already merged in. */
  readonly options: Readonly<Record<string, unknown>>;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

/** Fills `{name}` placeholders. */
export function formatMessage(template: string, data?: Readonly<Record<string, string | number>>): string {
  if (!data) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (Object.hasOwn(data, key) ? String(data[key]) : whole));
}
