/**
 * Completion: the core's proposals (next section marker, next item marker,
 * speaker line) as LSP items, plus the extension's snippets. Snippets come from
 * `snippets/speech.code-snippets`, one copy of each: named in Chinese (the label
 * a user reads) with a pinyin `prefix` that is only what typing matches.
 * VS Code would label a contributed snippet by its prefix, so the package does
 * not contribute the file and VS Code gets the snippets from here too.
 */
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import { formatMessage, type Locale, type LocalizedText, type SpeechDocument, type TextSpan } from '../core';
import { completionsAt, type Proposal } from '../core/complete';
import { formatChineseNumber } from '../core/text/numerals';
import { toRange } from './positions';

/**
 * Characters that open completion by themselves: a full- or half-width
 * opening parenthesis starts a `（二）` marker. Sentence ends are deliberately
 * not triggers: with a list open after `。`, Enter would accept `二是` instead
 * of starting a new paragraph. Everything else comes from typing a numeral
 * (quick suggestions) or asking (Ctrl+Space).
 */
export const COMPLETION_TRIGGER_CHARACTERS = ['（', '('];

/** One entry of a VS Code `.code-snippets` file. */
export interface Snippet {
  prefix: string | readonly string[];
  body: string | readonly string[];
  description?: string;
}
export type SnippetFile = Readonly<Record<string, Snippet>>;

/** The snippet whose body is the speaker-line template offered under a title. */
export const SPEAKER_SNIPPET = '发言人行';

export interface CompletionOptions {
  locale: Locale;
  snippets: SnippetFile;
  /** Offer every snippet at the start of a line (not for editors that already list the contributed snippets). */
  offerSnippets: boolean;
}

const SECTION_DETAIL: LocalizedText = { zh: '第{n}个{levelZh}级标题', en: 'Level-{level} heading {n}' };
const ITEM_DETAIL: LocalizedText = { zh: '接“{previous}”的第{n}项', en: 'Item {n}, after "{previous}"' };
const LAST_ITEM_DETAIL: LocalizedText = { zh: '接“{previous}”的最后一项', en: 'Last item, after "{previous}"' };
const SPEAKER_LABEL: LocalizedText = { zh: '发言人行', en: 'Speaker line' };
const SPEAKER_DETAIL: LocalizedText = { zh: '单位职务 姓名', en: 'Unit and positions, then the name' };

export function completionItems(doc: SpeechDocument, offset: number, options: CompletionOptions): CompletionItem[] {
  const { locale } = options;
  const context = completionsAt(doc, offset);
  const items: CompletionItem[] = [];
  const rank = (): string => String(items.length).padStart(3, '0');

  for (const p of context.proposals) {
    if (p.kind === 'speaker') {
      const snippet = options.snippets[SPEAKER_SNIPPET];
      if (!snippet) continue;
      items.push({
        label: SPEAKER_LABEL[locale],
        kind: CompletionItemKind.Snippet,
        detail: SPEAKER_DETAIL[locale],
        sortText: rank(),
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range: toRange(doc.lines, p.replace), newText: bodyText(snippet) },
      });
      continue;
    }
    items.push({
      label: p.text,
      kind: p.kind === 'section' ? CompletionItemKind.Keyword : CompletionItemKind.EnumMember,
      detail: detail(p, locale),
      sortText: rank(),
      filterText: p.text,
      // The first proposal is the likeliest next marker.
      preselect: items.length === 0 || undefined,
      textEdit: { range: toRange(doc.lines, p.replace), newText: p.text },
    });
  }

  if (options.offerSnippets && context.lineStartWord) {
    items.push(...snippetItems(doc, context.lineStartWord, options.snippets, locale, items.length));
  }
  return items;
}

function detail(p: Exclude<Proposal, { kind: 'speaker' }>, locale: Locale): string {
  if (p.kind === 'section') return formatMessage(SECTION_DETAIL[locale], { n: p.number, level: p.level, levelZh: formatChineseNumber(p.level) });
  return formatMessage((p.number === 0 ? LAST_ITEM_DETAIL : ITEM_DETAIL)[locale], { n: p.number, previous: p.previous });
}

/** One item per snippet, after the proposals: its Chinese name as the label, found by its pinyin prefix or its name. */
function snippetItems(doc: SpeechDocument, word: TextSpan, snippets: SnippetFile, locale: Locale, ranked: number): CompletionItem[] {
  const range = toRange(doc.lines, word);
  return Object.entries(snippets).map(([name, snippet], i) => {
    const prefixes = typeof snippet.prefix === 'string' ? [snippet.prefix] : snippet.prefix;
    return {
      label: name,
      kind: CompletionItemKind.Snippet,
      detail: describe(snippet.description, locale),
      sortText: String(ranked + i).padStart(3, '0'),
      // Space-separated, so the name after the prefixes starts a word the editor's filter matches from.
      filterText: [...prefixes, name].join(' '),
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: bodyText(snippet) },
    };
  });
}

function bodyText(snippet: Snippet): string {
  return typeof snippet.body === 'string' ? snippet.body : snippet.body.join('\n');
}

/** Snippet descriptions read `中文说明 (English description)`: the part in the reader's language. */
function describe(description: string | undefined, locale: Locale): string | undefined {
  const both = description && /^(.*) \(([^()]*)\)$/.exec(description);
  if (!both) return description;
  return locale === 'zh' ? both[1] : both[2];
}
