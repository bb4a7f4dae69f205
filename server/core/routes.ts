import type { z } from 'zod';
import type { Action } from '../../common/access/policy.js';
import { zOk, zVersionBody, zVersionQuery } from '../../common/http/bodies.schema.js';
import { zIdParams } from '../../common/http/ids.schema.js';
import { actorOf } from './access.js';
import type { Actor } from './context.js';
import type { AppInstance } from './http.js';

/**
 * The routes every deactivatable record has, the same way everywhere:
 * `POST <base>/:id/deactivate {version}`, `POST <base>/:id/activate {version}` and
 * `DELETE <base>/:id?version=` (the service decides whether a hard delete is allowed).
 */
export function registerLifecycleRoutes(
  app: AppInstance,
  options: {
    base: string;
    tags: string[];
    response: z.ZodType<object>;
    activate: { action: Action; summaries: [on: string, off: string] };
    deletion: { action: Action; summary: string };
    setActive(actor: Actor, id: string, version: number, active: boolean): Promise<object>;
    remove(actor: Actor, id: string, version: number): Promise<void>;
  },
): void {
  for (const [verb, active] of [
    ['deactivate', false],
    ['activate', true],
  ] as const) {
    app.post(
      `${options.base}/:id/${verb}`,
      {
        config: { action: options.activate.action },
        schema: {
          tags: options.tags,
          summary: options.activate.summaries[active ? 0 : 1],
          params: zIdParams,
          body: zVersionBody,
          response: { 200: options.response },
        },
      },
      // the generic response type is checked where the options are built; Fastify cannot see through T
      async (request) =>
        (await options.setActive(actorOf(request), request.params.id, request.body.version, active)) as never,
    );
  }
  registerDeleteRoute(app, {
    base: options.base,
    tags: options.tags,
    ...options.deletion,
    remove: options.remove,
  });
}

/**
 * `DELETE <base>/:id?version=` → `{ok: true}`: the one way records are deleted (the service
 * decides whether a hard delete is allowed and checks the version).
 */
export function registerDeleteRoute(
  app: AppInstance,
  options: {
    base: string;
    tags: string[];
    action: Action;
    summary: string;
    remove(actor: Actor, id: string, version: number): Promise<void>;
  },
): void {
  app.delete(
    `${options.base}/:id`,
    {
      config: { action: options.action },
      schema: {
        tags: options.tags,
        summary: options.summary,
        params: zIdParams,
        querystring: zVersionQuery,
        response: { 200: zOk },
      },
    },
    async (request) => {
      await options.remove(actorOf(request), request.params.id, request.query.version);
      return { ok: true as const };
    },
  );
}
