/**
 * `parse(text)`: text in, document model out. Never throws: whatever the text,
 * the result is a model whose faults the structure rules then report.
 * `parseSteps` is the same work in steps, for a host that must stay responsive
 * while a huge draft is read.
 */
import type { CommentLine, Paragraph, SpeakerNode, Speech, SpeechDocument, TitleNode } from '../model';
import { LineIndex } from '../text/lineIndex';
import { runToEnd, STEP_SIZE, type Steps } from '../steps';
import { scanLines } from './lines';
import { buildBody } from './sections';
import { readSpeaker } from './speaker';

/** A line that could be a title: short, and not ending like a sentence or clause. */
function titleLike(p: Paragraph): boolean {
  return p.content.length <= 60 && !/[。！？；，、：,;:!?]$/.test(p.content);
}

/**
 * In plain text, a line ending in a stop can still be a title (a faulty one,
 * for title-form to report) when it is short, holds no other punctuation and
 * stands apart after a blank line, as titles do; a short closing sentence
 * of the previous speech sits right under its paragraph.
 */
function faultyTitleLike(ps: Paragraph[], j: number): boolean {
  const p = ps[j];
  return p.content.length <= 40 && /^[^，。！？；,]+[。！？；，、：,.;:!?]$/.test(p.content) && (j === 0 || ps[j - 1].line < p.line - 1);
}

const isSubtitleText = (p: Paragraph): boolean => /^(?:——|--|—)/.test(p.content);

function titleNode(p: Paragraph): TitleNode {
  return { paragraph: p, text: p.content, span: { start: p.contentStart, end: p.contentEnd } };
}

export function parse(text: string): SpeechDocument {
  return runToEnd(parseSteps(text));
}

export function* parseSteps(text: string): Steps<SpeechDocument> {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lines = new LineIndex(text);
  const eol = /\r\n/.test(text.slice(0, (text.indexOf('\n') + 1) || 0)) ? '\r\n' : '\n';
  const paragraphs: Paragraph[] = [];
  const comments: CommentLine[] = [];
  yield* scanLines(text, lines, bom, paragraphs, comments);
  const syntax = paragraphs.some((p) => p.headingLevel) ? 'markdown' : 'plain';
  const doc: SpeechDocument = { text, lines, syntax, bom, eol, title: undefined, subtitle: undefined, speeches: [], paragraphs, comments };
  const speakerAt = speakerReader(paragraphs);
  const starts = yield* (syntax === 'markdown' ? markdownSpeechStarts(doc, speakerAt) : plainSpeechStarts(doc, speakerAt));
  yield* assembleSpeeches(doc, starts, speakerAt);
  return doc;
}

/** A paragraph read as a speaker line (`readSpeaker(…, 'weak')`), by index. */
type SpeakerReader = (i: number) => SpeakerNode | undefined;

/** Reads each paragraph once: finding the speeches and assembling them ask about the same lines. */
function speakerReader(ps: readonly Paragraph[]): SpeakerReader {
  const read = new Map<number, SpeakerNode | undefined>();
  return (i) => {
    if (!read.has(i)) read.set(i, readSpeaker(ps[i], 'weak'));
    return read.get(i);
  };
}

/** Where a speech begins: the index of its first paragraph, and which paragraphs are its title, subtitle and speaker line. */
interface SpeechStart {
  first: number;
  title?: number;
  subtitle?: number;
  speaker?: number;
}

function* markdownSpeechStarts(doc: SpeechDocument, speakerAt: SpeakerReader): Steps<SpeechStart[]> {
  const ps = doc.paragraphs;
  const headings = ps.map((p, i) => (p.headingLevel && !isSubtitleText(p) ? i : -1)).filter((i) => i >= 0);
  // The speech-title level: the one whose headings are followed by a speaker line, else the deepest in use.
  const votes = new Map<number, number>();
  for (const i of headings) {
    const next = ps[i + 1];
    if (next && !next.headingLevel && speakerAt(i + 1)) votes.set(ps[i].headingLevel, (votes.get(ps[i].headingLevel) ?? 0) + 1);
  }
  let speechLevel = 0;
  if (votes.size > 0) speechLevel = [...votes.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
  else speechLevel = Math.max(0, ...headings.map((i) => ps[i].headingLevel));

  const starts: SpeechStart[] = [];
  for (let i = 0; i < ps.length; i++) {
    if (i % STEP_SIZE === STEP_SIZE - 1) yield;
    const p = ps[i];
    if (p.headingLevel && !isSubtitleText(p)) {
      const level = p.headingLevel;
      if (level < speechLevel && starts.length === 0) {
        if (!doc.title) {
          doc.title = titleNode(p);
          p.role = 'compilation-title';
          continue;
        }
      }
      if (level <= speechLevel) {
        const start: SpeechStart = { first: i, title: i };
        let j = i + 1;
        if (ps[j] && isSubtitleText(ps[j])) start.subtitle = j++;
        if (ps[j] && !ps[j].headingLevel && speakerAt(j)) start.speaker = j;
        starts.push(start);
        i = Math.max(i, (start.speaker ?? start.subtitle ?? i));
        continue;
      }
    } else if (p.headingLevel && isSubtitleText(p) && starts.length === 0 && !doc.subtitle) {
      doc.subtitle = titleNode(p);
      p.role = 'compilation-subtitle';
      continue;
    }
    // A speaker line with no heading above it still starts a speech (one whose title is missing).
    if (!p.headingLevel && readSpeaker(p, 'strong') && !precededByTitle(i, starts)) {
      starts.push({ first: i, speaker: i });
    }
  }
  return starts;
}

function precededByTitle(i: number, starts: SpeechStart[]): boolean {
  const last = starts[starts.length - 1];
  return !!last && (last.speaker === i || last.title === i - 1 || last.subtitle === i - 1);
}

function* plainSpeechStarts(doc: SpeechDocument, speakerAt: SpeakerReader): Steps<SpeechStart[]> {
  const ps = doc.paragraphs;
  const starts: SpeechStart[] = [];
  let claimed = -1;
  for (let i = 0; i < ps.length; i++) {
    if (i % STEP_SIZE === STEP_SIZE - 1) yield;
    if (!readSpeaker(ps[i], 'strong')) continue;
    const start: SpeechStart = { first: i, speaker: i };
    let j = i - 1;
    if (j > claimed && isSubtitleText(ps[j]) && j - 1 > claimed && titleLike(ps[j - 1])) {
      start.subtitle = j;
      j--;
    }
    if (j > claimed && (titleLike(ps[j]) || faultyTitleLike(ps, j)) && !readSpeaker(ps[j], 'strong')) {
      start.title = j;
      start.first = j;
    } else if (start.subtitle !== undefined) {
      start.first = start.subtitle;
    }
    starts.push(start);
    claimed = i;
  }
  if (starts.length === 0 && ps.length > 0) {
    // No speaker line anywhere: one speech, titled by its first line if that line looks like a title.
    const start: SpeechStart = { first: 0 };
    if (titleLike(ps[0]) && ps.length > 1) {
      start.title = 0;
      if (ps[1] && speakerAt(1)) start.speaker = 1;
    }
    starts.push(start);
  }
  // Before the first speech: the compilation's title and subtitle.
  const first = starts[0]?.first ?? 0;
  for (let i = 0; i < first; i++) {
    const p = ps[i];
    if (!doc.title && titleLike(p) && !isSubtitleText(p)) {
      doc.title = titleNode(p);
      p.role = 'compilation-title';
    } else if (!doc.subtitle && isSubtitleText(p)) {
      doc.subtitle = titleNode(p);
      p.role = 'compilation-subtitle';
    }
  }
  return starts;
}

function* assembleSpeeches(doc: SpeechDocument, starts: SpeechStart[], speakerAt: SpeakerReader): Steps<void> {
  const ps = doc.paragraphs;
  for (let k = 0; k < starts.length; k++) {
    const s = starts[k];
    const end = k + 1 < starts.length ? starts[k + 1].first : ps.length;
    const own = ps.slice(s.first, end);
    // The optional fields are there from the start, as in every model object: see scanLines.
    const speech: Speech = {
      span: { start: ps[s.first].contentStart, end: own[own.length - 1].contentEnd },
      title: undefined,
      subtitle: undefined,
      speaker: undefined,
      lead: [],
      sections: [],
      closing: [],
      itemRuns: [],
      paragraphs: own,
    };
    if (s.title !== undefined) {
      ps[s.title].role = 'speech-title';
      speech.title = titleNode(ps[s.title]);
    }
    if (s.subtitle !== undefined) {
      ps[s.subtitle].role = 'speech-subtitle';
      speech.subtitle = titleNode(ps[s.subtitle]);
    }
    if (s.speaker !== undefined) {
      const speaker = speakerAt(s.speaker);
      if (speaker) {
        ps[s.speaker].role = 'speaker';
        speech.speaker = speaker;
      }
    }
    const header = [s.title, s.subtitle, s.speaker].filter((x): x is number => x !== undefined);
    const bodyFrom = header.length > 0 ? Math.max(...header) + 1 : s.first;
    buildBody(speech, ps.slice(bodyFrom, end).filter((p) => p.role === 'body'));
    doc.speeches.push(speech);
    yield;
  }
}
