/**
 * Workspace symbols: every speech of every draft in the workspace, found by
 * its title or its speaker (name, unit or position). The symbol's name holds
 * the title and the speaker's name, since editors filter by the name.
 */
import { SymbolKind, type Range, type SymbolInformation } from 'vscode-languageserver';
import { formatMessage, type Locale, type LocalizedText, type SpeechDocument } from '../core';
import { toRange } from './positions';
import type { DraftDescription } from './protocol';
import { UNTITLED } from './statistics';

/** What a draft contributes to the search: kept per file, so a cache need not hold the whole text. */
export interface OutlineEntry {
  title?: string;
  /** The speaker line as written, `唐山市政协主席、党组书记 胡国辉`. */
  speakerLine?: string;
  speakerName?: string;
  range: Range;
}

export interface DraftOutline {
  uri: string;
  /** Shown beside each symbol: the compilation's title, else the file name. */
  container: string;
  entries: OutlineEntry[];
}

/** A draft's speeches for the search; `fileName` names the draft when it has no compilation title. */
export function draftOutline(uri: string, doc: SpeechDocument, fileName: string): DraftOutline {
  const entries = doc.speeches.map((speech) => ({
    title: speech.title?.text,
    speakerLine: speech.speaker?.paragraph.content,
    speakerName: speech.speaker?.name?.value,
    range: toRange(doc.lines, speech.title?.span ?? speech.speaker?.span ?? speech.paragraphs[0].span),
  }));
  return { uri, container: doc.title?.text ?? fileName, entries };
}

/**
 * The speeches matching `query`: each of its space-separated words must occur
 * in the title or the speaker line (spaces inside them ignored). An empty query
 * matches every speech.
 */
export function workspaceSymbols(outlines: readonly DraftOutline[], query: string, locale: Locale): SymbolInformation[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const symbols: SymbolInformation[] = [];
  for (const outline of outlines) {
    for (const entry of outline.entries) {
      const haystack = `${entry.title ?? ''}\n${entry.speakerLine ?? ''}`.replace(/[ \t\u3000]/g, '').toLowerCase();
      if (!words.every((w) => haystack.includes(w))) continue;
      const title = entry.title || UNTITLED[locale];
      symbols.push({
        name: entry.speakerName ? `${title}（${entry.speakerName}）` : title,
        // A speech is a document: the icon an office reader recognises (issue 22), as in the outline.
        kind: SymbolKind.File,
        location: { uri: outline.uri, range: entry.range },
        containerName: outline.container,
      });
    }
  }
  return symbols;
}

const SPEECH_COUNT: LocalizedText = { zh: '{count}篇发言', en: '{count} speeches' };

/**
 * How the compile picker lists a draft: a single speech by its title and speaker, a
 * compilation by its title and how many speeches it holds; the file name stands in
 * for a missing title (it is the outline's container then).
 */
export function draftDescription(outline: DraftOutline, locale: Locale): Omit<DraftDescription, 'uri'> {
  if (outline.entries.length !== 1) {
    return { label: outline.container, description: outline.entries.length > 1 ? formatMessage(SPEECH_COUNT[locale], { count: outline.entries.length }) : undefined };
  }
  const [speech] = outline.entries;
  return { label: speech.title?.trim() ? speech.title : outline.container, description: speech.speakerName ?? speech.speakerLine };
}
