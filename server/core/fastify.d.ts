import 'fastify';
import type { ApiRoute } from './access.js';
import type { Actor, AppContext } from './context.js';
import type { Action } from './policy.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The action this route performs, looked up in the policy table. Required under /api. */
    action?: Action;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    ctx: AppContext;
    apiRoutes: ApiRoute[];
  }
}
