/** Texts of the cadres pages and messages. Part of the one catalogue in ./zh-CN.ts. */
export const zhCNCadres = {} as const satisfies Record<string, string>;
