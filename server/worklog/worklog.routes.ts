import { z } from 'zod';
import { FILE_LIMIT, FILE_MAX_BYTES } from '../../common/files/files.js';
import { zId, zIdParams } from '../../common/http/ids.schema.js';
import {
  zWorklogEntry,
  zWorklogHits,
  zWorklogInput,
  zWorklogListQuery,
  zWorklogPage,
  zWorklogPostings,
  zWorklogSearchQuery,
  zWorklogUpdate,
} from '../../common/worklog/worklog.schema.js';
import { actorOf } from '../core/access.js';
import { AppError } from '../core/errors.js';
import { type AppInstance, routeErrors } from '../core/http.js';
import { registerDeleteRoute } from '../core/routes.js';
import { fileTooLargeError, sendFile } from '../files/files.service.js';
import * as service from './worklog.service.js';

/** Attachments arrive as raw bytes (the type is found in them); the name in `?name=`. */
export const UPLOAD_MIME = 'application/octet-stream';
const zFileParams = z.object({ id: zId, fileId: zId });
const zUploadQuery = z.object({ name: z.string().trim().min(1).max(255) });

export function registerWorklogRoutes(app: AppInstance): void {
  const tags = ['worklog'];
  app.addContentTypeParser(
    UPLOAD_MIME,
    { parseAs: 'buffer', bodyLimit: FILE_MAX_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.get(
    '/api/worklog',
    {
      config: { action: 'worklog.read' },
      schema: {
        tags,
        summary: '工作纪实列表',
        querystring: zWorklogListQuery,
        response: { 200: zWorklogPage },
      },
    },
    async (request) => service.list(app.ctx, actorOf(request), request.query),
  );
  app.get(
    '/api/worklog/search',
    {
      config: { action: 'worklog.read' },
      schema: {
        tags,
        summary: '工作纪实全文检索（至少 2 个字；按相关度排序，标出命中）',
        querystring: zWorklogSearchQuery,
        response: { 200: zWorklogHits },
      },
    },
    async (request) => service.search(app.ctx, actorOf(request), request.query),
  );
  app.get(
    '/api/worklog/postings',
    {
      config: { action: 'worklog.write' },
      schema: { tags, summary: '可记工作纪实的在岗挂职（本人）', response: { 200: zWorklogPostings } },
    },
    async (request) => service.postings(app.ctx, actorOf(request)),
  );
  app.get(
    '/api/worklog/:id',
    {
      config: { action: 'worklog.read' },
      schema: { tags, summary: '工作纪实详情', params: zIdParams, response: { 200: zWorklogEntry } },
    },
    async (request) => service.get(app.ctx, actorOf(request), request.params.id),
  );
  app.post(
    '/api/worklog',
    {
      config: { action: 'worklog.write' },
      schema: { tags, summary: '记一条工作纪实', body: zWorklogInput, response: { 200: zWorklogEntry } },
    },
    async (request) => service.create(app.ctx, actorOf(request), request.body),
  );
  app.put(
    '/api/worklog/:id',
    {
      config: { action: 'worklog.write' },
      schema: {
        tags,
        summary: '修改工作纪实',
        params: zIdParams,
        body: zWorklogUpdate,
        response: { 200: zWorklogEntry },
      },
    },
    async (request) => service.update(app.ctx, actorOf(request), request.params.id, request.body),
  );
  registerDeleteRoute(app, {
    base: '/api/worklog',
    tags,
    action: 'worklog.write',
    summary: '删除工作纪实（连同附件）',
    remove: (actor, id, version) => service.remove(app.ctx, actor, id, version),
  });
  app.post(
    '/api/worklog/:id/attachments',
    {
      config: { action: 'worklog.write' },
      bodyLimit: FILE_MAX_BYTES,
      errorHandler: routeErrors(fileTooLargeError),
      schema: {
        tags,
        summary: `上传附件（图片、PDF、Word，≤ ${FILE_LIMIT}；按内容判断类型）`,
        params: zIdParams,
        querystring: zUploadQuery,
        response: { 200: zWorklogEntry },
      },
    },
    async (request) => {
      const body = request.body as unknown;
      if (!Buffer.isBuffer(body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      return service.attach(app.ctx, actorOf(request), request.params.id, request.query.name, body);
    },
  );
  app.delete(
    '/api/worklog/:id/attachments/:fileId',
    {
      config: { action: 'worklog.write' },
      schema: { tags, summary: '删除附件', params: zFileParams, response: { 200: zWorklogEntry } },
    },
    async (request) => service.detach(app.ctx, actorOf(request), request.params.id, request.params.fileId),
  );
  app.get(
    '/api/worklog/:id/attachments/:fileId',
    {
      config: { action: 'worklog.read' },
      schema: { tags, summary: '下载附件（原文件名，校验 SHA-256）', params: zFileParams },
    },
    async (request, reply) => {
      const { file, content } = await service.download(
        app.ctx,
        actorOf(request),
        request.params.id,
        request.params.fileId,
      );
      return sendFile(reply, file, content);
    },
  );
}
