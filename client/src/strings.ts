/** The client's own few words (progress title, warnings), in VS Code's display language; everything else comes from the server or the manifest. */
import { env } from 'vscode';

const STRINGS = {
  checking: { zh: '正在检查工作区中的发言稿', en: 'Checking the speech drafts in the workspace' },
  showProblems: { zh: '查看问题', en: 'Show Problems' },
  notADraft: { zh: '请先打开一份发言稿', en: 'Open a speech draft first' },
  statusBarName: { zh: '发言稿字数与时长', en: 'Speech length' },
  setPace: { zh: '设置语速', en: 'Set the Reading Pace' },
  // The print preview.
  previewTitle: { zh: '版式预览：{file}', en: 'Print Preview: {file}' },
  previewWaiting: { zh: '正在等待发言稿检查服务……', en: 'Waiting for the speech checker…' },
  previewClosed: { zh: '发言稿已关闭', en: 'The draft was closed' },
  // The Word commands: dialogs, prompts and outcomes.
  wordChannel: { zh: '发言稿：Word', en: 'Speech: Word' },
  wordFilter: { zh: 'Word 文档', en: 'Word document' },
  draftFilter: { zh: '发言稿', en: 'Speech draft' },
  exportSave: { zh: '导出为 Word', en: 'Export to Word' },
  exported: { zh: '已导出：{file}', en: 'Exported: {file}' },
  open: { zh: '打开', en: 'Open' },
  importOpen: { zh: '从 Word 导入', en: 'Import from Word' },
  importSave: { zh: '保存导入的发言稿', en: 'Save the imported draft' },
  importTooLarge: { zh: '{file} 超过 {mib} MiB，不像 Word 文档，未导入', en: '{file} is over {mib} MiB, too large for a Word document; not imported' },
  showDetails: { zh: '查看详情', en: 'Show Details' },
  noWorkspaceDrafts: { zh: '工作区中没有发言稿（*.speech.md、*.speech.txt、*.speech）', en: 'No speech drafts (*.speech.md, *.speech.txt, *.speech) in the workspace' },
  compilePick: { zh: '按顺序选择要汇编的发言稿：第 {n} 篇', en: 'Pick the speeches in order: speech {n}' },
  compilePicked: { zh: '已选：{drafts}', en: 'Picked: {drafts}' },
  compileDone: { zh: '完成，共 {n} 篇', en: 'Done: {n} speech(es)' },
  compileTitle: { zh: '发言摘登的标题', en: 'Title of the compilation' },
  compileTitleRequired: { zh: '请输入标题', en: 'Enter a title' },
  compileSubtitle: { zh: '副标题（可不填），如“——全省政协系统党的建设工作经验交流会发言摘登”', en: 'Subtitle (optional), e.g. “——全省政协系统党的建设工作经验交流会发言摘登”' },
  compileSave: { zh: '保存发言摘登', en: 'Save the compilation' },
  compileDefaultName: { zh: '发言摘登', en: 'compilation' },
  compileAnyway: { zh: '仍然汇编', en: 'Compile Anyway' },
} as const;

type Key = keyof typeof STRINGS;

/** The string for `key` in Chinese when VS Code speaks Chinese, else English. */
export function t(key: Key): string {
  return STRINGS[key][env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en'];
}

/** `text` with each `{key}` replaced by its value; a key without a value stays as written. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
