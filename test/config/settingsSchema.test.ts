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
import { settingsContributions } from '../../server/src/lsp/settings';

const read = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', '..', name), 'utf8'));
const manifest = read('package.json');
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

describe('Settings UI settings', () => {
  const generated = settingsContributions();
  const properties = manifest.contributes.configuration.properties;

  it('are in package.json as generated from the rule catalog (run `npm run sync:settings` after changing a rule)', () => {
    const inManifest = Object.fromEntries(Object.entries(properties).filter(([key]) => key === 'speech.readingPace' || key.startsWith('speech.severity.')));
    assert.deepEqual(inManifest, generated.properties);
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ['speech.rules', ...generated.restricted]);
  });

  it('offer each rule’s severity as a choice, and the pace as a number', () => {
    assert.deepEqual(Object.keys(properties).filter((k) => k.startsWith('speech.severity.')).sort(), allRules.map((r) => `speech.severity.${r.meta.id}`).sort());
    for (const r of allRules) assert.deepEqual(properties[`speech.severity.${r.meta.id}`].enum, ['default', 'off', 'hint', 'info', 'warning', 'error']);
    assert.deepEqual(properties['speech.readingPace'].type, ['number', 'null']);
  });

  it('have their texts in both languages', () => {
    const zh = read('package.nls.zh-cn.json');
    const en = read('package.nls.json');
    for (const [key, text] of Object.entries(generated.nls.zh)) assert.equal(zh[key], text, key);
    for (const [key, text] of Object.entries(generated.nls.en)) assert.equal(en[key], text, key);
    assert.match(zh['config.severity.latin-word'], /^`latin-word`：中文里夹杂的英文单词/);
    assert.match(en['config.severity.latin-word'], /^`latin-word`: An English word/);
  });
});
