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

const HAN = /^\p{Script=Han}$/u;

/**
 * Search keys stored beside a Chinese name so `zs` or `zhangsan` finds 张三. One conversion
 * gives both (a bulk import makes ten thousand): a Chinese character's initial is the first
 * letter of its syllable; other runs (latin letters, digits) are kept whole.
 */
export function pinyinKeys(text: string): PinyinKeys {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  const chars = [...text];
  let at = 0;
  const initials = syllables.map((syllable) => {
    if (HAN.test(chars[at] ?? '')) {
      at += 1;
      return syllable.slice(0, 1);
    }
    at += [...syllable].length;
    return syllable;
  });
  return { full: clean(syllables), initials: clean(initials) };
}

/** Escapes LIKE wildcards; queries use `ESCAPE '\'`. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** True when a query should also be matched against pinyin keys (letters and digits only). */
export function isPinyinQuery(q: string): boolean {
  return /^[a-zA-Z0-9]+$/.test(q);
}
