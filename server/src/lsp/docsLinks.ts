/**
 * Links from a diagnostic to its rule's documentation. The docs ship inside the
 * package as `docs/rules/<id>.md` (English) and `docs/rules/<id>.zh-CN.md`
 * (Chinese), beside `dist/`, so a `file://` URL works offline and always
 * matches the installed version. A client that can show a page rendered (the
 * VS Code client's `ruleDocsCommand`) gets a `command:` link to it instead of
 * the bare file, which an editor would open as an editable source.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Locale } from '../core';

export type DocsUrl = (ruleId: string) => string;

export interface DocsLinkOptions {
  /** The page's language: a Chinese page when one exists, else the English one. */
  locale?: Locale;
  /** A client command taking the page's file URL; the link runs it (`command:<id>?["file:///…"]`). */
  viewCommand?: string;
}

/** The rule docs folder of the installed package; valid in the bundle, where this code runs from `dist/`. */
export function bundledRulesDocsDir(): string {
  return path.join(__dirname, '..', 'docs', 'rules');
}

/** The file name of a rule's page in `locale`: the Chinese page carries the `zh-CN` tag VS Code's Chinese display language uses. */
export function ruleDocsFileName(ruleId: string, locale: Locale): string {
  return locale === 'zh' ? `${ruleId}.zh-CN.md` : `${ruleId}.md`;
}

/** Each rule's link is made once: a draft can carry thousands of findings of the same few rules. */
export function ruleDocsLinker(rulesDocsDir: string, options: DocsLinkOptions = {}): DocsUrl {
  const links = new Map<string, string>();
  const page = (ruleId: string): string => {
    const localized = path.join(rulesDocsDir, ruleDocsFileName(ruleId, options.locale ?? 'en'));
    // A rule added without its translation still links to a page that exists.
    return existsSync(localized) ? localized : path.join(rulesDocsDir, ruleDocsFileName(ruleId, 'en'));
  };
  const link = (ruleId: string): string => {
    const file = pathToFileURL(page(ruleId)).href;
    return options.viewCommand ? `command:${options.viewCommand}?${encodeURIComponent(JSON.stringify([file]))}` : file;
  };
  return (ruleId) => {
    let href = links.get(ruleId);
    if (href === undefined) links.set(ruleId, (href = link(ruleId)));
    return href;
  };
}
