/**
 * Rule options set in a `.speechlintrc.json` reach the rules: file on disk →
 * loader → engine → findings and fixes.
 *
 * The draft (the body counts 16 characters: `我们认真学习文件精神。` 11, then
 * `加强领导。` 5 — the marker `一、` is layout and not counted):
 *   ### 加强学习 推动发展
 *   某区政协主席 赵志强
 *
 *   我们认真学习文件精神。
 *
 *   一、加强领导。
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfigFor } from '../../server/src/config/loadConfig';
import { applyFixes, check } from '../../server/src/core';

const DRAFT = '### 加强学习 推动发展\n某区政协主席 赵志强\n\n我们认真学习文件精神。\n\n一、加强领导。\n';
const TITLE = { start: 4, end: 13 };

describe('rule options from a configuration file', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'speechlint-options-'));
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  /** Checks `text` as a draft in a folder whose `.speechlintrc.json` is `config`. */
  function checkWith(config: unknown, text: string) {
    mkdirSync(join(root, 'drafts'), { recursive: true });
    writeFileSync(join(root, '.speechlintrc.json'), JSON.stringify(config));
    const loaded = loadConfigFor(join(root, 'drafts', 'draft.speech.md'));
    assert.deepEqual(loaded.problems, []);
    const { findings } = check(text, { rules: loaded.rules });
    return findings.map((f) => ({ rule: f.ruleId, severity: f.severity, span: f.span, zh: f.message.zh, fixed: f.fix ? applyFixes(text, [f]).text : undefined }));
  }

  describe('length-limit', () => {
    it('is silent unless a limit is configured', () => {
      assert.deepEqual(checkWith({ rules: {} }, DRAFT), []);
    });

    it('reports a speech over maxChars, and not one at it', () => {
      assert.deepEqual(checkWith({ rules: { 'length-limit': ['warning', { maxChars: 15 }] } }, DRAFT), [
        { rule: 'length-limit', severity: 'warning', span: TITLE, zh: '发言正文16字，超过限定的15字，应压缩', fixed: undefined },
      ]);
      assert.deepEqual(checkWith({ rules: { 'length-limit': ['warning', { maxChars: 16 }] } }, DRAFT), []);
    });

    it('reports a speech over maxMinutes at the default pace of 220 characters a minute', () => {
      // 16 / 220 = 0.073 minutes, shown rounded up to 0.1.
      assert.deepEqual(checkWith({ rules: { 'length-limit': ['error', { maxMinutes: 0.05 }] } }, DRAFT), [
        { rule: 'length-limit', severity: 'error', span: TITLE, zh: '按每分钟220字计，发言约需0.1分钟，超过限定的0.05分钟，应压缩', fixed: undefined },
      ]);
    });

    it('uses charsPerMinute for the speaking time', () => {
      // 16 / 400 = 0.04 minutes: within 0.05; at 300 a minute 0.053 is not.
      assert.deepEqual(checkWith({ rules: { 'length-limit': ['warning', { maxMinutes: 0.05, charsPerMinute: 400 }] } }, DRAFT), []);
      assert.deepEqual(
        checkWith({ rules: { 'length-limit': ['warning', { maxMinutes: 0.05, charsPerMinute: 300 }] } }, DRAFT).map((f) => f.zh),
        ['按每分钟300字计，发言约需0.1分钟，超过限定的0.05分钟，应压缩'],
      );
    });
  });

  describe('number-range', () => {
    const text = DRAFT.replace('一、加强领导。', '一、加强领导。每名委员联系1-2名党外委员。');
    const at = text.indexOf('1-2');

    it('fixes with ～ by default', () => {
      assert.deepEqual(checkWith({ rules: {} }, text), [
        { rule: 'number-range', severity: 'info', span: { start: at, end: at + 3 }, zh: '数值范围“1-2”应写作“1～2”', fixed: text.replace('1-2', '1～2') },
      ]);
    });

    it('fixes with 至 when the separator option says so, at the configured severity', () => {
      assert.deepEqual(checkWith({ rules: { 'number-range': ['warning', { separator: '至' }] } }, text), [
        { rule: 'number-range', severity: 'warning', span: { start: at, end: at + 3 }, zh: '数值范围“1-2”应写作“1至2”', fixed: text.replace('1-2', '1至2') },
      ]);
    });
  });

  describe('terms', () => {
    const text = DRAFT.replace('一、加强领导。', '一、加强领导。登陆系统填报，统一布署。');

    it('adds the user’s own pairs to the shipped list', () => {
      const login = text.indexOf('登陆系统');
      const deploy = text.indexOf('布署');
      assert.deepEqual(checkWith({ rules: { terms: ['warning', { pairs: { 登陆系统: '登录系统' } }] } }, text), [
        { rule: 'terms', severity: 'warning', span: { start: login, end: login + 4 }, zh: '“登陆系统”应为“登录系统”', fixed: text.replace('登陆系统', '登录系统') },
        { rule: 'terms', severity: 'warning', span: { start: deploy, end: deploy + 2 }, zh: '“布署”应为“部署”', fixed: text.replace('布署', '部署') },
      ]);
    });

    it('switches a shipped pair off with an empty preferred form', () => {
      assert.deepEqual(checkWith({ rules: { terms: ['warning', { pairs: { 布署: '' } }] } }, text), []);
    });
  });
});
