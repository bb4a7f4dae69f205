import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authenticate } from '../auth/auth.service.js';
import { AppError } from './errors.js';
import { ALLOWED_BEFORE_PASSWORD_CHANGE, isAction, isAllowed } from './policy.js';

export const SESSION_COOKIE = 'guazhi_session';

/** Routes registered by plugins we do not write (the API docs) are public reading. */
const PLUGIN_ROUTE_PREFIXES = ['/api/docs'];

/**
 * Wires the policy table into Fastify: every /api route must declare a known action
 * (checked as routes are registered, so a forgotten one stops start-up), and every
 * request is authenticated and authorised before its body is even parsed.
 */
export function registerAccessControl(app: FastifyInstance): void {
  app.decorateRequest('actor', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    if (PLUGIN_ROUTE_PREFIXES.some((p) => route.url.startsWith(p))) {
      route.config = { ...(route.config ?? {}), action: 'docs.read' };
      return;
    }
    const action = (route.config as { action?: unknown } | undefined)?.action;
    if (!isAction(action)) {
      throw new Error(
        `Route ${String(route.method)} ${route.url} declares no action from the policy table (server/core/policy.ts)`,
      );
    }
  });

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const action = request.routeOptions.config.action;
    if (!action) return; // not an API route (static files, not-found)
    const token = request.cookies[SESSION_COOKIE];
    request.actor = token ? await authenticate(app.ctx, token) : null;
    if (token && !request.actor) reply.clearCookie(SESSION_COOKIE, { path: '/' });
    if (isAllowed(action, null)) return;
    if (!request.actor) throw new AppError('UNAUTHENTICATED');
    if (request.actor.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(action)) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
    }
    if (!isAllowed(action, request.actor.roles)) throw new AppError('FORBIDDEN');
  });
}

/** The caller of a route whose action is not public; the access hook guarantees it. */
export function actorOf(request: FastifyRequest) {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
}
