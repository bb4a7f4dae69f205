/** Texts of the corrections pages and messages. Part of the one catalogue in ./zh-CN.ts. */
export const zhCNCorrections = {} as const satisfies Record<string, string>;
