/**
 * The parser's outline of each People's Daily text against the outline written
 * by reading it (test/fixtures/corpus/rmrb/expected, format in that folder's README).
 *
 * Files the parser does not read right yet are listed in KNOWN-GAPS.json with
 * the reason and how many of their pieces it reads right today. For those, the
 * test asserts that the outline still differs and that exactly that many pieces
 * match, so a regression fails and so does an improvement until the list is
 * updated: the list only shrinks. Every file not listed must match whole.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type Section, type Speech, type SpeechDocument, type SubHeading } from '../../server/src/core';

const DIR = join(__dirname, '..', 'fixtures', 'corpus', 'rmrb');

interface SectionOutline {
  marker: string | null;
  heading: string;
  line: number;
}

interface PieceOutline {
  title: string | null;
  title_line: number | null;
  speaker: string | null;
  speaker_line: number | null;
  position: string | null;
  sections: SectionOutline[];
}

interface Outline {
  title: string | null;
  subtitle: string | null;
  pieces: PieceOutline[];
}

interface KnownGap {
  reason: string;
  /** How many expected pieces the parser reads exactly right today. */
  piecesRight: number;
}

/** As the expected outlines strip titles: leading U+3000, trailing ASCII space, U+00A0 and U+3000. */
const strip = (s: string): string => s.replace(/^\u3000+/, '').replace(/[ \u00a0\u3000]+$/, '');

const unnumbered = (headings: readonly SubHeading[]): SectionOutline[] => headings.map((h) => ({ marker: null, heading: h.text, line: h.paragraph.line }));

/** Numbered sections and unnumbered sub-headings, in the order of the text. */
function flatten(sections: readonly Section[], into: SectionOutline[]): SectionOutline[] {
  for (const s of sections) {
    into.push({ marker: s.marker.text, heading: s.heading.text.split(/[。！？]/)[0], line: s.paragraphs[0].line });
    into.push(...unnumbered(s.headings));
    flatten(s.children, into);
  }
  return into;
}

function pieceOf(doc: SpeechDocument, speech: Speech): PieceOutline {
  const sp = speech.speaker;
  const parts = sp ? [...(sp.unit ? [sp.unit] : []), ...sp.positions] : [];
  const position = parts.length > 0 ? doc.text.slice(parts[0].span.start, parts[parts.length - 1].span.end) : null;
  return {
    title: speech.title ? strip(speech.title.text) : null,
    title_line: speech.title ? speech.title.paragraph.line : null,
    speaker: sp?.name?.value ?? null,
    speaker_line: sp ? sp.paragraph.line : null,
    position,
    sections: [...flatten(speech.sections, []), ...unnumbered(speech.headings)].sort((a, b) => a.line - b.line),
  };
}

/** The parser's outline in the expected outlines' shape. A text of one speech has no compilation title: the speech's own is the text's. */
function outlineOf(doc: SpeechDocument): Outline {
  const only = doc.speeches.length === 1 ? doc.speeches[0] : undefined;
  const title = doc.title ?? only?.title;
  const subtitle = doc.subtitle ?? only?.subtitle;
  return {
    title: title ? strip(title.text) : null,
    subtitle: subtitle ? strip(subtitle.text) : null,
    pieces: doc.speeches.map((s) => pieceOf(doc, s)),
  };
}

/** How many expected pieces appear, exactly, among the parsed ones (each parsed piece matched once). */
function piecesRight(expected: readonly PieceOutline[], actual: readonly PieceOutline[]): number {
  const left = actual.map((p) => JSON.stringify(p));
  let right = 0;
  for (const p of expected) {
    const at = left.indexOf(JSON.stringify(p));
    if (at >= 0) {
      left.splice(at, 1);
      right++;
    }
  }
  return right;
}

const names = readdirSync(DIR).filter((n) => n.endsWith('.txt')).map((n) => n.slice(0, -'.txt'.length)).sort();
const gaps: Record<string, KnownGap> = JSON.parse(readFileSync(join(DIR, 'KNOWN-GAPS.json'), 'utf8'));

describe('parser on the People\'s Daily selection', () => {
  it('has the 28 selected texts, each with its expected outline, and lists only those as gaps', () => {
    assert.equal(names.length, 28);
    const expected = readdirSync(join(DIR, 'expected')).map((n) => n.replace(/\.json$/, '')).sort();
    assert.deepEqual(expected, names);
    for (const name of Object.keys(gaps)) assert.ok(names.includes(name), `KNOWN-GAPS.json lists ${name}, which is not in the corpus`);
  });

  for (const name of names) {
    const gap = gaps[name];
    it(`${name}: ${gap ? `known gap (${gap.reason})` : 'outline as expected'}`, () => {
      const expected: Outline = JSON.parse(readFileSync(join(DIR, 'expected', `${name}.json`), 'utf8'));
      const actual = outlineOf(parse(readFileSync(join(DIR, `${name}.txt`), 'utf8')));
      if (!gap) {
        assert.deepEqual(actual, expected);
        return;
      }
      assert.notDeepEqual(actual, expected, `${name} is now read right: remove it from KNOWN-GAPS.json`);
      const right = piecesRight(expected.pieces, actual.pieces);
      assert.equal(
        right,
        gap.piecesRight,
        `${name}: ${right} of ${expected.pieces.length} pieces read right, KNOWN-GAPS.json says ${gap.piecesRight} (update it if this is an improvement)`,
      );
    });
  }
});
