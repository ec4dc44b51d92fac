import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { allRules } from '../../server/src/core';
import { configSchema, layerRuleSettings, parseConfig } from '../../server/src/core/config';
import { loadConfigFile, loadConfigFor } from '../../server/src/config/loadConfig';

const someRule = (): string => allRules[0].meta.id;

describe('configuration file', () => {
  describe('parseConfig', () => {
    it('reads severities and [severity, options]', () => {
      const id = someRule();
      const { config, problems } = parseConfig(`{ "rules": { "${id}": "off" } }`);
      assert.deepEqual(problems, []);
      assert.deepEqual(config.rules, { [id]: 'off' });
    });

    it('locates invalid JSON', () => {
      const text = '{ "rules": { ';
      const { problems } = parseConfig(text);
      assert.ok(problems.length > 0);
      assert.match(problems[0].message.zh, /JSON 语法错误/);
      assert.ok(problems[0].start <= text.length);
    });

    it('locates an unknown rule id on its key', () => {
      const text = '{\n  "rules": { "no-such-rule": "error" }\n}';
      const { problems, config } = parseConfig(text);
      assert.equal(problems.length, 1);
      assert.equal(text.slice(problems[0].start, problems[0].end), '"no-such-rule"');
      assert.equal(problems[0].message.zh, '未知的规则“no-such-rule”');
      assert.equal(problems[0].message.en, 'Unknown rule "no-such-rule"');
      assert.deepEqual(config.rules, {});
    });

    it('locates a wrong severity and an unknown top-level key', () => {
      const id = someRule();
      const text = `{"rules": {"${id}": "fatal"}, "colour": 1}`;
      const { problems } = parseConfig(text);
      assert.deepEqual(problems.map((p) => text.slice(p.start, p.end)), ['"fatal"', '"colour"']);
    });

    it('refuses an oversized file without parsing it', () => {
      const { problems } = parseConfig(' '.repeat(300 * 1024));
      assert.equal(problems.length, 1);
      assert.match(problems[0].message.en, /too large/);
    });
  });

  describe('layerRuleSettings', () => {
    it('lets later layers win and keeps options under a bare severity', () => {
      const merged = layerRuleSettings({ a: ['warning', { max: 1 }], b: 'error' }, { a: 'error', b: 'off' }, { c: 'info' });
      assert.deepEqual(merged, { a: ['error', { max: 1 }], b: 'off', c: 'info' });
    });

    it('merges options of two [severity, options] layers', () => {
      assert.deepEqual(layerRuleSettings({ a: ['warning', { x: 1, y: 2 }] }, { a: ['error', { y: 3 }] }), { a: ['error', { x: 1, y: 3 }] });
    });
  });

  describe('schema generated from the rule declarations', () => {
    const ajv = new Ajv({ strict: false });
    const validate = ajv.compile(configSchema());

    it('lists every rule', () => {
      const props = (configSchema() as { properties: { rules: { properties: object } } }).properties.rules.properties;
      assert.deepEqual(Object.keys(props).sort(), allRules.map((r) => r.meta.id).sort());
    });

    it('accepts a valid file and rejects unknown rules and bad severities', () => {
      const id = someRule();
      assert.ok(validate({ extends: '../base.json', rules: { [id]: 'warning' } }));
      assert.ok(!validate({ rules: { 'no-such-rule': 'warning' } }));
      assert.ok(!validate({ rules: { [id]: 'fatal' } }));
    });
  });

  describe('loading files from disk', () => {
    const root = mkdtempSync(join(tmpdir(), 'speechlint-config-'));
    const id = someRule();
    const write = (rel: string, body: unknown): string => {
      const file = join(root, rel);
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, typeof body === 'string' ? body : JSON.stringify(body));
      return file;
    };

    it('finds a configuration in a parent folder, nearest wins', () => {
      write('a/.speechlintrc.json', { rules: { [id]: 'error' } });
      write('a/b/c/.speechlintrc.json', { rules: { [id]: 'hint' } });
      assert.deepEqual(loadConfigFor(join(root, 'a/b/draft.speech.md')).rules, { [id]: 'error' });
      assert.deepEqual(loadConfigFor(join(root, 'a/b/c/draft.speech.md')).rules, { [id]: 'hint' });
      assert.deepEqual(loadConfigFor(join(root, 'elsewhere/draft.speech.md'), root).rules, {});
    });

    it('follows an extends chain, the extending file winning', () => {
      write('chain/base.json', { rules: { [id]: ['warning', { unknownIsChecked: true }] } });
      const mid = write('chain/mid.json', { extends: './base.json', rules: { [id]: 'error' } });
      const top = write('chain/x/.speechlintrc.json', { extends: '../mid.json' });
      const loaded = loadConfigFile(top);
      assert.deepEqual(loaded.files, [top, mid, join(root, 'chain/base.json')]);
      // The option is unknown for this rule: reported, and the rest still applies.
      assert.equal(loaded.problems.length, 1);
      assert.equal(loaded.rules[id], 'error');
    });

    it('reports an extends cycle on the extends value, and a missing file', () => {
      write('cyc/one.json', { extends: './two.json' });
      const two = write('cyc/two.json', { extends: './one.json' });
      const cyc = loadConfigFile(join(root, 'cyc/one.json'));
      assert.equal(cyc.problems.length, 1);
      assert.equal(cyc.problems[0].file, two);
      assert.equal(cyc.problems[0].text.slice(cyc.problems[0].start, cyc.problems[0].end), '"./one.json"');
      assert.match(cyc.problems[0].message.zh, /循环/);
      const missing = loadConfigFile(write('miss/.speechlintrc.json', { extends: './nope.json' }));
      assert.equal(missing.problems.length, 1);
      assert.match(missing.problems[0].message.en, /not found/);
    });
  });
});
