import { z } from 'zod';
import { DOCUMENT_FORMATS } from '../documents/documents.schema.js';
import { zId, zVersion } from '../http/ids.schema.js';
import { zPage, zPageQuery } from '../http/paging.schema.js';
import { zMultiline, zName, zOptionalMultiline, zOptionalName } from '../http/text.js';
import {
  BALLOT_ITEMS,
  COMPONENTS,
  FINAL_GRADES,
  ROUND_KINDS,
  ROUND_STATUSES,
  VOTE_GRADES,
} from './assessment-moves.js';
import { MAX_APPROVED_PCT } from './assessment-rules.js';

const zDate = z.iso.date({ message: 'date.day' });
const zPct = z.number().int().min(0).max(100);

export const zWeights = z.strictObject({ receiving: zPct, democratic: zPct, sending: zPct });
export const zRoundSettings = z.strictObject({
  leaveThreshold: z.number().min(0.1).max(1),
  excellentPct: z.number().int().min(0).max(20),
  approvedPct: z.number().int().min(1).max(MAX_APPROVED_PCT).nullable(),
  approvalDocNo: zOptionalName(100),
  minBallots: z.number().int().min(5).max(100),
});
/** As answered (response schemas carry no transforms). */
const zRoundSettingsOut = z.object({
  leaveThreshold: z.number(),
  excellentPct: z.number(),
  approvedPct: z.number().nullable(),
  approvalDocNo: z.string().nullable(),
  minBallots: z.number(),
});
export const zDeadlines = z.strictObject({
  selfReportDue: zDate.nullable(),
  opinionsDue: zDate.nullable(),
  pollCloses: zDate.nullable(),
});

export const zRoundInput = z.strictObject({
  batchId: zId,
  kind: z.enum(ROUND_KINDS),
  title: zName(2, 100),
  periodFrom: zDate,
  periodTo: zDate,
  weights: zWeights.optional(),
  settings: zRoundSettings.partial().optional(),
  deadlines: zDeadlines.partial().optional(),
});
export type RoundInput = z.output<typeof zRoundInput>;

export const zRoundUpdate = z.strictObject({
  title: zName(2, 100),
  weights: zWeights,
  settings: zRoundSettings,
  deadlines: zDeadlines,
  version: zVersion,
});
export type RoundUpdate = z.output<typeof zRoundUpdate>;

export const zRoundMove = z.strictObject({
  to: z.enum(ROUND_STATUSES),
  reason: zMultiline(2, 500),
  version: zVersion,
});
export type RoundMoveValues = z.output<typeof zRoundMove>;

export const zRoundListQuery = zPageQuery.extend({
  batchId: zId.optional(),
  status: z.enum(ROUND_STATUSES).optional(),
  kind: z.enum(ROUND_KINDS).optional(),
});
export type RoundListParams = z.output<typeof zRoundListQuery>;

export const zRound = z.object({
  id: z.string(),
  batchId: z.string(),
  batchName: z.string(),
  programmeName: z.string(),
  kind: z.enum(ROUND_KINDS),
  title: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  weights: zWeights,
  settings: zRoundSettingsOut,
  deadlines: zDeadlines,
  status: z.enum(ROUND_STATUSES),
  subjectCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type Round = z.output<typeof zRound>;
export const zRoundPage = zPage(zRound);

const zTally = z.object({
  excellent: z.number().int(),
  competent: z.number().int(),
  basically_competent: z.number().int(),
  incompetent: z.number().int(),
});
export const zSubject = z.object({
  id: z.string(),
  roundId: z.string(),
  postingId: z.string(),
  postingTitle: z.string(),
  cadreName: z.string(),
  /** The cadre's own position at the sending unit (原单位职务). */
  cadrePosition: z.string(),
  sendingUnitId: z.string(),
  sendingUnitName: z.string(),
  receivingUnitId: z.string(),
  receivingUnitName: z.string(),
  selfReport: z.string().nullable(),
  receivingOpinion: z.string().nullable(),
  receivingGrade: z.enum(VOTE_GRADES).nullable(),
  sendingOpinion: z.string().nullable(),
  sendingGrade: z.enum(VOTE_GRADES).nullable(),
  undeterminedMark: z.string().nullable(),
  /** Online ballots plus the paper tally, once the poll is closed and with enough ballots; else null. */
  democratic: zTally.nullable(),
  /** Ballots counted so far (shown only to the 组织部 and the receiving unit, never the split). */
  ballots: z.number().int().nullable(),
  /** The paper tally entered by the receiving unit (its own figures; null if none). */
  paperTally: zTally.nullable(),
  /** Sick + personal leave in the period and the period's working days (null: calendar unknown). */
  leaveDays: z.number().nullable(),
  periodDays: z.number().nullable(),
  proposal: z.object({
    grade: z.enum(FINAL_GRADES).nullable(),
    score: z.number().nullable(),
    because: z.enum(['leave', 'marked', 'score']).nullable(),
  }),
  finalGrade: z.enum(FINAL_GRADES).nullable(),
  finalReason: z.string().nullable(),
  /** What the caller may do on it: selfReport, opinion.receiving, opinion.sending, tally, mark, decide. */
  actions: z.array(z.string()),
  version: z.number().int(),
});
export type Subject = z.output<typeof zSubject>;

export const zQuotaView = z.object({
  graded: z.number().int(),
  cap: z.number().int(),
  excellent: z.number().int(),
  pct: z.number(),
  ok: z.boolean(),
});
export const zRoundDetail = zRound.extend({
  subjects: z.array(zSubject),
  /** While 筹备, to the 组织部: the postings the round would cover (stored when it opens). */
  covered: z.array(
    z.object({
      postingId: z.string(),
      cadreName: z.string(),
      postingTitle: z.string(),
      receivingUnitName: z.string(),
      sendingUnitName: z.string(),
      startDate: z.string(),
      endDate: z.string(),
    }),
  ),
  /** The receiving units the caller issues ballot codes for (while 进行中). */
  ballotUnits: z.array(z.object({ unitId: z.string(), unitName: z.string() })),
  quota: zQuotaView.nullable(),
  history: z.array(
    z.object({
      from: z.enum(ROUND_STATUSES).nullable(),
      to: z.enum(ROUND_STATUSES),
      reason: z.string().nullable(),
      at: z.string(),
      by: z.string().nullable(),
    }),
  ),
  /** What the caller may do: manage (组织部), ballots (receiving unit) … */
  actions: z.array(z.string()),
});
export type RoundDetail = z.output<typeof zRoundDetail>;

export const zSubjectListQuery = zPageQuery.extend({
  roundId: zId.optional(),
  /** 'published': only results of published rounds (a sending liaison's, a cadre's results). */
  published: z.enum(['true', 'false']).optional(),
});
export type SubjectListParams = z.output<typeof zSubjectListQuery>;
export const zSubjectResult = z.object({
  id: z.string(),
  roundId: z.string(),
  roundTitle: z.string(),
  roundKind: z.enum(ROUND_KINDS),
  roundStatus: z.enum(ROUND_STATUSES),
  periodFrom: z.string(),
  periodTo: z.string(),
  cadreName: z.string(),
  postingTitle: z.string(),
  sendingUnitName: z.string(),
  receivingUnitName: z.string(),
  selfReport: z.string().nullable(),
  /** Only once the round is published. */
  finalGrade: z.enum(FINAL_GRADES).nullable(),
  actions: z.array(z.string()),
  version: z.number().int(),
});
export const zSubjectPage = zPage(zSubjectResult);
export type SubjectResult = z.output<typeof zSubjectResult>;

export const zSelfReport = z.strictObject({ text: zMultiline(10, 10_000), version: zVersion });
export type SelfReportValues = z.output<typeof zSelfReport>;

export const zOpinion = z.strictObject({
  side: z.enum(['receiving', 'sending']),
  opinion: zMultiline(2, 5000),
  grade: z.enum(VOTE_GRADES),
  version: zVersion,
});
export type OpinionValues = z.output<typeof zOpinion>;

export const zDecision = z.strictObject({
  /** Null clears the decision. */
  grade: z.enum(FINAL_GRADES).nullable(),
  reason: zOptionalMultiline(1000),
  /** 不定等次 mark (e.g. under investigation, newly appointed); null clears it. */
  undeterminedMark: zOptionalName(200),
  version: zVersion,
});
export type DecisionValues = z.output<typeof zDecision>;

export const zPaperTally = z.strictObject({
  excellent: z.number().int().min(0).max(10_000),
  competent: z.number().int().min(0).max(10_000),
  basically_competent: z.number().int().min(0).max(10_000),
  incompetent: z.number().int().min(0).max(10_000),
  version: zVersion,
});
export type PaperTallyValues = z.output<typeof zPaperTally>;

export const zIssueCodes = z.strictObject({ unitId: zId, count: z.number().int().min(1).max(500) });
export type IssueCodesValues = z.output<typeof zIssueCodes>;
export const zIssuedCodes = z.object({
  roundTitle: z.string(),
  unitName: z.string(),
  codes: z.array(z.string()),
});
export type IssuedCodes = z.output<typeof zIssuedCodes>;

export const zBallotParams = z.object({ code: z.string().min(8).max(80) });
export const zBallot = z.object({
  roundTitle: z.string(),
  unitName: z.string(),
  subjects: z.array(z.object({ id: z.string(), cadreName: z.string(), postingTitle: z.string() })),
  items: z.array(z.enum(BALLOT_ITEMS)),
});
export type Ballot = z.output<typeof zBallot>;
export const zBallotCast = z.strictObject({
  votes: z
    .array(
      z.strictObject({
        subjectId: zId,
        grade: z.enum(VOTE_GRADES),
        items: z.partialRecord(z.enum(BALLOT_ITEMS), z.enum(VOTE_GRADES)).optional(),
      }),
    )
    .min(1)
    .max(200),
});
export type BallotCastValues = z.output<typeof zBallotCast>;
export const zBallotDone = z.object({ counted: z.number().int() });

export const zStatsQuery = z.object({ roundId: zId.optional(), batchId: zId.optional() });
export type StatsQuery = z.output<typeof zStatsQuery>;
const zDistribution = z.record(z.enum(FINAL_GRADES), z.number().int());
export const zStats = z.object({
  title: z.string(),
  total: zDistribution,
  quota: zQuotaView,
  byRegion: z.array(z.object({ name: z.string(), counts: zDistribution })),
  bySendingUnit: z.array(z.object({ name: z.string(), counts: zDistribution })),
});
export type Stats = z.output<typeof zStats>;
export const COMPONENT_KEYS = COMPONENTS;

// ---- the dossier forms (issue 15 line 5): 考核登记表 per posting, 考核结果汇总表 per round ----
const zFormPage = z.coerce.number().int().min(1).max(500).default(1);
export const zRegistrationParams = z.strictObject({ id: zId, postingId: zId });
/** docx: the file; preview: its pages; page: one page as PNG (as the documents engine's forms). */
export const zRegistrationQuery = z.strictObject({
  format: z.enum(DOCUMENT_FORMATS).default('docx'),
  page: zFormPage,
});
export type RegistrationQuery = z.output<typeof zRegistrationQuery>;
/** The result list also as a workbook (xlsx). */
export const zResultsListQuery = z.strictObject({
  format: z.enum([...DOCUMENT_FORMATS, 'xlsx']).default('docx'),
  page: zFormPage,
});
export type ResultsListQuery = z.output<typeof zResultsListQuery>;
