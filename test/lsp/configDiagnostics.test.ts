/** Configuration faults as diagnostics on the configuration files, and publishing only what changed. */
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import type { FileProblem } from '../../server/src/config/loadConfig';
import { ConfigDiagnosticsPublisher, configDiagnostics } from '../../server/src/lsp/configDiagnostics';

const TEXT = '{\n  "rules": {\n    "no-such-rule": "off",\n    "𠀀": 1\n  }\n}\n';
const problem = (file: string, needle: string, en: string): FileProblem => {
  const start = TEXT.indexOf(needle);
  return { file, text: TEXT, start, end: start + needle.length, message: { zh: `中文：${en}`, en } };
};

describe('configuration diagnostics', function () {
  it('puts each fault at its place in its own file, in the client’s language, once', function () {
    const a = '/work/office/.speechlintrc.json';
    const b = '/work/base.json';
    const unknown = problem(a, '"no-such-rule"', 'Unknown rule "no-such-rule"');
    // Line 3 holds an astral character: the end column counts UTF-16 units.
    const astral = problem(b, '"𠀀"', 'Unknown rule "𠀀"');
    const byUri = configDiagnostics([unknown, astral, unknown], 'zh');
    assert.deepEqual([...byUri.keys()], [pathToFileURL(a).href, pathToFileURL(b).href]);
    assert.deepEqual(byUri.get(pathToFileURL(a).href), [
      { range: { start: { line: 2, character: 4 }, end: { line: 2, character: 18 } }, severity: 1, source: 'speechlint', message: '中文：Unknown rule "no-such-rule"' },
    ]);
    assert.deepEqual(byUri.get(pathToFileURL(b).href)![0].range, { start: { line: 3, character: 4 }, end: { line: 3, character: 8 } });
  });

  it('publishes new and changed files, and clears files that became clean', function () {
    const sent: Array<[string, number]> = [];
    const publisher = new ConfigDiagnosticsPublisher((uri, diagnostics) => sent.push([uri, diagnostics.length]));
    const one: Diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'x' };
    publisher.update(new Map([['file:///a', [one]], ['file:///b', [one, one]]]));
    publisher.update(new Map([['file:///a', [one]], ['file:///b', [one]]]));
    publisher.update(new Map([['file:///b', [one]]]));
    publisher.update(new Map());
    assert.deepEqual(sent, [
      ['file:///a', 1],
      ['file:///b', 2],
      ['file:///b', 1],
      ['file:///a', 0],
      ['file:///b', 0],
    ]);
  });
});
