import { zVersionBody } from '../../common/http/bodies.schema.js';
import { zIdParams } from '../../common/http/ids.schema.js';
import {
  zPostLevelParams,
  zPostLevelTable,
  zPostLevelUpdate,
  zUnitPostLevels,
} from '../../common/posts/post-levels.js';
import {
  zPostInput,
  zPostListQuery,
  zPostReview,
  zPostUpdate,
  zPostView,
  zPostViewPage,
} from '../../common/posts/posts.schema.js';
import { actorOf } from '../core/access.js';
import type { AppInstance } from '../core/http.js';
import { registerDeleteRoute } from '../core/routes.js';
import * as postLevels from './post-levels.service.js';
import * as service from './posts.service.js';

export function registerPostRoutes(app: AppInstance): void {
  const tags = ['posts'];
  app.get(
    '/api/post-levels',
    {
      config: { action: 'postLevels.read' },
      schema: { tags, summary: '岗位层级设置（按单位类型和区划层级）', response: { 200: zPostLevelTable } },
    },
    async () => postLevels.table(app.ctx),
  );
  app.put(
    '/api/post-levels/:unitKind/:regionTier',
    {
      config: { action: 'postLevels.update' },
      schema: {
        tags,
        summary: '调整一类单位可申请的岗位层级（levels 为 null 时恢复默认）',
        params: zPostLevelParams,
        body: zPostLevelUpdate,
        response: { 200: zPostLevelTable },
      },
    },
    async (request) =>
      postLevels.update(
        app.ctx,
        actorOf(request),
        request.params.unitKind,
        request.params.regionTier,
        request.body.levels,
      ),
  );
  app.get(
    '/api/units/:id/post-levels',
    {
      config: { action: 'postLevels.unit' },
      schema: {
        tags,
        summary: '该单位可申请的岗位层级',
        params: zIdParams,
        response: { 200: zUnitPostLevels },
      },
    },
    async (request) => postLevels.forUnit(app.ctx, actorOf(request), request.params.id),
  );
  app.get(
    '/api/posts',
    {
      config: { action: 'posts.read' },
      schema: {
        tags,
        summary: '岗位需求列表',
        querystring: zPostListQuery,
        response: { 200: zPostViewPage },
      },
    },
    async (request) => service.list(app.ctx, actorOf(request), request.query),
  );
  app.get(
    '/api/posts/:id',
    {
      config: { action: 'posts.read' },
      schema: { tags, summary: '岗位需求详情', params: zIdParams, response: { 200: zPostView } },
    },
    async (request) => service.get(app.ctx, actorOf(request), request.params.id),
  );
  app.post(
    '/api/posts',
    {
      config: { action: 'posts.create' },
      schema: { tags, summary: '新建岗位需求（草稿）', body: zPostInput, response: { 201: zPostView } },
    },
    async (request, reply) =>
      reply.status(201).send(await service.create(app.ctx, actorOf(request), request.body)),
  );
  app.put(
    '/api/posts/:id',
    {
      config: { action: 'posts.update' },
      schema: {
        tags,
        summary: '修改岗位需求',
        params: zIdParams,
        body: zPostUpdate,
        response: { 200: zPostView },
      },
    },
    async (request) => service.update(app.ctx, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/posts/:id/submit',
    {
      config: { action: 'posts.submit' },
      schema: {
        tags,
        summary: '提交审核',
        params: zIdParams,
        body: zVersionBody,
        response: { 200: zPostView },
      },
    },
    async (request) => service.submit(app.ctx, actorOf(request), request.params.id, request.body.version),
  );
  app.post(
    '/api/posts/:id/review',
    {
      config: { action: 'posts.review' },
      schema: {
        tags,
        summary: '审核：通过、退回或不通过（通过时校验名额）',
        params: zIdParams,
        body: zPostReview,
        response: { 200: zPostView },
      },
    },
    async (request) => service.review(app.ctx, actorOf(request), request.params.id, request.body),
  );
  registerDeleteRoute(app, {
    base: '/api/posts',
    tags,
    action: 'posts.delete',
    summary: '删除草稿',
    remove: (actor, id, version) => service.remove(app.ctx, actor, id, version),
  });
}
