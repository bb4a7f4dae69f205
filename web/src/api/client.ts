import type { FormInstance } from 'antd';
import type { ErrorCode, FieldError } from '../../../common/http/errors.schema';
import { t } from '../../../common/i18n/index';

/** Codes the client itself produces when there is no usable error body. */
export type ClientErrorCode = 'NETWORK' | 'BAD_RESPONSE';

/** Every failed request rejects with this: the server's code and Chinese message, field errors, request id. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | ClientErrorCode;
  readonly fields: FieldError[];
  readonly requestId: string | undefined;

  constructor(init: {
    status: number;
    code: ErrorCode | ClientErrorCode;
    message: string;
    fields?: FieldError[] | undefined;
    requestId?: string | undefined;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.fields = init.fields ?? [];
    this.requestId = init.requestId;
  }
}

export function isApiError(error: unknown, code?: ApiError['code']): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** The message to show for any error, with the request id of a server failure ("请求编号：…"). */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    return error.requestId
      ? `${error.message}（${t('common.requestId', { id: error.requestId })}）`
      : error.message;
  }
  return error instanceof Error && error.message ? error.message : t('common.networkError');
}

/**
 * Answers that say the session is gone or owes a step first (second factor, password change,
 * TOTP enrolment). Note that 401 INVALID_SECOND_FACTOR (a wrong code) is none of them.
 */
const AUTH_FAILURES = [
  'UNAUTHENTICATED',
  'SECOND_FACTOR_REQUIRED',
  'PASSWORD_CHANGE_REQUIRED',
  'SECOND_FACTOR_ENROLMENT_REQUIRED',
] as const;
export type AuthFailure = (typeof AUTH_FAILURES)[number];
const isAuthFailure = (code: string): code is AuthFailure =>
  (AUTH_FAILURES as readonly string[]).includes(code);
let onAuthFailure: ((kind: AuthFailure) => void) | null = null;

/**
 * Registers what happens when any request finds the session gone (401) or finds it owes a
 * step first; the app wires this to the session (see app.providers), and the session guard
 * sends the user to /login, /login/verify, /change-password or /totp-setup.
 */
export function setAuthFailureHandler(handler: ((kind: AuthFailure) => void) | null): void {
  onAuthFailure = handler;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** A file sent as it is (e.g. an .xlsx upload) instead of a JSON `body`. */
  file?: { data: Blob; contentType: string } | undefined;
  signal?: AbortSignal | undefined;
}

/** Builds `/api/...?a=1` leaving out empty values. */
export function apiUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function isErrorBody(value: unknown): value is { code: ErrorCode; message: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/** The one way the web app talks to the server: JSON in, JSON out, errors as ApiError. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'x-requested-with': 'guazhi' };
  const init: RequestInit = {
    method: options.method ?? 'GET',
    credentials: 'same-origin',
    headers,
    signal: options.signal ?? null,
  };
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  } else if (options.file) {
    headers['content-type'] = options.file.contentType;
    init.body = options.file.data;
  }

  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, code: 'NETWORK', message: t('common.networkError') });
  }

  return settle<T>(response.status, await response.text(), response.headers.get('x-request-id'));
}

/** Parses an answer: its JSON when the status is 2xx, else the ApiError (401 and steps reported). */
function settle<T>(status: number, text: string, requestIdHeader: string | null): T {
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }

  if (status >= 200 && status < 300) return data as T;

  const requestId = requestIdHeader ?? undefined;
  const error = isErrorBody(data)
    ? new ApiError({
        status,
        code: data.code,
        message: data.message,
        fields: (data as { fields?: FieldError[] }).fields,
        // the body carries the id only for 5xx; the header always has it
        requestId: (data as { requestId?: string }).requestId ?? (status >= 500 ? requestId : undefined),
      })
    : new ApiError({
        status,
        code: 'BAD_RESPONSE',
        message: t('common.badResponse', { status }),
        requestId,
      });

  if (isAuthFailure(error.code)) onAuthFailure?.(error.code);
  throw error;
}

export interface UploadOptions {
  query?: Record<string, QueryValue>;
  file: { data: Blob; contentType: string };
  /** Called with the share of the body sent so far (0–100), and 100 once all of it is sent. */
  onProgress?: (percent: number) => void;
  signal?: AbortSignal | undefined;
}

/**
 * A POST of a file that reports how much of it was sent: like `api()` (same headers, cookie,
 * errors and session handling; same-origin, so the cookie goes along), but through
 * XMLHttpRequest, since fetch has no upload progress.
 */
export function apiUpload<T>(path: string, options: UploadOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl(path, options.query));
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-requested-with', 'guazhi');
    xhr.setRequestHeader('content-type', options.file.contentType);
    const { onProgress, signal } = options;
    if (onProgress) {
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0)
          onProgress(Math.min(100, Math.floor((event.loaded / event.total) * 100)));
      };
      xhr.upload.onload = () => onProgress(100);
    }
    const abort = () => xhr.abort();
    signal?.addEventListener('abort', abort, { once: true });
    const done = () => signal?.removeEventListener('abort', abort);
    xhr.onload = () => {
      done();
      try {
        resolve(settle<T>(xhr.status, xhr.responseText, xhr.getResponseHeader('x-request-id')));
      } catch (error) {
        reject(error);
      }
    };
    xhr.onerror = () => {
      done();
      reject(new ApiError({ status: 0, code: 'NETWORK', message: t('common.networkError') }));
    };
    xhr.onabort = () => {
      done();
      reject(new DOMException('The upload was aborted', 'AbortError'));
    };
    if (signal?.aborted) {
      xhr.abort();
      return;
    }
    xhr.send(options.file.data);
  });
}

/**
 * Puts the server's field errors onto an antd form, using the schema field names
 * (`name`, `regionCode`, …). A field inside a list is named without its index
 * (`resume.toMonth` takes `resume.1.toMonth`), and an item of a plain list shows on the list
 * (`duties.0` on `duties`). Returns the errors that match no field of the form, so the caller
 * can show them elsewhere.
 */
export function applyFieldErrors(
  form: FormInstance,
  error: unknown,
  fieldNames: readonly string[],
): FieldError[] {
  if (!(error instanceof ApiError)) return [];
  const known = new Set(fieldNames);
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const rest: FieldError[] = [];
  for (const fieldError of error.fields) {
    const name = fieldError.field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    while (typeof name.at(-1) === 'number') name.pop();
    if (!known.has(name.filter((part) => typeof part === 'string').join('.'))) {
      rest.push(fieldError);
      continue;
    }
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(fieldError.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return rest;
}
