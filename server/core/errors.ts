import type { ErrorCode, FieldError } from '../../common/http/errors.schema.js';
import { fieldLabel, type MessageKey, t } from '../../common/i18n/index.js';

/** The one HTTP status of each error code. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  BAD_JSON: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  SECOND_FACTOR_REQUIRED: 403,
  SECOND_FACTOR_ENROLMENT_REQUIRED: 403,
  INVALID_SECOND_FACTOR: 401,
  CSRF_REJECTED: 403,
  PASSWORD_POLICY: 400,
  WRONG_PASSWORD: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VERSION_CONFLICT: 409,
  UNIT_REFERENCED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

export interface AppErrorOptions {
  /** Placeholders for the code's default message, e.g. `{ minutes: 30 }`. */
  params?: Record<string, string | number>;
  /** A more specific catalogue message than the code's default. */
  messageKey?: MessageKey;
  fields?: FieldError[];
  cause?: unknown;
  /** An attempt on something outside the caller's scope: answered as `code`, audited as denied. */
  denied?: boolean;
  /** Seconds until a refused attempt may be made again: sent as the `Retry-After` header. */
  retryAfterSeconds?: number;
}

/** The one error type of the application. Its message is always user-facing Chinese. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: FieldError[] | undefined;
  /** Recorded in the audit log as a denied attempt (every FORBIDDEN is, too). */
  readonly denied: boolean;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    const key = options.messageKey ?? (`error.${code}` as MessageKey);
    super(t(key, options.params), { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.fields = options.fields;
    this.denied = options.denied ?? code === 'FORBIDDEN';
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export const notFound = () => new AppError('NOT_FOUND');
/** Something exists but lies outside the caller's scope: answered 404 so existence does not leak. */
export const outOfScope = () => new AppError('NOT_FOUND', { denied: true });
/** A record the caller may read but not change: said as such, never as "not found". */
export const readOnlyRecord = () => new AppError('FORBIDDEN', { messageKey: 'scope.readOnlyRecord' });
export const versionConflict = () => new AppError('VERSION_CONFLICT');

/** A 400 naming the fields: the message lists the first few with their Chinese labels. */
export function validationError(fields: FieldError[]): AppError {
  const detail = fields
    .slice(0, 3)
    .map((f) => `${fieldLabel(f.field.split('.').at(-1) ?? f.field)}（${f.message}）`)
    .join('；');
  return new AppError('VALIDATION_FAILED', { params: { detail }, fields });
}

/** A 400 about one field, with a catalogue message. */
export function fieldError(
  field: string,
  key: MessageKey,
  params?: Record<string, string | number>,
): AppError {
  return validationError([{ field, message: t(key, params) }]);
}
