import { type Catalogue, type MessageKey, zhCN } from './zh-CN.js';

export type { MessageKey } from './zh-CN.js';

const catalogues: Record<string, Catalogue> = { 'zh-CN': zhCN };
let current: Catalogue = zhCN;

export function setLocale(locale: string): void {
  current = catalogues[locale] ?? zhCN;
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(current, key);
}

/** Looks a message up and fills `{name}` placeholders. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text: string = current[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** Translates a key if it is one, else returns the text as it is (e.g. zod's own Chinese messages). */
export function tMaybe(text: string): string {
  return isMessageKey(text) ? t(text) : text;
}

export function fieldLabel(field: string): string {
  const key = `field.${field}`;
  return isMessageKey(key) ? t(key) : field;
}
