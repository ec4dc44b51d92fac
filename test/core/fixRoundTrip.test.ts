/**
 * The fix round trip of spec §3.4 on every real and fixture draft: apply all
 * fixes (every quick fix accepted) until nothing changes, then check again —
 * nothing fixable is left, a further pass changes nothing, and every character
 * outside the fixed spans is where it was. Then the bulk set alone, as Fix All
 * and `--fix` apply it: it settles too, and changes only form — the Han
 * characters (numerals aside) and the lines of the draft are all still there,
 * in order.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { applyFixes, check, isBulkFix, type TextEdit } from '../../server/src/core';
import { fixUntilStable } from '../../server/src/cli/fix';
import { loadSegmenter } from '../../server/src/segmenter';

const root = join(__dirname, '..', '..');
const services = { segmenter: loadSegmenter() };

function drafts(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return drafts(path);
    return /\.(md|txt|speech)$/.test(name) && name !== 'README.md' ? [path] : [];
  });
}

/** The text outside `edits`, piece by piece: what a fix must never touch. */
function untouched(text: string, edits: readonly TextEdit[]): string[] {
  const pieces: string[] = [];
  let at = 0;
  for (const e of edits) {
    pieces.push(text.slice(at, e.span.start));
    at = e.span.end;
  }
  pieces.push(text.slice(at));
  return pieces;
}

describe('fix round trip on every draft in the repository', () => {
  const files = [...drafts(join(root, 'test', 'fixtures')), ...drafts(join(root, 'examples'))];

  it('finds the drafts', () => {
    assert.ok(files.length >= 10, `only ${files.length} drafts found`);
  });

  for (const file of files) {
    it(relative(root, file), () => {
      let text = readFileSync(file, 'utf8');
      for (let pass = 0; pass < 10; pass++) {
        const { findings } = check(text, { services });
        const fixed = applyFixes(text, findings);
        if (fixed.applied === 0) break;
        // Each piece of the old text between the edits survives, in order.
        let from = 0;
        for (const piece of untouched(text, fixed.edits)) {
          const found = fixed.text.indexOf(piece, from);
          assert.ok(found >= 0, `text outside the fixed spans changed: ${JSON.stringify(piece.slice(0, 40))}`);
          from = found + piece.length;
        }
        text = fixed.text;
      }
      const after = check(text, { services }).findings.filter((f) => f.fix && f.fix.length > 0);
      assert.deepEqual(after.map((f) => `${f.ruleId}@${f.span.start}`), [], 'fixable problems remain');
      assert.equal(applyFixes(text, check(text, { services }).findings).text, text, 'a further pass changed the text');
    });

    it(`${relative(root, file)}: bulk fixes change only form`, () => {
      const text = readFileSync(file, 'utf8');
      const fixed = fixUntilStable(text, { services });
      assert.equal(fixed.stopped, undefined);
      assert.deepEqual(fixed.findings.filter(isBulkFix).map((f) => `${f.ruleId}@${f.span.start}`), [], 'bulk-fixable problems remain');
      // Numerals aside: a section marker's standard form may write its number in Han numerals (`1、` at the top becomes `一、`).
      const han = (t: string): string => t.replace(/[^\p{Script=Han}]|[〇一二三四五六七八九十]/gu, '');
      assert.equal(han(fixed.text), han(text), 'a bulk fix changed the words');
      assert.equal(fixed.text.split('\n').length, text.split('\n').length, 'a bulk fix changed the lines');
    });
  }
});
