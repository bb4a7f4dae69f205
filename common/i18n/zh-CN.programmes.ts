/** Texts of the programmes pages and messages. Part of the one catalogue in ./zh-CN.ts. */
export const zhCNProgrammes = {
  'dashboard.programmesHint': '管理挂职项目与选派批次：时间安排、状态推进、各地区名额与资格条件。',
} as const satisfies Record<string, string>;
