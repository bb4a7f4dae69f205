import type {
  FastifyBaseLogger,
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  serializerCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import type { ErrorBody, FieldError } from '../../common/http/errors.schema.js';
import { formatBytes } from '../../common/http/size.js';
import { textFaults } from '../../common/http/text.js';
import { t, tMaybe } from '../../common/i18n/index.js';
import { record, whoOf } from '../audit/audit.service.js';
import { AppError, validationError } from './errors.js';

/** The Fastify instance routes are registered on: Zod schemas give typed bodies, queries and params. */
export type AppInstance = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export const BODY_LIMIT = 1024 * 1024;

/** The app-wide 413, naming BODY_LIMIT; a route with its own limit uses `routeErrors`. */
const tooLarge = () => new AppError('PAYLOAD_TOO_LARGE', { params: { limit: formatBytes(BODY_LIMIT) } });

interface IssueLike {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
  keys?: readonly string[];
}

/** Zod issues → one field error each, with Chinese text; unknown keys are named one by one. */
export function fieldErrorsOf(issues: readonly IssueLike[], context?: string): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      for (const key of issue.keys) {
        out.push({ field: base ? `${base}.${key}` : key, message: t('validation.unknownField') });
      }
      continue;
    }
    out.push({ field: base || context || 'body', message: tMaybe(issue.message) });
  }
  return out;
}

function toAppError(error: FastifyError | Error): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return validationError(fieldErrorsOf(error.issues));
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as FastifyError).validationContext;
    return validationError(
      fieldErrorsOf(
        error.validation.map((v) => ({
          path: v.instancePath.split('/').filter(Boolean),
          message: v.message ?? '',
          code: v.keyword,
          keys: (v.params as { keys?: string[] }).keys,
        })),
        context === 'body' ? 'body' : context,
      ),
    );
  }
  const code = (error as FastifyError).code;
  switch (code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('BAD_JSON');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return tooLarge();
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('UNSUPPORTED_MEDIA_TYPE');
  }
  if (error instanceof SyntaxError && (error as FastifyError).statusCode === 400)
    return new AppError('BAD_JSON');
  const status = (error as FastifyError).statusCode;
  if (status === 404) return new AppError('NOT_FOUND');
  if (status === 413) return tooLarge();
  if (status === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE');
  if (status === 429) return new AppError('RATE_LIMITED');
  if (status !== undefined && status >= 400 && status < 500)
    return new AppError('VALIDATION_FAILED', { params: { detail: t('validation.badRequest') } });
  return null;
}

/**
 * Every text the API accepts is well-formed Unicode without NUL: a lone surrogate or a NUL
 * anywhere in the path parameters, the query or a JSON body (keys too) is refused with 400
 * VALIDATION_FAILED naming the field, before any schema or handler sees it (`preValidation`).
 */
export async function refuseBadText(request: FastifyRequest): Promise<void> {
  const fields: FieldError[] = [];
  const parts: [string, unknown][] = [
    ['params', request.params],
    ['querystring', request.query],
    ['body', request.body],
  ];
  for (const [part, value] of parts) {
    for (const { path, fault } of textFaults(value)) fields.push({ field: path || part, message: t(fault) });
  }
  if (fields.length > 0) throw validationError(fields);
}

/** One audit row per denied attempt, in its own transaction (the request changed nothing). */
async function auditDenied(request: FastifyRequest, error: AppError): Promise<void> {
  const ctx = request.server.ctx;
  const actor = request.actor;
  try {
    await record(ctx, actor ? whoOf(actor) : { actorId: null, actorName: '(anonymous)', ip: request.ip }, {
      action: request.routeOptions.config.action ?? `${request.method} ${request.routeOptions.url ?? ''}`,
      objectType: request.routeOptions.url?.split('/')[2] ?? null,
      objectId: (request.params as { id?: string } | undefined)?.id ?? null,
      result: 'denied',
      diff: { answer: { to: error.code } },
    });
  } catch (auditError) {
    request.log.error({ err: auditError }, 'could not record a denied attempt');
  }
}

/**
 * The one error handler. 4xx: `{code, message, fields?}` in Chinese. Anything else is a
 * 500 carrying only a code, a generic message and the request id; the detail goes to the log.
 */
export async function errorHandler(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const appError = toAppError(error);
  if (appError?.denied) await auditDenied(request, appError);
  if (appError && appError.status < 500) {
    const body: ErrorBody = { code: appError.code, message: appError.message };
    if (appError.fields?.length) body.fields = appError.fields;
    if (appError.retryAfterSeconds !== undefined)
      reply.header('retry-after', String(appError.retryAfterSeconds));
    return reply.status(appError.status).type('application/json; charset=utf-8').send(body);
  }
  request.log.error({ err: error }, 'request failed');
  const code = appError?.code ?? 'INTERNAL';
  const body: ErrorBody = { code, message: t(`error.${code}`), requestId: String(request.id) };
  return reply
    .status(appError?.status ?? 500)
    .type('application/json; charset=utf-8')
    .send(body);
}

/**
 * The error handler of a route that takes an upload under its own body limit: a body over it
 * is answered with `overLimit()` (a 413 stating that route's limit, not the app-wide one).
 */
export function routeErrors(overLimit: () => AppError) {
  return (error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) => {
    const f = error as FastifyError;
    const over = f.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || f.statusCode === 413;
    return errorHandler(over ? overLimit() : error, request, reply);
  };
}

/**
 * The zod response serializer, remembering the bytes it wrote for each answer object: a cached
 * answer (server/core/read-cache.ts: shared, never changed) is checked, encoded and turned into
 * UTF-8 once, not on every request that serves it (a Buffer goes to the socket as it is).
 */
export const rememberingSerializerCompiler: typeof serializerCompiler = (route) => {
  const serialize = serializerCompiler(route);
  const written = new WeakMap<object, Buffer>();
  return (data) => {
    if (typeof data !== 'object' || data === null) return serialize(data);
    let bytes = written.get(data);
    if (bytes === undefined) {
      bytes = Buffer.from(serialize(data), 'utf8');
      written.set(data, bytes);
    }
    // Fastify sends a Buffer as it is; its serializer type says string only
    return bytes as unknown as string;
  };
};
