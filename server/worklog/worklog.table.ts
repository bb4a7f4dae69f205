import type { Selectable } from 'kysely';

/** A work-log entry (工作纪实) on a posting, with its search terms (ADR 033). */
export interface WorklogEntriesTable {
  id: string;
  postingId: string;
  cadreId: string;
  entryDate: string;
  category: string;
  title: string;
  body: string;
  place: string | null;
  /** The entry's stable number in the search index (the FTS5 rowid on SQLite). */
  searchKey: number;
  /** Overlapping CJK bigrams and words of title, place and text, space-separated. */
  searchTerms: string;
  /** PostgreSQL only: the terms as a tsvector literal (the column does not exist on SQLite). */
  searchVector?: string;
  /** How many files are attached. */
  attachments: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
}
export type WorklogRow = Selectable<WorklogEntriesTable>;

export interface WorklogTables {
  worklogEntries: WorklogEntriesTable;
}
