import type { Selectable } from 'kysely';

/** A posting's report of one month (月度情况报送, ADR 039). */
export interface MonthlyReportsTable {
  id: string;
  postingId: string;
  /** yyyy-mm */
  month: string;
  status: string;
  /** JSON of MonthlyFacts: re-read from the records until submitted, then frozen. */
  facts: string;
  summary: string | null;
  plan: string | null;
  reviewComment: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
}

/** Every saved or moved version of a report, kept. */
export interface MonthlyReportVersionsTable {
  id: string;
  reportId: string;
  seq: number;
  status: string;
  facts: string;
  summary: string | null;
  plan: string | null;
  at: string;
  author: string | null;
}

export interface MonthlyTables {
  monthlyReports: MonthlyReportsTable;
  monthlyReportVersions: MonthlyReportVersionsTable;
}
export type MonthlyReportRow = Selectable<MonthlyReportsTable>;
