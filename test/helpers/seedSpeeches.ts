/**
 * The seed compilation's speeches as printed (test/fixtures/corpus/000_0f1e9368376be244.txt):
 * each title and its speaker's name, read off the page by hand. The parser and the outline
 * are both checked against it.
 */
export const SEED_SPEECHES: ReadonlyArray<readonly [title: string, speaker: string]> = [
  ['构建理论武装大格局 推动政协党建与履职双提升', '胡国辉'],
  ['把思想政治引领深植委员心中', '韩咏梅'],
  ['以“四个强化”为抓手 激发政协党建工作新活力', '闫五一'],
  ['以强化党组织建设为重点 提升政协党建工作水平', '李俊岭'],
  ['立足政协特点 推动党建工作', '吴清海'],
  ['抓好政协临时党支部建设 提升政协工作质量和效能', '李勤芳'],
  ['突出特色 把牢方向 推动党的工作向政协委员全覆盖', '刘军'],
  ['打造政治过硬、形象过硬、本领过硬的坚强战斗堡垒', '王炜娜'],
];
