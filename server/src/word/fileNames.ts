/**
 * Default names for what the Word commands write, shared by the CLI and the
 * VS Code client's save dialogs. No imports: the client bundles this alone.
 */

/** A draft's name with `.docx` in place of its draft extension (`a.speech.md` → `a.docx`), or added. */
export function docxNameFor(draft: string): string {
  return draft.replace(/(\.speech\.md|\.speech\.txt|\.speech|\.md|\.txt)$/i, '') + '.docx';
}

/** A Word document's name with `.speech.md` in place of its extension (.docx, or an older format import converts), or added. */
export function draftNameFor(docx: string): string {
  return docx.replace(/\.(docx|doc|wps|odt|rtf)$/i, '') + '.speech.md';
}

/** How many names `freeName` tries before giving up. */
const MAX_TRIES = 1000;

/**
 * `name` when `exists` says nothing is there, else the first free of `x-2`,
 * `x-3`… with the number before the extension (`a.speech.md` → `a-2.speech.md`):
 * the name a save dialog proposes, so that accepting it never replaces a file.
 * Undefined when none of the first thousand is free.
 */
export async function freeName(name: string, exists: (candidate: string) => Promise<boolean>): Promise<string | undefined> {
  const dot = /(\.speech\.md|\.speech\.txt|\.speech|\.[^.]*)$/i.exec(name);
  const stem = dot ? name.slice(0, dot.index) : name;
  const extension = dot ? dot[0] : '';
  for (let n = 1; n <= MAX_TRIES; n++) {
    const candidate = n === 1 ? name : `${stem}-${n}${extension}`;
    if (!(await exists(candidate))) return candidate;
  }
  return undefined;
}
