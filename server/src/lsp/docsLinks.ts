/**
 * Links from a diagnostic to its rule's documentation. The docs ship inside the
 * package as `docs/rules/<id>.md`, beside `dist/`, so a `file://` URL works
 * offline and always matches the installed version.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export type DocsUrl = (ruleId: string) => string;

/** The rule docs folder of the installed package; valid in the bundle, where this code runs from `dist/`. */
export function bundledRulesDocsDir(): string {
  return path.join(__dirname, '..', 'docs', 'rules');
}

/** Each rule's link is made once: a draft can carry thousands of findings of the same few rules. */
export function ruleDocsLinker(rulesDocsDir: string): DocsUrl {
  const links = new Map<string, string>();
  return (ruleId) => {
    let link = links.get(ruleId);
    if (link === undefined) links.set(ruleId, (link = pathToFileURL(path.join(rulesDocsDir, `${ruleId}.md`)).href));
    return link;
  };
}
