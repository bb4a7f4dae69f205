import type { FastifyReply } from 'fastify';
import {
  IMPORT_MAX_BYTES,
  XLSX_MIME,
  zCadreExportQuery,
  zImportCommit,
  zImportParams,
  zImportPreview,
  zImportQuery,
  zImportState,
  zUnitExportQuery,
} from '../../common/excel/excel.schema.js';
import { zOk } from '../../common/http/bodies.schema.js';
import { formatBytes } from '../../common/http/size.js';
import { t } from '../../common/i18n/index.js';
import { actorOf } from '../core/access.js';
import { AppError } from '../core/errors.js';
import { type AppInstance, routeErrors } from '../core/http.js';
import * as exports from './excel.export.js';
import { IMPORT_KIND_MODULES } from './excel.kinds.js';
import * as service from './excel.service.js';
import { badFile } from './excel.zip.js';

/** `attachment` with the Chinese name for browsers (RFC 6266) and an ASCII fallback. */
function download(reply: FastifyReply, name: { zh: string; ascii: string }, content: Buffer) {
  return reply
    .type(XLSX_MIME)
    .header(
      'content-disposition',
      `attachment; filename="${name.ascii}"; filename*=UTF-8''${encodeURIComponent(name.zh)}`,
    )
    .send(content);
}

/** An upload over the cap is a 413 that names this route's own limit (the app-wide one is 1 MB). */
const uploadErrors = routeErrors(
  () => new AppError('PAYLOAD_TOO_LARGE', { params: { limit: formatBytes(IMPORT_MAX_BYTES) } }),
);

export function registerExcelRoutes(app: AppInstance): void {
  const tags = ['excel'];
  // Workbooks arrive as raw bytes; what they really are is checked by their content.
  app.addContentTypeParser(
    XLSX_MIME,
    { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES },
    (_req, body, done) => done(null, body),
  );

  // per kind, under the kind's action: the access hook computes the scope the kind needs
  for (const module of Object.values(IMPORT_KIND_MODULES)) {
    const { kind, action } = module;
    const what = t(`excel.sheet.${kind}`);
    app.get(
      `/api/excel/templates/${kind}`,
      { config: { action }, schema: { tags, summary: `下载${what}导入模板（.xlsx）` } },
      async (request, reply) => {
        const content = await service.template(app.ctx, actorOf(request), module);
        return download(
          reply,
          { zh: `${t(`excel.template.${kind}`)}.xlsx`, ascii: `template-${kind}.xlsx` },
          content,
        );
      },
    );

    app.post(
      `/api/excel/imports/${kind}`,
      {
        config: { action },
        bodyLimit: IMPORT_MAX_BYTES,
        errorHandler: uploadErrors,
        schema: {
          tags,
          summary: `导入${what}：上传并预览`,
          querystring: zImportQuery,
          response: { 200: zImportPreview },
        },
      },
      async (request) => {
        const body = request.body as unknown;
        if (body === undefined || body === null) throw badFile('excel.file.empty');
        if (!Buffer.isBuffer(body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
        return service.preview(app.ctx, actorOf(request), module, request.query.mode, body);
      },
    );

    app.post(
      `/api/excel/imports/${kind}/:id/commit`,
      {
        config: { action },
        schema: {
          tags,
          summary: `确认导入${what}（全部成功或全部不保存）`,
          params: zImportParams,
          response: { 200: zImportCommit },
        },
      },
      async (request) => service.commit(app.ctx, actorOf(request), module, request.params.id),
    );
  }

  app.get(
    '/api/excel/imports/:id',
    {
      config: { action: 'imports.manage' },
      schema: { tags, summary: '导入的状态', params: zImportParams, response: { 200: zImportState } },
    },
    async (request) => service.state(app.ctx, actorOf(request), request.params.id),
  );

  app.delete(
    '/api/excel/imports/:id',
    {
      config: { action: 'imports.manage' },
      schema: { tags, summary: '放弃导入', params: zImportParams, response: { 200: zOk } },
    },
    async (request) => {
      await service.discard(app.ctx, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/excel/exports/cadres',
    {
      config: { action: 'excel.exportCadres' },
      schema: { tags, summary: '导出干部名册（.xlsx，默认脱敏）', querystring: zCadreExportQuery },
    },
    async (request, reply) => {
      const file = await exports.exportCadres(app.ctx, actorOf(request), request.query);
      return download(reply, { zh: file.name, ascii: 'cadres.xlsx' }, file.content);
    },
  );

  app.get(
    '/api/excel/exports/units',
    {
      config: { action: 'excel.exportUnits' },
      schema: { tags, summary: '导出单位名册（.xlsx）', querystring: zUnitExportQuery },
    },
    async (request, reply) => {
      const file = await exports.exportUnits(app.ctx, actorOf(request), request.query);
      return download(reply, { zh: file.name, ascii: 'units.xlsx' }, file.content);
    },
  );
}
