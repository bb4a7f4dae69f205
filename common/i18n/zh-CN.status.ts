/** Texts of the state machine (server/core/state-machine.ts). Part of the one catalogue in ./zh-CN.ts. */
export const zhCNStatus = {
  'status.refused': '该{object}不能从当前状态“{from}”变更为目标状态“{to}”',
  'status.object.batch': '批次',
  'status.object.post': '岗位需求',
  'status.object.nomination': '推荐',
  'status.object.correction': '更正申请',
} as const;
