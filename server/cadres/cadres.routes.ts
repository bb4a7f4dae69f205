import { z } from 'zod';
import { PHOTO_LIMIT, PHOTO_MAX_BYTES, PHOTO_TYPES } from '../../common/cadres/cadre-photo.js';
import {
  zCadreDetail,
  zCadreDetailView,
  zCadreInput,
  zCadreListQuery,
  zCadrePage,
  zCadreUpdate,
  zPersonalFull,
} from '../../common/cadres/cadres.schema.js';
import { zOk } from '../../common/http/bodies.schema.js';
import { zIdParams } from '../../common/http/ids.schema.js';
import { actorOf } from '../core/access.js';
import { AppError } from '../core/errors.js';
import { type AppInstance, routeErrors } from '../core/http.js';
import { registerDeleteRoute } from '../core/routes.js';
import * as service from './cadres.service.js';

export function registerCadreRoutes(app: AppInstance): void {
  const tags = ['cadres'];
  // Photos arrive as raw bytes; the service checks what they really are.
  app.addContentTypeParser(
    [...PHOTO_TYPES],
    { parseAs: 'buffer', bodyLimit: PHOTO_MAX_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.get(
    '/api/cadres',
    {
      config: { action: 'cadres.read' },
      schema: { tags, summary: '干部名册', querystring: zCadreListQuery, response: { 200: zCadrePage } },
    },
    async (request) => service.list(app.ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/cadres/:id',
    {
      config: { action: 'cadres.read' },
      schema: {
        tags,
        summary: '干部详情（身份证号、手机号脱敏）',
        params: zIdParams,
        response: { 200: zCadreDetailView },
      },
    },
    async (request) => service.get(app.ctx, actorOf(request), request.params.id),
  );

  app.get(
    '/api/cadres/:id/personal',
    {
      config: { action: 'cadres.viewFull' },
      schema: {
        tags,
        summary: '完整身份证号和手机号（每次查看记入审计）',
        params: zIdParams,
        response: { 200: zPersonalFull },
      },
    },
    async (request) => service.personal(app.ctx, actorOf(request), request.params.id),
  );

  app.post(
    '/api/cadres',
    {
      config: { action: 'cadres.create' },
      schema: { tags, summary: '新增干部', body: zCadreInput, response: { 201: zCadreDetail } },
    },
    async (request, reply) =>
      reply.status(201).send(await service.create(app.ctx, actorOf(request), request.body)),
  );

  app.put(
    '/api/cadres/:id',
    {
      config: { action: 'cadres.update' },
      schema: {
        tags,
        summary: '修改干部信息',
        params: zIdParams,
        body: zCadreUpdate,
        response: { 200: zCadreDetail },
      },
    },
    async (request) => service.update(app.ctx, actorOf(request), request.params.id, request.body),
  );

  registerDeleteRoute(app, {
    base: '/api/cadres',
    tags,
    action: 'cadres.delete',
    summary: '删除干部及其个人信息',
    remove: (actor, id, version) => service.remove(app.ctx, actor, id, version),
  });

  app.put(
    '/api/cadres/:id/photo',
    {
      config: { action: 'cadres.photo' },
      errorHandler: routeErrors(service.photoTooLargeError),
      schema: {
        tags,
        summary: `上传照片（JPEG/PNG/WebP，≤ ${PHOTO_LIMIT}；存为重新编码的 JPEG）`,
        params: zIdParams,
        response: { 200: zOk },
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      await service.putPhoto(app.ctx, actorOf(request), request.params.id, request.body);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/cadres/:id/photo',
    { config: { action: 'cadres.read' }, schema: { tags, summary: '照片', params: zIdParams } },
    async (request, reply) => {
      const photo = await service.getPhoto(app.ctx, actorOf(request), request.params.id);
      return reply.type(photo.mime).send(photo.content);
    },
  );

  app.get(
    '/api/expertise',
    {
      config: { action: 'expertise.read' },
      schema: {
        tags,
        summary: '专业特长词表',
        response: { 200: z.object({ items: z.array(z.object({ tag: z.string(), category: z.string() })) }) },
      },
    },
    async () => service.expertise(app.ctx),
  );
}
