import type { Selectable } from 'kysely';

export interface CadreCorrectionsTable {
  id: string;
  cadreId: string;
  /** The cadre's account that asked. */
  requestedBy: string | null;
  /** JSON {field: value}: the proposed key fields, without the ID number. */
  changes: string;
  /** JSON {field: value}: the same fields when the request was made (ID number masked). */
  base: string;
  /** The proposed ID number, encrypted (server/core/crypto.ts), and its display form. */
  idNumberEnc: string | null;
  idNumberMasked: string | null;
  note: string | null;
  status: string;
  reviewedBy: string | null;
  reviewComment: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  decidedAt: string | null;
}

export interface CorrectionsTables {
  cadreCorrections: CadreCorrectionsTable;
}

export type CorrectionRow = Selectable<CadreCorrectionsTable>;
