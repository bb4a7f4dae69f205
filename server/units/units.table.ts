import type { Insertable, Selectable } from 'kysely';

export interface UnitsTable {
  id: string;
  name: string;
  namePinyin: string;
  nameInitials: string;
  kind: string;
  regionCode: string;
  parentId: string | null;
  contactName: string | null;
  contactPhone: string | null;
  active: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
}

export interface UnitsTables {
  units: UnitsTable;
}

export type UnitRow = Selectable<UnitsTable>;
export type NewUnit = Insertable<UnitsTable>;
