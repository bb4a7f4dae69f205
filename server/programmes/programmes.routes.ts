import { zIdParams } from '../../common/http/ids.schema.js';
import {
  zBatchAdvance,
  zBatchInput,
  zBatchListQuery,
  zBatchReadiness,
  zBatchUpdate,
  zBatchView,
  zBatchViewPage,
  zProgrammeInput,
  zProgrammeListQuery,
  zProgrammeUpdate,
  zProgrammeView,
  zProgrammeViewPage,
} from '../../common/programmes/programmes.schema.js';
import { actorOf } from '../core/access.js';
import type { AppInstance } from '../core/http.js';
import { registerDeleteRoute } from '../core/routes.js';
import * as service from './programmes.service.js';

export function registerProgrammeRoutes(app: AppInstance): void {
  const tags = ['programmes'];

  app.get(
    '/api/programmes',
    {
      config: { action: 'programmes.read' },
      schema: {
        tags,
        summary: '挂职项目列表',
        querystring: zProgrammeListQuery,
        response: { 200: zProgrammeViewPage },
      },
    },
    async (request) => service.listProgrammes(app.ctx, actorOf(request), request.query),
  );
  app.get(
    '/api/programmes/:id',
    {
      config: { action: 'programmes.read' },
      schema: { tags, summary: '挂职项目详情', params: zIdParams, response: { 200: zProgrammeView } },
    },
    async (request) => service.getProgramme(app.ctx, actorOf(request), request.params.id),
  );
  app.post(
    '/api/programmes',
    {
      config: { action: 'programmes.create' },
      schema: { tags, summary: '新建挂职项目', body: zProgrammeInput, response: { 201: zProgrammeView } },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createProgramme(app.ctx, actorOf(request), request.body)),
  );
  app.put(
    '/api/programmes/:id',
    {
      config: { action: 'programmes.update' },
      schema: {
        tags,
        summary: '修改挂职项目',
        params: zIdParams,
        body: zProgrammeUpdate,
        response: { 200: zProgrammeView },
      },
    },
    async (request) => service.updateProgramme(app.ctx, actorOf(request), request.params.id, request.body),
  );
  registerDeleteRoute(app, {
    base: '/api/programmes',
    tags,
    action: 'programmes.delete',
    summary: '删除没有批次的项目',
    remove: (actor, id, version) => service.removeProgramme(app.ctx, actor, id, version),
  });

  app.get(
    '/api/batches',
    {
      config: { action: 'batches.read' },
      schema: { tags, summary: '批次列表', querystring: zBatchListQuery, response: { 200: zBatchViewPage } },
    },
    async (request) => service.listBatches(app.ctx, actorOf(request), request.query),
  );
  app.get(
    '/api/batches/:id',
    {
      config: { action: 'batches.read' },
      schema: { tags, summary: '批次详情', params: zIdParams, response: { 200: zBatchView } },
    },
    async (request) => service.getBatch(app.ctx, actorOf(request), request.params.id),
  );
  app.post(
    '/api/batches',
    {
      config: { action: 'batches.create' },
      schema: { tags, summary: '新建批次', body: zBatchInput, response: { 201: zBatchView } },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createBatch(app.ctx, actorOf(request), request.body)),
  );
  app.put(
    '/api/batches/:id',
    {
      config: { action: 'batches.update' },
      schema: {
        tags,
        summary: '修改批次（含名额与资格条件）',
        params: zIdParams,
        body: zBatchUpdate,
        response: { 200: zBatchView },
      },
    },
    async (request) => service.updateBatch(app.ctx, actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/batches/:id/readiness',
    {
      config: { action: 'batches.read' },
      schema: {
        tags,
        summary: '批次能否推进到下一状态（待办事项与提醒）',
        params: zIdParams,
        response: { 200: zBatchReadiness },
      },
    },
    async (request) => service.batchReadiness(app.ctx, actorOf(request), request.params.id),
  );
  app.post(
    '/api/batches/:id/advance',
    {
      config: { action: 'batches.advance' },
      schema: {
        tags,
        summary: '推进批次状态（须说明原因）',
        params: zIdParams,
        body: zBatchAdvance,
        response: { 200: zBatchView },
      },
    },
    async (request) => service.advanceBatch(app.ctx, actorOf(request), request.params.id, request.body),
  );
  registerDeleteRoute(app, {
    base: '/api/batches',
    tags,
    action: 'batches.delete',
    summary: '删除筹备中的批次',
    remove: (actor, id, version) => service.removeBatch(app.ctx, actor, id, version),
  });
}
