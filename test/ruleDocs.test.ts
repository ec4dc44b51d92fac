/**
 * Every rule of the catalog has its page in English (`docs/rules/<id>.md`) and
 * in Chinese (`docs/rules/<id>.zh-CN.md`, the page a Chinese VS Code opens from a
 * diagnostic), and the two say the same: the same header facts (category,
 * default severity, whether the fix is applied in bulk), the same sections and
 * the same number of examples, with the Chinese page written in Chinese.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../server/src/core';

const ROOT = join(__dirname, '..');
const RULES_DIR = join(ROOT, 'docs', 'rules');

const CATEGORY: Record<string, string> = { structure: '结构', text: '文字' };
const SEVERITY: Record<string, string> = { error: '错误', warning: '警告', info: '提示', hint: '暗示' };
const BULK: Record<string, string> = { yes: '是', no: '否' };

/** The page without its code: fenced blocks and inline spans quote drafts, in either language. */
function prose(page: string): string {
  return page.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

describe('rule pages', () => {
  it('are pages of rules in the catalog, in pairs', () => {
    const ids = new Set(allRules.map((r) => r.meta.id));
    for (const file of readdirSync(RULES_DIR)) {
      const id = file.replace(/(\.zh-CN)?\.md$/, '');
      assert.ok(ids.has(id), `docs/rules/${file} documents no rule of the catalog`);
    }
  });

  for (const rule of allRules) {
    const id = rule.meta.id;
    describe(id, () => {
      const en = join(RULES_DIR, `${id}.md`);
      const zh = join(RULES_DIR, `${id}.zh-CN.md`);

      it('has an English and a Chinese page', () => {
        assert.ok(existsSync(en), `docs/rules/${id}.md is missing`);
        assert.ok(existsSync(zh), `docs/rules/${id}.zh-CN.md is missing`);
      });

      it('states the same facts in the Chinese header as in the English one', function () {
        if (!existsSync(en) || !existsSync(zh)) this.skip();
        const [enTitle, , enHeader] = readFileSync(en, 'utf8').split('\n');
        const [zhTitle, , zhHeader] = readFileSync(zh, 'utf8').split('\n');
        assert.equal(zhTitle, enTitle, 'both pages are titled by the rule id');
        const category = /\*\*Category:\*\* (\w+)/.exec(enHeader)?.[1] ?? '';
        const severity = /\*\*Default severity:\*\* (\w+)/.exec(enHeader)?.[1] ?? '';
        assert.equal(severity, rule.meta.defaultSeverity, enHeader);
        assert.ok(zhHeader.includes(`**类别**：${CATEGORY[category]}`), `category ${category} not said in: ${zhHeader}`);
        assert.ok(zhHeader.includes(`**默认级别**：${SEVERITY[severity]}`), `severity ${severity} not said in: ${zhHeader}`);
        const bulk = /\*\*Applied in bulk:\*\* (yes|no)/.exec(enHeader)?.[1];
        const zhBulk = /\*\*批量修复\*\*：(是|否)/.exec(zhHeader)?.[1];
        assert.equal(zhBulk, bulk && BULK[bulk], `bulk fixing not said alike:\n${enHeader}\n${zhHeader}`);
        assert.equal(zhHeader.includes('**默认关闭'), enHeader.includes('**Off unless configured'), zhHeader);
      });

      it('has the same sections and examples, in Chinese', function () {
        if (!existsSync(en) || !existsSync(zh)) this.skip();
        const enPage = readFileSync(en, 'utf8');
        const zhPage = readFileSync(zh, 'utf8');
        assert.equal(count(zhPage, /^#{2,3} /gm), count(enPage, /^#{2,3} /gm), 'section headings');
        assert.equal(count(zhPage, /^```/gm), count(enPage, /^```/gm), 'code fences');
        // A soft line break renders as a space, which Chinese text must not have: a paragraph is one line.
        const wrapped = prose(zhPage).split('\n').filter((line, i, lines) => i > 0 && /^\p{Script=Han}/u.test(line) && /\p{Script=Han}$/u.test(lines[i - 1]));
        assert.deepEqual(wrapped, [], 'paragraph lines broken between two Chinese characters');
        const text = prose(zhPage);
        assert.ok(count(text, /\p{Script=Han}/gu) > count(text, /[A-Za-z]/g), 'the Chinese page reads mostly as Latin text');
      });
    });
  }
});

describe('README.zh-CN.md', () => {
  it('is linked from the top of README.md', () => {
    const top = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n').slice(0, 5).join('\n');
    assert.match(top, /\]\(README\.zh-CN\.md\)/);
  });

  it('lists every rule with a link to its Chinese page', () => {
    const readme = readFileSync(join(ROOT, 'README.zh-CN.md'), 'utf8');
    for (const rule of allRules) assert.ok(readme.includes(`(docs/rules/${rule.meta.id}.zh-CN.md)`), `${rule.meta.id} is not listed`);
  });

  it('covers install, the checks, the commands, the settings and the Word workflow', () => {
    const headings = readFileSync(join(ROOT, 'README.zh-CN.md'), 'utf8').match(/^## .*/gm) ?? ([] as string[]);
    for (const heading of ['## 安装', '## 检查什么', '## 命令', '## 设置', '## Word 工作流程']) assert.ok(headings.includes(heading), `no section ${heading}`);
  });
});

