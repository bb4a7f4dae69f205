import { describe, expect, it } from 'vitest';
import { canonical, ENTRY_KEYS, entryDiff } from './entry-diff.js';

const job = (fromMonth: string, position: string) => ({
  fromMonth,
  toMonth: null,
  unitName: '台江县发展和改革局',
  position,
});

describe('the diff of a list field', () => {
  it('names entries added, changed and removed, and leaves equal ones out', () => {
    const from = [job('2010-07', '科员'), job('2015-03', '副局长'), job('2019-01', '局长')];
    const to = [job('2010-07', '科员'), job('2015-03', '副局长（主持工作）'), job('2022-05', '党组书记')];
    expect(entryDiff(from, to, ENTRY_KEYS.resume)).toEqual([
      { change: 'changed', from: job('2015-03', '副局长'), to: job('2015-03', '副局长（主持工作）') },
      { change: 'removed', from: job('2019-01', '局长'), to: null },
      { change: 'added', from: null, to: job('2022-05', '党组书记') },
    ]);
  });

  it('is empty for the same list in another key order, and pairs relatives by relation and name', () => {
    const a = { name: '李梅', relation: 'spouse', unitName: '台江县第一中学', position: null };
    const b = { position: null, unitName: '台江县第一中学', relation: 'spouse', name: '李梅' };
    expect(canonical(a)).toBe(canonical(b));
    expect(entryDiff([a], [b], ENTRY_KEYS.relatives)).toEqual([]);
    const moved = { ...a, unitName: '台江县民族中学' };
    expect(entryDiff([a], [moved], ENTRY_KEYS.relatives)).toEqual([
      { change: 'changed', from: a, to: moved },
    ]);
  });
});
