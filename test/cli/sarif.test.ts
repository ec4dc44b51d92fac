/**
 * `speechlint --format sarif`: valid against the SARIF 2.1.0 schema (the
 * OASIS TC's, copied in test/fixtures/sarif, see its README), with the
 * locations, levels and rule metadata a CI dashboard needs.
 *
 * astral.speech.md: the title `𠀀𠀀工作报告。` ends in `。` at UTF-16 column 13
 * (1-based; code point 11); faults.speech.md: see cli.test.ts.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import { allRules } from '../../server/src/core';
import { ensureBuilt, ROOT } from '../lsp/ensureBuilt';
import { FIXTURES, speechlint, writeTree } from './run';

interface SarifLog {
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; rules: Array<{ id: string; shortDescription: { text: string }; fullDescription: { text: string }; helpUri?: string; help?: { text: string; markdown: string }; defaultConfiguration: { level: string } }> } };
    columnKind: string;
    language: string;
    originalUriBaseIds: Record<string, { uri: string }>;
    artifacts: Array<{ location: { uri?: string; uriBaseId?: string; description?: { text: string } } }>;
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: { uri?: string; uriBaseId?: string; index: number }; region: Record<string, number> } }>;
    }>;
  }>;
}

/** The schema as published, compiled by the project's Ajv (see test/fixtures/sarif/README.md for why `$schema` and `id` are dropped). */
function sarifValidator(): ValidateFunction {
  const { $schema: _draft, id: _id, ...schema } = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/sarif/sarif-2.1.0-rtm.5.json'), 'utf8'));
  // Patterns without the `u` flag, as JSON Schema draft-04 reads them: the schema's `language` pattern has a stray `]` that only a Unicode-mode RegExp rejects.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  // RFC 3986: an absolute URI has a scheme; a reference uses only URI characters, with %-escapes well formed.
  const URI_CHARS = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
  ajv.addFormat('uri', (s: string) => /^[A-Za-z][A-Za-z0-9+.-]*:/.test(s) && URI_CHARS.test(s));
  ajv.addFormat('uri-reference', (s: string) => URI_CHARS.test(s));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  return ajv.compile(schema);
}

describe('speechlint --format sarif', function () {
  this.timeout(60_000);
  let validate: ValidateFunction;
  let tmp: string;

  before(function () {
    ensureBuilt();
    validate = sarifValidator();
  });

  beforeEach(function () {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'speechlint-sarif-'));
  });

  afterEach(function () {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const run = (args: string[], opts: Parameters<typeof speechlint>[1] = {}): { log: SarifLog; status: number | null } => {
    const r = speechlint(['--format', 'sarif', ...args], opts);
    assert.equal(r.stderr, '');
    const log = JSON.parse(r.stdout) as SarifLog;
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    return { log, status: r.status };
  };

  it('validates against the SARIF 2.1.0 schema, and the validator does reject a broken log', function () {
    const { log } = run(['faults.speech.md', 'astral.speech.md', 'clean.speech.md']);
    const broken = structuredClone(log);
    broken.runs[0].results[0].locations[0].physicalLocation.region.startColumn = 0;
    assert.ok(!validate(broken));
    assert.ok(!validate({ ...log, version: '2.0.0' }));
  });

  it('locates results with 1-based lines and UTF-16 columns, the end column just past the region', function () {
    const { log, status } = run(['astral.speech.md', 'faults.speech.md']);
    const [sarif] = log.runs;
    assert.equal(log.version, '2.1.0');
    assert.equal(sarif.columnKind, 'utf16CodeUnits');
    assert.equal(sarif.language, 'zh-CN');
    assert.deepEqual(sarif.originalUriBaseIds, { '%SRCROOT%': { uri: pathToFileURL(FIXTURES).href + '/' } });
    assert.deepEqual(sarif.artifacts, [{ location: { uri: 'astral.speech.md', uriBaseId: '%SRCROOT%' } }, { location: { uri: 'faults.speech.md', uriBaseId: '%SRCROOT%' } }]);
    const index = (id: string): number => allRules.findIndex((r) => r.meta.id === id);
    const result = (ruleId: string, level: string, text: string, file: number, region: [number, number, number, number]) => ({
      ruleId,
      ruleIndex: index(ruleId),
      level,
      message: { text },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: ['astral.speech.md', 'faults.speech.md'][file], uriBaseId: '%SRCROOT%', index: file },
            region: { startLine: region[0], startColumn: region[1], endLine: region[2], endColumn: region[3] },
          },
        },
      ],
    });
    assert.deepEqual(sarif.results, [
      result('title-form', 'warning', '标题末尾不应有标点“。”，应删去', 0, [1, 13, 1, 14]),
      result('section-numbering', 'error', '第2个一级标题的序号应为“二、”，现为“三、”', 1, [9, 1, 9, 3]),
      result('section-marker', 'warning', '标题序号“四.”应写作“四、”', 1, [11, 1, 11, 3]),
      result('section-numbering', 'error', '第3个一级标题的序号应为“三、”，现为“四.”', 1, [11, 1, 11, 3]),
    ]);
    assert.equal(status, 1);
  });

  it('describes every rule, with its default level and a help link to its page in the package', function () {
    const { log, status } = run(['clean.speech.md'], { env: { SPEECHLINT_LOCALE: 'en' } });
    const { driver } = log.runs[0].tool;
    assert.equal(driver.name, 'speechlint');
    assert.equal(driver.version, JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    assert.equal(log.runs[0].language, 'en-US');
    assert.deepEqual(log.runs[0].results, []);
    assert.deepEqual(
      driver.rules.map((r) => r.id),
      allRules.map((r) => r.meta.id),
    );
    const levels: Record<string, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
    for (const [i, rule] of driver.rules.entries()) {
      const { meta } = allRules[i];
      assert.equal(rule.shortDescription.text, meta.description.en);
      assert.equal(rule.defaultConfiguration.level, levels[meta.defaultSeverity]);
      const page = path.join(ROOT, 'docs', 'rules', `${meta.id}.md`);
      assert.equal(rule.helpUri, pathToFileURL(page).href);
      assert.ok(fs.existsSync(fileURLToPath(rule.helpUri!)));
      assert.equal(rule.help!.markdown, fs.readFileSync(page, 'utf8'));
      assert.ok(rule.fullDescription.text.length > 0 && !rule.fullDescription.text.startsWith('#'), rule.id);
    }
    assert.equal(driver.rules.find((r) => r.id === 'number-range')!.defaultConfiguration.level, 'note');
    assert.equal(status, 0);
  });

  it('names files outside the working folder by absolute URI, escapes names, and describes standard input', function () {
    writeTree(tmp, { 'in/发言 稿.speech.md': fs.readFileSync(path.join(FIXTURES, 'astral.speech.md'), 'utf8') });
    const outside = path.join(FIXTURES, 'astral.speech.md');
    const { log } = run(['发言 稿.speech.md', outside, '-'], { cwd: path.join(tmp, 'in'), input: '### 标题。\n' });
    assert.deepEqual(
      log.runs[0].artifacts.map((a) => a.location),
      [{ uri: '%E5%8F%91%E8%A8%80%20%E7%A8%BF.speech.md', uriBaseId: '%SRCROOT%' }, { uri: pathToFileURL(outside).href }, { description: { text: '<stdin>' } }],
    );
    assert.deepEqual(
      log.runs[0].results.map((r) => [r.locations[0].physicalLocation.artifactLocation.index, r.locations[0].physicalLocation.region.startColumn]),
      [
        [0, 13],
        [1, 13],
        [2, 5], // speaker-missing on the title's words
        [2, 7], // title-form on its `。`
      ],
    );
  });

  it('honours the configuration: levels, options and rules turned off', function () {
    writeTree(tmp, {
      '.speechlintrc.json': JSON.stringify({ rules: { 'section-marker': 'info', 'section-numbering': 'off' } }),
      'd.speech.md': fs.readFileSync(path.join(FIXTURES, 'faults.speech.md'), 'utf8'),
    });
    const { log, status } = run(['d.speech.md'], { cwd: tmp });
    assert.deepEqual(
      log.runs[0].results.map((r) => [r.ruleId, r.level]),
      [['section-marker', 'note']],
    );
    assert.equal(status, 0);
  });
});
