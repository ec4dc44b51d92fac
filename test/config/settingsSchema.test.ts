/**
 * The `speech.rules` setting in package.json carries the same schema as
 * "rules" in .speechlintrc.json, generated from the rule declarations: VS Code
 * completes rule ids and options in settings.json and flags unknown ones. A
 * rule added or changed without `npm run sync:settings` fails here.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../../server/src/core';
import { rulesSchema } from '../../server/src/core/config';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
const setting = manifest.contributes.configuration.properties['speech.rules'];

describe('speech.rules setting schema', () => {
  it('matches the rules schema of .speechlintrc.json (run `npm run sync:settings` after changing a rule)', () => {
    const { type, properties, additionalProperties } = setting;
    assert.deepEqual({ type, properties, additionalProperties }, rulesSchema());
  });

  it('names every rule and no other key, and keeps the setting resource-scoped with an empty default', () => {
    assert.deepEqual(Object.keys(setting.properties).sort(), allRules.map((r) => r.meta.id).sort());
    assert.equal(setting.additionalProperties, false);
    assert.deepEqual(setting.default, {});
    assert.equal(setting.scope, 'resource');
  });
});
