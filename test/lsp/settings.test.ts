/** The `speech.*` settings as the server reads them from a `workspace/configuration` answer. */
import assert from 'node:assert/strict';
import { checksLanguage } from '../../server/src/lsp/protocol';
import { DEFAULT_SETTINGS, readSettings } from '../../server/src/lsp/settings';

describe('speech.* settings', function () {
  it('defaults everything when the client gives nothing', function () {
    for (const raw of [undefined, null, 'speech', {}]) {
      assert.deepEqual(readSettings(raw), { settings: { rules: {}, run: 'onType', checkMarkdown: false, checkPlaintext: false }, problems: [] });
    }
  });

  it('reads rules in the file’s shape, and the switches', function () {
    const raw = { rules: { 'lead-missing': 'off', 'number-range': ['warning', { separator: '至' }] }, run: 'onSave', checkMarkdown: true, checkPlaintext: true, trace: { server: 'off' } };
    assert.deepEqual(readSettings(raw), {
      settings: { rules: { 'lead-missing': 'off', 'number-range': ['warning', { separator: '至' }] }, run: 'onSave', checkMarkdown: true, checkPlaintext: true },
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

  it('checks speech drafts always, Markdown and plain text only when switched on, nothing else', function () {
    const on = { ...DEFAULT_SETTINGS, checkMarkdown: true, checkPlaintext: true };
    assert.deepEqual(['speech', 'markdown', 'plaintext', 'json'].map((id) => checksLanguage(id, DEFAULT_SETTINGS)), [true, false, false, false]);
    assert.deepEqual(['speech', 'markdown', 'plaintext', 'json'].map((id) => checksLanguage(id, on)), [true, true, true, false]);
    assert.deepEqual(['markdown', 'plaintext'].map((id) => checksLanguage(id, { ...DEFAULT_SETTINGS, checkMarkdown: true })), [true, false]);
  });
});
