import type { Selectable } from 'kysely';

export interface AssessmentRoundsTable {
  id: string;
  batchId: string;
  programmeId: string;
  kind: string;
  title: string;
  periodFrom: string;
  periodTo: string;
  /** JSON Weights. */
  weights: string;
  /** JSON RoundSettings. */
  settings: string;
  /** JSON deadlines. */
  deadlines: string;
  status: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
}

/** A posting covered by a round, with its inputs and its grade. */
export interface AssessmentSubjectsTable {
  id: string;
  roundId: string;
  postingId: string;
  selfReport: string | null;
  receivingOpinion: string | null;
  receivingGrade: string | null;
  sendingOpinion: string | null;
  sendingGrade: string | null;
  undeterminedMark: string | null;
  paperTally: string | null;
  finalGrade: string | null;
  finalReason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

export interface AssessmentBallotIssuesTable {
  id: string;
  roundId: string;
  receivingUnitId: string;
  count: number;
  issuedAt: string;
  issuedBy: string | null;
}

/** An HMAC of a spent code: nothing else (ADR 038). */
export interface AssessmentSpentCodesTable {
  codeHash: string;
  roundId: string;
}

/** One vote: no code, voter, ballot or time finer than the day. */
export interface AssessmentVotesTable {
  id: string;
  roundId: string;
  subjectId: string;
  grade: string;
  items: string | null;
  day: string;
}

export interface AssessmentTables {
  assessmentRounds: AssessmentRoundsTable;
  assessmentSubjects: AssessmentSubjectsTable;
  assessmentBallotIssues: AssessmentBallotIssuesTable;
  assessmentSpentCodes: AssessmentSpentCodesTable;
  assessmentVotes: AssessmentVotesTable;
}

export type RoundRow = Selectable<AssessmentRoundsTable>;
export type SubjectRow = Selectable<AssessmentSubjectsTable>;
