import { zIdParams } from '../../common/http/ids.schema.js';
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
import type { AppInstance } from '../core/http.js';
import { registerDeleteRoute } from '../core/routes.js';
import { registerAttachmentRoutes } from '../files/files.routes.js';
import * as service from './worklog.service.js';

export function registerWorklogRoutes(app: AppInstance): void {
  const tags = ['worklog'];

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
  registerAttachmentRoutes(app, {
    base: '/api/worklog',
    tags,
    read: 'worklog.read',
    write: 'worklog.write',
    response: zWorklogEntry,
    summaries: { upload: '上传附件', remove: '删除附件', download: '下载附件（原文件名，校验 SHA-256）' },
    attach: (actor, id, name, content) => service.attach(app.ctx, actor, id, name, content),
    detach: (actor, id, fileId) => service.detach(app.ctx, actor, id, fileId),
    download: (actor, id, fileId) => service.download(app.ctx, actor, id, fileId),
  });
}
