import { z } from 'zod';
import { zVersion } from './ids.schema.js';

/** A body carrying only the version the client holds (submit, withdraw, move without fields). */
export const zVersionBody = z.strictObject({ version: zVersion });
/** The version in the query (DELETE has no body). */
export const zVersionQuery = z.strictObject({ version: z.coerce.number().int().min(1) });
/** The answer of an action that returns nothing else. */
export const zOk = z.object({ ok: z.literal(true) });
