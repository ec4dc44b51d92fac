/** Formatting as LSP edits, and the `speech.format` settings. */
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core';
import { formattingEdits, readFormatSettings } from '../../server/src/lsp/formatting';

const at = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
const TEXT = '### 标题\r\n某市政协主席 张三\r\n导语,好。  \r\n一、甲,乙。';

describe('formattingEdits', function () {
  it('maps the edits to line and UTF-16 character positions, CRLF kept', function () {
    assert.deepEqual(formattingEdits(parse(TEXT), { blankLines: 'one' }, {}), [
      { range: at(0, 6, 0, 6), newText: '\r\n' },
      { range: at(1, 9, 1, 9), newText: '\r\n' },
      { range: at(2, 2, 2, 3), newText: '，' },
      { range: at(2, 5, 2, 7), newText: '\r\n' },
      { range: at(3, 3, 3, 4), newText: '，' },
    ]);
  });

  it('formats the lines a range covers; a range ending at column 0 leaves that line alone', function () {
    assert.deepEqual(formattingEdits(parse(TEXT), { blankLines: 'one' }, {}, at(2, 3, 3, 0)), [
      { range: at(2, 2, 2, 3), newText: '，' },
      { range: at(2, 5, 2, 7), newText: '' },
    ]);
  });

  it('passes the rule settings on', function () {
    assert.deepEqual(formattingEdits(parse(TEXT), { blankLines: 'none' }, { rules: { 'halfwidth-punctuation': 'off' } }), [{ range: at(2, 5, 2, 7), newText: '' }]);
  });
});

describe('readFormatSettings', function () {
  it('reads format.blankLines from the speech section, defaulting to one', function () {
    const cases: Array<[unknown, 'one' | 'none']> = [
      [undefined, 'one'],
      [null, 'one'],
      [{}, 'one'],
      [{ format: null }, 'one'],
      [{ format: { blankLines: 'none' } }, 'none'],
      [{ format: { blankLines: 'one' } }, 'one'],
      [{ format: { blankLines: 2 } }, 'one'],
      [{ blankLines: 'none' }, 'one'],
    ];
    for (const [raw, blankLines] of cases) assert.deepEqual(readFormatSettings(raw), { blankLines }, JSON.stringify(raw));
  });
});
