import { z } from 'zod';
import { zId, zVersion } from '../http/ids.schema.js';
import { zPage, zPageQuery } from '../http/paging.schema.js';
import { zMultiline, zName, zOptionalMultiline } from '../http/text.js';
import { DUTY_KINDS, zDuty } from '../posts/posts.schema.js';
import { POSTING_MOVE_NAMES, POSTING_STATUSES } from './posting-moves.js';

const zDate = z.iso.date({ message: 'date.day' });

/** Every move: its effective date, a reason and the version the caller read. */
const zMoveBase = z.strictObject({
  date: zDate,
  reason: zMultiline(2, 500),
  version: zVersion,
});

/** 对接: recorded by the receiving unit — the real start and the duties agreed. */
export const zPostingHandover = zMoveBase.extend({
  duties: z.array(zDuty).min(1).max(20),
  dutiesText: zOptionalMultiline(1000),
});
/** 延期: the 组织部 approves a new end date, on a request of the named party. */
export const EXTENSION_REQUESTERS = ['receiving_unit', 'sending_unit', 'cadre', 'org_dept'] as const;
export const zPostingExtend = zMoveBase.extend({
  endDate: zDate,
  requestedBy: z.enum(EXTENSION_REQUESTERS),
});
/** 提前召回: approved by the 组织部 once the sending unit was consulted (when, with whom, its opinion). */
export const zPostingRecall = zMoveBase.extend({
  consultedOn: zDate,
  consultedWith: zName(2, 40),
  consultation: zMultiline(2, 500),
});
/** 期满, 已返回, 终止: date and reason. */
export const zPostingMoveBody = zMoveBase;

export type PostingHandoverValues = z.output<typeof zPostingHandover>;
export type PostingExtendValues = z.output<typeof zPostingExtend>;
export type PostingRecallValues = z.output<typeof zPostingRecall>;
export type PostingMoveValues = z.output<typeof zPostingMoveBody>;

const zDutyOut = z.object({ kind: z.enum(DUTY_KINDS), area: z.string() });

export const zPostingEvent = z.object({
  seq: z.number().int(),
  /** 'propose' for the proposal, else the move's name. */
  kind: z.enum(['propose', ...POSTING_MOVE_NAMES]),
  from: z.enum(POSTING_STATUSES).nullable(),
  to: z.enum(POSTING_STATUSES),
  /** The effective date. */
  date: z.string(),
  reason: z.string().nullable(),
  /** When it was recorded, and by whom (null once the account is gone, or the system). */
  at: z.string(),
  by: z.string().nullable(),
  details: z
    .object({
      duties: z.array(zDutyOut).optional(),
      dutiesText: z.string().nullable().optional(),
      previousEndDate: z.string().optional(),
      endDate: z.string().optional(),
      requestedBy: z.enum(EXTENSION_REQUESTERS).optional(),
      consultedOn: z.string().optional(),
      consultedWith: z.string().optional(),
      consultation: z.string().optional(),
    })
    .nullable(),
});
export type PostingEvent = z.infer<typeof zPostingEvent>;

export const zPosting = z.object({
  id: z.string(),
  batchId: z.string(),
  batchName: z.string(),
  programmeId: z.string(),
  programmeName: z.string(),
  nominationId: z.string(),
  cadreId: z.string(),
  cadreName: z.string(),
  postRequestId: z.string(),
  sendingUnitId: z.string(),
  sendingUnitName: z.string(),
  receivingUnitId: z.string(),
  receivingUnitName: z.string(),
  receivingRegionName: z.string(),
  title: z.string(),
  duties: z.array(zDutyOut),
  dutiesText: z.string().nullable(),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string(),
  finishedOn: z.string().nullable(),
  returnedOn: z.string().nullable(),
  status: z.enum(POSTING_STATUSES),
  matchRunId: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Posting = z.infer<typeof zPosting>;

export const zPostingDetail = zPosting.extend({
  history: z.array(zPostingEvent),
  /** The moves the caller may make now (policy, scope and status). */
  actions: z.array(z.enum(POSTING_MOVE_NAMES)),
});
export type PostingDetail = z.infer<typeof zPostingDetail>;

export const POSTING_SORTS = ['createdAt', 'endDate', 'status', 'cadreName'] as const;
export const zPostingListQuery = zPageQuery
  .extend({
    sort: z.enum(POSTING_SORTS).default('createdAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
    batchId: zId.optional(),
    status: z.enum(POSTING_STATUSES).optional(),
    /** The sending or the receiving unit. */
    unitId: zId.optional(),
    q: z.string().trim().max(30).optional(),
  })
  .strict();
export type PostingListParams = z.output<typeof zPostingListQuery>;
export const zPostingPage = zPage(zPosting);
