import { z } from 'zod';

export const PAGE_SIZE_MAX = 100;

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
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Query-string booleans: only the literal words, so `?active=0` is a clear error, not a surprise. */
export const zQueryBool = z.enum(['true', 'false']).transform((v) => v === 'true');
