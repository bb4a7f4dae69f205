import { z } from 'zod';
import { zPage, zPageQuery } from '../http/paging.schema.js';

export const AUDIT_RESULTS = ['success', 'denied', 'failure'] as const;

export const zAuditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  /** The object's name as it is now (账号 张三); null when it has none or is gone (ADR 030). */
  objectName: z.string().nullable(),
  result: z.enum(AUDIT_RESULTS),
  ip: z.string().nullable(),
  diff: z
    .record(z.string(), z.object({ from: z.unknown().optional(), to: z.unknown().optional() }))
    .nullable(),
});
export type AuditEntry = z.infer<typeof zAuditEntry>;

const zIsoTime = z.iso.datetime({ offset: true });

export const zAuditQuery = zPageQuery
  .extend({
    order: z.enum(['asc', 'desc']).default('desc'),
    actor: z.string().trim().max(64).optional(),
    action: z.string().trim().max(64).optional(),
    objectType: z.string().trim().max(64).optional(),
    objectId: z.string().trim().max(64).optional(),
    result: z.enum(AUDIT_RESULTS).optional(),
    from: zIsoTime.optional(),
    to: zIsoTime.optional(),
  })
  .strict();
export type AuditQuery = z.output<typeof zAuditQuery>;

export const zAuditPage = zPage(zAuditEntry);
