/**
 * Default names for what the Word commands write, shared by the CLI and the
 * VS Code client's save dialogs. No imports: the client bundles this alone.
 */

/** A draft's name with `.docx` in place of its draft extension (`a.speech.md` → `a.docx`), or added. */
export function docxNameFor(draft: string): string {
  return draft.replace(/(\.speech\.md|\.speech\.txt|\.speech|\.md|\.txt)$/i, '') + '.docx';
}

/** A Word document's name with `.speech.md` in place of `.docx`, or added. */
export function draftNameFor(docx: string): string {
  return docx.replace(/\.docx$/i, '') + '.speech.md';
}
