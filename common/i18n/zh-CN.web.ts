/** Texts of the web app (pages, menus, buttons). Part of the one catalogue in ./zh-CN.ts. */
export const zhCNWeb = {
  'app.name': '挂职干部管理平台',
} as const;
