/**
 * The `typo` rule's data travels inside the bundles the .vsix carries
 * (test/packaging.test.ts lists those), and every source it was derived from
 * is named with its licence in the notices the package carries. Runs after
 * the build (`npm test` builds first).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import idiomData from '../../../server/src/core/data/typo-idioms.json';

const DIST = join(__dirname, '..', '..', '..', 'dist');

describe('typo: data in the package', () => {
  it('bundles the idiom data into the server and the CLI', () => {
    for (const bundle of ['server.js', 'cli.js']) {
      assert.ok(readFileSync(join(DIST, bundle), 'utf8').includes(idiomData.idiomReadings.slice(0, 400)), `${bundle} lacks the idiom data`);
    }
  });

  it('names every source of the data with its licence in the notices', () => {
    const notices = readFileSync(join(DIST, 'THIRD-PARTY-NOTICES.md'), 'utf8');
    for (const [source, licence] of [
      ['pinyin-pro', 'MIT License'],
      ['pycorrector', 'Apache License 2.0'],
      ['macro-correct', 'Apache License 2.0'],
      ['ECSpell', 'MIT License'],
      ['Unihan', 'Unicode licence'],
    ]) {
      assert.match(notices, new RegExp(`\\*\\*${source}\\*\\*[^*]*${licence}`), source);
    }
    assert.match(notices, /TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION/);
    assert.match(notices, /UNICODE, INC\. LICENSE AGREEMENT|COPYRIGHT AND PERMISSION NOTICE/);
  });
});
