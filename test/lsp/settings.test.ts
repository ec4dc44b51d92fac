/** The `speech.*` settings as the server reads them from a `workspace/configuration` answer. */
import assert from 'node:assert/strict';
import { checksLanguage } from '../../server/src/lsp/protocol';
import { paceFromSettings } from '../../server/src/core/summary';
import { DEFAULT_SETTINGS, readSettings, withEditorSettings } from '../../server/src/lsp/settings';

describe('speech.* settings', function () {
  it('defaults everything when the client gives nothing', function () {
    for (const raw of [undefined, null, 'speech', {}]) {
      assert.deepEqual(readSettings(raw), { settings: { rules: {}, run: 'onType', checkMarkdown: false, checkPlaintext: false, severity: {}, readingPace: null }, problems: [] });
    }
  });

  it('reads rules in the file’s shape, and the switches', function () {
    const raw = { rules: { 'lead-missing': 'off', 'number-range': ['warning', { separator: '至' }] }, run: 'onSave', checkMarkdown: true, checkPlaintext: true, trace: { server: 'off' } };
    assert.deepEqual(readSettings(raw), {
      settings: { rules: { 'lead-missing': 'off', 'number-range': ['warning', { separator: '至' }] }, run: 'onSave', checkMarkdown: true, checkPlaintext: true, severity: {}, readingPace: null },
      problems: [],
    });
  });

  it('keeps the valid part and says what it ignored', function () {
    const { settings, problems } = readSettings({ rules: { 'lead-missing': 'off', 'no-such-rule': 'error', 'title-form': 'fatal' }, run: 'sometimes', checkMarkdown: 'yes' });
    assert.deepEqual(settings, { ...DEFAULT_SETTINGS, rules: { 'lead-missing': 'off' } });
    assert.deepEqual(
      problems.map((p) => p.en),
      ['speech.rules: Unknown rule "no-such-rule"', 'speech.rules: Severity must be one of off, hint, info, warning, error', 'speech.run must be "onType" or "onSave"', 'speech.checkMarkdown must be true or false'],
    );
    assert.equal(problems[0].zh, 'speech.rules：未知的规则“no-such-rule”');
  });

  it('reads the Settings UI’s severities and reading pace, leaving `default` to the configuration', function () {
    // VS Code hands `speech.severity.<id>` over as one nested object, every rule present.
    const raw = { severity: { 'lead-missing': 'default', 'latin-word': 'off', 'title-form': 'error' }, readingPace: 180 };
    assert.deepEqual(readSettings(raw), { settings: { ...DEFAULT_SETTINGS, severity: { 'latin-word': 'off', 'title-form': 'error' }, readingPace: 180 }, problems: [] });
    const bad = readSettings({ severity: { 'no-such-rule': 'off', 'title-form': 'fatal' }, readingPace: 0 });
    assert.deepEqual(bad.settings, DEFAULT_SETTINGS);
    assert.deepEqual(bad.problems.map((p) => p.zh), [
      'speech.severity：未知的规则“no-such-rule”',
      'speech.severity.title-form 应为 default、off、hint、info、warning、error 之一',
      'speech.readingPace 应为不小于 1 的数',
    ]);
  });

  it('puts the Settings UI’s choices over the configuration, keeping what they do not set', function () {
    const configured = { 'number-range': ['info', { separator: '至' }], 'length-limit': ['off', { charsPerMinute: 200, maxChars: 3000 }] } as const;
    const settings = { ...DEFAULT_SETTINGS, severity: { 'number-range': 'error' as const }, readingPace: 180 };
    assert.deepEqual(withEditorSettings(configured, settings), {
      'number-range': ['error', { separator: '至' }],
      'length-limit': ['off', { charsPerMinute: 180, maxChars: 3000 }],
    });
    // Nothing set there: the configuration as it is, and its pace.
    assert.deepEqual(withEditorSettings(configured, DEFAULT_SETTINGS), configured);
    assert.equal(paceFromSettings(withEditorSettings({}, { ...DEFAULT_SETTINGS, readingPace: 150 })), 150);
    assert.deepEqual(withEditorSettings({}, { ...DEFAULT_SETTINGS, readingPace: 150 }), { 'length-limit': ['warning', { charsPerMinute: 150 }] });
  });

  it('checks speech drafts always, Markdown and plain text only when switched on, nothing else', function () {
    const on = { ...DEFAULT_SETTINGS, checkMarkdown: true, checkPlaintext: true };
    assert.deepEqual(['speech', 'markdown', 'plaintext', 'json'].map((id) => checksLanguage(id, DEFAULT_SETTINGS)), [true, false, false, false]);
    assert.deepEqual(['speech', 'markdown', 'plaintext', 'json'].map((id) => checksLanguage(id, on)), [true, true, true, false]);
    assert.deepEqual(['markdown', 'plaintext'].map((id) => checksLanguage(id, { ...DEFAULT_SETTINGS, checkMarkdown: true })), [true, false]);
  });
});
