/**
 * The document model: what the parser makes of a draft. Every node carries
 * UTF-16 offsets into the original text (`start` inclusive, `end` exclusive),
 * the unit LSP positions count in. Line and column come from `LineIndex`.
 */
import type { LineIndex } from './text/lineIndex';

export interface TextSpan {
  start: number;
  end: number;
}

/** What a non-blank line is, once the parser has placed it. */
export type ParagraphRole =
  | 'compilation-title'
  | 'compilation-subtitle'
  | 'speech-title'
  | 'speech-subtitle'
  | 'speaker'
  | 'body';

/**
 * One non-blank line of the draft. Drafts put one paragraph on one line (a
 * printed paragraph is never wrapped by hand), so line and paragraph coincide.
 */
export interface Paragraph {
  /** Whole line without its line break. */
  span: TextSpan;
  /** Where the words start: after indentation (U+3000, spaces, tabs) and any Markdown `#` prefix. */
  contentStart: number;
  /** Where the words end: before trailing whitespace. */
  contentEnd: number;
  /** The words: `text.slice(contentStart, contentEnd)` of the document. */
  content: string;
  /** 0-based line number. */
  line: number;
  role: ParagraphRole;
  /** Markdown heading level (1–6) when the line is a `#` heading, else 0. */
  headingLevel: number;
}

/** A `<!-- ... -->` line, or a plain-text `// speechlint-…` directive: a control comment, invisible to every rule. */
export interface CommentLine {
  span: TextSpan;
  line: number;
  /** Text between `<!--` and `-->`, or after the `//` of a plain-text directive, trimmed. */
  body: string;
}

export interface TitleNode {
  paragraph: Paragraph;
  /** The title's words (no `#`, no indentation). */
  text: string;
  span: TextSpan;
}

export interface Piece {
  span: TextSpan;
  text: string;
}

export interface SpeakerNode {
  paragraph: Paragraph;
  span: TextSpan;
  /**
   * `unit positions name` (the usual form), `name（unit positions）` (also `（country）name`,
   * the country as unit), `name-only` (a bare name, the position left to a closing note), or
   * `leading`: `positions+name：` on the line before the speech's title, as papers print deputies;
   * `labelled`: after a label naming the speaker, `写信人：name（positions）` or the interview
   * subtitle `——访positions+name` (the name glued on by house style; the label is in no field);
   * or `closing`: a line after the body (`positions+name讲述`, `——positions+name` under a quote,
   * `（作者为positions）` with no name, `place name` closing a letter, where `name.value` joins
   * several signers with `、`), printed in its own house style.
   */
  form: 'trailing-name' | 'parenthesized' | 'name-only' | 'leading' | 'labelled' | 'closing';
  /** The organisation before the first position, when it can be told apart. */
  unit?: Piece;
  /** Positions, in order; `、` is the standard joiner. */
  positions: Piece[];
  /**
   * The characters between the positions: `、` normally; `，` or `,` is a fault. A `，` before
   * another organisation's positions is house style and is not listed.
   */
  joiners: Piece[];
  /** Whitespace between positions and name (absent when the name is glued on). */
  separator?: Piece;
  /** The name as printed (`雷 杰`) and as meant (`雷杰`). */
  name?: Piece & { value: string };
  /** Punctuation after the name (a fault). */
  trailing?: Piece;
}

export type SectionLevel = 1 | 2 | 3 | 4;

export interface SectionMarker {
  span: TextSpan;
  /** The marker as written: `一、`, `（一）`, `1.`, `(一)`, `一．`. */
  text: string;
  level: SectionLevel;
  number: number;
  /** The standard form of this marker at this level and number (`一、`, `（一）`, `1.`, `（1）`). */
  canonical: string;
  /** Whether `text` is already the standard form. */
  standard: boolean;
}

export interface Section {
  level: SectionLevel;
  marker: SectionMarker;
  /** The heading sentence: after the marker up to and including the first `。！？`, or the whole paragraph. */
  heading: Piece & {
    /** Whether the heading ends with `。！？` (otherwise it runs to the end of its paragraph). */
    terminated: boolean;
  };
  /** From the marker to the end of the section's last paragraph. */
  span: TextSpan;
  /** Paragraphs of this section not inside a child section; the first holds the marker. */
  paragraphs: Paragraph[];
  children: Section[];
  /** Inline item runs found in this section's own paragraphs. */
  itemRuns: ItemRun[];
  /** Unnumbered sub-headings among this section's own paragraphs. */
  headings: SubHeading[];
}

/** The families of inline item markers. */
export type ItemFamily = 'shi' | 'yao' | 'di' | 'sequence';

export interface ItemMarker {
  span: TextSpan;
  text: string;
  family: ItemFamily;
  /** 1-based position in its family (`三是` → 3, `其次` → 2, `最后` → 0: "last", fits any place after the first). */
  number: number;
  paragraph: Paragraph;
}

/** Consecutive items of one family inside one section (or one speech's unsectioned body). */
export interface ItemRun {
  family: ItemFamily;
  items: ItemMarker[];
  span: TextSpan;
}

/**
 * A sub-heading with no number: a short paragraph without closing punctuation
 * standing between complete paragraphs and followed by prose, as published
 * speeches and signed articles divide their body (printed bold). It stays a
 * body paragraph of its section or the lead; the outline and folding show it.
 */
export interface SubHeading {
  paragraph: Paragraph;
  /** The heading's words (no indentation). */
  text: string;
  /** From the heading to the last paragraph before the next sub-heading, numbered section or closing, or the body's end. */
  span: TextSpan;
}

export interface Speech {
  /** From the title (or the first line that belongs to the speech) to its last paragraph. */
  span: TextSpan;
  title?: TitleNode;
  /** A `——` line under the title. */
  subtitle?: TitleNode;
  speaker?: SpeakerNode;
  /** Paragraphs before the first level-1 section. */
  lead: Paragraph[];
  /** Top-level sections; sub-sections hang below them in `children`. */
  sections: Section[];
  /** Paragraphs after the last section recognised as a closing (see the parser for how). */
  closing: Paragraph[];
  /** Item runs in lead and closing paragraphs (outside any section). */
  itemRuns: ItemRun[];
  /** Unnumbered sub-headings in lead and closing paragraphs (those inside a section are the section's). */
  headings: SubHeading[];
  /** Every paragraph of the speech, title and speaker line included, in order. */
  paragraphs: Paragraph[];
}

export interface SpeechDocument {
  text: string;
  lines: LineIndex;
  /** `markdown` when titles are marked with `#`, else `plain`. */
  syntax: 'markdown' | 'plain';
  /** Length of a leading BOM (0 or 1): never part of any node. */
  bom: number;
  eol: '\n' | '\r\n';
  title?: TitleNode;
  subtitle?: TitleNode;
  speeches: Speech[];
  /** Every non-blank line that is not a comment, in order. */
  paragraphs: Paragraph[];
  comments: CommentLine[];
}
