/**
 * Text bound for a terminal. File names, draft text quoted in messages and
 * notes from a Word document all come from whoever wrote them: an ESC there
 * could move the cursor, rewrite what was printed above or set the window
 * title, and a bidi override could make a line read differently than it is.
 * Every text line the CLI prints goes through `terminalSafe`. JSON.stringify
 * escapes the C0 controls but leaves DEL, C1 and bidi marks raw, and JSON is
 * often read with `cat` too: `jsonSafe` escapes those as well, which leaves
 * the values a program reads unchanged.
 */

/**
 * C0 controls but tab and newline, DEL, C1 controls (ESC is among the C0), and
 * the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with each unsafe character written as an escape: `\x1b`, `\u202e`. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** JSON text with the unsafe characters JSON.stringify leaves raw written `\u007f`, `\u202e`: the same JSON value. */
export function jsonSafe(json: string): string {
  // Outside strings JSON has only ASCII punctuation, digits, letters and spaces: every match is inside a string.
  return json.replace(UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
