import type { Selectable } from 'kysely';

export interface RegionsTable {
  code: string;
  name: string;
  /** Names from the province down, joined with " / ". */
  fullName: string;
  level: number;
  parentCode: string | null;
  /** Ancestor codes and its own, "/110000/110101/": a subtree is a prefix match. */
  path: string;
  hasChildren: number;
}

export interface RegionsTables {
  regions: RegionsTable;
}

export type RegionRow = Selectable<RegionsTable>;
