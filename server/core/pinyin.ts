import { pinyin } from 'pinyin-pro';

export interface PinyinKeys {
  /** Full pinyin without tones or spaces: 张三 → zhangsan. */
  full: string;
  /** First letters: 张三 → zs. */
  initials: string;
}

const clean = (parts: string[]) =>
  parts
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** Search keys stored beside a Chinese name so `zs` or `zhangsan` finds 张三. */
export function pinyinKeys(text: string): PinyinKeys {
  return {
    full: clean(pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })),
    initials: clean(
      pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }),
    ),
  };
}

/** Escapes LIKE wildcards; queries use `ESCAPE '\'`. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** True when a query should also be matched against pinyin keys (letters and digits only). */
export function isPinyinQuery(q: string): boolean {
  return /^[a-zA-Z0-9]+$/.test(q);
}
