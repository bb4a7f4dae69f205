import { describe, expect, it } from 'vitest';
import { loadRegionRows } from '../regions/regions.data.js';
import { regionCodePrefix } from './scope.js';

describe('region subtrees as code prefixes', () => {
  it('gives the prefix each level shares', () => {
    expect(regionCodePrefix('/520000/')).toBe('52');
    expect(regionCodePrefix('/520000/522600/')).toBe('5226');
    expect(regionCodePrefix('/520000/522600/522630/')).toBe('522630');
    expect(regionCodePrefix('/110000/110101/')).toBe('110101');
    expect(regionCodePrefix('/110000/110101/110101001/')).toBe('110101001');
  });

  it('matches the path-based subtree for every province, city and county in the data set', () => {
    const rows = loadRegionRows();
    const byPath = new Map<string, number>();
    const byPrefix = new Map<string, number>();
    for (const r of rows) {
      for (const code of r.path.split('/').filter(Boolean)) byPath.set(code, (byPath.get(code) ?? 0) + 1);
      for (const n of [2, 4, 6, 9])
        if (r.code.length >= n) byPrefix.set(r.code.slice(0, n), (byPrefix.get(r.code.slice(0, n)) ?? 0) + 1);
    }
    let checked = 0;
    for (const region of rows.filter((r) => r.level <= 3)) {
      expect(byPrefix.get(regionCodePrefix(region.path)), region.fullName).toBe(byPath.get(region.code));
      checked += 1;
    }
    expect(checked).toBeGreaterThan(3000);
  });
});
