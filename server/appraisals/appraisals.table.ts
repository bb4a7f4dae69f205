import type { Selectable } from 'kysely';

/** A posting's end-of-term appraisal (鉴定, ADR 041). */
export interface AppraisalsTable {
  id: string;
  postingId: string;
  status: string;
  /** The receiving unit's appraisal (鉴定意见). */
  text: string | null;
  /** The cadre's term summary (工作总结). */
  summary: string | null;
  reviewComment: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
}

/** Every saved or moved version of an appraisal, kept. */
export interface AppraisalVersionsTable {
  id: string;
  appraisalId: string;
  seq: number;
  status: string;
  text: string | null;
  summary: string | null;
  comment: string | null;
  at: string;
  author: string | null;
}

export interface AppraisalTables {
  appraisals: AppraisalsTable;
  appraisalVersions: AppraisalVersionsTable;
}
export type AppraisalRow = Selectable<AppraisalsTable>;
