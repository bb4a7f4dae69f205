import type { FastifyReply } from 'fastify';
import {
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
import type { AppInstance } from '../core/http.js';
import * as service from './documents.service.js';

/** A file (.docx, .xlsx) as an attachment with its Chinese name in filename*, a page image inline, or the preview's page count as JSON. */
export function sendDocument(reply: FastifyReply, a: service.DocumentAnswer) {
  if (a.kind === 'preview') return reply.send(a.preview);
  const ascii =
    a.mime === service.DOCX_MIME ? 'document.docx' : a.mime === XLSX_MIME ? 'table.xlsx' : 'page.png';
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
}
