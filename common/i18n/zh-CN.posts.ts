/** Texts of the posts pages and messages. Part of the one catalogue in ./zh-CN.ts. */
export const zhCNPosts = {
  'dashboard.postsHint': '接收单位提报挂职岗位需求，组织部门审核通过、退回修改或不予通过。',
} as const satisfies Record<string, string>;
