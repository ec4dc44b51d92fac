/** The client's own few words (progress title, warnings), in VS Code's display language; everything else comes from the server or the manifest. */
import { env } from 'vscode';

const STRINGS = {
  checking: { zh: '正在检查工作区中的发言稿', en: 'Checking the speech drafts in the workspace' },
  showProblems: { zh: '查看问题', en: 'Show Problems' },
  notADraft: { zh: '请先打开一份发言稿', en: 'Open a speech draft first' },
  statusBarName: { zh: '发言稿字数与时长', en: 'Speech length' },
} as const;

type Key = keyof typeof STRINGS;

/** The string for `key` in Chinese when VS Code speaks Chinese, else English. */
export function t(key: Key): string {
  return STRINGS[key][env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en'];
}
