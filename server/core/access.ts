import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SIGNED_IN_COOKIE } from '../../common/auth/auth.schema.js';
import { authenticate } from '../auth/auth.service.js';
import { AppError } from './errors.js';
import {
  type Action,
  ALLOWED_BEFORE_PASSWORD_CHANGE,
  ALLOWED_BEFORE_TOTP_ENROLMENT,
  ALLOWED_WHILE_SECOND_FACTOR_PENDING,
  isAction,
  isAllowed,
} from './policy.js';
import { scopeFor } from './scope.js';

export const SESSION_COOKIE = 'guazhi_session';

/**
 * Beside the session cookie, one the web app can read: it holds no secret, only that a session
 * may exist, so a signed-out page does not ask `/api/auth/me` for a 401 (a console error).
 */
export function setSessionCookies(request: FastifyRequest, reply: FastifyReply, token: string): void {
  const options = { path: '/', sameSite: 'strict' as const, secure: request.protocol === 'https' };
  reply.setCookie(SESSION_COOKIE, token, { ...options, httpOnly: true });
  reply.setCookie(SIGNED_IN_COOKIE, '1', { ...options, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(SIGNED_IN_COOKIE, { path: '/' });
}

/** Every API route with its action, as registered: what the authorization matrix test walks. */
export interface ApiRoute {
  method: string;
  url: string;
  action: Action;
  /** The declared response schemas by status, for tests that check answers against them. */
  responses: Record<string, unknown>;
}
/** State-changing requests must carry this header: a cross-site form or image cannot set it. */
export const CSRF_HEADER = 'x-requested-with';

/** Routes registered by plugins we do not write (the API docs) are public reading. */
const PLUGIN_ROUTE_PREFIXES = ['/api/docs'];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Same-origin check: an Origin (or Sec-Fetch-Site) that says another site is refused. */
function crossSite(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site && site !== 'same-origin' && site !== 'none') return true;
  const origin = request.headers.origin;
  if (origin) {
    try {
      // both through URL, so default ports compare equal (http://x:80 is http://x)
      return new URL(origin).host !== new URL(`${request.protocol}://${request.host}`).host;
    } catch {
      return true;
    }
  }
  return false;
}

/**
 * Wires the policy table into Fastify: every /api route must declare a known action
 * (checked as routes are registered, so a forgotten one stops start-up), and every request
 * is checked — same origin, session, session stage, role — before its body is parsed. The
 * caller's scope for the action is attached to the actor for services to apply.
 */
export function registerAccessControl(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  const routes: ApiRoute[] = [];
  app.decorate('apiRoutes', routes);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    if (PLUGIN_ROUTE_PREFIXES.some((p) => route.url.startsWith(p))) {
      route.config = { ...(route.config ?? {}), action: 'docs.read' };
    }
    const action = (route.config as { action?: unknown } | undefined)?.action;
    if (!isAction(action)) {
      throw new Error(
        `Route ${String(route.method)} ${route.url} declares no action from the policy table (common/access/policy.ts)`,
      );
    }
    const responses = ((route.schema as { response?: Record<string, unknown> } | undefined)?.response ??
      {}) as Record<string, unknown>;
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, action, responses });
  });

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const action = request.routeOptions.config.action;
    if (!action) return; // not an API route (static files, not-found)
    if (!SAFE_METHODS.has(request.method) && (crossSite(request) || !request.headers[CSRF_HEADER])) {
      throw new AppError('CSRF_REJECTED');
    }
    const token = request.cookies[SESSION_COOKIE];
    const actor = token ? await authenticate(app.ctx, token, request.ip) : null;
    if (token && !actor) clearSessionCookies(reply);
    if (actor) {
      const mode = SAFE_METHODS.has(request.method) ? 'read' : 'write';
      request.actor = { ...actor, scope: scopeFor(action, actor.userId, actor.grants, mode) };
    }
    if (isAllowed(action, null)) return;
    if (!actor) throw new AppError('UNAUTHENTICATED');
    if (actor.stage === 'totp' && !ALLOWED_WHILE_SECOND_FACTOR_PENDING.has(action)) {
      throw new AppError('SECOND_FACTOR_REQUIRED');
    }
    if (actor.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(action)) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
    }
    if (actor.totpEnrolmentRequired && !ALLOWED_BEFORE_TOTP_ENROLMENT.has(action)) {
      throw new AppError('SECOND_FACTOR_ENROLMENT_REQUIRED');
    }
    if (!isAllowed(action, actor.roles)) throw new AppError('FORBIDDEN');
  });
}

/** The caller of a route whose action is not public; the access hook guarantees it. */
export function actorOf(request: FastifyRequest) {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
}
