/** Texts of the nominations pages and messages. Part of the one catalogue in ./zh-CN.ts. */
export const zhCNNominations = {
  'dashboard.nominationsHint': '派出单位推荐本单位干部参加选派批次，组织部门审核推荐人选。',
} as const satisfies Record<string, string>;
