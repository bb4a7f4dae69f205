import type { FormRule } from 'antd';
import type { z } from 'zod';
import { textLimits } from '../../../common/http/text';
import { tMaybe } from '../../../common/i18n/index';

/** Nothing given: no value, blank text, an empty list. */
const isEmpty = (value: unknown) =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

/**
 * An antd rule that checks a value with the same zod schema the server uses, so client
 * and server agree. Empty values pass (pair it with a `required` rule); the message is
 * `message` if given, else the schema's own (catalogue keys are translated).
 */
export function zodRule(schema: z.ZodType, message?: string): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      // empty is the `required` rule's to say, once (issue 11 line 7: an empty 分工 said it twice)
      if (isEmpty(value)) return;
      const result = schema.safeParse(value);
      if (!result.success) throw new Error(message ?? tMaybe(result.error.issues[0]?.message ?? ''));
    },
  };
}

/** The maximum length a shared text schema allows: antd's `maxLength` follows the server. */
export const maxLengthOf = (schema: z.ZodType): number => textLimits(schema).max;

/** `{ min, max }` of a shared text schema, for messages that state them. */
export { textLimits };
