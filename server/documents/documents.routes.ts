import { createReadStream } from 'node:fs';
import type { FastifyReply } from 'fastify';
import {
  zArchiveList,
  zArchiveQuery,
  zDocumentBatch,
  zDocumentBatchInput,
  zDocumentBatchList,
  zDocumentBatchListQuery,
  zDocumentSettings,
  zDocumentSettingsInput,
  zDocumentSettingsParams,
  zDocumentSettingsQuery,
  zDocumentsStatus,
  zLeaveFormQuery,
  zNoticeParts,
  zNoticeQuery,
  zRunIdParams,
} from '../../common/documents/documents.schema.js';
import { XLSX_MIME } from '../../common/excel/excel.schema.js';
import { zIdParams } from '../../common/http/ids.schema.js';
import { actorOf } from '../core/access.js';
import { stopRuns } from '../core/background-runs.js';
import type { AppInstance } from '../core/http.js';
import { contentDisposition } from '../files/files.service.js';
import * as archive from './documents.archive.js';
import * as batches from './documents.batch.js';
import * as service from './documents.service.js';

const ZIP_MIME = 'application/zip';

/** A file (.docx, .xlsx) as an attachment with its Chinese name in filename*, a page image inline, or the preview's page count as JSON. */
export function sendDocument(reply: FastifyReply, a: service.DocumentAnswer) {
  if (a.kind === 'preview') return reply.send(a.preview);
  const ascii =
    a.mime === service.DOCX_MIME
      ? 'document.docx'
      : a.mime === XLSX_MIME
        ? 'table.xlsx'
        : a.mime === ZIP_MIME
          ? 'archive.zip'
          : 'page.png';
  return reply
    .type(a.mime)
    .header('cache-control', 'no-store')
    .header(
      'content-disposition',
      `${ascii === 'page.png' ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(a.name)}`,
    )
    .send(a.content);
}

const formats = '（format=docx 下载；preview 转换并返回页数；page&page=N 第 N 页 PNG）';

export function registerDocumentsRoutes(app: AppInstance): void {
  const tags = ['documents'];
  app.get(
    '/api/documents/status',
    {
      config: { action: 'documents.status' },
      schema: { tags, summary: '服务器能否预览公文（LibreOffice）', response: { 200: zDocumentsStatus } },
    },
    async () => service.status(),
  );
  app.get(
    '/api/documents/settings',
    {
      config: { action: 'documents.settingsRead' },
      schema: {
        tags,
        summary: '本组织部的版头与版记设置',
        querystring: zDocumentSettingsQuery,
        response: { 200: zDocumentSettings },
      },
    },
    async (request) => service.getSettings(app.ctx, actorOf(request), request.query.regionCode),
  );
  app.put(
    '/api/documents/settings/:regionCode',
    {
      config: { action: 'documents.settingsUpdate' },
      schema: {
        tags,
        summary: '保存本组织部的版头与版记设置',
        params: zDocumentSettingsParams,
        body: zDocumentSettingsInput,
        response: { 200: zDocumentSettings },
      },
    },
    async (request) =>
      service.saveSettings(app.ctx, actorOf(request), request.params.regionCode, request.body),
  );
  app.get(
    '/api/documents/posting-notice/:runId/parts',
    {
      config: { action: 'documents.notice' },
      schema: {
        tags,
        summary: '挂职任职通知可按接收地区分份：各地区及人数',
        params: zRunIdParams,
        response: { 200: zNoticeParts },
      },
    },
    async (request) => service.noticeParts(app.ctx, actorOf(request), request.params.runId),
  );
  app.get(
    '/api/documents/posting-notice/:runId',
    {
      config: { action: 'documents.notice' },
      schema: {
        tags,
        summary: `挂职任职通知（整批或 region=某接收地区）${formats}`,
        params: zRunIdParams,
        querystring: zNoticeQuery,
      },
    },
    async (request, reply) =>
      sendDocument(
        reply,
        await service.postingNoticeDocument(app.ctx, actorOf(request), request.params.runId, request.query),
      ),
  );
  app.get(
    '/api/documents/leave-form/:id',
    {
      config: { action: 'documents.leaveForm' },
      schema: {
        tags,
        summary: `请（销）假审批表${formats}`,
        params: zIdParams,
        querystring: zLeaveFormQuery,
      },
    },
    async (request, reply) =>
      sendDocument(
        reply,
        await service.leaveFormDocument(app.ctx, actorOf(request), request.params.id, request.query),
      ),
  );
  // the posting's archive list (归档目录, issue 14 line 8)
  app.get(
    '/api/documents/archive/:id',
    {
      config: { action: 'documents.archive' },
      schema: {
        tags,
        summary:
          '挂职的归档目录：通知、已签收的月度报告、请（销）假审批表、考核登记表（pages=true 统计页数）',
        params: zIdParams,
        querystring: zArchiveQuery,
        response: { 200: zArchiveList },
      },
    },
    async (request) => archive.archiveList(app.ctx, actorOf(request), request.params.id, request.query.pages),
  );
  app.get(
    '/api/documents/archive/:id/catalogue',
    {
      config: { action: 'documents.archive' },
      schema: { tags, summary: '归档目录（.docx 表格，含日期与页数）', params: zIdParams },
    },
    async (request, reply) =>
      sendDocument(reply, await archive.archiveCatalogue(app.ctx, actorOf(request), request.params.id)),
  );
  app.get(
    '/api/documents/archive/:id/zip',
    {
      config: { action: 'documents.archive' },
      schema: { tags, summary: '归档文件打包下载（.zip，文件名同目录）', params: zIdParams },
    },
    async (request, reply) =>
      sendDocument(reply, await archive.archiveZip(app.ctx, actorOf(request), request.params.id)),
  );
  registerBatchRoutes(app);
}

/** Batch generation into one .zip (ADR 040): start, list, progress, cancel, download. */
function registerBatchRoutes(app: AppInstance): void {
  const tags = ['documents'];
  const config = { action: 'documents.batch' } as const;
  app.addHook('onClose', async () => stopRuns(app.ctx));
  app.addHook('onReady', async () => {
    await batches
      .failStaleBatches(app.ctx)
      .catch((error: unknown) => app.log.warn({ error }, 'stale document batches'));
  });
  app.post(
    '/api/documents/batches',
    {
      config,
      schema: {
        tags,
        summary: '批量生成公文（整批的月度情况报送或某月的请假审批表）为一个 .zip，后台进行',
        body: zDocumentBatchInput,
        response: { 200: zDocumentBatch },
      },
    },
    async (request) => batches.startBatch(app.ctx, actorOf(request), request.body),
  );
  app.get(
    '/api/documents/batches',
    {
      config,
      schema: {
        tags,
        summary: '某批次最近的批量生成任务',
        querystring: zDocumentBatchListQuery,
        response: { 200: zDocumentBatchList },
      },
    },
    async (request) => batches.listBatches(app.ctx, actorOf(request), request.query.batchId),
  );
  app.get(
    '/api/documents/batches/:id',
    {
      config,
      schema: {
        tags,
        summary: '批量生成的进度（已完成/总数）',
        params: zIdParams,
        response: { 200: zDocumentBatch },
      },
    },
    async (request) => batches.getBatch(app.ctx, actorOf(request), request.params.id),
  );
  app.post(
    '/api/documents/batches/:id/cancel',
    {
      config,
      schema: { tags, summary: '取消批量生成', params: zIdParams, response: { 200: zDocumentBatch } },
    },
    async (request) => batches.cancelBatch(app.ctx, actorOf(request), request.params.id),
  );
  app.get(
    '/api/documents/batches/:id/download',
    { config, schema: { tags, summary: '下载批量生成的 .zip', params: zIdParams } },
    async (request, reply) => {
      const z = await batches.downloadBatch(app.ctx, actorOf(request), request.params.id);
      return reply
        .type('application/zip')
        .header('content-length', z.size)
        .header('content-disposition', contentDisposition(z.name))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(createReadStream(z.file));
    },
  );
}
