import { z } from 'zod';

/**
 * Every error the API answers with has one of these codes. The HTTP status of each
 * code lives in server/core/errors.ts (one map); the Chinese text in common/i18n.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'BAD_JSON',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'PASSWORD_CHANGE_REQUIRED',
  'SECOND_FACTOR_REQUIRED',
  'SECOND_FACTOR_ENROLMENT_REQUIRED',
  'INVALID_SECOND_FACTOR',
  'CSRF_REJECTED',
  'PASSWORD_POLICY',
  'WRONG_PASSWORD',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'VERSION_CONFLICT',
  'UNIT_REFERENCED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'INTERNAL',
  'UNAVAILABLE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const zFieldError = z.object({
  field: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof zFieldError>;

export const zErrorBody = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  fields: z.array(zFieldError).optional(),
  requestId: z.string().optional(),
});
export type ErrorBody = z.infer<typeof zErrorBody>;
