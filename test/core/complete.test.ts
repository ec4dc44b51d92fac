/**
 * What completion proposes at a cursor, straight from the core. Each input
 * marks the cursor with `|`; `typed` is the text before the cursor the
 * proposal replaces (a typed `二`, a typed `（`), `swallow` what it replaces
 * after the cursor (an auto-closed `）`).
 */
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core';
import { completionsAt, type CompletionContext } from '../../server/src/core/complete';

const HEAD = '### 标题\n\n某市政协主席 张三\n\n导语。\n\n';

function at(marked: string): { context: CompletionContext; cursor: number } {
  const cursor = marked.indexOf('|');
  assert.ok(cursor >= 0 && marked.indexOf('|', cursor + 1) < 0, 'mark the cursor with one |');
  const text = marked.slice(0, cursor) + marked.slice(cursor + 1);
  return { context: completionsAt(parse(text), cursor), cursor };
}

/** The proposals as `text` (or `speaker`), each checked to replace `typed` before the cursor and `swallow` after it. */
function proposals(marked: string, typed = '', swallow = ''): string[] {
  const { context, cursor } = at(marked);
  return context.proposals.map((p) => {
    assert.deepEqual(p.replace, { start: cursor - typed.length, end: cursor + swallow.length }, `replace span of ${'text' in p ? p.text : p.kind}`);
    return p.kind === 'speaker' ? 'speaker' : p.text;
  });
}

describe('completionsAt', function () {
  describe('at the start of a paragraph', function () {
    it('offers the next level-1 section, a first sub-section, and the next item of the open run', function () {
      assert.deepEqual(proposals(HEAD + '一、甲。一是学。\n\n|'), ['二、', '（一）', '二是']);
    });

    it('offers the next sibling first, then the parent’s next, then a first child', function () {
      assert.deepEqual(proposals(HEAD + '一、甲。\n\n（一）乙。\n\n|'), ['（二）', '二、', '1.']);
    });

    it('numbers by position, as the numbering rules count: never 四、 after a second section', function () {
      assert.deepEqual(proposals(HEAD + '一、甲。\n\n二、乙。\n\n|'), ['三、', '（一）']);
      // The second section is misnumbered 三、; the next one is the third whatever it says.
      assert.deepEqual(proposals(HEAD + '一、甲。\n\n三、乙。\n\n|'), ['三、', '（一）']);
    });

    it('counts sub-sections afresh under each parent', function () {
      assert.deepEqual(proposals(HEAD + '一、甲。\n（一）子。\n（二）子。\n二、乙。\n（一）子。\n|'), ['（二）', '三、', '1.']);
    });

    it('offers the first level-1 section in the lead', function () {
      assert.deepEqual(proposals(HEAD + '|'), ['一、']);
    });

    it('offers a first 一、 beside the next sibling when sub-sections have no parent', function () {
      assert.deepEqual(proposals(HEAD + '（一）甲。\n|'), ['（二）', '一、', '1.']);
    });

    it('offers only the next level-1 section after the closing remarks', function () {
      assert.deepEqual(proposals(HEAD + '一、甲。一是学，二是做。\n\n总之，我们将继续努力。\n\n|'), ['二、']);
    });

    it('offers no child under a level-4 section', function () {
      assert.deepEqual(proposals(HEAD + '一、甲。\n（一）乙。\n1.丙。\n（1）丁。\n|'), ['（2）', '2.', '（二）', '二、']);
    });

    it('keeps only what starts with the typed numeral, replacing it', function () {
      assert.deepEqual(proposals(HEAD + '一、甲。一是学。\n\n二|', '二'), ['二、', '二是']);
    });

    it('takes a typed （ with its auto-closed ） and a half-width (', function () {
      assert.deepEqual(proposals(HEAD + '一、甲。\n\n（一）乙。\n\n（|）', '（', '）'), ['（二）']);
      assert.deepEqual(proposals(HEAD + '一、甲。\n\n（一）乙。\n\n(|', '('), ['（二）']);
    });

    it('offers nothing before a marker that is already there, nor the marker already typed', function () {
      assert.deepEqual(proposals(HEAD + '一、甲。\n\n|二、乙。'), []);
      assert.deepEqual(proposals(HEAD + '一、甲。\n\n二、|'), []);
    });
  });

  describe('after a clause boundary inside a paragraph', function () {
    it('offers the next item of each family', function () {
      assert.deepEqual(proposals(HEAD + '一、甲。一是学。|'), ['二是']);
      assert.deepEqual(proposals(HEAD + '一、甲。一要学；|'), ['二要']);
      assert.deepEqual(proposals(HEAD + '一、甲。第一，学。|'), ['第二，']);
      assert.deepEqual(proposals(HEAD + '一、甲。一是学，二是做，|'), ['三是']);
    });

    it('replaces a typed numeral', function () {
      assert.deepEqual(proposals(HEAD + '一、甲。一是学。二|', '二'), ['二是']);
      assert.deepEqual(proposals(HEAD + '一、甲。第一，学。第|', '第'), ['第二，']);
    });

    it('follows 首先 with 其次 or 最后, 再次 with 最后 only, and 最后 with nothing', function () {
      assert.deepEqual(proposals(HEAD + '一、甲。首先，学。|'), ['其次，', '最后，']);
      assert.deepEqual(proposals(HEAD + '一、甲。首先，学。其次，做。再次，评。|'), ['最后，']);
      assert.deepEqual(proposals(HEAD + '一、甲。首先，学。最后，做。|'), []);
    });

    it('offers the most recently continued run first when two are open', function () {
      assert.deepEqual(proposals(HEAD + '一、甲。一是学，第一，读；第二，写。二是做。|'), ['三是', '第三，']);
    });

    it('does not carry a run into the next section, nor into the closing', function () {
      assert.deepEqual(proposals(HEAD + '一、甲。一是学，二是做。\n\n二、乙。|'), []);
      assert.deepEqual(proposals(HEAD + '一、甲。一是学，二是做。\n\n总之，我们要做到：|'), []);
    });

    it('offers nothing mid-word, nor where the item is already written', function () {
      assert.deepEqual(proposals(HEAD + '一、甲。一是学习内|容。'), []);
      assert.deepEqual(proposals(HEAD + '一、甲。一是学。|二是做。'), []);
    });
  });

  describe('under a title', function () {
    it('offers the speaker-line template on the line after a Markdown title, blank lines between or not', function () {
      assert.deepEqual(proposals('### 标题\n|'), ['speaker']);
      assert.deepEqual(proposals('### 标题\n\n|'), ['speaker']);
      assert.deepEqual(proposals('# 汇编\n\n### 标题\n——副标题\n|'), ['speaker']);
    });

    it('offers it under the first line of a plain-text draft when that line reads like a title', function () {
      assert.deepEqual(proposals('提升履职能力 服务发展大局\n|'), ['speaker']);
      assert.deepEqual(proposals('近年来，我们做了很多工作。\n|'), ['一、']);
    });

    it('does not offer it when the speech has its speaker line, or on a typed line', function () {
      assert.deepEqual(proposals('### 标题\n|\n某市政协主席 张三\n'), []);
      assert.deepEqual(proposals('### 标题\n某|'), []);
    });
  });

  describe('where nothing goes', function () {
    it('offers nothing on a title, a speaker line, a comment, or above the first speech', function () {
      assert.deepEqual(proposals('### 标|题\n某市政协主席 张三\n'), []);
      assert.deepEqual(proposals('### 标题\n某市政协主席 |张三\n'), []);
      assert.deepEqual(proposals(HEAD + '<!-- speechlint-disable |-->'), []);
      assert.deepEqual(proposals('# 汇编\n\n|\n\n### 标题\n某市政协主席 张三\n'), []);
    });

    it('never throws, whatever the text and cursor', function () {
      for (const text of ['', '\uFEFF', '\uFEFF一、', '\r\n\r\n', '（', '𠀀𠀀\n一、甲。一是', '# \n## \n### \n']) {
        for (let cursor = 0; cursor <= text.length; cursor++) completionsAt(parse(text), cursor);
      }
    });
  });

  describe('the word at the start of the line (where snippets go)', function () {
    it('is the typed word, or empty at an empty line start', function () {
      const typed = at(HEAD + 'fay|');
      assert.deepEqual(typed.context.lineStartWord, { start: typed.cursor - 3, end: typed.cursor });
      const empty = at(HEAD + '　　|');
      assert.deepEqual(empty.context.lineStartWord, { start: empty.cursor, end: empty.cursor });
    });

    it('is absent after punctuation', function () {
      assert.equal(at(HEAD + '一、|').context.lineStartWord, undefined);
    });
  });
});
