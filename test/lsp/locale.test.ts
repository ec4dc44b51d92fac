import assert from 'node:assert/strict';
import { localeFromTag } from '../../server/src/lsp/locale';

describe('localeFromTag', function () {
  const cases: Array<[string | undefined, 'zh' | 'en']> = [
    ['zh-cn', 'zh'],
    ['zh-TW', 'zh'],
    ['ZH', 'zh'],
    ['en', 'en'],
    ['en-gb', 'en'],
    ['de', 'en'],
    [undefined, 'zh'],
    ['', 'zh'],
  ];
  for (const [tag, expected] of cases) {
    it(`${JSON.stringify(tag)} → ${expected}`, function () {
      assert.equal(localeFromTag(tag), expected);
    });
  }
});
