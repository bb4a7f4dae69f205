import { zIdParams } from '../../common/http/ids.schema.js';
import {
  zUnitInput,
  zUnitListQuery,
  zUnitUpdate,
  zUnitView,
  zUnitViewPage,
} from '../../common/units/units.schema.js';
import { actorOf } from '../core/access.js';
import type { AppInstance } from '../core/http.js';
import { registerLifecycleRoutes } from '../core/routes.js';
import * as service from './units.service.js';

export function registerUnitRoutes(app: AppInstance): void {
  const tags = ['units'];

  app.get(
    '/api/units',
    {
      config: { action: 'units.read' },
      schema: { tags, summary: '单位列表', querystring: zUnitListQuery, response: { 200: zUnitViewPage } },
    },
    async (request) => service.list(app.ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/units/:id',
    {
      config: { action: 'units.read' },
      schema: { tags, summary: '单位详情', params: zIdParams, response: { 200: zUnitView } },
    },
    async (request) => service.get(app.ctx, actorOf(request), request.params.id),
  );

  app.post(
    '/api/units',
    {
      config: { action: 'units.create' },
      schema: { tags, summary: '新建单位', body: zUnitInput, response: { 201: zUnitView } },
    },
    async (request, reply) => {
      const unit = await service.create(app.ctx, actorOf(request), request.body);
      return reply.status(201).send(unit);
    },
  );

  app.put(
    '/api/units/:id',
    {
      config: { action: 'units.update' },
      schema: {
        tags,
        summary: '修改单位',
        params: zIdParams,
        body: zUnitUpdate,
        response: { 200: zUnitView },
      },
    },
    async (request) => service.update(app.ctx, actorOf(request), request.params.id, request.body),
  );

  registerLifecycleRoutes(app, {
    base: '/api/units',
    tags,
    response: zUnitView,
    activate: { action: 'units.update', summaries: ['启用单位', '停用单位'] },
    deletion: { action: 'units.delete', summary: '删除未被引用的单位' },
    setActive: (actor, id, version, active) => service.setActive(app.ctx, actor, id, version, active),
    remove: (actor, id, version) => service.remove(app.ctx, actor, id, version),
  });
}
