import { z } from 'zod';

export const PAGE_SIZE_MAX = 100;

/**
 * Lists count their rows up to this many and no further (ADR 019): a larger total answers as
 * `total: COUNT_CAP, totalCapped: true` ("10000+"), and pages start only within it — so no
 * request counts or skips hundreds of thousands of rows. Narrow the filter to see further.
 */
export const COUNT_CAP = 10_000;

/** Query parameters every list endpoint accepts. */
export const zPageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(20),
  order: z.enum(['asc', 'desc']).default('asc'),
});

export function zPage<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    /** Present (true) when there are more than `total` rows: the count stopped at COUNT_CAP. */
    totalCapped: z.boolean().optional(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export interface Page<T> {
  items: T[];
  total: number;
  totalCapped?: boolean;
  page: number;
  pageSize: number;
}

/** Query-string booleans: only the literal words, so `?active=0` is a clear error, not a surprise. */
export const zQueryBool = z.enum(['true', 'false']).transform((v) => v === 'true');
