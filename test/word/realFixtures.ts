/** The .docx and older-format fixtures LibreOffice wrote (test/fixtures/word/real), and their expected drafts. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const REAL = path.join(__dirname, '..', 'fixtures', 'word', 'real');

/** The imported draft and the hand-written expectation, compared line by line so that a failure names the line. */
export function assertSameDraft(actual: string, expectedFile: string): void {
  const expected = fs.readFileSync(path.join(REAL, expectedFile), 'utf8');
  const got = actual.split('\n');
  const want = expected.split('\n');
  for (let i = 0; i < Math.max(got.length, want.length); i++) assert.equal(got[i], want[i], `line ${i + 1}`);
}
