import { z } from 'zod';
import { zAttachment } from '../files/files.schema.js';
import { zId, zVersion } from '../http/ids.schema.js';
import { zPage, zPageQuery } from '../http/paging.schema.js';
import { zMultiline, zName, zOptionalName } from '../http/text.js';

/** Categories of a work-log entry (工作纪实), in the order the forms offer them. */
export const WORKLOG_CATEGORIES = [
  'research',
  'meeting',
  'inspection',
  'reception',
  'investment',
  'project',
  'petition',
  'emergency',
  'study',
  'other',
] as const;
export type WorklogCategory = (typeof WORKLOG_CATEGORIES)[number];

/** A search needs at least this many characters (letters, digits or CJK; ADR 033). */
export const SEARCH_MIN_CHARS = 2;

const zDate = z.iso.date({ message: 'date.day' });

export const zWorklogInput = z.strictObject({
  postingId: zId,
  entryDate: zDate,
  category: z.enum(WORKLOG_CATEGORIES),
  title: zName(2, 100),
  body: zMultiline(2, 5000),
  place: zOptionalName(100),
});
export type WorklogInput = z.output<typeof zWorklogInput>;

export const zWorklogUpdate = zWorklogInput.omit({ postingId: true }).extend({ version: zVersion });
export type WorklogUpdate = z.output<typeof zWorklogUpdate>;

export const zWorklogVersion = z.strictObject({ version: zVersion });

export const zWorklogListQuery = zPageQuery.extend({
  postingId: zId.optional(),
  category: z.enum(WORKLOG_CATEGORIES).optional(),
  from: zDate.optional(),
  to: zDate.optional(),
});
export type WorklogListParams = z.output<typeof zWorklogListQuery>;

export const zWorklogSearchQuery = zWorklogListQuery.extend({
  q: z.string().trim().min(1).max(50),
});
export type WorklogSearchParams = z.output<typeof zWorklogSearchQuery>;

export { type Attachment, zAttachment } from '../files/files.schema.js';

export const zWorklogEntry = z.object({
  id: z.string(),
  postingId: z.string(),
  postingTitle: z.string(),
  cadreName: z.string(),
  receivingUnitName: z.string(),
  entryDate: z.string(),
  category: z.enum(WORKLOG_CATEGORIES),
  title: z.string(),
  body: z.string(),
  place: z.string().nullable(),
  attachments: z.array(zAttachment),
  /** May the caller edit and delete it (the cadre's own entry on an active posting). */
  editable: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WorklogEntry = z.output<typeof zWorklogEntry>;
export const zWorklogPage = zPage(zWorklogEntry);

/** Text cut into plain pieces and matched pieces (rendered as <mark> by the web; never HTML). */
export const zSnippet = z.array(z.object({ text: z.string(), match: z.boolean() }));
export type Snippet = z.output<typeof zSnippet>;

export const zWorklogHit = z.object({
  id: z.string(),
  postingId: z.string(),
  cadreName: z.string(),
  receivingUnitName: z.string(),
  entryDate: z.string(),
  category: z.enum(WORKLOG_CATEGORIES),
  title: zSnippet,
  snippet: zSnippet,
  place: z.string().nullable(),
  attachments: z.array(zAttachment),
  /** The database's rank (higher is better). */
  score: z.number(),
});
export type WorklogHit = z.output<typeof zWorklogHit>;
export const zWorklogHits = zPage(zWorklogHit);
export type WorklogHits = z.output<typeof zWorklogHits>;

/** The caller's postings a work log can be kept on (the cadre's 在岗 postings). */
export const zWorklogPostings = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      receivingUnitName: z.string(),
      startDate: z.string(),
      endDate: z.string(),
    }),
  ),
});
export type WorklogPostings = z.output<typeof zWorklogPostings>;
