/**
 * Finding, reading and caching configuration files on disk, with every fault
 * located in the file that has it.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ConfigCache } from '../../server/src/config/configCache';
import { findConfigFiles } from '../../server/src/config/findConfigFiles';
import { loadConfigFile } from '../../server/src/config/loadConfig';

describe('configuration files on disk', () => {
  let root: string;
  const write = (rel: string, body: unknown): string => {
    const file = join(root, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, typeof body === 'string' ? body : JSON.stringify(body));
    return file;
  };
  /** Each problem as `file: the text it points at — English message`. */
  const located = (problems: ReturnType<typeof loadConfigFile>['problems']): string[] =>
    problems.map((p) => `${p.file.slice(root.length + 1)}: ${p.text.slice(p.start, p.end)} — ${p.message.en}`);

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'speechlint-cache-'));
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  describe('ConfigCache', () => {
    it('finds the configuration in a parent folder, the nearest winning', () => {
      write('office/.speechlintrc.json', { rules: { 'lead-missing': 'off' } });
      write('office/team/.speechlintrc.json', { rules: { 'lead-missing': 'error' } });
      mkdirSync(join(root, 'office/drafts/2024'), { recursive: true });
      const cache = new ConfigCache();
      assert.deepEqual(cache.forDirectory(join(root, 'office/drafts/2024')).rules, { 'lead-missing': 'off' });
      assert.equal(cache.forDirectory(join(root, 'office/drafts/2024')).file, join(root, 'office/.speechlintrc.json'));
      assert.deepEqual(cache.forDirectory(join(root, 'office/team')).rules, { 'lead-missing': 'error' });
      assert.deepEqual(cache.forDirectory(join(root, 'office/team/sub')).rules, { 'lead-missing': 'error' });
    });

    it('reads a file once until cleared', () => {
      const file = write('.speechlintrc.json', { rules: { 'lead-missing': 'off' } });
      const cache = new ConfigCache();
      assert.deepEqual(cache.rulesForDirectory(root), { 'lead-missing': 'off' });
      writeFileSync(file, JSON.stringify({ rules: { 'lead-missing': 'hint' } }));
      assert.deepEqual(cache.rulesForDirectory(root), { 'lead-missing': 'off' });
      cache.clear();
      assert.deepEqual(cache.rulesForDirectory(root), { 'lead-missing': 'hint' });
    });

    it('notices a configuration created nearer after a clear', () => {
      write('.speechlintrc.json', { rules: { 'lead-missing': 'off' } });
      mkdirSync(join(root, 'sub'));
      const cache = new ConfigCache();
      assert.deepEqual(cache.rulesForDirectory(join(root, 'sub')), { 'lead-missing': 'off' });
      write('sub/.speechlintrc.json', { rules: { 'lead-missing': 'error' } });
      cache.clear();
      assert.deepEqual(cache.rulesForDirectory(join(root, 'sub')), { 'lead-missing': 'error' });
    });

    it('keeps checking with the last clean reading while the file is broken, and follows the fix', () => {
      const file = write('.speechlintrc.json', { rules: { 'lead-missing': 'off' } });
      const cache = new ConfigCache();
      assert.deepEqual(cache.rulesForDirectory(root), { 'lead-missing': 'off' });
      writeFileSync(file, '{ "rules": { "lead-missing": "error", "no-such-rule": "off" } }');
      cache.clear();
      assert.deepEqual(located(cache.forDirectory(root).problems), ['.speechlintrc.json: "no-such-rule" — Unknown rule "no-such-rule"']);
      assert.deepEqual(cache.rulesForDirectory(root), { 'lead-missing': 'off' });
      writeFileSync(file, '{ "rules": { "lead-missing": "error" } }');
      cache.clear();
      assert.deepEqual(cache.rulesForDirectory(root), { 'lead-missing': 'error' });
    });

    it('uses the defaults when the file has never read cleanly', () => {
      write('.speechlintrc.json', '{ "rules": { "lead-missing": "off", ');
      assert.deepEqual(new ConfigCache().rulesForDirectory(root), {});
    });
  });

  describe('faults, located', () => {
    it('a wrong option type, on the value', () => {
      const file = write('.speechlintrc.json', '{"rules": {"length-limit": ["warning", {"maxChars": "1500"}]}}');
      assert.deepEqual(located(loadConfigFile(file).problems), ['.speechlintrc.json: "1500" — Option "maxChars" must be a number']);
    });

    it('an unknown option, naming the known ones', () => {
      const file = write('.speechlintrc.json', '{"rules": {"number-range": ["info", {"sep": "至"}]}}');
      const [problem] = loadConfigFile(file).problems;
      assert.equal(problem.text.slice(problem.start, problem.end), '"sep"');
      assert.equal(problem.message.zh, '规则“number-range”没有选项“sep”（可用：separator）');
    });

    it('an unknown rule in an extended file, in that file', () => {
      write('base.json', '{\n  "rules": { "no-such-rule": "off" }\n}');
      const top = write('drafts/.speechlintrc.json', { extends: '../base.json', rules: { 'lead-missing': 'off' } });
      const loaded = loadConfigFile(top);
      assert.deepEqual(located(loaded.problems), ['base.json: "no-such-rule" — Unknown rule "no-such-rule"']);
      assert.deepEqual(loaded.rules, { 'lead-missing': 'off' });
    });

    it('a missing extends file, on the extends value', () => {
      const top = write('.speechlintrc.json', { extends: './shared/office.json' });
      assert.deepEqual(located(loadConfigFile(top).problems), [`.speechlintrc.json: "./shared/office.json" — File named by "extends" not found: ${join(root, 'shared/office.json')}`]);
    });

    it('a missing extends file, on the extends value even when the same text stands earlier or is escaped', () => {
      const text = '{ "$schema": "./nope.json", "extends": ".\\/nope.json" }';
      const top = write('.speechlintrc.json', text);
      const [problem] = loadConfigFile(top).problems;
      assert.equal(problem.start, text.indexOf('".\\/nope.json"'));
      assert.equal(problem.text.slice(problem.start, problem.end), '".\\/nope.json"');
    });

    it('an extends cycle, on the extends value that closes it', () => {
      const a = write('a.json', { extends: './b.json' });
      const b = write('b.json', { extends: './a.json' });
      assert.deepEqual(located(loadConfigFile(a).problems), [`b.json: "./a.json" — "extends" forms a cycle: ${a} → ${b} → ${a}`]);
    });

    it('a chain of three, the nearer file winning and options merging', () => {
      write('base.json', { rules: { 'length-limit': ['warning', { maxChars: 1500, charsPerMinute: 200 }], 'lead-missing': 'off' } });
      write('mid.json', { extends: './base.json', rules: { 'length-limit': ['error', { maxChars: 1200 }] } });
      const top = write('x/.speechlintrc.json', { extends: '../mid.json', rules: { 'lead-missing': 'info' } });
      const loaded = loadConfigFile(top);
      assert.deepEqual(loaded.problems, []);
      assert.deepEqual(loaded.rules, { 'length-limit': ['error', { maxChars: 1200, charsPerMinute: 200 }], 'lead-missing': 'info' });
      assert.deepEqual(loaded.files, [top, join(root, 'mid.json'), join(root, 'base.json')]);
    });
  });

  describe('findConfigFiles', () => {
    it('finds every configuration below a folder, skipping dot-folders and node_modules', async () => {
      write('.speechlintrc.json', {});
      write('a/b/.speechlintrc.json', {});
      write('a/other.json', {});
      write('.git/.speechlintrc.json', {});
      write('node_modules/pkg/.speechlintrc.json', {});
      assert.deepEqual(await findConfigFiles(root), [join(root, '.speechlintrc.json'), join(root, 'a/b/.speechlintrc.json')]);
    });

    it('stops after the folder bound, nearest folders first', async () => {
      write('.speechlintrc.json', {});
      write('a/b/.speechlintrc.json', {});
      assert.deepEqual(await findConfigFiles(root, 1), [join(root, '.speechlintrc.json')]);
    });
  });
});
