import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { isPinyinQuery, likeEscape, pinyinKeys } from './pinyin.js';

describe('pinyin search keys', () => {
  it('gives full pinyin and initials', () => {
    expect(pinyinKeys('张三')).toEqual({ full: 'zhangsan', initials: 'zs' });
    expect(pinyinKeys('重庆市人民政府')).toEqual({ full: 'chongqingshirenminzhengfu', initials: 'cqsrmzf' });
    expect(pinyinKeys('吕梁')).toEqual({ full: 'lvliang', initials: 'll' });
  });

  it('gives the initials pinyin-pro’s own first-letter mode gives, mixed text included', () => {
    for (const text of [
      'A组王五',
      '阿卜杜·热合曼',
      '第1中学（A校区）',
      'abc张三',
      '张三abc李四',
      '𠀾张',
      'ABC',
    ]) {
      const first = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' });
      expect(pinyinKeys(text).initials, text).toBe(
        first
          .join('')
          .toLowerCase()
          .replace(/[^a-z0-9]/g, ''),
      );
    }
  });

  it('keeps latin letters and digits, drops punctuation', () => {
    expect(pinyinKeys('第1中学（A校区）').full).toBe('di1zhongxueaxiaoqu');
  });

  it('escapes LIKE wildcards and tells pinyin queries apart', () => {
    expect(likeEscape('50%_a\\b')).toBe('50\\%\\_a\\\\b');
    expect(isPinyinQuery('zs')).toBe(true);
    expect(isPinyinQuery('张s')).toBe(false);
  });
});
