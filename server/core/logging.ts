import type { FastifyRequest, FastifyServerOptions } from 'fastify';

/** Query parameters whose values are safe to log; every other value is replaced by ***. */
const LOGGABLE_QUERY = new Set([
  'page',
  'pageSize',
  'sort',
  'order',
  'kind',
  'active',
  'result',
  'parentCode',
  'regionCode',
]);

/** The path as it is, the query string with values masked: searches can hold names, phones, ID numbers. */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const params = new URLSearchParams(url.slice(at + 1));
  const parts: string[] = [];
  for (const [key, value] of params) parts.push(`${key}=${LOGGABLE_QUERY.has(key) ? value : '***'}`);
  return `${url.slice(0, at)}?${parts.join('&')}`;
}

/** Fields never written to the log, under any of the objects logged by hand. */
const SECRET_FIELDS = [
  'password',
  'newPassword',
  'currentPassword',
  'idNumber',
  'phone',
  'contactPhone',
  'token',
];
/**
 * The keys objects are logged under (`request.log.error({ err })`). Named rather than `*`: a
 * leading wildcard makes pino run the redaction on every request's logger bindings.
 */
const LOGGED_OBJECTS = ['err', 'error', 'body', 'data', 'user', 'cadre', 'record'];

/**
 * Request logs name the method, the redacted URL and the client, never headers (cookies) or
 * bodies (passwords, ID numbers); `redact` is a second net for anything logged by hand.
 */
export function loggerOptions(
  level: string,
  stream?: { write(line: string): unknown },
): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        ...LOGGED_OBJECTS.flatMap((object) => SECRET_FIELDS.map((field) => `${object}.${field}`)),
      ],
      censor: '***',
    },
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: redactUrl(request.url),
        remoteAddress: request.ip,
      }),
    },
  };
}
