import type { Insertable, Selectable } from 'kysely';

export interface CadresTable {
  id: string;
  /** The cadre's own account, if any (role `cadre`, scope self). */
  userId: string | null;
  name: string;
  namePinyin: string;
  nameInitials: string;
  gender: string;
  ethnicity: string;
  politicalStatus: string;
  birthDate: string;
  idNumberEnc: string;
  idNumberIndex: string;
  /** Display form (110***********1234), kept so lists need no decryption. */
  idNumberMasked: string;
  phoneEnc: string | null;
  phoneMasked: string | null;
  education: string;
  degree: string;
  school: string | null;
  major: string | null;
  /** The current (sending) unit. */
  unitId: string;
  position: string;
  rankLevel: string;
  rankKind: string;
  reserve: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
}

export interface CadreResumeTable {
  id: string;
  cadreId: string;
  fromMonth: string;
  toMonth: string | null;
  unitName: string;
  position: string;
}

export interface CadreRelativesTable {
  id: string;
  cadreId: string;
  name: string;
  relation: string;
  unitName: string;
  position: string | null;
}

export interface CadresTables {
  cadres: CadresTable;
  expertiseTags: { tag: string; category: string; managed: number };
  cadreExpertise: { cadreId: string; tag: string };
  cadreResume: CadreResumeTable;
  cadreRelatives: CadreRelativesTable;
  cadrePhotos: { cadreId: string; mime: string; content: Buffer; updatedAt: string };
}

export type CadreRow = Selectable<CadresTable>;
export type NewCadre = Insertable<CadresTable>;
