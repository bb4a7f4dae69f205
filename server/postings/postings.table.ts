import type { Selectable } from 'kysely';

export interface PostingsTable {
  id: string;
  batchId: string;
  programmeId: string;
  /** The accepted nomination the posting came from (one posting per nomination). */
  nominationId: string;
  cadreId: string;
  postRequestId: string;
  sendingUnitId: string;
  receivingUnitId: string;
  /** The receiving unit's region at proposal: its 组织部 is one of the owners. */
  receivingRegionCode: string;
  title: string;
  /** JSON [{kind: 'in_charge' | 'assist', area}] — the post's until the 对接 agrees them. */
  duties: string;
  dutiesText: string | null;
  plannedStart: string;
  plannedEnd: string;
  /** The real start, recorded at the hand-over (在岗). */
  startDate: string | null;
  /** The current end of term: the batch's planned end, moved by 延期. */
  endDate: string;
  /** The day it stopped: 期满, 提前召回 or 终止. */
  finishedOn: string | null;
  /** The day the cadre was back at the sending unit (已返回). */
  returnedOn: string | null;
  status: string;
  matchRunId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
}

/** What a move carried besides its status history row (same `seq`). */
export interface PostingEventsTable {
  id: string;
  postingId: string;
  seq: number;
  kind: string;
  /** The move's effective date (yyyy-mm-dd), not when it was recorded. */
  date: string;
  /** JSON of the move's particulars (duties, new end date, consultation) or null. */
  details: string | null;
}

export interface PostingsTables {
  postings: PostingsTable;
  postingEvents: PostingEventsTable;
}

export type PostingRow = Selectable<PostingsTable>;
