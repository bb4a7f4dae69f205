import { z } from 'zod';

/**
 * One move in an object's status history (status_history, ADR 027) as the detail answers carry
 * it: from (null for the first status), to, the reason given, when and by whom (the display
 * name; null once the account is gone).
 */
export function zStatusEvent<const S extends readonly [string, ...string[]]>(statuses: S) {
  return z.object({
    from: z.enum(statuses).nullable(),
    to: z.enum(statuses),
    reason: z.string().nullable(),
    at: z.string(),
    by: z.string().nullable(),
  });
}

export interface StatusEvent<S extends string = string> {
  from: S | null;
  to: S;
  reason: string | null;
  at: string;
  by: string | null;
}
