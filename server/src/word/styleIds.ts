/**
 * The ids of the named styles an exported document uses, by which the import
 * recognises its own output. Apart from styles.ts, which builds the styles
 * with the `docx` package: the import must not load that package.
 */
import type { ParagraphRole } from '../core/model';
import type { RunEmphasis } from '../core/layout/blocks';

/** Paragraph style id of each paragraph role. */
export const PARAGRAPH_STYLE: Readonly<Record<ParagraphRole, string>> = {
  'compilation-title': 'SpeechCompilationTitle',
  'compilation-subtitle': 'SpeechCompilationSubtitle',
  'speech-title': 'SpeechTitle',
  'speech-subtitle': 'SpeechSubtitle',
  speaker: 'SpeechSpeaker',
  body: 'SpeechBody',
};

/** Character style id of each heading emphasis. */
export const CHARACTER_STYLE: Readonly<Record<RunEmphasis, string>> = {
  heading1: 'SpeechHeading1',
  heading2: 'SpeechHeading2',
};

/** The role whose style a paragraph carries, when it is one of ours. */
export function roleOfStyle(styleId: string | null | undefined): ParagraphRole | undefined {
  return styleId == null ? undefined : ROLE_OF_STYLE.get(styleId);
}

const ROLE_OF_STYLE: ReadonlyMap<string, ParagraphRole> = new Map(Object.entries(PARAGRAPH_STYLE).map(([role, id]) => [id, role as ParagraphRole]));
